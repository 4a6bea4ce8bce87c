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
  /** wholesale: the quality problem was checked by video (002 ch.11 1(3) 通过视频检查) */
  videoChecked?: boolean;
  /** wholesale / franchise: a replacement is in stock (exchange first; return only without stock) */
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
  /** the seed rule id of SEED_RULES.md (or the DOMAIN.md decision) this reason applies */
  rule: string;
  basis: string;
  message: string;
}

export interface ReturnEligibility {
  decision: EligibilityDecision;
  /** the reason that decided (the explanation record names its rule) */
  decidedBy: EligibilityReason;
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
 * DOMAIN.md Decision 8: a quality return is accepted even with parts missing (recorded on the
 * slip); completeness and the not-powered-on rule hold for the other returns. Decision 9:
 * retail quality → return; wholesale and franchise → exchange first, return only without stock;
 * franchise within the contract ratio; wholesale self-pickup → neither.
 */
export function evaluateReturnEligibility(
  input: ReturnEligibilityInput,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
): ReturnEligibility {
  const rules = policy.returns;
  const windowEnd = calendar.add(input.deliveredAt, rules.noReasonWindow);
  const withinWindow = toMs(input.requestedAt) <= windowEnd.ms;
  // 002 ch.11 1(3): a wholesale customer's quality problem is checked by video first.
  const videoNeeded = input.customerKind === 'wholesale' && input.videoChecked !== true;
  const quality =
    input.reason === 'quality_problem' && input.qualityProblemConfirmed && !videoNeeded;
  const noReasonRight = withinWindow && !(rules.poweredOnVoidsNoReason && input.poweredOn);
  const missingParts = rules.requiredParts.filter((p) => !input.partsReturned.includes(p));
  // 001 篇3 退换货 6: without a quality problem the customer pays shipping both ways.
  const shippingPaidBy =
    quality || input.reason === 'wrong_item' || !rules.customerPaysShippingWithoutQualityProblem
      ? 'company'
      : 'customer';
  const reasons: EligibilityReason[] = [];
  const push = (r: EligibilityReason): EligibilityReason => {
    reasons.push(r);
    return r;
  };
  push({
    code: shippingPaidBy === 'customer' ? 'customer_pays_shipping' : 'company_pays_shipping',
    rule: 'R16',
    basis: '001 篇3 退换货 6 非质量问题,来回运费由客户承担',
    message:
      shippingPaidBy === 'customer'
        ? 'No quality problem: the customer pays shipping both ways'
        : 'Quality problem or our error: the company pays shipping',
  });
  const result = (
    decision: EligibilityDecision,
    decidedBy: EligibilityReason,
  ): ReturnEligibility => ({
    decision,
    decidedBy,
    shippingPaidBy,
    noReasonRight,
    withinWindow,
    windowEndsAt: windowEnd.at,
    missingParts,
    reasons,
    policyVersion: policy.version,
  });
  const stockExchange = (rule: string, basis: string): ReturnEligibility => {
    const canReturn = input.replacementAvailable === false;
    const r = push({
      code: canReturn ? 'no_stock_return' : 'exchange_first',
      rule,
      basis,
      message: canReturn
        ? 'Quality problem and no replacement in stock: return accepted'
        : 'Quality problem: exchanged (return only when there is no stock)',
    });
    return result(canReturn ? 'accept' : 'exchange_only', r);
  };

  if (input.customerKind === 'wholesale') {
    if (input.selfPickup && !rules.wholesaleSelfPickupReturnable) {
      const r = push({
        code: 'wholesale_self_pickup',
        rule: 'R21',
        basis: '002 ch.11 1(1) 自己提货的不能退换',
        message: 'Self-collected wholesale goods cannot be returned or exchanged',
      });
      return result('refuse', r);
    }
    if (input.reason === 'wrong_item') {
      const r = push({
        code: 'wholesale_wrong_item',
        rule: 'R22',
        basis: '002 ch.11 1(2) 发现产品与所需产品有差异,立即与公司联系换货',
        message: 'Goods differing from the order are exchanged',
      });
      return result('exchange_only', r);
    }
    if (input.reason === 'quality_problem' && videoNeeded) {
      const r = push({
        code: 'video_check_required',
        rule: 'R23',
        basis: '002 ch.11 1(3) 发现产品有质量问题,与公司联系进行视频,看清情况',
        message: 'A wholesale quality problem is confirmed by a video check first',
      });
      return result('refuse', r);
    }
    if (quality) return stockExchange('R23', '002 ch.11 1(3) 予以换货,无产品时可退货');
    const r = push({
      code: 'wholesale_no_ground',
      rule: 'R21',
      basis: '002 ch.11 1',
      message: 'Wholesale returns need a confirmed quality problem or a wrong item',
    });
    return result('refuse', r);
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
    const r = push({
      code: allowed ? 'franchise_within_ratio' : 'franchise_ratio_exceeded',
      rule: 'R24',
      basis: '002 ch.11 2 严格按照加盟合同上的退换货比例操作',
      message: `${f.periodReturnedQuantity + f.requestedQuantity} of ${f.periodPurchasedQuantity} against a contract ratio of ${f.contractRatioPermille}‰`,
    });
    if (!allowed) return result('refuse', r);
    // Decision 9: within the ratio, a quality problem is exchanged first.
    if (quality) return stockExchange('Decision 9', 'DOMAIN.md Decision 9; 002 ch.11 1(3), 2');
    return result('accept', r);
  }

  // Retail (001 篇3 退换货情景). Decision 8: quality beats completeness.
  if (quality) {
    const r = push({
      code: 'quality_problem',
      rule: 'R11',
      basis: '001 篇3 退换货 1 确定是质量问题,同意退货',
      message: 'Confirmed quality problem: accepted',
    });
    if (missingParts.length > 0)
      push({
        code: 'quality_missing_parts_recorded',
        rule: 'Decision 8',
        basis: 'DOMAIN.md Decision 8 (001 篇3 退换货 1 over 退换货 4)',
        message: `Accepted for quality; missing parts recorded on the slip: ${missingParts.join(', ')}`,
      });
    return result('accept', r);
  }
  if (input.reason === 'wrong_item') {
    const r = push({
      code: 'wrong_item',
      rule: 'R11',
      basis: '001 篇3 (our error)',
      message: 'Wrong item shipped: accepted at our cost',
    });
    return result('accept', r);
  }
  if (missingParts.length > 0) {
    const r = push({
      code: 'incomplete',
      rule: 'R14',
      basis: '001 篇3 退换货 4 外包装、配件、质保卡及主机完整寄回',
      message: `Missing: ${missingParts.join(', ')}`,
    });
    return result('refuse', r);
  }
  if (input.reason === 'dissatisfied' && input.remedyPossible) {
    const r = push({
      code: 'remedy_first',
      rule: 'R12',
      basis: '001 篇3 退换货 2 能弥补的就弥补',
      message: 'Find the cause and remedy it; return only if the customer still refuses',
    });
    return result('remedy_first', r);
  }
  let decisive: EligibilityReason | null = null;
  if (input.poweredOn && rules.poweredOnVoidsNoReason) {
    decisive = push({
      code: 'powered_on',
      rule: 'R15',
      basis: '001 篇3 退换货 5 开机将无法支持七天无理由退换货',
      message: 'The recorder was powered on: no 7-day no-reason return',
    });
  }
  if (!withinWindow) {
    decisive = push({
      code: 'window_expired',
      rule: 'R17',
      basis: '001 篇3 退换货 7 超出七天范围,有权力拒绝退换',
      message: `The no-reason window ended at ${windowEnd.at.toISOString()}`,
    });
  }
  if (noReasonRight) {
    const r = push({
      code: 'no_reason_window',
      rule: input.reason === 'dissatisfied' ? 'R12' : 'R17',
      basis: '001 篇3 退换货 2/5 七天无理由; 实在理解不了的,就给予退货',
      message: 'Within the no-reason window: accepted',
    });
    return result('accept', r);
  }
  // Outside the no-reason right (window over or powered on): 有权力拒绝退换 — per policy.
  return result(rules.outsideWindow, decisive as EligibilityReason);
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
      : `Return not eligible (${e.decidedBy.rule} ${e.decidedBy.basis}): ${e.decidedBy.message}`,
    {
      decision: e.decision,
      rule: e.decidedBy.rule,
      windowEndsAt: e.windowEndsAt.toISOString(),
      missingParts: e.missingParts,
      reasons: e.reasons,
    },
  );
}
