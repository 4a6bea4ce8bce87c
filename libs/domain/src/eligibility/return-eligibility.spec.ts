import { BusinessCalendar } from '../calendar/business-calendar';
import { localToInstant } from '../calendar/civil-time';
import { yuanToFen } from '../money/money';
import { defaultPolicy } from '../policy/default-policy';
import { priceDifferenceRefund } from './price-difference';
import { shippingRefundClaim } from './shipping-claim';
import {
  type ReturnEligibilityInput,
  assertReturnEligible,
  evaluateReturnEligibility,
} from './return-eligibility';

const cal = new BusinessCalendar(defaultPolicy.calendar);
const at = (s: string) => localToInstant(s);
const base: ReturnEligibilityInput = {
  customerKind: 'retail',
  reason: 'no_reason',
  requestType: 'return',
  deliveredAt: at('2026-09-28 14:00'),
  requestedAt: at('2026-10-03 10:00'),
  qualityProblemConfirmed: false,
  poweredOn: false,
  partsReturned: ['packaging', 'accessories', 'warranty_card', 'unit'],
};
const evaluate = (over: Partial<ReturnEligibilityInput>) =>
  evaluateReturnEligibility({ ...base, ...over }, defaultPolicy, cal);

describe('return eligibility (001 篇3 退换货情景, 002 ch.11)', () => {
  it('001 篇3 退换货 5: within 7 days of delivery an unopened device may be returned without reason (holidays count: calendar days)', () => {
    const r = evaluate({});
    expect(r).toMatchObject({
      decision: 'accept',
      noReasonRight: true,
      shippingPaidBy: 'customer',
    });
    expect(r.windowEndsAt.toISOString()).toBe(at('2026-10-05 14:00').toISOString());
  });

  it('001 篇3 退换货 7: outside the window the company may refuse (RETURN_WINDOW_EXPIRED)', () => {
    const r = evaluate({ requestedAt: at('2026-10-05 14:01') });
    expect(r.decision).toBe('may_refuse');
    expect(() => assertReturnEligible(r)).toThrow(
      expect.objectContaining({ code: 'RETURN_WINDOW_EXPIRED' }),
    );
    expect(() => assertReturnEligible(r, true)).not.toThrow();
  });

  it('001 篇3 退换货 5: a powered-on recorder loses the no-reason right', () => {
    const r = evaluate({ poweredOn: true });
    expect(r).toMatchObject({ decision: 'may_refuse', noReasonRight: false });
    expect(r.reasons.map((x) => x.code)).toContain('powered_on');
  });

  it('R14 001 篇3 退换货 4: a no-reason return must bring back 外包装、配件、质保卡及主机 — missing the warranty card it is refused', () => {
    const r = evaluate({ partsReturned: ['packaging', 'accessories', 'unit'] });
    expect(r).toMatchObject({
      decision: 'refuse',
      missingParts: ['warranty_card'],
      decidedBy: { rule: 'R14', code: 'incomplete' },
    });
    expect(() => assertReturnEligible(r, true)).toThrow(
      expect.objectContaining({
        code: 'RETURN_NOT_ELIGIBLE',
        details: expect.objectContaining({ rule: 'R14', missingParts: ['warranty_card'] }),
      }),
    );
  });

  it('Decision 8 / R11 001 篇3 退换货 1: a confirmed quality return missing its warranty card and accessories is accepted, the missing parts recorded', () => {
    const r = evaluate({
      partsReturned: ['unit', 'packaging'],
      reason: 'quality_problem',
      qualityProblemConfirmed: true,
    });
    expect(r).toMatchObject({
      decision: 'accept',
      missingParts: ['accessories', 'warranty_card'],
      shippingPaidBy: 'company',
      decidedBy: { rule: 'R11' },
    });
    expect(r.reasons.map((x) => x.rule)).toEqual(['R16', 'R11', 'Decision 8']);
    expect(() => assertReturnEligible(r)).not.toThrow();
  });

  it('001 篇3 退换货 1: a confirmed quality problem is accepted at any time, company pays shipping', () => {
    expect(
      evaluate({
        reason: 'quality_problem',
        qualityProblemConfirmed: true,
        poweredOn: true,
        requestedAt: at('2026-12-01 10:00'),
      }),
    ).toMatchObject({
      decision: 'accept',
      shippingPaidBy: 'company',
    });
  });

  it('001 篇3 退换货 6: without a quality problem the customer pays shipping both ways', () => {
    expect(evaluate({ reason: 'dissatisfied' }).shippingPaidBy).toBe('customer');
  });

  it('001 篇3 退换货 2: dissatisfaction → remedy first when possible, else accept', () => {
    expect(evaluate({ reason: 'dissatisfied', remedyPossible: true }).decision).toBe(
      'remedy_first',
    );
    expect(evaluate({ reason: 'dissatisfied', remedyPossible: false }).decision).toBe('accept');
  });

  it('R21 002 ch.11 1(1) 自己提货的不能退换: self-collected wholesale goods are refused even with a video-checked quality problem', () => {
    expect(
      evaluate({
        customerKind: 'wholesale',
        selfPickup: true,
        reason: 'quality_problem',
        qualityProblemConfirmed: true,
        videoChecked: true,
      }),
    ).toMatchObject({
      decision: 'refuse',
      decidedBy: { rule: 'R21', code: 'wholesale_self_pickup' },
    });
  });

  it('R22 002 ch.11 1(2): a wholesale customer who received goods differing from the order gets an exchange', () => {
    expect(evaluate({ customerKind: 'wholesale', reason: 'wrong_item' })).toMatchObject({
      decision: 'exchange_only',
      decidedBy: { rule: 'R22' },
    });
  });

  it('R23 002 ch.11 1(3): a wholesale quality problem is checked by video, then exchanged; returned only when there is no stock', () => {
    const quality = {
      customerKind: 'wholesale' as const,
      reason: 'quality_problem' as const,
      qualityProblemConfirmed: true,
    };
    expect(evaluate({ ...quality, replacementAvailable: true })).toMatchObject({
      decision: 'refuse',
      decidedBy: { rule: 'R23', code: 'video_check_required' },
    });
    expect(evaluate({ ...quality, videoChecked: true, replacementAvailable: true })).toMatchObject({
      decision: 'exchange_only',
      decidedBy: { rule: 'R23', code: 'exchange_first' },
    });
    expect(evaluate({ ...quality, videoChecked: true, replacementAvailable: false })).toMatchObject(
      { decision: 'accept', decidedBy: { rule: 'R23', code: 'no_stock_return' } },
    );
  });

  it('002 ch.11 2: franchise returns follow the contract ratio', () => {
    const franchise = {
      contractRatioPermille: 50,
      periodPurchasedQuantity: 200,
      periodReturnedQuantity: 6,
      requestedQuantity: 4,
    };
    expect(evaluate({ customerKind: 'franchise', franchise }).decision).toBe('accept'); // 10 of 200 = 5 %
    expect(
      evaluate({ customerKind: 'franchise', franchise: { ...franchise, requestedQuantity: 5 } })
        .decision,
    ).toBe('refuse');
  });

  it('R24 002 ch.11 2 / Decision 9: a franchise return of 11 against 50‰ of 200 is refused; within the ratio a quality problem is exchanged first', () => {
    const franchise = {
      contractRatioPermille: 50,
      periodPurchasedQuantity: 200,
      periodReturnedQuantity: 6,
      requestedQuantity: 5,
    };
    expect(evaluate({ customerKind: 'franchise', franchise })).toMatchObject({
      decision: 'refuse',
      decidedBy: { rule: 'R24', code: 'franchise_ratio_exceeded' },
    });
    expect(
      evaluate({
        customerKind: 'franchise',
        franchise: { ...franchise, requestedQuantity: 4 },
        reason: 'quality_problem',
        qualityProblemConfirmed: true,
      }),
    ).toMatchObject({ decision: 'exchange_only', decidedBy: { rule: 'Decision 9' } });
  });

  it('R15 001 篇3 退换货 5: a powered-on recorder loses the 7-day right — delivered 2026-09-28 14:00, asked 2026-10-03, decided by R15', () => {
    expect(evaluate({ poweredOn: true })).toMatchObject({
      decision: 'may_refuse',
      noReasonRight: false,
      withinWindow: true,
      decidedBy: { rule: 'R15', code: 'powered_on' },
    });
  });

  it('R17 001 篇3 退换货 7: asked at 2026-10-05 14:01, one minute after the 7 days, the company may refuse (decided by R17)', () => {
    expect(evaluate({ requestedAt: at('2026-10-05 14:01') })).toMatchObject({
      decision: 'may_refuse',
      decidedBy: { rule: 'R17', code: 'window_expired' },
    });
    expect(evaluate({ requestedAt: at('2026-10-05 14:00') }).decision).toBe('accept');
  });

  it('R16 001 篇3 退换货 6: a no-reason return is shipped both ways at the customer’s cost; a quality return at ours', () => {
    expect(evaluate({}).reasons[0]).toMatchObject({
      rule: 'R16',
      code: 'customer_pays_shipping',
    });
    expect(
      evaluate({ reason: 'quality_problem', qualityProblemConfirmed: true }).shippingPaidBy,
    ).toBe('company');
  });

  it('R12 001 篇3 退换货 2 能弥补的就弥补: a dissatisfied customer whose cause can be remedied gets the remedy first', () => {
    expect(evaluate({ reason: 'dissatisfied', remedyPossible: true })).toMatchObject({
      decision: 'remedy_first',
      decidedBy: { rule: 'R12' },
    });
  });
});

