import type { StandaloneReturnRequest } from '@aso/contracts';
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

describe('R12 R13 R18 R20 R23: remedy first, shipping claims, price differences with the carrier, wholesale quality (001 篇3 退换货 2–3, 退差价 1, 3; 002 ch.11 1(3))', () => {
  const requestedAt = new Date('2026-12-09T02:00:00Z');

  test('R12 001 篇3 退换货 2: a dissatisfied customer — find the cause and remedy it first (remedy_first); remedied, the case closes without a return; the customer still refusing, the return is approved', async () => {
    const dissatisfied = (s: StandaloneReturnRequest): StandaloneReturnRequest => ({
      ...s,
      request: { ...s.request, reason: '画质不满意' },
      eligibility: { ...s.eligibility!, reason: 'dissatisfied', remedyPossible: true },
    });
    const remedied = await startStandaloneReturn(h, {
      deliveredAt,
      requestedAt,
      standalone: dissatisfied,
    });
    expect(await explanationOf(remedied.caseNumber)).toMatchObject({
      decision: 'remedy_first',
      rule: 'R12',
    });
    await remedied.complete('return_supervisor_answer', salesSupervisor, {
      type: 'RecordSupervisorAnswer',
      answer: '调高码率设置, 画质改善; 客户满意',
      resolved: true,
    });
    expect(await returnResult(remedied)).toMatchObject({
      status: 'completed',
      outcome: 'resolved_without_return',
    });
    const refusing = await startStandaloneReturn(h, {
      deliveredAt,
      requestedAt,
      standalone: dissatisfied,
    });
    await answerUnresolved(refusing);
    await refusing.complete('return_request_approval', salesSupervisor, {
      type: 'ApproveReturnRequest',
    });
    expect((await refusing.view()).state).toMatchObject({ status: 'awaiting_goods' });
  });

  const shippingClaim =
    (wrongCarrier: boolean) =>
    (s: StandaloneReturnRequest): StandaloneReturnRequest => {
      const { eligibility: _none, ...rest } = s;
      void _none;
      return {
        ...rest,
        request: { ...s.request, kind: 'shipping_claim', serialNumber: '', reason: '迟收到货' },
        shippingClaim: { deliveredLate: true, wrongCarrier, postageDifferenceFen: 1000 },
      };
    };

  test('R13 001 篇3 退换货 3: a postage refund asked for a late delivery is explained (nothing refunded); when we used the wrong carrier finance refunds the ¥10 (1000 fen) postage difference', async () => {
    const late = await startStandaloneReturn(h, {
      deliveredAt,
      requestedAt,
      standalone: shippingClaim(false),
    });
    expect(await auditData(late.caseNumber, 'settlement.explained')).toMatchObject({
      refundFen: 0,
      offer: 'explanation',
      rule: 'R13',
    });
    await answerUnresolved(late);
    await late.complete('return_request_approval', salesSupervisor, {
      type: 'ApproveReturnRequest',
    });
    expect(await returnResult(late)).toMatchObject({ status: 'completed', outcome: 'explained' });
    const wrong = await startStandaloneReturn(h, {
      deliveredAt,
      requestedAt,
      standalone: shippingClaim(true),
    });
    expect(await auditData(wrong.caseNumber, 'settlement.explained')).toMatchObject({
      refundFen: 1000,
      rule: 'R13',
    });
    await answerUnresolved(wrong);
    await wrong.complete('return_request_approval', salesSupervisor, {
      type: 'ApproveReturnRequest',
    });
    expect(
      (
        await refusalOf(
          wrong.complete('refund', people.finance, { type: 'RecordRefund', amountFen: 1500 }),
        )
      ).type,
    ).toBe('MONEY_INVALID');
    await wrong.complete('refund', people.finance, { type: 'RecordRefund', amountFen: 1000 });
    expect(await returnResult(wrong)).toMatchObject({ status: 'completed', outcome: 'refunded' });
    expect((await wrong.view()).state).toMatchObject({ refundFen: 1000 });
  });

  test('R20 R18 001 篇3 退差价 3, 1: a price drop ¥399 → ¥359.10 after the goods were handed to the carrier — no difference refunded; a gift or a next-purchase discount is offered instead and the case closes', async () => {
    const r = await startStandaloneReturn(h, {
      deliveredAt,
      requestedAt,
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
            handedToCarrier: true,
          },
        };
      },
    });
    const settlement = await auditData(r.caseNumber, 'settlement.explained');
    expect(settlement).toMatchObject({
      refundFen: 0,
      offer: 'gift_or_coupon',
      rule: 'R20',
    });
    await answerUnresolved(r);
    await r.complete('return_request_approval', salesSupervisor, { type: 'ApproveReturnRequest' });
    expect(await returnResult(r)).toMatchObject({ status: 'completed', outcome: 'gift_offered' });
    expect((await r.view()).state).toMatchObject({ refundFen: null });
  });

  const wholesaleQuality =
    (over: { videoChecked: boolean; replacementAvailable: boolean }) =>
    (s: StandaloneReturnRequest): StandaloneReturnRequest => ({
      ...s,
      request: { ...s.request, customerKind: 'wholesale', reason: '批量花屏', quantity: 2 },
      eligibility: {
        ...s.eligibility!,
        customerKind: 'wholesale',
        reason: 'quality_problem',
        qualityProblemConfirmed: true,
        selfPickup: false,
        ...over,
      },
    });

  test('R23 002 ch.11 1(3): a wholesale quality problem is checked by video first (unchecked: refused); checked with stock → exchanged and reshipped; with no stock → returned and refunded', async () => {
    const unchecked = await startStandaloneReturn(h, {
      deliveredAt,
      requestedAt,
      standalone: wholesaleQuality({ videoChecked: false, replacementAvailable: true }),
    });
    expect(await explanationOf(unchecked.caseNumber)).toMatchObject({
      decision: 'refuse',
      rule: 'R23',
    });
    const stock = await startStandaloneReturn(h, {
      deliveredAt,
      requestedAt,
      standalone: wholesaleQuality({ videoChecked: true, replacementAvailable: true }),
    });
    expect(await explanationOf(stock.caseNumber)).toMatchObject({
      decision: 'exchange_only',
      rule: 'R23',
    });
    await answerUnresolved(stock);
    await stock.complete('return_request_approval', salesSupervisor, {
      type: 'ApproveReturnRequest',
    });
    expect((await stock.view()).state).toMatchObject({ method: 'exchange' });
    await stock.complete('goods_receipt', people.warehouse, {
      type: 'ReceiveGoods',
      quantity: 2,
      complete: true,
      undamaged: true,
    });
    await stock.complete('reconciliation', people.finance, {
      type: 'Reconcile',
      voucherNumber: 'PZ-R23-1',
    });
    await stock.complete('reship', people.warehouse, {
      type: 'RecordReshipment',
      shipmentNumber: 'SF-R23-1',
    });
    expect(await returnResult(stock)).toMatchObject({ status: 'completed', outcome: 'reshipped' });
    const noStock = await startStandaloneReturn(h, {
      deliveredAt,
      requestedAt,
      standalone: wholesaleQuality({ videoChecked: true, replacementAvailable: false }),
    });
    expect(await explanationOf(noStock.caseNumber)).toMatchObject({
      decision: 'accept',
      rule: 'R23',
    });
  });
});

