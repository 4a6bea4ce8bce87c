import { DomainError } from '../errors/domain-error';
import { type Fen, assertFen, multiplyFen } from '../money/money';
import type { PolicyDocument } from '../policy/policy.schema';

export interface PriceDifferenceInput {
  paidUnitFen: Fen;
  newUnitFen: Fen;
  quantity: number;
  /** the goods are with the carrier (已经交付第三方物流) */
  handedToCarrier: boolean;
}

export interface PriceDifferenceOutcome {
  refundFen: Fen;
  offer: 'none' | 'gift_or_coupon';
  /** the seed rule id of SEED_RULES.md that decided (R18 gift, R19 before, R20 after handover) */
  rule: string;
  basis: string;
}

/**
 * 001 篇3 关于退差价要求: a price drop after ordering is refunded at the new price while the goods
 * have not shipped; once handed to the carrier no difference is refunded (offer a gift or a
 * discount on the next purchase instead).
 */
export function priceDifferenceRefund(
  input: PriceDifferenceInput,
  policy: PolicyDocument,
): PriceDifferenceOutcome {
  assertFen(input.paidUnitFen, 'paidUnitFen');
  assertFen(input.newUnitFen, 'newUnitFen');
  if (input.paidUnitFen < 0 || input.newUnitFen < 0)
    throw new DomainError('MONEY_INVALID', 'Prices cannot be negative', { ...input });
  const drop = input.paidUnitFen - input.newUnitFen;
  if (drop <= 0) return { refundFen: 0, offer: 'none', rule: 'R19', basis: 'no price drop' };
  const rule = input.handedToCarrier
    ? policy.returns.priceDifference.afterCarrierHandover
    : policy.returns.priceDifference.beforeCarrierHandover;
  if (rule === 'refund_difference') {
    return {
      refundFen: multiplyFen(drop, input.quantity),
      offer: 'none',
      rule: input.handedToCarrier ? 'R20' : 'R19',
      basis: input.handedToCarrier
        ? 'policy override'
        : '001 篇3 退差价 2 按调整完之后的价格退给客户差价',
    };
  }
  return {
    refundFen: 0,
    offer: 'gift_or_coupon',
    rule: input.handedToCarrier ? 'R20' : 'R18',
    basis: input.handedToCarrier
      ? '001 篇3 退差价 3 已经交付第三方物流,差价将不能退还; 退差价 1 以赠品代替'
      : 'policy: gift instead',
  };
}