describe('price difference (001 篇3 关于退差价要求)', () => {
  it('001 篇3 退差价 2: before shipping, the difference is refunded at the new price', () => {
    expect(
      priceDifferenceRefund(
        {
          paidUnitFen: yuanToFen('399'),
          newUnitFen: yuanToFen('359.10'),
          quantity: 2,
          handedToCarrier: false,
        },
        defaultPolicy,
      ),
    ).toEqual(expect.objectContaining({ refundFen: yuanToFen('79.80'), offer: 'none' }));
  });

  it('001 篇3 退差价 3: once with the carrier, no refund — offer a gift or coupon', () => {
    expect(
      priceDifferenceRefund(
        { paidUnitFen: 39900, newUnitFen: 35910, quantity: 2, handedToCarrier: true },
        defaultPolicy,
      ),
    ).toEqual(expect.objectContaining({ refundFen: 0, offer: 'gift_or_coupon' }));
  });
});

describe('price difference and shipping claims by rule id (001 篇3)', () => {
  it('R19 001 篇3 退差价 2 拍下未发货: 2 × ¥399 dropped to ¥359.10 before shipping → ¥79.80 back', () => {
    expect(
      priceDifferenceRefund(
        { paidUnitFen: 39900, newUnitFen: 35910, quantity: 2, handedToCarrier: false },
        defaultPolicy,
      ),
    ).toEqual({
      refundFen: 7980,
      offer: 'none',
      rule: 'R19',
      basis: expect.stringContaining('退差价 2'),
    });
  });

  it('R20 / R18 001 篇3 退差价 3, 1: handed to the carrier → no difference, a gift or next-purchase discount instead', () => {
    expect(
      priceDifferenceRefund(
        { paidUnitFen: 39900, newUnitFen: 35910, quantity: 2, handedToCarrier: true },
        defaultPolicy,
      ),
    ).toMatchObject({ refundFen: 0, offer: 'gift_or_coupon', rule: 'R20' });
  });

  it('R13 001 篇3 退换货 3: a late delivery is explained; only our wrong carrier refunds the postage difference (¥10 = 1000 fen)', () => {
    expect(
      shippingRefundClaim({ deliveredLate: true, wrongCarrier: false, postageDifferenceFen: 1000 }),
    ).toMatchObject({ refundFen: 0, action: 'explain', rule: 'R13' });
    expect(
      shippingRefundClaim({ deliveredLate: true, wrongCarrier: true, postageDifferenceFen: 1000 }),
    ).toMatchObject({ refundFen: 1000, action: 'refund_postage_difference', rule: 'R13' });
  });
});
