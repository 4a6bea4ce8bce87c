import { DomainError } from '../errors/domain-error';
import { type Fen, assertFen } from '../money/money';

export interface ShippingClaimInput {
  /** the customer says the delivery was late (物流慢) */
  deliveredLate: boolean;
  /** we shipped with another carrier than the one the customer chose (发错快递) */
  wrongCarrier: boolean;
  /** what the customer's chosen carrier would have cost minus what they paid for ours, in fen */
  postageDifferenceFen: Fen;
}

export interface ShippingClaimOutcome {
  refundFen: Fen;
  action: 'explain' | 'refund_postage_difference';
  rule: 'R13';
  basis: string;
}

/**
 * 001 篇3 退换货 3: a customer who claims the shipping back because the delivery was late gets an
 * explanation; only when we used the wrong carrier is the postage difference refunded.
 */
export function shippingRefundClaim(input: ShippingClaimInput): ShippingClaimOutcome {
  assertFen(input.postageDifferenceFen, 'shippingClaim.postageDifferenceFen');
  if (input.postageDifferenceFen < 0)
    throw new DomainError('MONEY_INVALID', 'A postage difference cannot be negative', {
      field: 'shippingClaim.postageDifferenceFen',
    });
  if (input.wrongCarrier && input.postageDifferenceFen > 0)
    return {
      refundFen: input.postageDifferenceFen,
      action: 'refund_postage_difference',
      rule: 'R13',
      basis: '001 篇3 退换货 3 如果是我们错发了快递公司,申请财务退给顾客邮费差价',
    };
  return {
    refundFen: 0,
    action: 'explain',
    rule: 'R13',
    basis: '001 篇3 退换货 3 因迟收到货物要求退快递费的,向顾客解释原因',
  };
}