describe('R14 R22 R24: completeness, wholesale wrong goods, franchise ratio (001 篇3 退换货 4; 002 ch.11)', () => {
  const requestedAt = new Date('2026-12-09T02:00:00Z');
  const withoutCard = ['packaging', 'accessories', 'unit'] as const;

  /** the supervisor's approval is refused with the deciding rule; the supervisor rejects */
  async function refusedBy(r: Awaited<ReturnType<typeof startStandaloneReturn>>, rule: string) {
    await answerUnresolved(r);
    const refused = await refusalOf(
      r.complete('return_request_approval', salesSupervisor, { type: 'ApproveReturnRequest' }),
    );
    expect(refused.type).toBe('RETURN_NOT_ELIGIBLE');
    expect(refused.message).toContain(rule);
    await r.complete('return_request_approval', salesSupervisor, {
      type: 'RejectReturnRequest',
      reason: `${rule}: 不符合退换货条件`,
    });
    expect(await returnResult(r)).toMatchObject({ status: 'rejected', outcome: 'rejected' });
  }

  /** approve, receive, reconcile; then refund or reship */
  async function approveAndReceive(
    r: Awaited<ReturnType<typeof startStandaloneReturn>>,
    quantity: number,
  ) {
    await answerUnresolved(r);
    await r.complete('return_request_approval', salesSupervisor, { type: 'ApproveReturnRequest' });
    await r.complete('goods_receipt', people.warehouse, {
      type: 'ReceiveGoods',
      quantity,
      complete: true,
      undamaged: true,
    });
    await r.complete('reconciliation', people.finance, {
      type: 'Reconcile',
      voucherNumber: `PZ-${r.caseNumber}`,
    });
  }

  test('R14 001 篇3 退换货 4: a no-reason return inside the 7 days that comes back without its warranty card (质保卡) is refused by R14; the supervisor rejects it', async () => {
    const r = await startStandaloneReturn(h, {
      deliveredAt,
      requestedAt,
      standalone: (s) => ({
        ...s,
        eligibility: { ...s.eligibility!, partsReturned: [...withoutCard] },
      }),
    });
    expect(await explanationOf(r.caseNumber)).toMatchObject({
      decision: 'refuse',
      rule: 'R14',
      missingParts: ['warranty_card'],
      withinWindow: true,
    });
    await refusedBy(r, 'R14');
  });

  test('R14 001 篇3 退换货 4 with Decision 8: a confirmed quality return without its warranty card and packaging is accepted (R11) — quality beats completeness; the missing parts are on the slip and the company pays shipping', async () => {
    const r = await startStandaloneReturn(h, {
      deliveredAt,
      requestedAt,
      standalone: (s) => ({
        ...s,
        request: { ...s.request, reason: '录音笔无法开机' },
        eligibility: {
          ...s.eligibility!,
          reason: 'quality_problem',
          qualityProblemConfirmed: true,
          poweredOn: true,
          partsReturned: ['accessories', 'unit'],
        },
      }),
    });
    const explained = await explanationOf(r.caseNumber);
    expect(explained).toMatchObject({
      decision: 'accept',
      rule: 'R11',
      shippingPaidBy: 'company',
      missingParts: ['packaging', 'warranty_card'],
    });
    expect(explained.reasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'Decision 8' })]),
    );
    await approveAndReceive(r, 1);
    await r.complete('refund', people.finance, { type: 'RecordRefund', amountFen: 39_900 });
    expect(await returnResult(r)).toMatchObject({ status: 'completed', outcome: 'refunded' });
    const [slip] = h.recorded.documentsOf(r.caseNumber, 'return_slip');
    expect(slip?.content).toMatchObject({
      missingParts: ['packaging', 'warranty_card'],
      shippingPaidBy: 'company',
    });
  });

  test('R22 002 ch.11 1(2): a wholesale customer served by video / remotely (online) who received different goods is given an exchange — approved as exchange, the goods come back, the warehouse reships', async () => {
    const r = await startStandaloneReturn(h, {
      deliveredAt,
      requestedAt,
      standalone: (s) => ({
        ...s,
        request: {
          ...s.request,
          reason: '收到的型号与订单不符 (订 DVR-X1, 收到 DVR-X2)',
          customerKind: 'wholesale',
          channel: 'online',
          kind: 'return',
          quantity: 5,
        },
        eligibility: {
          ...s.eligibility!,
          customerKind: 'wholesale',
          reason: 'wrong_item',
          selfPickup: false,
        },
      }),
    });
    expect(await explanationOf(r.caseNumber)).toMatchObject({
      decision: 'exchange_only',
      rule: 'R22',
      shippingPaidBy: 'company',
    });
    await approveAndReceive(r, 5);
    expect((await r.view()).state).toMatchObject({ method: 'exchange', status: 'reshipping' });
    await r.complete('reship', people.warehouse, {
      type: 'RecordReshipment',
      shipmentNumber: 'SF-R22-1',
    });
    expect(await returnResult(r)).toMatchObject({ status: 'completed', outcome: 'reshipped' });
  });

  const franchise =
    (returned: number, requested: number) =>
    (s: StandaloneReturnRequest): StandaloneReturnRequest => ({
      ...s,
      request: { ...s.request, customerKind: 'franchise' as const, quantity: requested },
      eligibility: {
        ...s.eligibility!,
        customerKind: 'franchise' as const,
        franchise: {
          contractRatioPermille: 50,
          periodPurchasedQuantity: 200,
          periodReturnedQuantity: returned,
          requestedQuantity: requested,
        },
      },
    });

  test('R24 002 ch.11 2: a franchise store’s return follows the contract ratio — 5% of 200 purchased allows 10: 8 returned + 2 asked is accepted and refunded', async () => {
    const r = await startStandaloneReturn(h, {
      deliveredAt,
      requestedAt,
      standalone: franchise(8, 2),
    });
    const explained = await explanationOf(r.caseNumber);
    expect(explained).toMatchObject({ decision: 'accept', rule: 'R24' });
    expect(explained.reasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'franchise_within_ratio' })]),
    );
    await approveAndReceive(r, 2);
    await r.complete('refund', people.finance, { type: 'RecordRefund', amountFen: 79_800 });
    expect(await returnResult(r)).toMatchObject({ status: 'completed', outcome: 'refunded' });
  });

  test('R24 002 ch.11 2: 8 returned + 3 asked is 11 of 200, over the contract’s 5% — refused by R24', async () => {
    const r = await startStandaloneReturn(h, {
      deliveredAt,
      requestedAt,
      standalone: franchise(8, 3),
    });
    expect(await explanationOf(r.caseNumber)).toMatchObject({ decision: 'refuse', rule: 'R24' });
    await refusedBy(r, 'R24');
  });
});
