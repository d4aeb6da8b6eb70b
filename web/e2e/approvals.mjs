// Approvals and co-handling in Debian's Chromium (issue 9, part 4): the city-management bureau signs a hotline case
// and asks for 3 more working days → the operator approves on #/approvals → the bureau's open case shows the later
// deadline without a reload → the bureau adds the water bureau as co-handler → the water bureau's inbox, open all
// along, shows the case by its live refresh (no reload) → the water bureau signs and replies its part. Screenshots
// of each step go to the given directory; the live figures (how long each change took to show) are printed.
// Usage: node e2e/approvals.mjs <baseUrl> <screenshotDir>
// Environment: AP_CASE (a case dispatched to dept:urban-management, not yet signed).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, shots] = process.argv.slice(2);
function fail(message) {
  console.error(message);
  process.exit(2);
}
if (!baseUrl || !shots) fail('usage: node e2e/approvals.mjs <baseUrl> <screenshotDir>');
const caseId = process.env.AP_CASE ?? fail('AP_CASE is not set');
mkdirSync(shots, { recursive: true });
const PASSWORD = 'CityOS-demo-2026';
const T = 30_000;

const started = Date.now();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-renderer-backgrounding',
    '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows',
  ],
});
const failures = [];
const figures = {};

async function user(name, hash) {
  // The district's own clock: deadlines read as its people read them.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.on('pageerror', (e) => failures.push(`${name}: page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`${name} console: ${m.text()}`));
  await page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('用户名').fill(name);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('header nav').waitFor({ timeout: T });
  await page.evaluate((h) => (location.hash = h), hash);
  return page;
}

async function shot(page, name) {
  await page.screenshot({ path: join(shots, name), fullPage: true });
}

async function expectText(page, words) {
  const text = await page.locator('body').innerText();
  for (const w of words) if (!text.includes(w)) failures.push(`page lacks "${w}" (${page.url()})`);
}

const detailIn = (page, status) => page.locator(`[data-testid="case-detail"][data-status="${status}"]`);

