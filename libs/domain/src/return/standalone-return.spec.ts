import { localToInstant } from '../calendar/civil-time';
import type { ReturnEligibilityInput } from '../eligibility/return-eligibility';
import { defaultPolicy } from '../policy/default-policy';
import type { Actor } from '../shared/org';
import { decideReturn } from './return.decide';
import { evolveReturn, replayReturn } from './return.evolve';
import type { ReturnCommand, ReturnEvent, ReturnRequestDetails, ReturnState } from './return.types';
import { returnWorkItems } from './work-items';

const t = (s: string) => localToInstant(s).getTime();
const sales: Actor = { userId: 'sales-1', department: 'sales', roles: ['staff'] };
const cs: Actor = { userId: 'cs-1', department: 'cs', roles: ['staff'] };
const supervisor: Actor = { userId: 'sales-s', department: 'sales', roles: ['supervisor'] };
const salesManager: Actor = { userId: 'sales-m', department: 'sales', roles: ['manager'] };
const warehouse: Actor = { userId: 'wh-1', department: 'warehouse', roles: ['staff'] };
const finance: Actor = { userId: 'fin-1', department: 'finance', roles: ['staff'] };

class Case {
  events: ReturnEvent[] = [];
  state: ReturnState | null = null;
  do(command: ReturnCommand, at = t('2026-03-10 10:00')): ReturnEvent[] {
    const d = decideReturn(this.state, command, at, defaultPolicy);
    if (!d.ok) throw d.error;
    for (const e of d.events) this.state = evolveReturn(this.state, e);
    this.events.push(...d.events);
    return d.events;
  }
  get s(): ReturnState {
    return this.state as ReturnState;
  }
  get work(): string[] {
    return returnWorkItems(this.s).map((w) => w.key);
  }
}

const facts: ReturnEligibilityInput = {
  customerKind: 'retail',
  reason: 'no_reason',
  requestType: 'return',
  deliveredAt: t('2026-03-05 10:00'),
  requestedAt: t('2026-03-10 10:00'),
  qualityProblemConfirmed: false,
  poweredOn: false,
  partsReturned: ['packaging', 'accessories', 'warranty_card', 'unit'],
};
const details: ReturnRequestDetails = {
  orderNumber: 'TB-1',
  serialNumber: 'SN-9',
  reason: '不想要了',
  customerAccount: 'wangwang:li',
  quantity: 1,
  method: 'refund',
  kind: 'return',
  channel: 'online',
  customerKind: 'retail',
  requestedAt: '2026-03-10T02:00:00.000Z',
};

function opened(over: Partial<ReturnCommand & { type: 'RequestReturn' }> = {}, actor = sales) {
  const c = new Case();
  c.do({
    type: 'RequestReturn',
    actor,
    caseNumber: 'TH202603-0007',
    request: details,
    eligibility: facts,
    ...over,
  } as ReturnCommand);
  return c;
}
const notResolved: ReturnCommand = {
  type: 'RecordSupervisorAnswer',
  actor: supervisor,
  answer: '解释了设置方法, 客户仍要退货',
  resolved: false,
};

