// Signs in as the operator and checks the cockpit in Debian's Chromium: map idle with device clusters, KPI cards
// filled, Chinese text on the page, a live alarm; then switches every map layer off and on again (each switch must
// show in the map's style, with features where the demo data has some, and its interaction latency is printed),
// and looks at the cockpit at 3840×2160 as on 1920×1080. Screenshots go to the given directory.
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
let layerToggles = [];
let bigScreen = null;

/** The MapLibre layer a cockpit layer must put in the style (thematic ones: any drawing of `layer-<id>-…`). */
function styleLayerOf(id) {
  const fixed = {
    divisions: 'towns-fill', grids: 'grids-line', roads: 'roads-line', devices: 'devices-clusters', alarms: 'alarms-circle',
    casesHeat: 'cases-heat', casesPoints: 'cases-points', pois: 'pois-circle',
  };
  return fixed[id] ?? `layer-${id.slice('theme:'.length)}-`;
}

/** Waits one presented frame, then returns the slowest input event since {@code from} (the switch is keyboard-driven). */
async function slowestEventSince(page, from) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  return page.evaluate((t0) => Math.max(0, ...window.__events
    .filter((e) => e.start >= t0 && ['keydown', 'keyup', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'input', 'change'].includes(e.name))
    .map((e) => e.duration)), from);
}

/**
 * Every layer of the panel switched to the other state and back. On: its row says ready and the style shows its
 * layer; off: the style no longer does. Layers the demo data always fills must have features.
 */
async function toggleEveryLayer(page, failures) {
  const mustHaveFeatures = new Set(['divisions', 'grids', 'roads', 'devices']);
  if (process.env.COCKPIT_DEVICE_TOKEN) mustHaveFeatures.add('alarms');
  // The catalogue's layers join the panel once the map has settled.
  await page.locator('[data-testid="layer-panel"][data-catalogue="ready"]').waitFor({ timeout: 15_000 });
  const ids = await page.locator('[data-testid="layer-panel"] li').evaluateAll((lis) => lis.map((li) => li.dataset.layer));
  const results = [];
  for (const id of ids) {
    const row = page.locator(`[data-testid="layer-panel"] li[data-layer="${id}"]`);
    const box = row.locator('input[type="checkbox"]');
    const wasOn = await box.isChecked();
    const result = { layer: id, features: null, maxEventMs: [] };
    for (const on of wasOn ? [false, true] : [true, false]) {
      const from = await page.evaluate(() => performance.now());
      await box.press('Space');
      const wanted = on ? '[data-state="ready"], [data-state="error"]' : '[data-state="off"]';
      await page.locator(`[data-testid="layer-panel"] li[data-layer="${id}"]`).and(page.locator(wanted)).waitFor({ timeout: 20_000 });
      result.maxEventMs.push(await slowestEventSince(page, from));
      const state = await row.getAttribute('data-state');
      const style = (await page.getByTestId('map').getAttribute('data-style-layers')).split(' ');
      const drawn = style.some((l) => l === styleLayerOf(id) || (id.startsWith('theme:') && l.startsWith(styleLayerOf(id))));
      if (on) {
        result.features = Number(await row.getAttribute('data-features'));
        if (state !== 'ready') failures.push(`layer ${id} did not load (${state})`);
        if (!drawn) failures.push(`layer ${id} is on but not in the map's style: ${style.join(' ')}`);
        if (mustHaveFeatures.has(id) && !(result.features > 0)) failures.push(`layer ${id} drew no features`);
      } else if (drawn) {
        failures.push(`layer ${id} is off but still in the map's style`);
      }
    }
    results.push(result);
  }
  return results;
}

/** The cockpit at 3840×2160 and back at 1920×1080: nothing overflows, and the 4K text is large, none tiny. */
async function lookAtBothSizes(page, failures) {
  const measure = () => page.evaluate(() => {
    const sizes = [...document.querySelectorAll('main.cockpit *')]
      .filter((el) => el.childNodes.length && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => parseFloat(getComputedStyle(el).fontSize));
    const kpi = document.querySelector('[data-testid="kpi-devices"] strong');
    return {
      smallestTextPx: Math.min(...sizes),
      kpiPx: parseFloat(getComputedStyle(kpi).fontSize),
      overflowX: document.documentElement.scrollWidth > window.innerWidth,
    };
  });
  const full = await measure();
  const settle = async () => {
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-testid="map"] canvas');
      const m = document.querySelector('[data-testid="map"]');
      return c && Math.abs(c.getBoundingClientRect().width - m.getBoundingClientRect().width) < 2;
    }, null, { timeout: 15_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  };
  await page.setViewportSize({ width: 3840, height: 2160 });
  await settle();
  const big = await measure();
  await page.screenshot({ path: join(shots, '06-cockpit-4k.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await settle();
  await page.screenshot({ path: join(shots, '07-cockpit-1080.png') });
  const back = await measure();
  if (full.overflowX || big.overflowX || back.overflowX) failures.push('the cockpit scrolls sideways at one of its sizes');
  if (!(big.kpiPx >= full.kpiPx * 1.8)) failures.push(`4K text does not grow: KPI ${full.kpiPx}px → ${big.kpiPx}px`);
  if (!(big.smallestTextPx >= 18)) failures.push(`tiny text at 4K: ${big.smallestTextPx}px`);
  if (back.kpiPx !== full.kpiPx) failures.push(`1080p text changed after 4K: ${full.kpiPx}px → ${back.kpiPx}px`);
  return { at1080: full, at2160: big };
}

try {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  // Event timing of every interaction (durations are reported only from 16 ms up; none means faster).
  await context.addInitScript(() => {
    window.__events = [];
    new PerformanceObserver((list) => window.__events.push(...list.getEntries().map((e) => ({
      name: e.name, start: e.startTime, duration: e.duration,
    })))).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  });
  const page = await context.newPage();
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
  // The menu follows permissions: an operator reads users (USER_READ) but not the audit log (an auditor's).
  if (!menu.includes('告警中心') || !menu.includes('用户管理') || menu.includes('审计日志')) {
    failures.push(`operator's menu is wrong: ${menu}`);
  }

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

  layerToggles = await toggleEveryLayer(page, failures);
  await page.screenshot({ path: join(shots, '05-cockpit-layers.png') });
  bigScreen = await lookAtBothSizes(page, failures);

  // English switch: the same cockpit, other words.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByText('Devices online').waitFor({ timeout: 5_000 });
  await page.screenshot({ path: join(shots, '04-cockpit-en.png') });
  const slowestToggleMs = Math.max(0, ...layerToggles.flatMap((l) => l.maxEventMs));
  console.log(JSON.stringify({
    signInToIdleMs: elapsed, clusters, devicesOnline: devices, registered, liveMs, slowestToggleMs, layerToggles, bigScreen,
  }));
} catch (e) {
  failures.push(String(e));
} finally {
  await browser.close();
}
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
