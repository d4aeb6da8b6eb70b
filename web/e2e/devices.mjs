// The device pages in Debian's Chromium, as the data steward: the registry filtered to one light pole, the map of
// the filtered devices, the pole's page with a telemetry chart drawn, a command sent (a bad JSON first, refused on
// the page) whose status changes when the device replies, a CSV import with one bad row and its row error, the
// inventory, the English switch, and the operator (a reader) offered neither import nor commands. Screenshots go
// to the given directory; timings are printed as JSON.
// Usage: node e2e/devices.mjs <baseUrl> <screenshotDir>
// Environment: DEV_ID, DEV_SERIAL, DEV_TOKEN (the pole, its serial and credential), DEV_CSV (a file to import).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, shots] = process.argv.slice(2);
const env = (name) => {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
};
if (!baseUrl || !shots) {
  console.error('usage: node e2e/devices.mjs <baseUrl> <screenshotDir>');
  process.exit(2);
}
const device = env('DEV_ID');
const serial = env('DEV_SERIAL');
const token = env('DEV_TOKEN');
const csv = env('DEV_CSV');
mkdirSync(shots, { recursive: true });

const T = 20_000;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader',
  ],
});
const failures = [];
const timings = {};
const shot = (page, name) => page.screenshot({ path: join(shots, name) });
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`console: ${m.text()}`));

  await page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('用户名').fill('steward');
  await page.getByLabel('密码').fill('CityOS-demo-2026');
  let started = Date.now();
  await page.getByRole('button', { name: '登录' }).click();
  // The steward's first menu item is the device registry.
  await page.locator('[data-testid="device-list"] tbody tr').first().waitFor({ timeout: T });
  timings.signInToListMs = Date.now() - started;
  for (const words of ['设备管理', '设备台账', '设备底数', '批量导入', '权属部门']) {
    if (!(await page.locator('body').innerText()).includes(words)) failures.push(`registry lacks "${words}"`);
  }

  // 1. Filter: the light-pole type, then the pole's serial in the search box.
  started = Date.now();
  await page.locator('select[name="type"] option[value="smart-light-pole"]').waitFor({ state: 'attached', timeout: T });
  await page.locator('select[name="type"]').selectOption('smart-light-pole');
  await page.locator('input[name="q"]').fill(serial);
  const row = page.locator(`[data-testid="device-list"] tr[data-device="${device}"]`);
  await row.waitFor({ timeout: T });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="device-list"] tbody tr').length === 1, null, { timeout: T });
  timings.filterMs = Date.now() - started;
  // Keyboard: focus the row's link and open it with Enter later; the arrow keys stay within the list.
  await row.locator('a').focus();
  await page.keyboard.press('ArrowDown');
  if (!(await row.locator('a').evaluate((a) => a === document.activeElement))) failures.push('focus left the one-row list');
  await shot(page, 'devices-01-registry.png');

  // 2. The map of the filtered devices.
  await page.getByRole('button', { name: '地图' }).click();
  const map = page.getByTestId('device-map');
  // The filtered list holds one device, so the map settles with exactly one point.
  await map.and(page.locator('[data-state="idle"][data-points="1"]')).waitFor({ timeout: T });
  await shot(page, 'devices-02-map.png');
  await page.getByRole('button', { name: '列表' }).click();

  // 3. The device page: attributes, gateway, and a chart drawn from the readings the test sent.
  started = Date.now();
  await row.locator('a').waitFor({ timeout: T });
  await row.locator('a').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('device-facts').waitFor({ timeout: T });
  const chart = page.locator('.telemetry-chart[data-property="powerConsumption"][data-state="drawn"]');
  await chart.waitFor({ timeout: T });
  timings.chartMs = Date.now() - started;
  const points = Number(await chart.getAttribute('data-points'));
  if (!(points > 0)) failures.push(`the powerConsumption chart drew ${points} points`);
  if ((await chart.locator('canvas').count()) === 0) failures.push('the chart has no canvas');
  if ((await page.getByTestId('device-parent').count()) !== 1) failures.push('the gateway is not linked');
  await page.getByRole('button', { name: '近 1 小时' }).click();
  await page.locator('.telemetry-chart[data-property="powerConsumption"][data-state="drawn"]').waitFor({ timeout: T });

  // 4. A command: refused on the page while its parameters are no JSON, then sent; the device's reply shows.
  await page.locator('select[name="command"]').selectOption('dim');
  await page.locator('textarea[name="params"]').fill('{level: 40');
  await page.getByRole('button', { name: '发送指令' }).click();
  await page.getByText('参数不是有效的 JSON。').waitFor({ timeout: T });
  await page.locator('textarea[name="params"]').fill('{"level": 40}');
  started = Date.now();
  await page.getByRole('button', { name: '发送指令' }).click();
  const command = page.locator('[data-testid="command-list"] tbody tr').first();
  // No MQTT session: the command waits for the device (or was handed to a broker).
  await command.filter({ hasText: /待下发|已下发/ }).waitFor({ timeout: T });
  const commandId = await command.getAttribute('data-command');
  const reply = await fetch(new URL(`/api/ingest/commands/${commandId}/reply`, baseUrl), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ok: true, result: '亮度 40%' }),
  });
  if (reply.status !== 204) failures.push(`the device's reply was refused: ${reply.status}`);
  await command.filter({ hasText: '已执行' }).waitFor({ timeout: T });
  timings.commandToAckMs = Date.now() - started;
  await page.screenshot({ path: join(shots, 'devices-03-device.png'), fullPage: true });

  // 5. Import: a CSV with one good and one bad row; the bad row's reason shows in Chinese.
  await page.goto(`${baseUrl}#/devices/import`);
  await page.locator('input[type="file"]').setInputFiles(csv);
  started = Date.now();
  await page.getByRole('button', { name: '开始导入' }).click();
  await page.locator('[data-testid="import-progress"][data-phase="done"]').waitFor({ timeout: T });
  timings.importMs = Date.now() - started;
  const issues = await page.locator('[data-testid="import-issues"] tbody tr').allInnerTexts();
  if (issues.length !== 1 || !/^2\s/.test(issues[0]) || !/[\u4e00-\u9fff]/.test(issues[0])) {
    failures.push(`import issues: ${JSON.stringify(issues)}`);
  }
  if ((await page.getByRole('link', { name: '下载错误报告（CSV）' }).count()) !== 1) failures.push('no error report link');
  await shot(page, 'devices-04-import.png');

  // 6. Inventory: counts by type × town, with its chart.
  await page.getByRole('tab', { name: '设备底数' }).click();
  await page.locator('[data-testid="inventory-chart"]:not([data-bars="0"])').waitFor({ timeout: T });
  const total = await page.getByTestId('inventory-total').innerText();
  if (!/共 [\d,]+ 台/.test(total)) failures.push(`inventory total reads "${total}"`);
  await shot(page, 'devices-05-inventory.png');

  // 7. English.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('tab', { name: 'Bulk import' }).waitFor({ timeout: 5_000 });
  await shot(page, 'devices-06-english.png');

  // 8. A reader (the operator holds DEVICE_READ only): the registry and the device page, no import, no commands.
  const reader = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
  reader.on('pageerror', (e) => failures.push(`reader page error: ${e.message}`));
  await reader.goto(baseUrl, { waitUntil: 'domcontentloaded' });
  await reader.getByLabel('用户名').fill('operator');
  await reader.getByLabel('密码').fill('CityOS-demo-2026');
  await reader.getByRole('button', { name: '登录' }).click();
  await reader.locator('header nav a', { hasText: '设备管理' }).click();
  await reader.locator('[data-testid="device-list"] tbody tr').first().waitFor({ timeout: T });
  const readerTabs = await reader.getByRole('tab').allInnerTexts();
  if (readerTabs.includes('批量导入')) failures.push(`the reader is offered the import: ${readerTabs}`);
  await reader.goto(`${baseUrl}#/device/${device}`);
  await reader.locator('[data-testid="command-list"]').waitFor({ timeout: T });
  if ((await reader.getByRole('button', { name: '发送指令' }).count()) !== 0) failures.push('the reader may send commands');
  console.log(JSON.stringify({ ...timings, points, commandId, issues }));
} catch (e) {
  failures.push(String(e));
} finally {
  await browser.close();
}
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
