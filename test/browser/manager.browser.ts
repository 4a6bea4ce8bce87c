import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { call } from '../support/http';
import { eventually } from '../support/stack';
import {
  as,
  base,
  choose,
  complaintAwaitingApproval,
  logIn,
  openComplaint,
  shot,
  taskFor,
} from './support';

/** Managers (issue 11): approvals waiting for me, escalations, the board with bulk reassign, KPIs. */

test('cs-mgr-02 (personal limit ¥500) sees the ¥930 discount waiting for approval with its explanation, above the limit', async ({
  page,
}) => {
  const caseNumber = await complaintAwaitingApproval();
  await logIn(page, 'cs-mgr-02');
  await page.getByTestId('nav-approvals').click();
  const card = page.locator(`[data-testid=approval][data-case-number="${caseNumber}"]`);
  await expect(card).toBeVisible();
  await expect(card.getByTestId('approval-amount')).toHaveText('¥930.00');
  await expect(card).toContainText('¥500.00'); // my limit
  await expect(card.getByTestId('above-limit')).toHaveText('超出我的限额');
  // a new case pins the current policy, version 2 (issue 12: v1 cases keep v1)
  await expect(card.getByTestId('explanation')).toContainText('v2');
  await expect(card.getByTestId('explanation')).toContainText('经理');
  await shot(page, 'approvals.cs-mgr-02.zh-CN');
  await page.getByTestId('nav-escalations').click();
  await expect(page.getByTestId('escalations-page')).toContainText('升级事项');
});

test('cs-mgr-01 sees the CS board by assignee and hands two open registrations to cs-02 in one go', async ({
  page,
}) => {
  const cases = [await openComplaint(), await openComplaint()];
  const tasks = await Promise.all(cases.map((n) => taskFor('cs-01', n, 'RegisterComplaint')));
  const cs2 = await as('cs-02');
  await logIn(page, 'cs-mgr-01');
  await page.getByTestId('nav-board').click();
  await expect(page.getByTestId('board-page')).toContainText('客服');
  for (const t of tasks) {
    const row = page.locator(`tr[data-task-id="${t.taskId}"]`);
    await expect(row).toContainText('未分派');
    await row.locator('input[type=checkbox]').check();
  }
  await expect(page.getByTestId('board-loads')).toContainText('未分派');
  await choose(page, page.getByTestId('reassign-to'), '(cs-02)');
  await page.getByTestId('reassign').click();
  for (const t of tasks)
    await expect(page.locator(`tr[data-task-id="${t.taskId}"]`)).not.toContainText('未分派');
  await expect(
    page.locator(`[data-testid=board-loads] tr[data-assignee="${cs2.user.id}"]`),
  ).toBeVisible();
  await shot(page, 'board.cs-mgr-01.zh-CN');
  const mine = await eventually(async () => {
    const res = await call(base(), 'GET', '/inbox?scope=mine&limit=200', cs2);
    const ids = (res.body.items as Array<{ taskId: string }>).map((x) => x.taskId);
    return tasks.every((t) => ids.includes(t.taskId)) ? ids : undefined;
  });
  expect(mine.length).toBeGreaterThanOrEqual(2);
});

test('the KPI dashboard draws its charts by month for the chosen period and exports its tables as XLSX', async ({
  page,
}) => {
  await logIn(page, 'cs-mgr-01');
  await page.getByTestId('nav-kpis').click();
  await expect(page.getByTestId('kpi-totals')).toContainText('投诉解决率');
  for (const chart of ['chart-rates', 'chart-first-response', 'chart-overdue'])
    await expect(page.getByTestId(chart).locator('canvas')).toHaveCount(1);
  const rows = page.getByTestId('kpi-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(6); // the default period: this month and the five before
  await shot(page, 'kpis.cs-mgr-01.zh-CN');
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('kpi-export-xlsx').click(),
  ]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await dl.path())!) as unknown as ArrayBuffer);
  expect(book.worksheets.map((w) => w.name)).toEqual(['按月趋势', '各部门超期任务']);
  expect(book.worksheets[0]!.rowCount).toBe(7);
});
