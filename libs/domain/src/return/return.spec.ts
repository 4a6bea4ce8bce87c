import { localToInstant } from '../calendar/civil-time';
import type { ReturnEligibilityInput } from '../eligibility/return-eligibility';
import { defaultPolicy } from '../policy/default-policy';
import type { Actor } from '../shared/org';
import { reconcileReturnQuantities } from './reconciliation';
import { decideReturn } from './return.decide';
import { evolveReturn, replayReturn } from './return.evolve';
import type { ReturnCommand, ReturnEvent, ReturnState } from './return.types';

const t = (s: string) => localToInstant(s).getTime();
const sales: Actor = { userId: 'sales-1', department: 'sales', roles: ['staff'] };
const supervisor: Actor = { userId: 'sales-s', department: 'sales', roles: ['supervisor'] };
const salesVp: Actor = { userId: 'svp', department: 'sales', roles: ['sales_vp'] };
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
}

const fromComplaint = (quantity = 3, method: 'refund' | 'exchange' = 'refund') => {
  const c = new Case();
  c.do({
    type: 'IssueReturnSlip',
    actor: sales,
    caseNumber: 'TH202603-0001',
    parentCaseNumber: 'KS202603-0001',
    reason: 'bad solder',
    method,
    basis: 'KS202603-0001 rev 1',
    approvedQuantity: quantity,
  });
  return c;
};

const eligibility: ReturnEligibilityInput = {
  customerKind: 'retail',
  reason: 'no_reason',
  requestType: 'return',
  deliveredAt: localToInstant('2026-03-05 10:00'),
  requestedAt: localToInstant('2026-03-10 10:00'),
  qualityProblemConfirmed: false,
  poweredOn: false,
  partsReturned: ['packaging', 'accessories', 'warranty_card', 'unit'],
};
const request = {
  orderNumber: 'TB-1',
  serialNumber: 'SN-9',
  reason: 'changed mind',
  customerAccount: 'wangwang:li',
  quantity: 1,
  method: 'refund' as const,
  kind: 'return' as const,
  channel: 'online' as const,
  customerKind: 'retail' as const,
  requestedAt: '2026-03-10T02:00:00.000Z',
};
const notResolved = {
  type: 'RecordSupervisorAnswer' as const,
  actor: supervisor,
  answer: 'explained the settings; customer still wants to return',
  resolved: false,
};

