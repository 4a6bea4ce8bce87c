import { expect, test, type Page } from '@playwright/test';
import { call } from '../support/http';
import { checkPage } from './page-check';
import { as, base, choose, goInApp, logIn, openComplaint, shot, switchLanguage } from './support';

/**
 * Every page of the case, auditor, manager and admin slice (issue 11) is one click from the
 * inbox (the header's nav; a case is one more, from a list), and speaks zh-CN and en-US.
 */
const PAGES: Array<{ user: string; nav: string; testId: string; zh: string; en: string }> = [
  {
    user: 'auditor-01',
    nav: 'caseSearch',
    testId: 'case-search',
    zh: '案件查询',
    en: 'Case search',
  },
  { user: 'auditor-01', nav: 'kpis', testId: 'kpi-page', zh: '指标看板', en: 'KPI dashboard' },
  {
    user: 'cs-mgr-01',
    nav: 'approvals',
    testId: 'approvals-page',
    zh: '待我审批',
    en: 'Approvals for me',
  },
  {
    user: 'cs-mgr-01',
    nav: 'escalations',
    testId: 'escalations-page',
    zh: '升级事项',
    en: 'Escalations',
  },
  { user: 'cs-mgr-01', nav: 'board', testId: 'board-page', zh: '部门看板', en: 'Department board' },
  { user: 'admin-01', nav: 'users', testId: 'users-page', zh: '用户管理', en: 'Users' },
];

async function bothLanguages(page: Page, testId: string, zh: string, en: string, name: string) {
  const el = page.getByTestId(testId);
  await expect(el).toContainText(zh);
  await shot(page, `${name}.zh-CN`);
  await switchLanguage(page, 'English');
  await expect(el).toContainText(en);
  await expect(el).not.toContainText(zh);
  await shot(page, `${name}.en-US`);
  await switchLanguage(page, '中文');
  await expect(el).toContainText(zh);
}

for (const p of PAGES) {
  test(`${p.nav}: one click from ${p.user}'s inbox, zh-CN ↔ en-US`, async ({ page }) => {
    await logIn(page, p.user);
    await expect(page.getByTestId(`nav-${p.nav}`)).toBeVisible();
    await page.getByTestId(`nav-${p.nav}`).click();
    await bothLanguages(page, p.testId, p.zh, p.en, `${p.testId}.${p.user}`);
  });
}

test('the case page: two clicks from the inbox (case search, the case), every tab in zh-CN ↔ en-US', async ({
  page,
}) => {
  const caseNumber = await openComplaint();
  await logIn(page, 'auditor-01');
  await page.getByTestId('nav-caseSearch').click();
  await page.locator('#caseNumber').fill(caseNumber);
  await page.getByTestId('search').click();
  await page.getByRole('link', { name: caseNumber }).click();
  const tabs = page.getByTestId('case-page').locator('.ant-tabs-nav');
  await bothLanguages(page, 'case-page', '概要', 'Overview', 'case.auditor');
  await switchLanguage(page, 'English');
  for (const en of [
    'Tasks',
    'Documents',
    'Attachments',
    'Audit trail',
    'Linked cases',
    'Customer view',
  ])
    await expect(tabs).toContainText(en);
  await page.getByRole('tab', { name: /^Documents/ }).click();
  await expect(page.getByTestId('documents-tab')).toBeVisible();
  await switchLanguage(page, '中文');
  await expect(tabs).toContainText('客户视图');
});

test('navigation shows each person only their pages: staff get the case search, not the manager or admin pages', async ({
  page,
}) => {
  await logIn(page, 'cs-01');
  await expect(page.getByTestId('nav-caseSearch')).toBeVisible();
  for (const hidden of ['approvals', 'board', 'kpis', 'users'])
    await expect(page.getByTestId(`nav-${hidden}`)).toHaveCount(0);
});

test('admin-01 creates a user with a personal limit, changes it, grants and revokes the follow-up caller qualification (F18 004 八.(一)3), deactivates the user; and gets the Temporal UI link of a case', async ({
  page,
}) => {
  const username = `web-case-${Date.now().toString(36)}`;
  await logIn(page, 'admin-01');
  await page.getByTestId('nav-users').click();
  await page.getByTestId('create-user').click();
  const form = page.getByTestId('user-form');
  await form.locator('#username').fill(username);
  await form.locator('#displayName').fill('王五');
  await form.locator('#password').fill('a-long-password-123');
  await choose(page, form.locator('#department'), '客服');
  await choose(page, form.locator('#roles'), '经理');
  await page.keyboard.press('Escape');
  await form.locator('#limitYuan').fill('800');
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  const row = page.locator(`tr[data-username="${username}"]`);
  await expect(row).toContainText('¥800.00');
  await expect(row).toContainText('客服');
  await row.getByTestId(`edit-${username}`).click();
  await form.locator('#limitYuan').fill('1200');
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(row).toContainText('¥1,200.00');

  // F18 004 八.(一)3: new callers start without the follow-up caller's qualification; the admin
  // grants it once they are trained and passed, and may revoke it.
  const userOf = async () =>
    (await call(base(), 'GET', '/admin/users', await as('admin-01'))).body.find(
      (u: { username: string }) => u.username === username,
    ) as { qualifications: string[] };
  const caller = row.getByTestId('qualification-follow_up_caller');
  await expect(caller).toHaveCount(0);
  expect((await userOf()).qualifications).toEqual([]);
  await row.getByTestId(`edit-${username}`).click();
  await form.getByRole('checkbox', { name: '回访员(已培训考核合格)' }).check();
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(caller).toHaveText('回访员(已培训考核合格)');
  expect((await userOf()).qualifications).toEqual(['follow_up_caller']);
  await switchLanguage(page, 'English');
  await expect(page.getByTestId('users-page')).toContainText('Qualifications');
  await expect(caller).toHaveText('Follow-up caller (trained and passed)');
  await row.getByTestId(`edit-${username}`).click();
  await expect(
    form.getByRole('checkbox', { name: 'Follow-up caller (trained and passed)' }),
  ).toBeChecked();
  await checkPage(page, 'users.qualifications'); // the form with the qualification: axe
  await form.getByRole('checkbox', { name: 'Follow-up caller (trained and passed)' }).uncheck();
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(caller).toHaveCount(0);
  expect((await userOf()).qualifications).toEqual([]);
  await switchLanguage(page, '中文');

  await row.getByTestId(`deactivate-${username}`).click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await expect(row.getByTestId(`deactivate-${username}`)).toHaveCount(0);
  await shot(page, 'users.admin.zh-CN');
  const users = await call(base(), 'GET', '/admin/users', await as('admin-01'));
  expect(users.body.find((u: { username: string }) => u.username === username)).toMatchObject({
    approvalLimitFen: 120_000,
    active: false,
    department: 'cs',
    roles: ['manager'],
  });

  const caseNumber = await openComplaint();
  await goInApp(page, `/cases/${caseNumber}`);
  const link = page.getByTestId('temporal-link');
  await expect(link).toBeVisible();
  expect(await link.getAttribute('href')).toMatch(
    new RegExp(`^http://127\\.0\\.0\\.1:8233/namespaces/[^/]+/workflows/${caseNumber}$`),
  );
});