describe('a customer’s own return (DOMAIN.md §2, 001 篇3 退货流程)', () => {
  it('R08 / R09 001 篇3 一般售后 1: the request records SN SN-9, account wangwang:li, the request time and the reason; sales or CS records it', () => {
    const c = opened();
    expect(c.s).toMatchObject({
      origin: 'standalone',
      status: 'requested',
      request: {
        serialNumber: 'SN-9',
        customerAccount: 'wangwang:li',
        requestedAt: '2026-03-10T02:00:00.000Z',
        reason: '不想要了',
      },
    });
    expect(opened({}, cs).s.requestedBy).toBe('cs-1');
    expect(() => opened({}, { userId: 'wh-2', department: 'warehouse', roles: ['staff'] })).toThrow(
      expect.objectContaining({ code: 'WRONG_DEPARTMENT' }),
    );
    expect(() => opened({ request: { ...details, serialNumber: ' ' } })).toThrow(
      expect.objectContaining({ code: 'COMMAND_INVALID' }),
    );
  });

  it('R10 001 篇3 一般售后 1–2: the supervisor first answers the problem; answered, the case closes "resolved without return" and its follow-up is asked for', () => {
    const c = opened();
    expect(c.work).toEqual(['return_supervisor_answer']);
    expect(() =>
      c.do({ type: 'RecordSupervisorAnswer', actor: sales, answer: 'x', resolved: true }),
    ).toThrow(expect.objectContaining({ code: 'WRONG_ROLE' }));
    const events = c.do({
      type: 'RecordSupervisorAnswer',
      actor: supervisor,
      answer: '教客户关闭停车监控, 问题解决',
      resolved: true,
    });
    expect(events.map((e) => e.type)).toEqual([
      'SupervisorAnswered',
      'ReturnCompleted',
      'FollowUpRequested',
    ]);
    expect(c.s).toMatchObject({
      status: 'completed',
      outcome: 'resolved_without_return',
      answer: { answer: '教客户关闭停车监控, 问题解决', resolved: true, by: 'sales-s' },
    });
    expect(replayReturn(c.events)).toEqual(c.state);
  });

  it('R08 001 篇3 退货流程 1–4: not resolved → the supervisor confirms; the warehouse checks; finance reconciles and refunds; the follow-up is asked for', () => {
    const c = opened();
    c.do(notResolved);
    expect(c.work).toEqual(['return_request_approval']);
    c.do({ type: 'ApproveReturnRequest', actor: supervisor });
    expect(c.work).toEqual(['goods_receipt', 'reconciliation']);
    c.do({ type: 'ReceiveGoods', actor: warehouse, quantity: 1, complete: true, undamaged: true });
    c.do({ type: 'Reconcile', actor: finance, voucherNumber: 'PZ-1' });
    const last = c.do({ type: 'RecordRefund', actor: finance, amountFen: 39900 });
    expect(last.map((e) => e.type)).toEqual([
      'RefundRecorded',
      'ReturnCompleted',
      'FollowUpRequested',
    ]);
    expect(c.s).toMatchObject({ status: 'completed', outcome: 'refunded', refundFen: 39900 });
  });

  it('R12 001 篇3 退换货 2 顾客实在理解不了的,就给予退货: a remedy the supervisor tried without success lets the return be approved', () => {
    const c = opened({ eligibility: { ...facts, reason: 'dissatisfied', remedyPossible: true } });
    expect(c.s.eligibility?.decision).toBe('remedy_first');
    c.do(notResolved);
    c.do({ type: 'ApproveReturnRequest', actor: supervisor });
    expect(c.s.status).toBe('awaiting_goods');
  });

  it('R15 001 篇3 退换货 5: a powered-on recorder loses the 7-day right — the approval is refused naming R15', () => {
    const c = opened({ eligibility: { ...facts, poweredOn: true } });
    c.do(notResolved);
    expect(() => c.do({ type: 'ApproveReturnRequest', actor: supervisor })).toThrow(
      expect.objectContaining({
        code: 'RETURN_NOT_ELIGIBLE',
        details: expect.objectContaining({ rule: 'R15' }),
      }),
    );
    const events = c.do({ type: 'RejectReturnRequest', actor: supervisor, reason: '已开机' });
    expect(events.map((e) => e.type)).toEqual(['ReturnRequestRejected', 'FollowUpRequested']);
  });

  it('R21 002 ch.11 1(1): a self-collected wholesale return cannot be approved even with a discretion note', () => {
    const c = opened({
      request: { ...details, customerKind: 'wholesale' },
      eligibility: {
        ...facts,
        customerKind: 'wholesale',
        selfPickup: true,
        reason: 'quality_problem',
        qualityProblemConfirmed: true,
        videoChecked: true,
      },
    });
    c.do(notResolved);
    expect(() =>
      c.do({ type: 'ApproveReturnRequest', actor: supervisor, discretionNote: '老客户' }),
    ).toThrow(
      expect.objectContaining({
        code: 'RETURN_NOT_ELIGIBLE',
        details: expect.objectContaining({ rule: 'R21' }),
      }),
    );
  });

  it('R23 / Decision 9: a video-checked wholesale quality return with stock becomes an exchange and is reshipped (R07)', () => {
    const c = opened({
      request: { ...details, customerKind: 'wholesale' },
      eligibility: {
        ...facts,
        customerKind: 'wholesale',
        reason: 'quality_problem',
        qualityProblemConfirmed: true,
        videoChecked: true,
        replacementAvailable: true,
      },
    });
    c.do(notResolved);
    c.do({ type: 'ApproveReturnRequest', actor: supervisor });
    expect(c.s.method).toBe('exchange');
    c.do({ type: 'ReceiveGoods', actor: warehouse, quantity: 1, complete: true, undamaged: true });
    c.do({ type: 'Reconcile', actor: finance, voucherNumber: 'PZ-2' });
    expect(c.work).toEqual(['reship']);
    c.do({ type: 'RecordReshipment', actor: warehouse, shipmentNumber: 'SF-1' });
    expect(c.s).toMatchObject({ status: 'completed', outcome: 'reshipped', reshipment: 'SF-1' });
  });

  it('R25 002 点货 ch.5 1B 退单也需要有经手人,客户和部门经理的签字: an on-site return is signed by handler and customer, then the department manager, before the warehouse receives it', () => {
    const c = opened({ request: { ...details, channel: 'on_site' } });
    c.do(notResolved);
    c.do({ type: 'ApproveReturnRequest', actor: supervisor });
    expect(c.work).toEqual(['on_site_slip_signature']);
    c.do({ type: 'SignOnSiteSlip', actor: sales, customerSignature: '李四' });
    expect(c.work).toEqual(['on_site_slip_countersign']);
    expect(() => c.do({ type: 'CountersignOnSiteSlip', actor: supervisor })).toThrow(
      expect.objectContaining({ code: 'WRONG_ROLE' }),
    );
    c.do({ type: 'CountersignOnSiteSlip', actor: salesManager });
    expect(c.s.onSite).toEqual({
      handler: 'sales-1',
      customer: '李四',
      departmentManager: 'sales-m',
    });
    expect(c.work).toEqual(['goods_receipt', 'reconciliation']);
  });

  it('R19 001 篇3 退差价 2: a price drop from ¥399 to ¥359.10 before shipping is refunded by finance at exactly 3990 fen', () => {
    const c = opened({
      request: { ...details, kind: 'price_difference', serialNumber: '' },
      eligibility: undefined,
      priceDifference: {
        paidUnitFen: 39900,
        newUnitFen: 35910,
        quantity: 1,
        handedToCarrier: false,
      },
    });
    expect(c.s.settlement).toMatchObject({ refundFen: 3990, rule: 'R19' });
    c.do(notResolved);
    c.do({ type: 'ApproveReturnRequest', actor: supervisor });
    expect(c.work).toEqual(['refund']);
    expect(() => c.do({ type: 'RecordRefund', actor: finance, amountFen: 5000 })).toThrow(
      expect.objectContaining({ code: 'MONEY_INVALID' }),
    );
    c.do({ type: 'RecordRefund', actor: finance, amountFen: 3990 });
    expect(c.s).toMatchObject({ status: 'completed', outcome: 'refunded' });
  });

  it('R20 / R18 001 篇3 退差价 3, 1: once with the carrier no difference is refunded — the case closes with a gift offered', () => {
    const c = opened({
      request: { ...details, kind: 'price_difference' },
      eligibility: undefined,
      priceDifference: {
        paidUnitFen: 39900,
        newUnitFen: 35910,
        quantity: 1,
        handedToCarrier: true,
      },
    });
    c.do(notResolved);
    c.do({ type: 'ApproveReturnRequest', actor: supervisor });
    expect(c.s).toMatchObject({ status: 'completed', outcome: 'gift_offered', refundFen: null });
  });

  it('R13 001 篇3 退换货 3: a late-delivery shipping claim is explained; our wrong carrier refunds the 1000-fen postage difference', () => {
    const explained = opened({
      request: { ...details, kind: 'shipping_claim' },
      eligibility: undefined,
      shippingClaim: { deliveredLate: true, wrongCarrier: false, postageDifferenceFen: 1000 },
    });
    explained.do(notResolved);
    explained.do({ type: 'ApproveReturnRequest', actor: supervisor });
    expect(explained.s).toMatchObject({ status: 'completed', outcome: 'explained' });
    const refunded = opened({
      request: { ...details, kind: 'shipping_claim' },
      eligibility: undefined,
      shippingClaim: { deliveredLate: true, wrongCarrier: true, postageDifferenceFen: 1000 },
    });
    refunded.do(notResolved);
    refunded.do({ type: 'ApproveReturnRequest', actor: supervisor });
    refunded.do({ type: 'RecordRefund', actor: finance, amountFen: 1000 });
    expect(refunded.s).toMatchObject({ status: 'completed', outcome: 'refunded', refundFen: 1000 });
  });
});
