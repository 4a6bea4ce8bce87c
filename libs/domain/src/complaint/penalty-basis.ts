import { DomainError } from '../errors/domain-error';
import { formatFen } from '../money/money';
import type {
  PenaltyBasisRow,
  PenaltyResponsibility,
  PolicyDocument,
} from '../policy/policy.schema';
import type { ComplaintCategory, Severity } from './classification';
import type { PenaltyProposal } from './complaint.types';

export interface PenaltyCase {
  category: ComplaintCategory;
  severity: Severity;
  humanNegligence: boolean;
  caseNumber: string;
}

/** Decision 10: the responsibility a complaint's penalties are judged under. */
export const penaltyResponsibility = (c: PenaltyCase): PenaltyResponsibility =>
  c.humanNegligence ? 'human_negligence' : c.category;

/**
 * The row of the penalty basis (客户投诉罚扣的判定基准, 001 §25.4) for a complaint: null when the
 * policy has no table (v1) or an empty one (free amounts within the approver's limit).
 */
export function penaltyBasisRow(
  policy: PolicyDocument,
  c: PenaltyCase,
): { table: 'none' } | { table: 'rows'; row: PenaltyBasisRow | null } {
  const rows = policy.complaint.decisions?.penaltyBasis.rows ?? [];
  if (rows.length === 0) return { table: 'none' };
  const responsibility = penaltyResponsibility(c);
  return {
    table: 'rows',
    row: rows.find((r) => r.responsibility === responsibility && r.severity === c.severity) ?? null,
  };
}

/** Refuses (PENALTY_OUTSIDE_BASIS) a penalty whose kind or amount the basis table does not allow. */
export function assertPenaltiesWithinBasis(
  policy: PolicyDocument,
  penalties: readonly PenaltyProposal[],
  c: PenaltyCase,
): void {
  const basis = penaltyBasisRow(policy, c);
  if (basis.table === 'none') return;
  const responsibility = penaltyResponsibility(c);
  penalties.forEach((p, i) => {
    const allowed = basis.row?.penalties.find((k) => k.kind === p.kind);
    if (allowed && p.amountFen >= allowed.minFen && p.amountFen <= allowed.maxFen) return;
    throw new DomainError(
      'PENALTY_OUTSIDE_BASIS',
      allowed
        ? `${p.kind} of ${formatFen(p.amountFen)} is outside ${formatFen(allowed.minFen)}–${formatFen(allowed.maxFen)} for ${responsibility} × ${c.severity} (001 §25.4 判定基准)`
        : `${p.kind} is not a penalty of the basis for ${responsibility} × ${c.severity} (001 §25.4 判定基准)`,
      {
        caseNumber: c.caseNumber,
        field: `command.penalties.${i}`,
        kind: p.kind,
        amountFen: p.amountFen,
        responsibility,
        severity: c.severity,
        allowed: basis.row?.penalties ?? [],
      },
    );
  });
}
