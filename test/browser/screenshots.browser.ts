import { expect, test, type Page } from '@playwright/test';
import { call } from '../support/http';
import { as, base, complaintAwaitingApproval, goInApp, logIn, taskFor } from './support';
import { checkPage, switchLanguage } from './page-check';

/**
 * Every page of the web app in both languages (issue 11): a full-page screenshot of each into
 * the git-ignored .browser-screenshots/ (`<page>.<zh-CN|en-US>.png`, page-check.ts) and an axe
 * scan that finds no serious or critical violation — login, inbox, task, open a case, the case
 * and each of its tabs, case search, approvals, escalations, board, KPIs, users, webhooks, the
 * consignments and a consignment (its list, labels and reports), the monthly reviews and a
 * review (its documents and staff ratings).
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
  { user: 'sales-01', nav: 'consignments', testId: 'consignments-page' },
  { user: 'gmo-01', nav: 'monthlyReviews', testId: 'monthly-reviews-page' },
];

test('case search, approvals, escalations, board, KPIs, users, webhooks, consignments and monthly reviews, in zh-CN and en-US', async ({
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

/** The month before the current one (Asia/Shanghai): a month that has ended, so reviewable. */
const lastMonth = (): string => {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
};

test('a consignment with its list, labels and printable view, and a monthly review with its documents and ratings, in zh-CN and en-US', async ({
  page,
}) => {
  const opened = await call(base(), 'POST', '/consignments', await as('sales-01'), {
    consignor: { name: '薛红', surname: '薛' },
    customerKind: 'franchise',
    goods: [{ item: '录音笔 R-7', quantity: 2, priceFen: 19_900 }],
    terms: { commissionBp: 1200, durationMonths: 6 },
    customerPresent: true,
  });
  expect(opened.status).toBe(201);
  const dx = opened.body.caseNumber as string;
  const month = lastMonth();
  const started = await call(base(), 'POST', '/monthly-reviews', await as('gmo-01'), { month });
  expect(started.status).toBe(201);

  await page.goto(`${base()}/`);
  await switchLanguage(page, 'zh-CN');
  await logIn(page, 'gmo-01');
  await goInApp(page, `/consignments/${dx}`);
  const items = page.getByTestId('consignment-items');
  await inBoth(page, 'all.consignment', () => expect(items).toContainText(/jm\d{3}薛/));
  await page.getByTestId('print-view-labels').click();
  await page.mouse.move(0, 0); // a hovered button's colour is not what axe should judge
  await inBoth(page, 'all.consignment.labels', () =>
    expect(page.getByTestId('item-label')).toHaveCount(2),
  );
  await page.getByTestId('print-view-list').click();
  await page.mouse.move(0, 0);
  await inBoth(page, 'all.consignment.list', () =>
    expect(page.getByTestId('print-sheet')).toBeVisible(),
  );
  await goInApp(page, `/monthly-reviews/${month}`);
  await inBoth(page, 'all.monthly-review', () =>
    expect(page.getByTestId('review-ratings')).toBeVisible(),
  );
});
