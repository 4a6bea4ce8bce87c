import type { ReturnState } from '@aso/domain';
import { people } from './support/actors';
import { createHarness, type Harness, refusalOf } from './support/harness';
import { eventually } from './support/poll';
import {
  answerUnresolved,
  returnResult,
  salesSupervisor,
  startStandaloneReturn,
} from './support/return-steps';
import { sleepUntil } from './support/time';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('standalone-return-test');
  await sleepUntil(h, '2026-12-09T02:00:00Z'); // Wednesday 10:00 in Shanghai
});
afterAll(async () => {
  await h?.teardown();
});

// Delivered Thursday 2026-12-03 10:00 Shanghai: the 7 calendar days end 2026-12-10 10:00.
const deliveredAt = new Date('2026-12-03T02:00:00Z');
const salesManager = people.salesManager;

/** an audit entry's data, once the case has written it */
const auditData = (caseNumber: string, action: string) =>
  eventually(
    async () => h.recorded.auditOf(caseNumber).find((a) => a.action === action)?.data,
    `${action} on ${caseNumber}`,
  );
const explanationOf = (caseNumber: string) => auditData(caseNumber, 'eligibility.explained');

describe('a customer’s own return (TH, DOMAIN.md §2; 001 篇3 退货流程, 002 ch.11)', () => {
  test('R08 R09 R16 R17 001 篇3 退货流程 1–4: a retail no-reason return asked 2026-12-09, inside the 7 days to 2026-12-10 10:00 — supervisor confirms, warehouse checks, finance refunds; the slip says the customer pays shipping; the follow-up case starts', async () => {
    const r = await startStandaloneReturn(h, {
      deliveredAt,
      requestedAt: new Date('2026-12-09T02:00:00Z'),
    });
    expect(await r.view()).toMatchObject({
      caseType: 'return',
      status: 'requested',
      parentCaseNumber: null,
    });
    expect(await explanationOf(r.caseNumber)).toMatchObject({
      decision: 'accept',
      rule: 'R17',
      shippingPaidBy: 'customer',
      windowEndsAt: '2026-12-10T02:00:00.000Z',
      source: 'seed',
    });
    await answerUnresolved(r);
    // 退货流程 1: the salesperson confirms with the supervisor — not with themself, nor a clerk
    expect(
      (
        await refusalOf(
          r.complete('return_request_approval', people.sales2, { type: 'ApproveReturnRequest' }),
        )
      ).type,
    ).toBe('WRONG_ROLE');
    await r.complete('return_request_approval', salesSupervisor, { type: 'ApproveReturnRequest' });
    await r.complete('goods_receipt', people.warehouse, {
      type: 'ReceiveGoods',
      quantity: 1,
      complete: true,
      undamaged: true,
    });
    await r.complete('reconciliation', people.finance, {
      type: 'Reconcile',
      voucherNumber: 'PZ-9',
    });
    await r.complete('refund', people.finance, { type: 'RecordRefund', amountFen: 39_900 });
    expect(await returnResult(r)).toMatchObject({ status: 'completed', outcome: 'refunded' });
    const [slip] = h.recorded.documentsOf(r.caseNumber, 'return_slip');
    expect(slip).toMatchObject({
      status: 'refunded',
      content: {
        serialNumber: 'SN-DVR-0001',
        customerAccount: 'wangwang:li_si',
        shippingPaidBy: 'customer',
        returnedQuantity: 1,
        refundFen: 39_900,
      },
    });
    expect(slip?.signatures.map((s) => s.role)).toEqual([
      'issuer',
      'supervisor',
      'warehouse',
      'finance',
    ]);
    const started = await eventually(
      async () =>
        h.recorded.auditOf(r.caseNumber).find((a) => a.action === 'case.follow_up_started')?.data,
      'the follow-up case',
    );
    expect(String(started.followUpCaseNumber)).toMatch(/^HF\d{6}-\d{4}$/);
  });

  test('R10 001 篇3 一般售后 1–2: the supervisor answers the problem first; answered, the case closes "resolved without return" with the answer recorded', async () => {
    const r = await startStandaloneReturn(h, {
      deliveredAt,
      requestedAt: new Date('2026-12-09T02:00:00Z'),
    });
    await r.complete('return_supervisor_answer', salesSupervisor, {
      type: 'RecordSupervisorAnswer',
      answer: '教客户关闭停车监控, 不再耗电; 客户满意',
      resolved: true,
    });
    expect(await returnResult(r)).toMatchObject({
      status: 'completed',
      outcome: 'resolved_without_return',
    });
    expect(
      h.recorded.auditOf(r.caseNumber).find((a) => a.action === 'return.SupervisorAnswered')?.data,
    ).toMatchObject({ answer: '教客户关闭停车监控, 不再耗电; 客户满意', resolved: true });
  });

  test('R17 001 篇3 退换货 7: asked 2026-12-10 10:01, a minute after the 7 days — approval is refused (RETURN_WINDOW_EXPIRED) unless the supervisor records a reason', async () => {
    const r = await startStandaloneReturn(h, {
      deliveredAt,
      requestedAt: new Date('2026-12-10T02:01:00Z'),
    });
    expect(await explanationOf(r.caseNumber)).toMatchObject({
      decision: 'may_refuse',
      rule: 'R17',
    });
    await answerUnresolved(r);
    const refused = await refusalOf(
      r.complete('return_request_approval', salesSupervisor, { type: 'ApproveReturnRequest' }),
    );
    expect(refused.type).toBe('RETURN_WINDOW_EXPIRED');
    await r.complete('return_request_approval', salesSupervisor, {
      type: 'RejectReturnRequest',
      reason: '超出七天无理由退换货范围',
    });
    expect(await returnResult(r)).toMatchObject({ status: 'rejected', outcome: 'rejected' });
  });

  test('R25 002 点货 ch.5 1B: an on-site return’s printed slip carries the handler’s, the customer’s and the department manager’s signatures before the warehouse receives', async () => {
    const r = await startStandaloneReturn(h, {
      deliveredAt,
      requestedAt: new Date('2026-12-09T02:00:00Z'),
      standalone: (s) => ({ ...s, request: { ...s.request, channel: 'on_site' } }),
    });
    await answerUnresolved(r);
    await r.complete('return_request_approval', salesSupervisor, { type: 'ApproveReturnRequest' });
    expect(h.recorded.documentsOf(r.caseNumber, 'return_slip')[0]?.status).toBe('printed');
    await r.complete('on_site_slip_signature', people.sales, {
      type: 'SignOnSiteSlip',
      customerSignature: '李四',
    });
    await r.complete('on_site_slip_countersign', salesManager, { type: 'CountersignOnSiteSlip' });
    expect((await r.view()).state as ReturnState).toMatchObject({
      status: 'awaiting_goods',
      onSite: { handler: 'sales-01', customer: '李四', departmentManager: 'sales-m' },
    });
    const [slip] = h.recorded.documentsOf(r.caseNumber, 'return_slip');
    expect(slip?.signatures.map((s) => [s.role, s.by])).toEqual([
      ['issuer', 'sales-01'],
      ['supervisor', 'sales-s'],
      ['handler', 'sales-01'],
      ['customer', '李四'],
      ['department_manager', 'sales-m'],
    ]);
  });

  test('R19 001 篇3 退差价 2: a price drop ¥399 → ¥359.10 before shipping is refunded by finance at exactly 3990 fen, no goods move', async () => {
    const r = await startStandaloneReturn(h, {
      deliveredAt,
      requestedAt: new Date('2026-12-09T02:00:00Z'),
      standalone: (s) => {
        const { eligibility: _none, ...rest } = s;
        void _none;
        return {
          ...rest,
          request: { ...s.request, kind: 'price_difference', serialNumber: '' },
          priceDifference: {
            paidUnitFen: 39_900,
            newUnitFen: 35_910,
            quantity: 1,
            handedToCarrier: false,
          },
        };
      },
    });
    expect(await auditData(r.caseNumber, 'settlement.explained')).toMatchObject({
      refundFen: 3990,
      rule: 'R19',
    });
    await answerUnresolved(r);
    await r.complete('return_request_approval', salesSupervisor, { type: 'ApproveReturnRequest' });
    const refused = await refusalOf(
      r.complete('refund', people.finance, { type: 'RecordRefund', amountFen: 5000 }),
    );
    expect(refused.type).toBe('MONEY_INVALID');
    await r.complete('refund', people.finance, { type: 'RecordRefund', amountFen: 3990 });
    expect(await returnResult(r)).toMatchObject({ status: 'completed', outcome: 'refunded' });
    expect(h.recorded.documentsOf(r.caseNumber, 'return_slip')).toEqual([]);
  });
});
