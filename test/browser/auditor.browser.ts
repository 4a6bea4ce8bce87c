import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { complete, goInApp, logIn, openComplaint, register, shot } from './support';

/**
 * Auditors (issue 11): case search, every page read-only (no write control rendered), the audit
 * trail verified, exported as CSV, JSON and XLSX, and the case as of any moment. All against the
 * real API (global-setup.ts).
 */
const TABS = ['概要', '任务', '单据', '附件', '审计记录', '关联案件', '客户视图'];

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

async function download(page: Page, testId: string) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

test('an auditor finds a case by number in the case search, sees every tab without a write control, verifies the trail, exports CSV, JSON and XLSX, and slides it back to its intake', async ({
  page,
  browser,
}) => {
  const caseNumber = await openComplaint();
  await complete('cs-01', caseNumber, register);

  // The same case for CS staff: the write controls are there (so their absence below means something).
  const staff = await browser.newContext();
  const cs = await staff.newPage();
  await logIn(cs, 'cs-01');
  await goInApp(cs, `/cases/${caseNumber}?tab=attachments`);
  await expect(cs.getByTestId('attachments-tab')).toBeVisible();
  await expect(cs.locator('[data-write]').first()).toBeVisible();
  await expect(cs.locator('input[type=file]')).toHaveCount(1);
  await staff.close();

  await logIn(page, 'auditor-01');
  await page.getByTestId('nav-caseSearch').click(); // one click from the inbox
  await page.locator('#caseNumber').fill(caseNumber);
  await page.getByTestId('search').click();
  const row = page.locator(`tr[data-case-number="${caseNumber}"]`);
  await expect(row).toBeVisible();
  await expect(page.getByTestId('case-list').locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(row).toContainText('李四');
  await expect(row).toContainText('139****9000'); // masked in lists
  await shot(page, 'case-search.auditor.zh-CN');
  await row.getByRole('link', { name: caseNumber }).click(); // two clicks from the inbox

  const casePage = page.getByTestId('case-page');
  await expect(casePage).toContainText(caseNumber);
  await expect(page.getByTestId('read-only')).toBeVisible();
  await expect(page.getByTestId('closing-clock')).toContainText(/剩余工作时间|超期工作时间/);
  for (const tab of TABS) {
    await openTab(page, tab);
    await expect(casePage.locator('.ant-tabs-tabpane-active')).toBeVisible();
    await expect(casePage.locator('[data-write]')).toHaveCount(0);
    await expect(casePage.locator('input[type=file]')).toHaveCount(0);
    await expect(casePage.locator('a[href*="/tasks/"]')).toHaveCount(0);
  }
  await openTab(page, '客户视图');
  await expect(page.getByTestId('customer-view')).toContainText('139****9000');

  await openTab(page, '审计记录');
  const badge = page.getByTestId('audit-tab').getByTestId('verify-badge');
  await expect(badge).toContainText('校验通过');
  await page.getByTestId('verify-history-button').click();
  await expect(page.getByTestId('verify-history')).toContainText('校验通过');
  await expect(page.getByTestId('audit-timeline')).toContainText('complaint.ComplaintReported');
  await shot(page, 'case.audit.auditor.zh-CN');

  const csv = await download(page, 'export-csv');
  expect(csv.name).toBe(`${caseNumber}-audit.csv`);
  expect(csv.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf'); // UTF-8 BOM for Excel
  expect(csv.bytes.toString('utf8')).toContain('complaint.ComplaintReported');

  const json = await download(page, 'export-json');
  const exported = JSON.parse(json.bytes.toString('utf8'));
  expect(exported.caseNumber).toBe(caseNumber);
  expect(exported.verification.valid).toBe(true);
  expect(exported.events.length).toBe(exported.verification.count);

  const xlsx = await download(page, 'export-xlsx');
  expect(xlsx.name).toBe(`${caseNumber}-audit.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  expect(sheet.rowCount).toBe(exported.events.length + 1); // a header and one row per event
  expect(sheet.getRow(1).getCell(4).value).toBe('动作');
  expect(String(sheet.getRow(2).getCell(4).value)).toBe('complaint.ComplaintReported');

  // The case as of any moment: the slider's first stop is the intake, its last the registration.
  const handle = page.getByTestId('as-of').locator('.ant-slider-handle');
  await handle.focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('as-of-status')).toHaveText('待登记');
  const first = await page.getByTestId('as-of-count').innerText();
  await page.keyboard.press('End');
  await expect(page.getByTestId('as-of-status')).not.toHaveText('待登记');
  await expect(page.getByTestId('as-of-count')).toHaveText(
    `${exported.events.length} / ${exported.events.length}`,
  );
  expect(Number(first.split('/')[0])).toBeLessThan(exported.events.length);
  await shot(page, 'case.as-of.auditor.zh-CN');
});
