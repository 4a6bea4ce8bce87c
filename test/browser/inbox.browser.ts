import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E_ORG, E2E_PASSWORD, call, login, type Session } from '../support/http';
import { checkPage, switchLanguage } from './page-check';

/**
 * The inbox, the task page and the browser session (issue 11), in real Chromium against the
 * real API (global-setup.ts): no mocked API. Every page visited is screenshot in both
 * languages and scanned with axe (page-check.ts).
 */
// Each scenario is long (several users, a 36 s token expiry): on a loaded machine the tier's
// 120 s per test is not enough.
test.describe.configure({ timeout: 300_000 });

const base = () => {
  const url = process.env.ASO_BROWSER_URL;
  if (!url) throw new Error('ASO_BROWSER_URL unset: run through `npm run test:browser`');
  return url;
};

const complaint = (phone: string) => ({
  customer: { name: '钱七', phone },
  orderNumber: 'SO-20261123-02',
  batchNumber: 'B2611-09',
  shipDate: '2026-11-10',
  defectDescription: '录音笔外壳开裂',
  demand: '折价',
  quantity: 3,
  channel: 'phone',
});

async function openComplaint(phone = '13800138000'): Promise<string> {
  const sales = await login(base(), 'sales-01');
  const res = await call(base(), 'POST', '/complaints', sales, complaint(phone));
  expect(res.status).toBe(201);
  return res.body.caseNumber as string;
}

async function eventually<T>(probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Completes the case's task that takes `command.type`, as `username`, over the API. */
async function complete(
  username: string,
  caseNumber: string,
  command: { type: string } & Record<string, unknown>,
): Promise<void> {
  const s: Session = await login(base(), username);
  const task = await eventually(async () => {
    const res = await call(base(), 'GET', `/inbox?caseNumber=${caseNumber}`, s);
    return (res.body.items as Array<{ taskId: string; commands: string[] }>).find((t) =>
      t.commands.includes(command.type),
    );
  });
  const res = await call(base(), 'POST', `/tasks/${task.taskId}/complete`, s, { command });
  expect({ command: command.type, status: res.status, body: res.body }).toMatchObject({
    status: 200,
  });
}

/** A complaint up to the CS manager's approval of a ¥930 discount (3 × ¥300 + ¥20 + ¥10). */
async function complaintAwaitingApproval(): Promise<string> {
  const caseNumber = await openComplaint('13900139000');
  await complete('cs-01', caseNumber, {
    type: 'RegisterComplaint',
    cause: 'product_quality',
    severity: 'general',
  });
  await complete('rnd-01', caseNumber, {
    type: 'SubmitInvestigationReport',
    report: {
      cause: 'product_quality',
      findings: '外壳注塑缺陷',
      qualityClaimVerified: true,
      responsibleUnit: '注塑车间',
      responsiblePersons: ['worker-31'],
      correctiveAction: '调整模具温度',
      externalParty: null,
    },
  });
  await complete('vp-01', caseNumber, { type: 'ApproveInvestigationReport', remarks: '同意' });
  await proposeDiscount(caseNumber);
  return caseNumber;
}

const proposeDiscount = (caseNumber: string) =>
  complete('cs-01', caseNumber, {
    type: 'ProposeResolution',
    responsibleUnit: '注塑车间',
    responsiblePersons: ['worker-31'],
    method: 'discount',
    trackImprovement: false,
    humanNegligence: false,
    lossBasis: {
      unitCostFen: 30_000,
      quantity: 3,
      freightFen: 2_000,
      handlingFen: 1_000,
      compensationFen: 0,
    },
    penalties: [],
  });

async function logIn(page: Page, username: string): Promise<void> {
  await page.goto(`${base()}/`);
  await page.locator('#organisation').fill(E2E_ORG);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(E2E_PASSWORD);
  await page.locator('button[type=submit]').click();
  await expect(page.getByTestId('whoami')).toContainText(username);
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** A two-character Chinese button's name: Ant Design draws it with a space between (退 出). */
const zh = (text: string) => new RegExp(`^${[...text].join('\\s*')}$`);

const rowOf = (page: Page, caseNumber: string) =>
  page.locator(`tr[data-case-number="${caseNumber}"]`);

test('session expiry and refresh: the expired access token is renewed from the httpOnly cookie, a reload keeps you signed in, logout then reload shows the login page', async ({
  page,
  context,
}) => {
  const renewals: number[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('/auth/web/refresh')) renewals.push(r.status());
  });
  await page.goto(`${base()}/`);
  await expect(page.locator('#username')).toBeVisible();
  await checkPage(page, 'login');
  await switchLanguage(page, 'en-US');
  await checkPage(page, 'login');
  await switchLanguage(page, 'zh-CN');
  await logIn(page, 'cs-02');

  const cookie = (await context.cookies()).find((c) => c.name === 'aso_refresh');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/auth/web' });
  // The page's script cannot read it, and nothing of the session is in storage.
  expect(await page.evaluate<string>('document.cookie')).not.toContain('aso_refresh');
  expect(await page.evaluate<string>('JSON.stringify(window.localStorage)')).not.toMatch(
    /eyJ|token/i,
  );

  // The access token lives 30 s in this tier: the inbox keeps polling past its expiry.
  const before = renewals.length;
  await page.waitForTimeout(36_000);
  await expect(page.getByTestId('whoami')).toContainText('cs-02');
  await expect(page.getByText('部门待领取')).toBeVisible();
  expect(renewals.slice(before)).toContain(200);

  await page.reload();
  await expect(page.getByTestId('whoami')).toContainText('cs-02');
  await expect(page.locator('#password')).toHaveCount(0);

  await page.getByRole('button', { name: zh('退出') }).click();
  await expect(page.locator('#username')).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === 'aso_refresh')).toBeUndefined();
  await page.reload();
  await expect(page.locator('#username')).toBeVisible();
  await expect(page.getByTestId('whoami')).toHaveCount(0);
});

