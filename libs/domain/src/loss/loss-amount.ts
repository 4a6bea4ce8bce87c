import { DomainError } from '../errors/domain-error';
import { type Fen, addFen, assertFen, multiplyFen } from '../money/money';
import type { PolicyDocument } from '../policy/policy.schema';

/**
 * 客户投诉损失金额核算基准 (001 §25.4): the loss charged to the responsible unit. The seed names
 * the basis without its content; DOMAIN.md fixes the terms — product cost × quantity + freight +
 * handling + compensation — and the policy says which terms count.
 */
export interface LossBasis {
  unitCostFen: Fen;
  quantity: number;
  freightFen: Fen;
  handlingFen: Fen;
  compensationFen: Fen;
}

export type LossTerm = 'productCost' | 'freight' | 'handling' | 'compensation';

export interface LossAmount {
  totalFen: Fen;
  lines: Array<{ term: LossTerm; amountFen: Fen; included: boolean }>;
  policyVersion: number;
}

export function computeLossAmount(basis: LossBasis, policy: PolicyDocument): LossAmount {
  for (const key of ['unitCostFen', 'freightFen', 'handlingFen', 'compensationFen'] as const) {
    if (assertFen(basis[key], key) < 0)
      throw new DomainError('MONEY_INVALID', `${key} cannot be negative`, {
        field: key,
        value: basis[key],
      });
  }
  const include = policy.loss.include;
  const lines: LossAmount['lines'] = [
    {
      term: 'productCost',
      amountFen: multiplyFen(basis.unitCostFen, basis.quantity),
      included: include.productCost,
    },
    { term: 'freight', amountFen: basis.freightFen, included: include.freight },
    { term: 'handling', amountFen: basis.handlingFen, included: include.handling },
    { term: 'compensation', amountFen: basis.compensationFen, included: include.compensation },
  ];
  return {
    totalFen: addFen(...lines.filter((l) => l.included).map((l) => l.amountFen)),
    lines,
    policyVersion: policy.version,
  };
}