describe('return 退换货 state machine (DOMAIN.md §2)', () => {
  it('R01 R03 001 §29.1(2): the return slip from a complaint is approved by the sales VP, and its copies are distributed', () => {
    const c = fromComplaint();
    expect(c.s).toMatchObject({
      origin: 'complaint',
      parentCaseNumber: 'KS202603-0001',
      status: 'slip_pending_approval',
      approvedQuantity: 3,
    });
    expect(() => c.do({ type: 'ApproveReturnSlip', actor: supervisor })).toThrow(
      expect.objectContaining({ code: 'WRONG_ROLE' }),
    );
    expect(() =>
      c.do({ type: 'ApproveReturnSlip', actor: { ...salesVp, userId: 'sales-1' } }),
    ).toThrow(expect.objectContaining({ code: 'SELF_APPROVAL' }));
    c.do({ type: 'ApproveReturnSlip', actor: salesVp });
    expect(c.s.status).toBe('awaiting_goods');
    expect(c.s.slip?.copies.map((x) => x.holder)).toEqual([
      'sales',
      'warehouse',
      'finance',
      'sales',
    ]);
  });

  it('R04 001 §29.3: the warehouse checks the goods against the slip and signs only when complete and undamaged', () => {
    const c = fromComplaint();
    c.do({ type: 'ApproveReturnSlip', actor: salesVp });
    expect(() =>
      c.do({ type: 'ReceiveGoods', actor: finance, quantity: 3, complete: true, undamaged: true }),
    ).toThrow(expect.objectContaining({ code: 'WRONG_DEPARTMENT' }));
    c.do({
      type: 'ReceiveGoods',
      actor: warehouse,
      quantity: 3,
      complete: false,
      undamaged: true,
      note: 'charger missing',
    });
    expect(c.s.status).toBe('back_to_sales');
  });

  it('R05 001 §29.2: finance finds approved ≠ returned quantity → booking blocked, back to sales', () => {
    const c = fromComplaint(3);
    c.do({ type: 'ApproveReturnSlip', actor: salesVp });
    c.do({ type: 'ReceiveGoods', actor: warehouse, quantity: 2, complete: true, undamaged: true });
    const events = c.do({ type: 'Reconcile', actor: finance, voucherNumber: 'V-1' });
    expect(events[0]).toMatchObject({
      type: 'ReconciliationMismatched',
      reconciliation: {
        approvedQuantity: 3,
        returnedQuantity: 2,
        difference: -1,
        next: 'back_to_sales',
      },
    });
    expect(c.s).toMatchObject({ status: 'back_to_sales', voucherNumber: null });
    expect(() => c.do({ type: 'RecordRefund', actor: finance, amountFen: 100 })).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
    );
    // sales gets the last unit back; the warehouse receives it; the quantities now match
    c.do({
      type: 'ResolveMismatch',
      actor: sales,
      resolution: 'await_remaining_goods',
      note: 'customer ships the third unit',
    });
    c.do({ type: 'ReceiveGoods', actor: warehouse, quantity: 1, complete: true, undamaged: true });
    expect(c.s.returnedQuantity).toBe(3);
    c.do({ type: 'Reconcile', actor: finance, voucherNumber: 'V-2' });
    expect(c.s).toMatchObject({ status: 'refunding', voucherNumber: 'V-2', mismatches: 1 });
  });

  it('R05 R06 001 §29.2: a match → voucher/transfer and refund, which completes the return', () => {
    const c = fromComplaint(3);
    c.do({ type: 'ApproveReturnSlip', actor: salesVp });
    c.do({ type: 'ReceiveGoods', actor: warehouse, quantity: 3, complete: true, undamaged: true });
    c.do({ type: 'Reconcile', actor: finance, voucherNumber: 'V-1' });
    const events = c.do({ type: 'RecordRefund', actor: finance, amountFen: 119_700 });
    expect(events.map((e) => e.type)).toEqual(['RefundRecorded', 'ReturnCompleted']);
    expect(c.s).toMatchObject({ status: 'completed', refundFen: 119_700, outcome: 'refunded' });
    expect(replayReturn(c.events)).toEqual(c.state);
  });

  it('DOMAIN §2 step 6: an exchange is reshipped after reconciliation', () => {
    const c = fromComplaint(1, 'exchange');
    c.do({ type: 'ApproveReturnSlip', actor: salesVp });
    c.do({ type: 'ReceiveGoods', actor: warehouse, quantity: 1, complete: true, undamaged: true });
    c.do({ type: 'Reconcile', actor: finance, voucherNumber: 'V-1' });
    expect(c.s.status).toBe('reshipping');
    c.do({ type: 'RecordReshipment', actor: warehouse, shipmentNumber: 'SF123' });
    expect(c.s.status).toBe('completed');
  });

  it('001 篇3 退货流程 1: a standalone request is confirmed by the sales supervisor, with the eligibility rules applied', () => {
    const c = new Case();
    c.do({
      type: 'RequestReturn',
      actor: sales,
      caseNumber: 'TH202603-0002',
      request,
      eligibility,
    });
    expect(c.s.eligibility).toMatchObject({ decision: 'accept', shippingPaidBy: 'customer' });
    c.do(notResolved);
    expect(() => c.do({ type: 'ApproveReturnRequest', actor: sales })).toThrow(
      expect.objectContaining({ code: 'WRONG_ROLE' }),
    );
    c.do({ type: 'ApproveReturnRequest', actor: supervisor });
    expect(c.s.status).toBe('awaiting_goods');
  });

  it('001 篇3 退换货 7: outside the 7-day window the supervisor can only accept with a recorded reason (RETURN_WINDOW_EXPIRED)', () => {
    const c = new Case();
    c.do({
      type: 'RequestReturn',
      actor: sales,
      caseNumber: 'TH202603-0003',
      request,
      eligibility: { ...eligibility, requestedAt: localToInstant('2026-03-13 10:01') },
    });
    c.do(notResolved);
    expect(() => c.do({ type: 'ApproveReturnRequest', actor: supervisor })).toThrow(
      expect.objectContaining({ code: 'RETURN_WINDOW_EXPIRED' }),
    );
    c.do({
      type: 'ApproveReturnRequest',
      actor: supervisor,
      discretionNote: 'long-standing customer',
    });
    expect(c.s.status).toBe('awaiting_goods');
  });

  it('001 篇3 退换货 5: a powered-on recorder is refused on a no-reason request unless the supervisor uses discretion', () => {
    const c = new Case();
    c.do({
      type: 'RequestReturn',
      actor: sales,
      caseNumber: 'TH202603-0004',
      request,
      eligibility: { ...eligibility, poweredOn: true },
    });
    c.do(notResolved);
    expect(() => c.do({ type: 'ApproveReturnRequest', actor: supervisor })).toThrow(
      expect.objectContaining({ code: 'RETURN_NOT_ELIGIBLE' }),
    );
    c.do({ type: 'RejectReturnRequest', actor: supervisor, reason: 'device was used' });
    expect(c.s.status).toBe('rejected');
  });

  it('reconciliation is exact on whole quantities', () => {
    expect(reconcileReturnQuantities(5, 5)).toMatchObject({
      matched: true,
      next: 'book_voucher_and_refund',
    });
    expect(reconcileReturnQuantities(5, 6)).toMatchObject({ matched: false, difference: 1 });
  });
});

