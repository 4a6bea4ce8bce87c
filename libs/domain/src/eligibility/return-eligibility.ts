import type { BusinessCalendar } from '../calendar/business-calendar';
import { DomainError } from '../errors/domain-error';
import type { PolicyDocument, ReturnPart } from '../policy/policy.schema';
import { type Instant, toMs } from '../shared/instant';

export type CustomerKind = 'retail' | 'wholesale' | 'franchise';
export type ReturnReason = 'quality_problem' | 'dissatisfied' | 'no_reason' | 'wrong_item';

export interface ReturnEligibilityInput {
  customerKind: CustomerKind;
  reason: ReturnReason;
  requestType: 'return' | 'exchange';
  deliveredAt: Instant;
  requestedAt: Instant;
  /** the quality problem was confirmed (by sales, or by video for wholesale, 002 ch.11) */
  qualityProblemConfirmed: boolean;
  /** a recorder that was switched on loses the 7-day no-reason right (001 篇3 退换货 5) */
  poweredOn: boolean;
  partsReturned: readonly ReturnPart[];
  /** dissatisfied: can the cause be remedied instead (能弥补的就弥补)? */
  remedyPossible?: boolean;
  /** wholesale: goods collected by the customer (自己提货) */
  selfPickup?: boolean;
  /** wholesale: a replacement is in stock (exchange first; return only without stock) */
  replacementAvailable?: boolean;
  /** franchise: the contract's return ratio, in per-mille of the period's purchases */
  franchise?: {
    contractRatioPermille: number;
    periodPurchasedQuantity: number;
    periodReturnedQuantity: number;
    requestedQuantity: number;
  };
}

export type EligibilityDecision =
  'accept' | 'exchange_only' | 'remedy_first' | 'may_refuse' | 'refuse';

export interface EligibilityReason {
  code: string;
  basis: string;
  message: string;
}

export interface ReturnEligibility {
  decision: EligibilityDecision;
  shippingPaidBy: 'company' | 'customer';
  noReasonRight: boolean;
  withinWindow: boolean;
  windowEndsAt: Date;
  missingParts: ReturnPart[];
  reasons: EligibilityReason[];
  policyVersion: number;
}

/**
 * The return/exchange rules of 001 篇3 (退换货情景) and 002 ch.11, evaluated in one place so the
 * API, the workflow and the supervisor's screen give the same answer with the same reasons.
 */
