import { Worker } from '@temporalio/worker';
import { workflowBundleOptions } from '@aso/temporal';
import {
  BusinessCalendar,
  computeStageDeadline,
  defaultPolicy,
  type ReturnState,
} from '@aso/domain';
import { people } from './support/actors';
import { close, toExecution } from './support/complaint-steps';
import {
  type CaseDriver,
  type ComplaintDriver,
  type Harness,
  createHarness,
  refusalOf,
} from './support/harness';
import { eventually } from './support/poll';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('return-workflow-test');
});
afterAll(async () => {
  await h?.teardown();
});

const calendar = new BusinessCalendar(defaultPolicy.calendar);

/** The complaint's child return case, once the complaint has started it. */
async function childOf(c: ComplaintDriver): Promise<CaseDriver<ReturnState>> {
  const number = await eventually(
    async () => (await c.view()).childCaseNumbers[0],
    `the child of ${c.caseNumber}`,
  );
  expect(number).toMatch(/^TH\d{6}-\d{4}$/);
  return h.driver<ReturnState>(number);
}

/** R02 001 §29.1(2): sales fills in the slip of the complaint's return (its method). */
async function fillSlip(r: CaseDriver<ReturnState>) {
  await eventually(
    async () => (await r.tasks('return_slip_entry')).length > 0,
    'the slip entry task',
  );
  const { method } = (await r.view()).state;
  await r.complete('return_slip_entry', people.sales, {
    type: 'FillReturnSlip',
    reason: '外壳开裂, 客户要求退货',
    method,
    basis: `${(await r.view()).parentCaseNumber} 客户投诉处理表 处理决定`,
  });
}

async function approveSlipAndReceive(r: CaseDriver<ReturnState>, quantity: number, filled = false) {
  if (!filled) await fillSlip(r);
  await r.complete('return_slip_approval', people.salesVp, { type: 'ApproveReturnSlip' });
  await r.complete('goods_receipt', people.warehouse, {
    type: 'ReceiveGoods',
    quantity,
    complete: true,
    undamaged: true,
  });
}

async function expectComplaintClosesWith(c: ComplaintDriver, outcome: string) {
  await eventually(
    async () => (await c.view()).status === 'ready_to_close',
    'the complaint to be ready to close',
  );
  expect((await c.view()).state.execution).toMatchObject({
    kind: 'child_case',
    childType: 'return',
    completed: true,
    outcome,
  });
  await close(c);
  expect(await c.result()).toMatchObject({ status: 'closed', closedOnTime: true });
}

