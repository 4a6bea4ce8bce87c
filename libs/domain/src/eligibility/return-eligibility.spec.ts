import { BusinessCalendar } from '../calendar/business-calendar';
import { localToInstant } from '../calendar/civil-time';
import { yuanToFen } from '../money/money';
import { defaultPolicy } from '../policy/default-policy';
import { priceDifferenceRefund } from './price-difference';
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

  it('001 篇3 退换货 4: packaging, accessories, warranty card and unit must all come back', () => {
    const r = evaluate({
      partsReturned: ['unit', 'packaging'],
      reason: 'quality_problem',
      qualityProblemConfirmed: true,
    });
    expect(r).toMatchObject({ decision: 'refuse', missingParts: ['accessories', 'warranty_card'] });
    expect(() => assertReturnEligible(r, true)).toThrow(
      expect.objectContaining({
        code: 'RETURN_NOT_ELIGIBLE',
        details: expect.objectContaining({ missingParts: ['accessories', 'warranty_card'] }),
      }),
    );
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

  it('002 ch.11 1(1): wholesale goods collected by the customer cannot be returned or exchanged', () => {
    expect(
      evaluate({
        customerKind: 'wholesale',
        selfPickup: true,
        reason: 'quality_problem',
        qualityProblemConfirmed: true,
      }).decision,
    ).toBe('refuse');
  });

  it('002 ch.11 1(2)(3): wholesale wrong items are exchanged; quality problems exchanged, returned only without stock', () => {
    expect(evaluate({ customerKind: 'wholesale', reason: 'wrong_item' }).decision).toBe(
      'exchange_only',
    );
    expect(
      evaluate({
        customerKind: 'wholesale',
        reason: 'quality_problem',
        qualityProblemConfirmed: true,
        replacementAvailable: true,
      }).decision,
    ).toBe('exchange_only');
    expect(
      evaluate({
        customerKind: 'wholesale',
        reason: 'quality_problem',
        qualityProblemConfirmed: true,
        replacementAvailable: false,
      }).decision,
    ).toBe('accept');
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