export function evaluateReturnEligibility(
  input: ReturnEligibilityInput,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
): ReturnEligibility {
  const rules = policy.returns;
  const windowEnd = calendar.add(input.deliveredAt, rules.noReasonWindow);
  const withinWindow = toMs(input.requestedAt) <= windowEnd.ms;
  const quality = input.reason === 'quality_problem' && input.qualityProblemConfirmed;
  const noReasonRight = withinWindow && !(rules.poweredOnVoidsNoReason && input.poweredOn);
  const missingParts = rules.requiredParts.filter((p) => !input.partsReturned.includes(p));
  // 001 篇3 退换货 6: without a quality problem the customer pays shipping both ways.
  const shippingPaidBy =
    quality || input.reason === 'wrong_item' || !rules.customerPaysShippingWithoutQualityProblem
      ? 'company'
      : 'customer';
  const reasons: EligibilityReason[] = [];
  const result = (decision: EligibilityDecision): ReturnEligibility => ({
    decision,
    shippingPaidBy,
    noReasonRight,
    withinWindow,
    windowEndsAt: windowEnd.at,
    missingParts,
    reasons,
    policyVersion: policy.version,
  });

  if (input.customerKind === 'wholesale') {
    if (input.selfPickup && !rules.wholesaleSelfPickupReturnable) {
      reasons.push({
        code: 'wholesale_self_pickup',
        basis: '002 ch.11 1(1) 自己提货的不能退换',
        message: 'Self-collected wholesale goods cannot be returned or exchanged',
      });
      return result('refuse');
    }
    if (input.reason === 'wrong_item') {
      reasons.push({
        code: 'wholesale_wrong_item',
        basis: '002 ch.11 1(2)',
        message: 'Goods differing from the order are exchanged',
      });
      return result('exchange_only');
    }
    if (quality) {
      const canReturn = input.replacementAvailable === false;
      reasons.push({
        code: 'wholesale_quality',
        basis: '002 ch.11 1(3) 予以换货,无产品时可退货',
        message: canReturn
          ? 'No replacement in stock: return accepted'
          : 'Quality problem: exchanged',
      });
      return result(canReturn ? 'accept' : 'exchange_only');
    }
    reasons.push({
      code: 'wholesale_no_ground',
      basis: '002 ch.11 1',
      message: 'Wholesale returns need a confirmed quality problem or a wrong item',
    });
    return result('refuse');
  }

  if (input.customerKind === 'franchise') {
    const f = input.franchise;
    if (!f)
      throw new DomainError(
        'COMMAND_INVALID',
        'Franchise returns need the contract return ratio and period quantities (002 ch.11 2)',
        { field: 'franchise' },
      );
    // integer arithmetic: returned × 1000 ≤ ratio‰ × purchased
    const allowed =
      (f.periodReturnedQuantity + f.requestedQuantity) * 1000 <=
      f.contractRatioPermille * f.periodPurchasedQuantity;
    reasons.push({
      code: allowed ? 'franchise_within_ratio' : 'franchise_ratio_exceeded',
      basis: '002 ch.11 2 严格按照加盟合同上的退换货比例操作',
      message: `${f.periodReturnedQuantity + f.requestedQuantity} of ${f.periodPurchasedQuantity} against a contract ratio of ${f.contractRatioPermille}‰`,
    });
    return result(allowed ? 'accept' : 'refuse');
  }

  // Retail (001 篇3 退换货情景).
  if (missingParts.length > 0) {
    reasons.push({
      code: 'incomplete',
      basis: '001 篇3 退换货 4 外包装、配件、质保卡及主机完整寄回',
      message: `Missing: ${missingParts.join(', ')}`,
    });
    return result('refuse');
  }
  if (quality) {
    reasons.push({
      code: 'quality_problem',
      basis: '001 篇3 退换货 1 确定是质量问题,同意退货',
      message: 'Confirmed quality problem: accepted',
    });
    return result('accept');
  }
  if (input.reason === 'wrong_item') {
    reasons.push({
      code: 'wrong_item',
      basis: '001 篇3 (our error)',
      message: 'Wrong item shipped: accepted at our cost',
    });
    return result('accept');
  }
  if (input.reason === 'dissatisfied' && input.remedyPossible) {
    reasons.push({
      code: 'remedy_first',
      basis: '001 篇3 退换货 2 能弥补的就弥补',
      message: 'Find the cause and remedy it; return only if the customer still refuses',
    });
    return result('remedy_first');
  }
  if (input.poweredOn && rules.poweredOnVoidsNoReason) {
    reasons.push({
      code: 'powered_on',
      basis: '001 篇3 退换货 5 开机将无法支持七天无理由退换货',
      message: 'The recorder was powered on: no 7-day no-reason return',
    });
  }
  if (!withinWindow) {
    reasons.push({
      code: 'window_expired',
      basis: '001 篇3 退换货 7',
      message: `The no-reason window ended at ${windowEnd.at.toISOString()}`,
    });
  }
  if (noReasonRight) {
    reasons.push({
      code: 'no_reason_window',
      basis: '001 篇3 退换货 2/5 七天无理由; 实在理解不了的,就给予退货',
      message: 'Within the no-reason window: accepted',
    });
    return result('accept');
  }
  // Outside the no-reason right (window over or powered on): 有权力拒绝退换 — per policy.
  return result(rules.outsideWindow);
}

/** Turn a refusing evaluation into the coded error a user sees. */
export function assertReturnEligible(e: ReturnEligibility, allowDiscretion = false): void {
  if (
    e.decision === 'accept' ||
    e.decision === 'exchange_only' ||
    (e.decision === 'may_refuse' && allowDiscretion)
  )
    return;
  const expired = e.reasons.some((r) => r.code === 'window_expired');
  throw new DomainError(
    expired ? 'RETURN_WINDOW_EXPIRED' : 'RETURN_NOT_ELIGIBLE',
    expired
      ? `The return window ended at ${e.windowEndsAt.toISOString()}`
      : `Return not eligible: ${e.reasons.map((r) => r.message).join('; ')}`,
    {
      decision: e.decision,
      windowEndsAt: e.windowEndsAt.toISOString(),
      missingParts: e.missingParts,
      reasons: e.reasons,
    },
  );
}