describe('return child case, DOMAIN.md §2 (complaint origin, 001 §29)', () => {
  test('C27 R01 R03 R05 R06 001 §29.1(2)–29.2: return → TH child; sales VP approves the slip; warehouse receives; finance matches, books the voucher and refunds; the complaint closes', async () => {
    const c = await h.startComplaint();
    await toExecution(c, 'return', { approvedReturnQuantity: 3 });
    const r = await childOf(c);
    const started = await r.view();
    expect(started).toMatchObject({
      caseType: 'return',
      parentCaseNumber: c.caseNumber,
      status: 'slip_entry',
      policyVersion: 1,
    });
    await fillSlip(r);
    expect(await r.task('return_slip_approval')).toMatchObject({
      candidateDepartment: null,
      candidateRoles: ['sales_vp'],
    });
    expect(
      (
        await refusalOf(
          r.complete('return_slip_approval', people.salesManager, { type: 'ApproveReturnSlip' }),
        )
      ).type,
    ).toBe('WRONG_ROLE');
    await approveSlipAndReceive(r, 3, true);
    await r.complete('reconciliation', people.finance, {
      type: 'Reconcile',
      voucherNumber: 'PZ-2026-001',
    });
    await r.complete('refund', people.finance, { type: 'RecordRefund', amountFen: 60_000 });
    expect(await r.handle.result()).toMatchObject({
      caseNumber: r.caseNumber,
      status: 'completed',
      outcome: 'refunded',
      returnedQuantity: 3,
    });
    const [slip] = h.recorded.documentsOf(r.caseNumber, 'return_slip');
    expect(slip).toMatchObject({
      status: 'refunded',
      content: expect.objectContaining({
        approvedQuantity: 3,
        returnedQuantity: 3,
        voucherNumber: 'PZ-2026-001',
      }),
    });
    expect(slip?.distribution.map((d) => d.department)).toEqual([
      'sales',
      'warehouse',
      'finance',
      'sales',
    ]);
    expect(slip?.signatures.map((s) => s.role)).toEqual([
      'issuer',
      'sales_vp',
      'warehouse',
      'finance',
    ]);
    expect(
      h.recorded
        .auditOf(r.caseNumber)
        .some((a) => a.action === 'approval.signed' && a.data.action === 'return_slip'),
    ).toBe(true);
    expect(h.recorded.caseOf(r.caseNumber)).toMatchObject({
      caseType: 'return',
      parentCaseNumber: c.caseNumber,
      status: 'completed',
    });
    await expectComplaintClosesWith(c, 'refunded');
    expect(h.recorded.caseOf(c.caseNumber)?.childCaseNumbers).toEqual([r.caseNumber]);
    // the recorded histories replay against today's code: the workflows are deterministic
    const histories = [
      { workflowId: c.caseNumber, history: await c.handle.fetchHistory() },
      { workflowId: r.caseNumber, history: await r.handle.fetchHistory() },
    ];
    for await (const replay of Worker.runReplayHistories(workflowBundleOptions(), histories))
      expect(replay.error).toBeUndefined();
  });

  test("001 §29.2–3: after the slip is approved, warehouse and finance work in parallel, each with its own deadline (finance's waits for the goods)", async () => {
    const c = await h.startComplaint();
    await toExecution(c, 'return', { approvedReturnQuantity: 2 });
    const r = await childOf(c);
    await fillSlip(r);
    await r.complete('return_slip_approval', people.salesVp, { type: 'ApproveReturnSlip' });
    const receipt = await r.task('goods_receipt');
    const reconciliation = await r.task('reconciliation');
    expect(receipt).toMatchObject({ candidateDepartment: 'warehouse', stage: 'goodsReceipt' });
    expect(receipt.dueAt).toBe(
      computeStageDeadline(
        defaultPolicy,
        calendar,
        'return',
        'goodsReceipt',
        new Date(receipt.createdAt),
      ).due.toISOString(),
    );
    expect(reconciliation).toMatchObject({
      candidateDepartment: 'finance',
      stage: 'reconciliation',
      dueAt: null,
    });
    expect(
      (
        await refusalOf(
          r.complete('reconciliation', people.finance, {
            type: 'Reconcile',
            voucherNumber: 'PZ-1',
          }),
        )
      ).type,
    ).toBe('ILLEGAL_TRANSITION');
    await h.env.sleep('1 day');
    await r.complete('goods_receipt', people.warehouse, {
      type: 'ReceiveGoods',
      quantity: 2,
      complete: true,
      undamaged: true,
    });
    const running = await r.task('reconciliation');
    expect(running.taskId).toBe(reconciliation.taskId);
    const receivedAt = (await r.tasks('goods_receipt'))[0]!.completedAt!;
    const expected = computeStageDeadline(
      defaultPolicy,
      calendar,
      'return',
      'reconciliation',
      new Date(receivedAt),
    ).due.getTime();
    expect(Math.abs(new Date(running.dueAt!).getTime() - expected)).toBeLessThan(1_000);
    const actions = h.recorded
      .auditOf(r.caseNumber)
      .filter((a) => a.data.taskId === reconciliation.taskId)
      .map((a) => a.action);
    expect(actions).toEqual(['task.opened', 'task.clock_paused', 'task.clock_resumed']);
  });

  test('R05 001 §29.2: a quantity mismatch goes back to sales with the difference; the rest arrives; then finance matches and refunds', async () => {
    const c = await h.startComplaint();
    await toExecution(c, 'return', { approvedReturnQuantity: 3 });
    const r = await childOf(c);
    await approveSlipAndReceive(r, 2);
    const mismatch = await r.complete('reconciliation', people.finance, {
      type: 'Reconcile',
      voucherNumber: 'PZ-2',
    });
    expect(mismatch).toMatchObject({
      events: ['ReconciliationMismatched'],
      status: 'back_to_sales',
    });
    expect((await r.view()).state.reconciliation).toMatchObject({
      approvedQuantity: 3,
      returnedQuantity: 2,
      difference: -1,
      matched: false,
    });
    expect(await r.task('mismatch_resolution')).toMatchObject({
      candidateDepartment: 'sales',
      stage: 'mismatchResolution',
    });
    await r.complete('mismatch_resolution', people.sales, {
      type: 'ResolveMismatch',
      resolution: 'await_remaining_goods',
      note: 'customer ships the third unit',
    });
    await r.complete('goods_receipt', people.warehouse, {
      type: 'ReceiveGoods',
      quantity: 1,
      complete: true,
      undamaged: true,
      mode: 'additional',
    });
    const matched = await r.complete('reconciliation', people.finance, {
      type: 'Reconcile',
      voucherNumber: 'PZ-3',
    });
    expect(matched).toMatchObject({ events: ['ReconciliationMatched'], status: 'refunding' });
    await r.complete('refund', people.finance, { type: 'RecordRefund', amountFen: 60_000 });
    expect(await r.handle.result()).toMatchObject({ returnedQuantity: 3, outcome: 'refunded' });
    expect((await r.view()).state.mismatches).toBe(1);
    await expectComplaintClosesWith(c, 'refunded');
  });

  test('R04 DOMAIN §2 step 4 (001 §29.3): damaged or incomplete goods fail the warehouse check and go back to sales; a recount passes', async () => {
    const c = await h.startComplaint();
    await toExecution(c, 'return', { approvedReturnQuantity: 2 });
    const r = await childOf(c);
    await fillSlip(r);
    await r.complete('return_slip_approval', people.salesVp, { type: 'ApproveReturnSlip' });
    const failed = await r.complete('goods_receipt', people.warehouse, {
      type: 'ReceiveGoods',
      quantity: 2,
      complete: false,
      undamaged: true,
      note: 'warranty card missing',
    });
    expect(failed).toMatchObject({ events: ['GoodsCheckFailed'], status: 'back_to_sales' });
    expect((await r.tasks('reconciliation'))[0]).toMatchObject({ status: 'cancelled' });
    await r.complete('mismatch_resolution', people.sales, {
      type: 'ResolveMismatch',
      resolution: 'recount',
      note: 'customer sent the card',
    });
    await r.complete('goods_receipt', people.warehouse, {
      type: 'ReceiveGoods',
      quantity: 2,
      complete: true,
      undamaged: true,
      mode: 'recount',
    });
    await r.complete('reconciliation', people.finance, {
      type: 'Reconcile',
      voucherNumber: 'PZ-5',
    });
    await r.complete('refund', people.finance, { type: 'RecordRefund', amountFen: 40_000 });
    expect(await r.handle.result()).toMatchObject({ outcome: 'refunded', returnedQuantity: 2 });
    await expectComplaintClosesWith(c, 'refunded');
  });

  test.each([
    ['exchange', 'reshipped'],
    ['rework', 'reworked'],
  ] as const)(
    'C41 R07 001 §29 / DOMAIN §2 step 6: %s → return child, then the warehouse reships (%s)',
    async (method, outcome) => {
      const c = await h.startComplaint();
      await toExecution(c, method, { approvedReturnQuantity: 1 });
      const r = await childOf(c);
      expect((await r.view()).state.method).toBe(method);
      await approveSlipAndReceive(r, 1);
      await r.complete('reconciliation', people.finance, {
        type: 'Reconcile',
        voucherNumber: 'PZ-4',
      });
      expect(await r.task('reship')).toMatchObject({ candidateDepartment: 'warehouse' });
      await r.complete('reship', people.warehouse, {
        type: 'RecordReshipment',
        shipmentNumber: 'SF-1',
      });
      expect(await r.handle.result()).toMatchObject({ outcome });
      await expectComplaintClosesWith(c, outcome);
    },
  );

  test('R02 001 §29.1(2): sales fills in the return slip (return reason, handling method, basis) as a sales task; the workflow issues nothing in the reporter’s name', async () => {
    const c = await h.startComplaint();
    await toExecution(c, 'exchange', { approvedReturnQuantity: 2 });
    const r = await childOf(c);
    const entry = await r.task('return_slip_entry');
    expect(entry).toMatchObject({
      candidateDepartment: 'sales',
      stage: 'slipApproval',
      commands: ['FillReturnSlip'],
    });
    expect((await r.view()).state).toMatchObject({
      status: 'slip_entry',
      method: 'exchange',
      approvedQuantity: 2,
      slip: null,
    });
    // nothing issued yet: no slip document, no slip approval task
    expect(h.recorded.documentsOf(r.caseNumber, 'return_slip')).toEqual([]);
    expect(await r.tasks('return_slip_approval')).toEqual([]);
    const fill = {
      type: 'FillReturnSlip',
      reason: '2 台录音笔外壳开裂',
      method: 'exchange',
      basis: `${c.caseNumber} 客户投诉处理表 rev 1: 换货 2 台`,
    };
    expect((await refusalOf(r.complete('return_slip_entry', people.cs, fill))).type).toBe(
      'WRONG_DEPARTMENT',
    );
    const wrongMethod = await refusalOf(
      r.complete('return_slip_entry', people.sales, { ...fill, method: 'refund' }),
    );
    expect(wrongMethod.type).toBe('COMMAND_INVALID');
    expect(wrongMethod.message).toContain('exchange');
    await r.complete('return_slip_entry', people.sales2, fill);
    const [slip] = h.recorded.documentsOf(r.caseNumber, 'return_slip');
    expect(slip).toMatchObject({
      status: 'issued',
      content: expect.objectContaining({
        parentCaseNumber: c.caseNumber,
        reason: '2 台录音笔外壳开裂',
        method: 'exchange',
        basis: `${c.caseNumber} 客户投诉处理表 rev 1: 换货 2 台`,
        approvedQuantity: 2,
      }),
    });
    expect(slip?.signatures).toEqual([expect.objectContaining({ by: 'sales-02', role: 'issuer' })]);
    expect((await r.view()).state.slip).toMatchObject({ issuedBy: 'sales-02' });
    await r.complete('return_slip_approval', people.salesVp, { type: 'ApproveReturnSlip' });
    expect((await r.view()).status).toBe('awaiting_goods');
  });
});