test('inbox: a new complaint appears without a reload with the badge; row shows case type, masked customer, business time left; filters; claim, release and delegate to a fitting colleague', async ({
  page,
  browser,
}) => {
  await logIn(page, 'cs-01');
  await expect(page.getByText('部门待领取')).toBeVisible();
  // The baseline is taken; what arrives now is new.
  await page.waitForTimeout(1_000);
  const caseNumber = await openComplaint('13712345678');
  const row = rowOf(page, caseNumber).filter({ hasText: '登记投诉' });
  await expect(row).toBeVisible({ timeout: 20_000 }); // polled: no reload
  await expect(page.getByTestId('inbox-badge')).not.toHaveAttribute('data-count', '0');
  await expect(row.getByTestId('fresh-tag')).toBeVisible();
  await expect(row).toContainText('客诉');
  await expect(row.getByTestId('customer')).toHaveText('钱七 137****5678');
  await expect(row.getByTestId('due')).toContainText(/剩余|已超期/);
  await checkPage(page, 'inbox');

  // Filters: search by case number and by phone digits; another case type hides it.
  await page.getByTestId('inbox-search').fill(caseNumber);
  await page.getByTestId('inbox-search').press('Enter');
  await expect(
    page.locator(`tr[data-case-number]:not([data-case-number="${caseNumber}"])`),
  ).toHaveCount(0);
  await expect(row).toBeVisible();
  await page.getByTestId('inbox-search').fill('5678');
  await page.getByTestId('inbox-search').press('Enter');
  await expect(row).toBeVisible();
  await page.getByTestId('filter-case-type').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="退货"]').click();
  await expect(row).toHaveCount(0);
  await page.getByTestId('filter-case-type').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="客诉"]').click();
  await expect(row).toBeVisible();
  await page.getByTestId('filter-overdue').click();
  await expect(row).toHaveCount(0); // a new complaint is not overdue
  await page.getByTestId('filter-overdue').click();
  await expect(row).toBeVisible();

  // Mark seen: the badge and the tag go.
  await page.getByTestId('fresh-banner').getByRole('button').click();
  await expect(page.getByTestId('inbox-badge')).toHaveAttribute('data-count', '0');

  // Claim → in my tasks; release → back in the queue; claim and delegate to cs-02.
  await row.getByRole('button', { name: zh('领取') }).click();
  await expect(
    page.getByTestId('inbox-mine').locator(`tr[data-case-number="${caseNumber}"]`),
  ).toBeVisible();
  await page
    .getByTestId('inbox-mine')
    .locator(`tr[data-case-number="${caseNumber}"]`)
    .getByRole('button', { name: zh('释放') })
    .click();
  await expect(
    page.getByTestId('inbox-queue').locator(`tr[data-case-number="${caseNumber}"]`),
  ).toBeVisible();
  await page
    .getByTestId('inbox-queue')
    .locator(`tr[data-case-number="${caseNumber}"]`)
    .getByRole('button', { name: zh('领取') })
    .click();
  const mine = page.getByTestId('inbox-mine').locator(`tr[data-case-number="${caseNumber}"]`);
  await expect(mine).toBeVisible();
  await mine.getByRole('button', { name: zh('转交') }).click();
  await page.getByTestId('delegate-to').click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options.first()).toBeVisible();
  // Only people who fit the task: CS, not sales or R&D.
  await expect(options.filter({ hasText: 'sales-01' })).toHaveCount(0);
  await expect(options.filter({ hasText: 'rnd-01' })).toHaveCount(0);
  await options.filter({ hasText: '(cs-02)' }).click();
  // Scanned with the dropdown closed: antd's open Select draws its visual options with
  // aria-selected but no role (its accessible listbox is a separate hidden list).
  await checkPage(page, 'inbox.delegate');
  await page.locator('#delegate-ok').click();
  await expect(rowOf(page, caseNumber)).toHaveCount(0);

  // cs-02, in their own browser context, finds it claimed for them.
  const other = await newPage(browser);
  await logIn(other, 'cs-02');
  await expect(
    other.getByTestId('inbox-mine').locator(`tr[data-case-number="${caseNumber}"]`),
  ).toBeVisible();
  await switchLanguage(other, 'en-US');
  await expect(other.getByText('Department queue')).toBeVisible();
  await expect(rowOf(other, caseNumber)).toContainText('complaint');
  await checkPage(other, 'inbox');
  await other.context().close();
});

