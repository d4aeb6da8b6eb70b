// Signs in as the operator and checks the cockpit in Debian's Chromium: map idle with device clusters, KPI cards
// filled, Chinese text on the page; screenshots go to the given directory.
// Usage: node e2e/cockpit.mjs <baseUrl> <screenshotDir>
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, shots] = process.argv.slice(2);
if (!baseUrl || !shots) {
  console.error('usage: node e2e/cockpit.mjs <baseUrl> <screenshotDir>');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
    // WebGL for MapLibre in software: without a GPU Chromium only offers SwiftShader when asked.
    '--enable-unsafe-swiftshader',
  ],
});
const failures = [];
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`console: ${m.text()}`));

  await page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('用户名').fill('operator');
  await page.getByLabel('密码').fill('CityOS-demo-2026');
  await page.screenshot({ path: join(shots, '01-sign-in.png') });
  const started = Date.now();
  await page.getByRole('button', { name: '登录' }).click();

  const map = page.getByTestId('map');
  await map.and(page.locator('[data-state="idle"]')).waitFor({ timeout: 30_000 });
  await page.locator('.kpis[data-filled="true"]').waitFor({ timeout: 30_000 });
  const elapsed = Date.now() - started;
  const clusters = Number(await map.getAttribute('data-clusters'));
  const devices = await page.getByTestId('kpi-devices').locator('strong').innerText();
  const registered = await page.getByTestId('kpi-devices').locator('small').innerText();
  const text = await page.locator('body').innerText();
  await page.screenshot({ path: join(shots, '02-cockpit.png') });

  if (!(clusters > 0)) failures.push(`no device clusters on the map (data-clusters=${clusters})`);
  if (!/^\d[\d,]*$/.test(devices.trim())) failures.push(`devices card not filled: "${devices}"`);
  if (!(Number(/共 ([\d,]+) 台/.exec(registered)?.[1]?.replace(/,/g, '')) > 0)) {
    failures.push(`devices card counts no registered devices: "${registered}"`);
  }
  for (const words of ['城市运行', '在线设备', '今日告警', '在办案件']) {
    if (!text.includes(words)) failures.push(`page lacks "${words}"`);
  }
  const menu = await page.locator('header nav a').allInnerTexts();
  if (!menu.includes('告警中心') || menu.includes('用户管理')) failures.push(`operator's menu is wrong: ${menu}`);

  // A live alarm: the caller hands over a device token whose next reading crosses an enabled rule's threshold.
  let liveMs = null;
  if (process.env.COCKPIT_DEVICE_TOKEN) {
    const sent = Date.now();
    const r = await fetch(new URL('/api/ingest/telemetry', baseUrl), {
      method: 'POST',
      headers: { Authorization: `Bearer ${process.env.COCKPIT_DEVICE_TOKEN}`, 'Content-Type': 'application/json' },
      body: process.env.COCKPIT_READING ?? '{}',
    });
    if (r.status !== 200) failures.push(`telemetry refused: ${r.status} ${await r.text()}`);
    await page.locator('.live').filter({ hasText: /新告警：积水/ }).waitFor({ timeout: 15_000 });
    liveMs = Date.now() - sent;
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid="kpi-alarms"] strong')].some((s) => s.textContent.trim() !== '0'),
      null,
      { timeout: 15_000 },
    );
    await page.screenshot({ path: join(shots, '03-live-alarm.png') });
  }

  // English switch: the same cockpit, other words.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByText('Devices online').waitFor({ timeout: 5_000 });
  await page.screenshot({ path: join(shots, '04-cockpit-en.png') });
  console.log(JSON.stringify({ signInToIdleMs: elapsed, clusters, devicesOnline: devices, registered, liveMs }));
} catch (e) {
  failures.push(String(e));
} finally {
  await browser.close();
}
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
