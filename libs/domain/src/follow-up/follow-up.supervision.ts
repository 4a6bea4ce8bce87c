import type { FollowUpState } from './follow-up.types';

/** One line of the supervision ledger (F16 004 八.(二)2 回访工作监督台账): one spot check. */
export interface SupervisionLedgerEntry {
  /** the follow-up record re-checked */
  caseNumber: string;
  customer: string;
  /** who made the call (the checker is never the caller, 004 八.(二)) */
  caller: string | null;
  calledAt: number | null;
  /** the random draw that selected the record (absent on records drawn by case number) */
  draw: number | null;
  checker: string | null;
  checkedAt: number | null;
  /** consistent: the customer confirmed the record; inconsistent: a problem found; pending */
  result: 'consistent' | 'inconsistent' | 'pending';
  /** the checker's note */
  note: string;
  /** the problems found with the record: the re-check's own finding and the F05 problems */
  problems: Array<{
    source: 'spot_check' | 'review';
    description: string;
    /** who it went to and how it was handled (null: not yet) */
    department: string | null;
    ownerId: string | null;
    handling: string | null;
    handledAt: number | null;
  }>;
}

/**
 * F16 004 七.(二), 八.(二): the supervision ledger over follow-up records (each folded from its
 * audited events) — every record drawn for a re-check, with the caller, the checker, when, the
 * result, the problems found and how they were handled. Ordered by case number.
 */
export function supervisionLedgerOf(states: readonly FollowUpState[]): SupervisionLedgerEntry[] {
  return states
    .filter((s) => s.spotCheck.sampled)
    .sort((a, b) => a.caseNumber.localeCompare(b.caseNumber))
    .map((s) => {
      const r = s.spotCheck.result;
      const problems: SupervisionLedgerEntry['problems'] = [];
      if (r && !r.consistent)
        problems.push({
          source: 'spot_check',
          description: r.note,
          department: null,
          ownerId: null,
          handling: null,
          handledAt: null,
        });
      for (const p of s.problems ?? [])
        problems.push({
          source: 'review',
          description: `${p.category}: ${p.description}`,
          department: p.department,
          ownerId: p.ownerId,
          handling: p.result,
          handledAt: p.resolvedAt,
        });
      return {
        caseNumber: s.caseNumber,
        customer: s.customer.name,
        caller: s.call?.by ?? null,
        calledAt: s.call?.at ?? null,
        draw: s.spotCheck.draw ?? null,
        checker: r?.by ?? null,
        checkedAt: r?.at ?? null,
        result: r === null ? 'pending' : r.consistent ? 'consistent' : 'inconsistent',
        note: r?.note ?? '',
        problems,
      };
    });
}