test('approval task: the route is explained beside the form; above the personal limit the refusal is shown; send back with a reason; approve', async ({
  page,
  browser,
}) => {
  const caseNumber = await complaintAwaitingApproval();

  // cs-mgr-02's personal limit is ¥500: approving ¥930 is refused, the reason shown.
  const limited = await newPage(browser);
  await logIn(limited, 'cs-mgr-02');
  const limitedRow = rowOf(limited, caseNumber).filter({ hasText: '审批处理方案' });
  await expect(limitedRow).toBeVisible({ timeout: 30_000 });
  await limitedRow.getByRole('link', { name: '办理' }).click();
  await expect(limited.getByTestId('decision')).toBeVisible();
  await expect(limited.getByTestId('approval-route')).toContainText('930');
  await limited.getByTestId('submit').click();
  await expect(limited.getByTestId('form-error')).toContainText('金额超出您的核决权限');
  await checkPage(limited, 'task.approval-refused');
  await limited.context().close();

  // cs-mgr-01 sends it back with a reason …
  await logIn(page, 'cs-mgr-01');
  const row = rowOf(page, caseNumber).filter({ hasText: '审批处理方案' });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.getByRole('link', { name: '办理' }).click();
  await expect(page.getByTestId('case-summary')).toContainText(caseNumber);
  await expect(page.getByTestId('clocks')).toBeVisible();
  await expect(page.getByTestId('approval-route')).toContainText('¥930');
  await checkPage(page, 'task.approval');
  await page.getByTestId('decision').getByText('退回').click();
  await expect(page.getByTestId('submit')).toHaveText(/退\s*回/);
  await page.locator('#reason').fill('折让金额请与客户再确认');
  await page.locator('#comment').fill('退回重议');
  await page.getByTestId('submit').click();
  await expect(page.getByText('部门待领取')).toBeVisible();
  await expect(rowOf(page, caseNumber).filter({ hasText: '审批处理方案' })).toHaveCount(0);

  // … CS proposes again (API); cs-mgr-01 approves it, in English this time.
  await proposeDiscount(caseNumber);
  await switchLanguage(page, 'en-US');
  const again = rowOf(page, caseNumber).filter({ hasText: 'Approve the resolution' });
  await expect(again).toBeVisible({ timeout: 30_000 });
  await again.getByRole('link', { name: 'Open' }).click();
  await expect(page.getByTestId('approval-route')).toContainText('Approval route');
  await checkPage(page, 'task.approval');
  await expect(page.getByTestId('submit')).toHaveText('Approve');
  await page.getByTestId('submit').click();
  await expect(page.getByText('Department queue')).toBeVisible();
  await expect(rowOf(page, caseNumber).filter({ hasText: 'Approve the resolution' })).toHaveCount(
    0,
  );
  await page.goto(`${base()}/app/cases/${caseNumber}`);
  await expect(page.getByTestId('case-page')).toContainText(caseNumber);
  await checkPage(page, 'case');
  await switchLanguage(page, 'zh-CN');
  await checkPage(page, 'case');
});