describe('R02 001 §29.1(2): sales fills in the return slip of a complaint-origin return', () => {
  const requested = () => {
    const c = new Case();
    c.do({
      type: 'RequestReturnSlip',
      actor: { userId: 'system' },
      caseNumber: 'TH202603-0002',
      parentCaseNumber: 'KS202603-0002',
      method: 'exchange',
      approvedQuantity: 2,
    });
    return c;
  };

  test('R02 001 §29.1(2): the case waits for sales; sales writes reason, method and basis; the VP approves', () => {
    const c = requested();
    expect(c.s).toMatchObject({ status: 'slip_entry', slip: null, approvedQuantity: 2 });
    const cs: Actor = { userId: 'cs-1', department: 'cs', roles: ['staff'] };
    const fill = {
      type: 'FillReturnSlip' as const,
      reason: '外壳开裂',
      method: 'exchange' as const,
      basis: 'KS202603-0002 处理决定 rev 1',
    };
    const refused = decideReturn(c.s, { ...fill, actor: cs }, t('2026-03-10 11:00'), defaultPolicy);
    expect(refused.ok ? null : refused.error.code).toBe('WRONG_DEPARTMENT');
    const other = decideReturn(
      c.s,
      { ...fill, method: 'refund', actor: sales },
      t('2026-03-10 11:00'),
      defaultPolicy,
    );
    expect(other.ok ? null : other.error.details).toMatchObject({ field: 'method' });
    c.do({ ...fill, actor: sales });
    expect(c.s).toMatchObject({
      status: 'slip_pending_approval',
      slip: { reason: '外壳开裂', basis: 'KS202603-0002 处理决定 rev 1', issuedBy: 'sales-1' },
    });
    c.do({ type: 'ApproveReturnSlip', actor: salesVp });
    expect(c.s.status).toBe('awaiting_goods');
  });
});
