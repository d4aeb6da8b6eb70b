// The rules page and the map tools in Debian's Chromium, as the operator: a rule from a template, a bad condition
// shown with its position, fixed, dry-run on the map and saved; then a place search, a map click telling the
// division and grid, and a layer switched on. Asserts the bundled CJK font rendered the page.
// Usage: RULES_DEVICE=<device id> MAP_QUERY=<words> node e2e/rules-map.mjs <baseUrl> <screenshotDir>
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, shots] = process.argv.slice(2);
const device = process.env.RULES_DEVICE;
const query = process.env.MAP_QUERY;
if (!baseUrl || !shots || !device || !query) {
  console.error('usage: RULES_DEVICE=<id> MAP_QUERY=<words> node e2e/rules-map.mjs <baseUrl> <screenshotDir>');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader',
  ],
});
const failures = [];
const timings = {};
const outside = [];
const started = Date.now();
const lap = (name) => (timings[name] = Date.now() - started);
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    console.error(`console: ${m.text().slice(0, 300)}`);
    // A font or glyph the server's Content-Security-Policy refused would leave text in another font.
    if (m.text().includes('Content Security Policy')) failures.push(`CSP refused something: ${m.text().slice(0, 200)}`);
  });
  // Everything the page loads must come from CityOS itself: fonts and map glyphs included.
  page.on('request', (r) => {
    if (!r.url().startsWith(baseUrl) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) outside.push(r.url());
  });

  await page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('用户名').fill('operator');
  await page.getByLabel('密码').fill('CityOS-demo-2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('header nav a', { hasText: '告警规则' }).click();
  await page.getByTestId('rule-list').waitFor({ timeout: 15_000 });
  lap('rulesPage');

  // A rule from the waterlogging template, narrowed to the test's gauge, with a broken condition first.
  await page.locator('#rule-template').selectOption('waterlogging');
  await page.getByRole('button', { name: '从模板创建' }).click();
  const editor = page.getByTestId('rule-editor');
  await editor.waitFor();
  await page.locator('#rule-name').fill('积水超过30厘米（浏览器测试）');
  await page.locator('#rule-devices').fill(device);
  await page.screenshot({ path: join(shots, 'rules-01-template.png') });
  await page.locator('#rule-condition').fill('currentLevel >> 0.3');
  await editor.getByRole('button', { name: '检查' }).click();
  const issue = page.locator('#rule-condition-issues .field-issue');
  await issue.first().waitFor({ timeout: 10_000 });
  const issueText = await issue.first().innerText();
  const column = await issue.first().getAttribute('data-column');
  if (!/第 1 行/.test(issueText) || !column) failures.push(`the condition's problem has no position: "${issueText}"`);
  if (!(await page.locator('#rule-condition-issues .caret').isVisible())) failures.push('no caret under the bad condition');
  if ((await page.locator('#rule-condition').getAttribute('aria-invalid')) !== 'true') failures.push('the bad field is not marked invalid');
  await page.screenshot({ path: join(shots, 'rules-02-invalid.png') });
  lap('invalidShown');

  await page.locator('#rule-condition').fill('currentLevel > 0.3');
  await editor.getByRole('button', { name: '检查' }).click();
  await page.getByText('检查通过，可以保存。').waitFor({ timeout: 10_000 });
  if (await issue.count()) failures.push('the fixed condition still shows a problem');

  await page.getByTestId('dry-run').click();
  const dryMap = page.getByTestId('dry-run-map');
  await dryMap.and(page.locator('[data-state="idle"]')).waitFor({ timeout: 30_000 });
  const dryRunAlarms = Number(await page.getByTestId('dry-run-result').getAttribute('data-alarms'));
  const dryRunPoints = Number(await dryMap.getAttribute('data-points'));
  if (!(dryRunAlarms >= 1)) failures.push(`the dry run found no alarm (${dryRunAlarms})`);
  if (!(dryRunPoints >= 1)) failures.push(`the dry run put no point on the map (${dryRunPoints})`);
  if (!(await page.getByTestId('dry-run-result').innerText()).includes(device)) failures.push('the dry-run list lacks the gauge');
  await dryMap.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'rules-03-dry-run.png') });
  lap('dryRunOnMap');

  await editor.getByRole('button', { name: '保存' }).click();
  await page.getByText('已保存规则').waitFor({ timeout: 10_000 });
  await page.getByTestId('rule-list').getByText('积水超过30厘米（浏览器测试）').waitFor({ timeout: 10_000 });
  await page.screenshot({ path: join(shots, 'rules-04-saved.png') });
  lap('saved');

  // Map tools: search, then the point panel, then a layer.
  await page.locator('header nav a', { hasText: '地图工具' }).click();
  const toolsMap = page.getByTestId('tools-map');
  await toolsMap.and(page.locator('[data-state="idle"]')).waitFor({ timeout: 30_000 });
  await page.getByLabel('搜索地址或兴趣点').fill(query);
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  const results = page.getByTestId('place-results').locator('li');
  await results.first().waitFor({ timeout: 15_000 });
  const hits = await results.count();
  if (!(await results.first().innerText()).includes(query)) failures.push(`the first hit is not "${query}"`);
  await page.screenshot({ path: join(shots, 'map-01-search.png') });
  lap('searched');

  await results.first().getByRole('button').click();
  const info = page.getByTestId('point-info');
  await info.locator('dd').nth(1).waitFor({ timeout: 15_000 });
  // Then a click on the map itself, where the hit now sits in the middle.
  const box = await toolsMap.boundingBox();
  await page.mouse.click(box.x + box.width / 2 + 3, box.y + box.height / 2 + 3);
  await page.waitForFunction(() => document.querySelector('[data-testid="point-info"]')?.getAttribute('data-grid'), null, { timeout: 15_000 });
  const grid = await info.getAttribute('data-grid');
  const infoText = await info.innerText();
  if (!/街道|镇|地区办事处|乡/.test(infoText)) failures.push(`the point panel names no town: ${infoText}`);
  await page.screenshot({ path: join(shots, 'map-02-point.png') });
  lap('pointInfo');

  const layer = page.getByTestId('layer-list').locator('li').first();
  await layer.waitFor({ timeout: 10_000 });
  await layer.getByRole('checkbox').check();
  await layer.getByText(/当前视野显示 \d+/).waitFor({ timeout: 15_000 });
  const layerText = await layer.innerText();

  // The bundled font, not the machine's, drew the Chinese.
  const font = await page.evaluate(async () => {
    await document.fonts.ready;
    const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Noto Sans SC');
    return { faces: faces.length, loaded: faces.filter((f) => f.status === 'loaded').length, check: document.fonts.check('16px "Noto Sans SC"', '地图工具') };
  });
  if (!(font.loaded > 0) || !font.check) failures.push(`the bundled CJK font did not load: ${JSON.stringify(font)}`);
  const bodyFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  if (!bodyFont.includes('Noto Sans SC')) failures.push(`the page does not use the bundled font: ${bodyFont}`);

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByText('Map tools').first().waitFor({ timeout: 5_000 });
  await page.screenshot({ path: join(shots, 'map-03-layer-en.png') });
  lap('done');
  if (outside.length) failures.push(`requests left CityOS: ${outside.slice(0, 5).join(', ')}`);
  console.log(JSON.stringify({ dryRunAlarms, dryRunPoints, hits, grid, layer: layerText.replace(/\s+/g, ' '), font, timings }));
} catch (e) {
  failures.push(String(e));
} finally {
  await browser.close();
}
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
