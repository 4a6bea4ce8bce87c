import { expect, test, type Page } from '@playwright/test';
import { E2E_ORG, E2E_PASSWORD, call, login } from '../support/http';
import { checkPage } from './page-check';

/**
 * The web app in real Chromium against the real API (global-setup.ts): no mocked API.
 * Screenshots go to .browser-screenshots/ (git-ignored), each page scanned with axe (page-check.ts).
 */
const base = () => {
  const url = process.env.ASO_BROWSER_URL;
  if (!url) throw new Error('ASO_BROWSER_URL unset: run through `npm run test:browser`');
  return url;
};
/** A screenshot and the axe scan of the page (page-check.ts); the language is added to the name. */
const shot = (page: Page, name: string) => checkPage(page, name.replace(/\.(zh-CN|en-US)$/, ''));

const complaint = {
  customer: { name: '张三', phone: '13800138000' },
  orderNumber: 'SO-20261122-01',
  batchNumber: 'B2611-07',
  shipDate: '2026-11-10',
  defectDescription: '收到的录音笔无法开机',
  demand: '退货或折价',
  quantity: 3,
  channel: 'phone',
};

async function openComplaint(): Promise<string> {
  const sales = await login(base(), 'sales-01');
  const res = await call(base(), 'POST', '/complaints', sales, complaint);
  expect(res.status).toBe(201);
  return res.body.caseNumber as string;
}

async function logIn(page: Page, username: string): Promise<void> {
  await page.goto(`${base()}/`);
  await page.locator('#organisation').fill(E2E_ORG);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(E2E_PASSWORD);
  await page.locator('button[type=submit]').click();
  await expect(page.getByTestId('whoami')).toContainText(username);
}

/** Picks `option` (its visible label) in the antd Select whose input has id `id`. */
async function choose(page: Page, id: string, option: string): Promise<void> {
  await page.locator(`#${id}`).click();
  await page
    .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`)
    .click();
}

const formItem = (page: Page, id: string) =>
  page
    .locator('.ant-form-item')
    .filter({ has: page.locator(`#${id}`) })
    .last();

test('cs-01 logs in, finds a new complaint’s registration task in the Chinese inbox, a bad field is refused on the field, the fixed form is submitted and the task leaves the inbox', async ({
  page,
}) => {
  const caseNumber = await openComplaint();
  await logIn(page, 'cs-01');
  await expect(page.getByText('部门待领取')).toBeVisible();
  const row = page.locator(`tr[data-case-number="${caseNumber}"]`).filter({ hasText: '登记投诉' });
  await expect(row).toBeVisible({ timeout: 30_000 }); // the inbox polls: no reload
  await expect(row).toContainText('客诉');
  await shot(page, 'inbox.zh-CN');

  await row.getByRole('link', { name: '办理' }).click();
  await expect(page.getByTestId('task-form')).toBeVisible();
  await choose(page, 'cause', '产品质量');
  await choose(page, 'severity', '一般');
  // Out of the API's range (≤ 10,000): the form sends it, the API's 400 lands on this field.
  await page.locator('#formDeadlines_firstResponse_amount').fill('20000');
  await choose(page, 'formDeadlines_firstResponse_unit', '工作日');
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('form-error')).toContainText('填写内容有误');
  await expect(
    formItem(page, 'formDeadlines_firstResponse_amount').locator('.ant-form-item-explain-error'),
  ).toBeVisible();
  await shot(page, 'task.bad-field.zh-CN');

  await page.locator('#formDeadlines_firstResponse_amount').fill('2');
  await page.getByTestId('submit').click();
  await expect(page.getByText('部门待领取')).toBeVisible();
  await expect(
    page.locator(`tr[data-case-number="${caseNumber}"]`).filter({ hasText: '登记投诉' }),
  ).toHaveCount(0);
  await shot(page, 'inbox.after-submit.zh-CN');
});

test('the language switches zh-CN ↔ en-US and is remembered across a reload', async ({ page }) => {
  await page.goto(`${base()}/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('售后案件');
  await page.getByTestId('language').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option[title="English"]')
    .click();
  await expect(page.locator('button[type=submit]')).toContainText('Log in');
  await page.reload();
  await expect(page.locator('button[type=submit]')).toContainText('Log in');
  await logIn(page, 'cs-02');
  await expect(page.getByText('Department queue')).toBeVisible();
  await shot(page, 'inbox.en-US');
  await page.getByTestId('language').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="中文"]').click();
  await expect(page.getByText('部门待领取')).toBeVisible();
});

test('an auditor sees the case read-only: no write control, the audit trail verified', async ({
  page,
}) => {
  const caseNumber = await openComplaint();
  await logIn(page, 'auditor-01');
  // A reload keeps the session (the refresh cookie renews the in-memory access token).
  await page.goto(`${base()}/app/cases/${caseNumber}`);
  const casePage = page.getByTestId('case-page');
  await expect(casePage).toContainText(caseNumber);
  await expect(page.getByTestId('read-only')).toBeVisible();
  await expect(page.getByTestId('verify-badge')).toContainText('校验通过');
  await expect(casePage.locator('button:not(.ant-tabs-nav-more)')).toHaveCount(0);
  await expect(casePage.locator('a[href*="/tasks/"]')).toHaveCount(0);
  await expect(casePage.locator('input, textarea')).toHaveCount(0);
  await shot(page, 'case.auditor.zh-CN');
});
