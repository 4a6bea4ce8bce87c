import { expect, test, type Page } from '@playwright/test';
import { call } from '../support/http';
import { eventually } from '../support/stack';
import { as, base, choose, complete, logIn, shot } from './support';
import { checkPage } from './page-check';

/**
 * A consignment (DX, 002 ch.12; K01–K04) through the web app: sales opens it from the 代销 page
 * (the 立案 form rendered from GET /case-types), lands on the consignment with the 委托代销清单's
 * item codes (K02) and one printable label per unit, records the absent customer's signature
 * (K03) through its task form, sees the sales recorded against the codes; an auditor reads the
 * same page with no write control.
 */
test.describe.configure({ timeout: 300_000 });

const formItem = (page: Page, id: string) =>
  page
    .locator('.ant-form-item')
    .filter({ has: page.locator(`#${id}`) })
    .last();

test('K02 K03 002 ch.12 1–2: sales-01 opens a consignment through the UI and sees pf…周 on every item and label; signs it through its task; sales shown by code; the auditor reads it without a write control', async ({
  page,
}) => {
  await logIn(page, 'sales-01');
  // ≤ 2 clicks from the inbox: the 代销 link, then the new consignment's button
  await page.getByTestId('nav-consignments').click();
  await expect(page.getByTestId('consignments-page')).toBeVisible();
  await page.getByTestId('new-consignment').click();
  await expect(page.getByTestId('open-consignment')).toBeVisible();

  await page.locator('#consignor_name').fill('周明');
  await page.locator('#consignor_surname').fill('周');
  await choose(page, formItem(page, 'customerKind').locator('.ant-select'), '批发');
  const goods = page.getByTestId('field-goods');
  await goods.getByRole('button', { name: /添\s?加/ }).click();
  await goods.getByRole('button', { name: /添\s?加/ }).click();
  await page.locator('#goods_0_item').fill('咖啡机 EM-3');
  await page.locator('#goods_0_quantity').fill('3');
  await page.locator('#goods_0_priceFen').fill('1299');
  await page.locator('#goods_1_item').fill('磨豆机 G-1');
  await page.locator('#goods_1_quantity').fill('2');
  await page.locator('#goods_1_priceFen').fill('399');
  await page.locator('#terms_commissionBp').fill('1500');
  await page.locator('#terms_durationMonths').fill('12');
  await page.getByTestId('submit').click();

  const detail = page.getByTestId('consignment-page');
  await expect(detail).toContainText(/DX\d{6}-\d{4,}/);
  const caseNumber = /consignments\/(DX[0-9-]+)/.exec(page.url())?.[1] ?? '';
  expect(caseNumber).toMatch(/^DX/);
  const items = page.getByTestId('consignment-items');
  const codes = await items
    .locator('tr[data-code]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
  expect(codes).toHaveLength(2);
  for (const code of codes) expect(code).toMatch(/^pf\d{3}周$/);
  await expect(items).toContainText('咖啡机 EM-3');
  await expect(page.getByTestId('consignment-status')).toContainText('待客户签字');
  // the API's own list agrees with what the page shows
  const view = await call(base(), 'GET', `/cases/${caseNumber}/documents`, await as('sales-01'));
  const list = (
    view.body as Array<{ docType: string; content: { items: { code: string }[] } }>
  ).find((d) => d.docType === 'consignment_list');
  expect(list?.content.items.map((i) => i.code)).toEqual(codes);

  // the labels: one per unit (3 + 2), each with its code
  await page.getByTestId('print-view-labels').click();
  await expect(page.getByTestId('item-label')).toHaveCount(5);
  await expect(page.getByTestId('label-sheet')).toContainText(codes[0] ?? '');
  await page.mouse.move(0, 0); // a hovered button's colour is not what axe should judge
  await checkPage(page, 'consignment.labels');
  await page.getByTestId('print-view-list').click();
  await expect(page.getByTestId('print-sheet')).toContainText('委托代销清单');
  // on paper only the sheet is printed
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('consignment-items')).toBeHidden();
  await expect(page.getByTestId('print-sheet')).toBeVisible();
  await shot(page, 'consignment.print-list.zh-CN');
  await page.emulateMedia({ media: 'screen' });

  // K03: the customer was absent — the signature is recorded through the task's form
  await page
    .getByTestId('consignment-tasks')
    .getByRole('link', { name: /代销清单签收/ })
    .click();
  await expect(page.getByTestId('task-form')).toBeVisible();
  await page.locator('#signatory').fill('周明');
  await page.getByTestId('submit').click();
  await expect(page.getByText('部门待领取')).toBeVisible();

  // two sales by code on the standing task (over the API), then the page shows them
  const [first, second] = codes as [string, string];
  await complete('sales-01', caseNumber, {
    type: 'RecordSales',
    sales: [
      { saleId: `B-${caseNumber}-1`, code: first, quantity: 2 },
      { saleId: `B-${caseNumber}-2`, code: second, quantity: 1 },
    ],
  });
  // the trail is written by the workflow's activity: wait for it before the page reads it
  await eventually(async () => {
    const trail = await call(
      base(),
      'GET',
      `/cases/${caseNumber}/audit/export?format=json`,
      await as('sales-01'),
    );
    return JSON.stringify(trail.body).includes(`B-${caseNumber}-2`) || undefined;
  });
  await page.getByTestId('nav-consignments').click();
  await page.locator(`tr[data-case-number="${caseNumber}"]`).getByRole('link').click();
  await expect(page.getByTestId('consignment-status')).toContainText('代销中');
  await expect(page.getByTestId('consignment-sales')).toContainText(`B-${caseNumber}-1`);
  const sold = (code: string) =>
    page.getByTestId('consignment-items').locator(`tr[data-code="${code}"] td`);
  await expect(sold(first).nth(4)).toHaveText('2');
  await expect(sold(first).nth(5)).toHaveText('1');
  await page.mouse.move(0, 0);
  await checkPage(page, 'consignment.detail');

  // an auditor: the same page, no task link, no new-consignment button
  await page.getByRole('button', { name: /退\s?出|Log out/ }).click();
  await logIn(page, 'auditor-01');
  await page.getByTestId('nav-consignments').click();
  await expect(page.getByTestId('consignments-page')).toBeVisible();
  await expect(page.getByTestId('new-consignment')).toHaveCount(0);
  await page.locator(`tr[data-case-number="${caseNumber}"]`).getByRole('link').click();
  await expect(page.getByTestId('consignment-items')).toContainText(first);
  await expect(page.getByTestId('consignment-tasks').getByRole('link')).toHaveCount(0);
  await expect(page.locator('[data-testid="consignment-page"] a[href*="/tasks/"]')).toHaveCount(0);
});
