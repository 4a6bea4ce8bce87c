import { expect, test, type Page } from '@playwright/test';
import { base, complaintAwaitingApproval, goInApp, logIn, taskFor } from './support';
import { checkPage, switchLanguage } from './page-check';

/**
 * Every page of the web app in both languages (issue 11): a full-page screenshot of each into
 * the git-ignored .browser-screenshots/ (`<page>.<zh-CN|en-US>.png`, page-check.ts) and an axe
 * scan that finds no serious or critical violation — login, inbox, task, open a case, the case
 * and each of its tabs, case search, approvals, escalations, board, KPIs, users, webhooks.
 */
test.describe.configure({ timeout: 600_000 });

const LANGS = ['zh-CN', 'en-US'] as const;

async function inBoth(page: Page, name: string, ready: () => Promise<void>) {
  for (const lang of LANGS) {
    await switchLanguage(page, lang);
    await ready();
    await checkPage(page, name);
  }
}

test('login, inbox, task, open a case and the case with every tab, in zh-CN and en-US', async ({
  page,
}) => {
  const caseNumber = await complaintAwaitingApproval();
  await page.goto(`${base()}/`);
  await inBoth(page, 'all.login', () => expect(page.locator('#organisation')).toBeVisible());
  await switchLanguage(page, 'zh-CN');
  await logIn(page, 'cs-mgr-01');
  const inbox = () => expect(page.locator('tr[data-case-number]').first()).toBeVisible();
  await inBoth(page, 'all.inbox', inbox);
  const task = await taskFor('cs-mgr-01', caseNumber, 'ApproveResolution');
  await goInApp(page, `/tasks/${task.taskId}`);
  await inBoth(page, 'all.task', () => expect(page.getByTestId('task-form')).toBeVisible());
  await goInApp(page, '/open');
  await inBoth(page, 'all.open-case', () =>
    expect(page.getByTestId('open-case-page')).toBeVisible(),
  );
  await goInApp(page, `/cases/${caseNumber}`);
  const casePage = page.getByTestId('case-page');
  await expect(casePage).toContainText(caseNumber);
  const tabs = casePage.locator('.ant-tabs-tab');
  const keys: string[] = [];
  for (let i = 0; i < (await tabs.count()); i += 1)
    keys.push((await tabs.nth(i).getAttribute('data-node-key')) ?? '');
  expect(keys.length).toBeGreaterThanOrEqual(6);
  for (const key of keys) {
    await casePage.locator(`.ant-tabs-tab[data-node-key="${key}"]`).click();
    await inBoth(page, `all.case.${key}`, () => expect(casePage).toBeVisible());
  }
});

const NAV_PAGES: Array<{ user: string; nav: string; testId: string }> = [
  { user: 'auditor-01', nav: 'caseSearch', testId: 'case-search' },
  { user: 'cs-mgr-01', nav: 'approvals', testId: 'approvals-page' },
  { user: 'cs-mgr-01', nav: 'escalations', testId: 'escalations-page' },
  { user: 'cs-mgr-01', nav: 'board', testId: 'board-page' },
  { user: 'gm-01', nav: 'kpis', testId: 'kpi-page' },
  { user: 'admin-01', nav: 'users', testId: 'users-page' },
  { user: 'admin-01', nav: 'webhooks', testId: 'webhooks-page' },
];

test('case search, approvals, escalations, board, KPIs, users and webhooks, in zh-CN and en-US', async ({
  page,
}) => {
  let current = '';
  for (const p of NAV_PAGES) {
    if (p.user !== current) {
      if (current) await page.getByRole('button', { name: /退\s?出|Log out/ }).click();
      await page.goto(`${base()}/`);
      await switchLanguage(page, 'zh-CN');
      await logIn(page, p.user);
      current = p.user;
    }
    await page.getByTestId(`nav-${p.nav}`).click();
    await inBoth(page, `all.${p.testId}`, () => expect(page.getByTestId(p.testId)).toBeVisible());
    await switchLanguage(page, 'zh-CN');
  }
});
