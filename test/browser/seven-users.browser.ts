import { expect, test, type Browser, type Page } from '@playwright/test';
import { call } from '../support/http';
import { as, base, choose, logIn } from './support';
import { checkPage } from './page-check';

/**
 * DOMAIN.md §1 end to end in the browser (issue 11): one discount complaint worked through the
 * web app by seven people, each in a browser context of their own, each finding the task in
 * their own inbox and completing it on the form generated from its command's schema: sales
 * opens it on the 立案 page and answers first, CS registers, R&D reports, the VP in charge
 * approves the report, CS proposes a ¥930 discount (3 × ¥300 + ¥20 freight + ¥10 handling),
 * the CS manager names the owner (policy v2) and approves it (within 核决权限 ¥5,000), sales records the customer's answer and
 * issues the ¥900 certificate, the sales VP signs it, sales records the customer's signature,
 * finance books it (001 §29.1), CS closes with its summary and preventive measure. Every page is screenshot and scanned by axe.
 */
test.describe.configure({ timeout: 600_000 });

const USERS = ['sales-01', 'cs-01', 'rnd-01', 'vp-01', 'cs-mgr-01', 'svp-01', 'fin-01'] as const;
type User = (typeof USERS)[number];

async function pages(browser: Browser): Promise<Record<User, Page>> {
  const out = {} as Record<User, Page>;
  for (const u of USERS) {
    const context = await browser.newContext();
    out[u] = await context.newPage();
    await logIn(out[u], u);
  }
  return out;
}

/** The user's inbox (the header's link), the case's row for `task`, its form opened. */
async function openTask(page: Page, caseNumber: string, task: string, shot: string) {
  await page.getByRole('link', { name: '待办', exact: true }).click();
  const row = page.locator(`tr[data-case-number="${caseNumber}"]`).filter({ hasText: task });
  await expect(row.first()).toBeVisible({ timeout: 45_000 }); // the inbox polls: no reload
  await row.first().getByRole('link', { name: '办理' }).click();
  await expect(page.getByTestId('task-form')).toContainText(task);
  await checkPage(page, `seven-users.${shot}`);
}

async function submit(page: Page, caseNumber: string, task: string) {
  await page.getByTestId('submit').click();
  await expect(page.getByText('部门待领取')).toBeVisible();
  await expect(
    page.locator(`tr[data-case-number="${caseNumber}"]`).filter({ hasText: task }),
  ).toHaveCount(0);
}

async function tags(page: Page, id: string, value: string) {
  await page.locator(`#${id}`).click();
  await page.locator(`#${id}`).fill(value);
  await page.locator(`#${id}`).press('Enter');
  await page.keyboard.press('Escape');
}