try {
  // The water bureau's inbox is open from the start; it has nothing of this case yet.
  const water = await user('dept-water', '#/cases');
  // An empty list has no height: wait for it to be there, and for its first answer (the empty-inbox words or rows).
  await water.getByTestId('inbox').waitFor({ state: 'attached', timeout: T });
  await water.locator('[data-testid="inbox"] li, .list-panel .empty').first().waitFor({ timeout: T });
  await water.evaluate(() => (window.__sameDocument = true));
  if (await water.locator(`[data-testid="inbox"] li[data-case="${caseId}"]`).count()) failures.push('the water bureau had the case before');

  // 1. The lead unit signs and asks for an extension.
  const urban = await user('dept-urban', `#/cases/${caseId}`);
  await urban.locator('[data-action="sign"]').click();
  await detailIn(urban, 'SIGNED').waitFor({ timeout: T });
  const resolution = urban.locator('[data-deadline="resolution"] time');
  const dueBefore = await resolution.innerText();
  await urban.locator('[data-action="extension"]').click();
  await urban.locator('.action-form input[name=days]').fill('3');
  await urban.locator('.action-form textarea').fill('需协调供水管线改造，申请延期');
  await urban.locator('.action-form button[type=submit]').click();
  await urban.locator('[data-testid="case-approvals"] li[data-status="PENDING"]').waitFor({ timeout: T });
  await expectText(urban, ['待办箱', '主办与协办', '审批记录', '延期 3 个工作日', '待审批', '申请延期']);
  await shot(urban, 'approvals-01-extension.png');

  // 2. The operator approves it on the approvals page.
  const operator = await user('operator', '#/approvals');
  const row = operator.locator(`[data-testid="approvals-pending"] tr[data-kind="extension"]`, {
    has: operator.locator(`a[href="#/case/${caseId}"]`),
  });
  await row.waitFor({ timeout: T });
  await expectText(operator, ['审批', '待审批', '延期', '申请单位', '审批时限', '同意', '不同意']);
  await row.locator('[data-decide="approve"]').click();
  const form = operator.getByTestId('decide-form');
  if ((await form.locator('input[name=days]').inputValue()) !== '3') failures.push('the grant does not default to the days asked');
  await form.locator('textarea[name=note]').fill('同意延期');
  await shot(operator, 'approvals-02-decide.png');
  const decidedAt = Date.now();
  await form.locator('button[type=submit]').click();
  const decided = operator.locator('[data-testid="approvals-decided"] tr[data-status="APPROVED"]', {
    has: operator.locator(`a[href="#/case/${caseId}"]`),
  });
  await decided.waitFor({ timeout: T });
  await expectText(operator, ['已审批', '已同意', '批准 3 个工作日', '同意延期']);
  await shot(operator, 'approvals-03-decided.png');

  // 3. The bureau's open case shows the later deadline by its live refresh.
  await urban.waitForFunction((before) => {
    const now = document.querySelector('[data-deadline="resolution"] time')?.textContent;
    return now && now !== before;
  }, dueBefore, { timeout: T });
  figures.deadlineLiveMs = Date.now() - decidedAt;
  figures.dueBefore = dueBefore;
  figures.dueAfter = await resolution.innerText();
  await urban.locator('[data-testid="case-approvals"] li[data-status="APPROVED"]').waitFor({ timeout: T });
  await expectText(urban, ['已同意', '延期审批']);
  await shot(urban, 'approvals-04-deadline.png');

  // 4. The lead adds the water bureau as co-handler.
  await urban.locator('[data-action="coHandlers"]').click();
  await urban.locator('.action-form input[name=coUnits][value="dept:water"]').check({ timeout: T });
  await expectText(urban, ['协办单位']);
  const addedAt = Date.now();
  await urban.locator('.action-form button[type=submit]').click();
  await urban.locator('[data-testid="case-parts"] li[data-role="CO"][data-unit="dept:water"]').waitFor({ timeout: T });
  await expectText(urban, ['协办', '待签收', '增加协办']);
  await shot(urban, 'approvals-05-cohandler.png');

  // 5. The water bureau's inbox shows it without a reload, marked new.
  const item = water.locator(`[data-testid="inbox"] li[data-case="${caseId}"]`);
  await item.waitFor({ timeout: T });
  figures.coInboxLiveMs = Date.now() - addedAt;
  if (!(await water.evaluate(() => window.__sameDocument === true))) failures.push('the water bureau\'s page was reloaded');
  await water.getByTestId('new-cases').waitFor({ timeout: T });
  if (!(await item.evaluate((li) => li.classList.contains('fresh')))) failures.push('the new case is not marked new');
  await expectText(water, ['件新案件', '每 10 秒自动刷新']);
  await shot(water, 'approvals-06-co-inbox.png');

  // 6. The co-handler signs and replies its part; the detail shows it.
  await item.locator('button').click();
  await water.locator('[data-action="sign"]').click();
  await water.locator('[data-action="reply"]').waitFor({ timeout: T });
  if (await water.locator('[data-action="coHandlers"], [data-action="extension"]').count()) {
    failures.push('a co-handler is offered the lead\'s actions');
  }
  await water.locator('[data-action="reply"]').click();
  await water.locator('.action-form textarea').fill('已配合排查供水管线');
  await water.locator('.action-form button[type=submit]').click();
  await water.locator('[data-testid="case-parts"] li[data-unit="dept:water"][data-status="REPLIED"]').waitFor({ timeout: T });
  await expectText(water, ['协办反馈', '已反馈', '已配合排查供水管线']);
  await shot(water, 'approvals-07-co-reply.png');
} catch (e) {
  failures.push(String(e));
} finally {
  await browser.close();
}
console.log(JSON.stringify({ runMs: Date.now() - started, ...figures }));
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