test('C26 001 §29.1(1): a discount complaint worked through the UI by seven users, each finding the task in their inbox, to closed', async ({
  browser,
}) => {
  const p = await pages(browser);

  // 1. sales opens the complaint on the 立案 page and gives the first response
  const sales = p['sales-01'];
  await sales.getByTestId('nav-newCase').click();
  await sales.locator('#customer_name').fill('郑十');
  await sales.locator('#customer_phone').fill('13600136000');
  await sales.locator('#orderNumber').fill('SO-20261202-07');
  await sales.locator('#batchNumber').fill('B2611-12');
  await sales.locator('#shipDate').click();
  await sales.locator('#shipDate').fill('2026-11-10');
  await sales.locator('#shipDate').press('Enter');
  await sales.locator('#defectDescription').fill('录音笔录音有杂音');
  await sales.locator('#quantity').fill('3');
  await sales.locator('#demand').fill('折价');
  await sales.getByTestId('submit').click();
  await expect(sales.getByTestId('case-page')).toContainText(/KS\d{6}-\d{4,}/);
  const caseNumber = /cases\/(KS[0-9-]+)/.exec(sales.url())?.[1] ?? '';
  expect(caseNumber).toMatch(/^KS/);
  await checkPage(sales, 'seven-users.case-opened');
  await openTask(sales, caseNumber, '首次回复', 'first-response');
  await choose(sales, sales.locator('#channel'), '电话');
  await sales.locator('#summary').fill('已致电客户');
  await submit(sales, caseNumber, '首次回复');

  // C11 001 §20 (policy v2): the CS manager names the owner — here they handle it in person
  const mgr = p['cs-mgr-01'];
  await openTask(mgr, caseNumber, '指定客诉负责人', 'owner-assignment');
  await mgr.locator('#ownerId').fill((await as('cs-mgr-01')).user.id);
  await submit(mgr, caseNumber, '指定客诉负责人');

  // 2. CS registers
  const cs = p['cs-01'];
  await openTask(cs, caseNumber, '登记投诉', 'register');
  await choose(cs, cs.locator('#cause'), '产品质量');
  await choose(cs, cs.locator('#severity'), '一般');
  await submit(cs, caseNumber, '登记投诉');

  // 3. R&D's investigation report (a switch: the quality claim verified)
  const rnd = p['rnd-01'];
  await openTask(rnd, caseNumber, '提交调查报告', 'investigation');
  await choose(rnd, rnd.locator('#report_cause'), '产品质量');
  await rnd.locator('#report_findings').fill('麦克风焊点虚焊');
  await rnd.locator('#report_qualityClaimVerified').click();
  await expect(rnd.locator('#report_qualityClaimVerified')).toHaveAttribute('aria-checked', 'true');
  await rnd.locator('#report_responsibleUnit').fill('装配车间');
  await tags(rnd, 'report_responsiblePersons', 'worker-21');
  await rnd.locator('#report_correctiveAction').fill('焊点全检');
  await submit(rnd, caseNumber, '提交调查报告');

  // 4. the VP in charge approves the report
  const vp = p['vp-01'];
  await openTask(vp, caseNumber, '审核调查报告', 'report-approval');
  await submit(vp, caseNumber, '审核调查报告');

  // 5. CS proposes the discount: ¥930 loss
  await openTask(cs, caseNumber, '提出处理方案', 'proposal');
  await cs.locator('#responsibleUnit').fill('装配车间');
  await tags(cs, 'responsiblePersons', 'worker-21');
  await choose(cs, cs.locator('#method'), '折让');
  await cs.locator('#lossBasis_unitCostFen').fill('300');
  await cs.locator('#lossBasis_quantity').fill('3');
  await cs.locator('#lossBasis_freightFen').fill('20');
  await cs.locator('#lossBasis_handlingFen').fill('10');
  await cs.locator('#lossBasis_compensationFen').fill('0');
  await submit(cs, caseNumber, '提出处理方案');

  // 6. the CS manager approves ¥930 (the route's explanation on the page)
  await openTask(mgr, caseNumber, '审批处理方案', 'approval');
  await expect(mgr.getByTestId('approval-route')).toContainText('¥930');
  await submit(mgr, caseNumber, '审批处理方案');

  // 7. sales: the customer accepts; the ¥900 certificate issued
  await openTask(sales, caseNumber, '记录客户答复', 'customer-response');
  await sales.locator('#accepted').click();
  await choose(sales, sales.locator('#via'), '电话');
  await submit(sales, caseNumber, '记录客户答复');
  await openTask(sales, caseNumber, '开具折让证明', 'certificate-issue');
  await sales.locator('#certificateNumber').fill(`ZK-${caseNumber}`);
  await sales.locator('#amountFen').fill('900');
  await submit(sales, caseNumber, '开具折让证明');

  // 8. the sales VP signs, the customer signs (recorded by sales), finance books
  const svp = p['svp-01'];
  await openTask(svp, caseNumber, '签核折让证明', 'certificate-sign');
  await submit(svp, caseNumber, '签核折让证明');
  await openTask(sales, caseNumber, '记录客户签回', 'certificate-customer');
  await submit(sales, caseNumber, '记录客户签回');
  const fin = p['fin-01'];
  await openTask(fin, caseNumber, '折让入账', 'certificate-booking');
  await submit(fin, caseNumber, '折让入账');

  // 9. CS closes with the summary analysis and the preventive measure (C29, policy v2)
  await openTask(cs, caseNumber, '结案', 'close');
  await cs.locator('#summary').fill('麦克风焊点虚焊, 批次 B2611-12');
  await cs.locator('#preventiveMeasure').fill('焊点全检纳入出厂检验');
  await submit(cs, caseNumber, '结案');

  await expect
    .poll(
      async () =>
        (await call(base(), 'GET', `/cases/${caseNumber}`, await as('cs-01'))).body.status,
      { timeout: 30_000 },
    )
    .toBe('closed');
  await cs.goto(`${base()}/app/cases/${caseNumber}`);
  await expect(cs.getByTestId('case-page')).toContainText('已结案');
  await checkPage(cs, 'seven-users.closed');
});
