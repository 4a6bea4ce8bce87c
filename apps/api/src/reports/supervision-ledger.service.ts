import { Inject, Injectable } from '@nestjs/common';
import { type SupervisionLedgerEntry, supervisionLedgerOf } from '@aso/domain';
import { KpiRepository } from '@aso/persistence';
import type { AuthUser } from '../auth/auth-user';
import { CLOCK, type Clock } from '../common/clock';
import { parseInput } from '../common/parse-input';
import { followUpAnalysisQuerySchema } from './follow-up-analysis.service';
import { followUpStatesOfMonth } from './follow-up-month';
import { assertMayReadReports } from './report-access';

/** A ledger line over HTTP: the domain's entry with its instants as ISO strings. */
export type SupervisionLedgerLine = Omit<
  SupervisionLedgerEntry,
  'calledAt' | 'checkedAt' | 'problems'
> & {
  calledAt: string | null;
  checkedAt: string | null;
  problems: Array<
    Omit<SupervisionLedgerEntry['problems'][number], 'handledAt'> & { handledAt: string | null }
  >;
};

export interface SupervisionLedger {
  organisation: string;
  timeZone: 'Asia/Shanghai';
  month: string;
  basis: string;
  generatedAt: string;
  /** records re-checked / drawn / opened in the month */
  drawn: number;
  checked: number;
  inconsistent: number;
  entries: SupervisionLedgerLine[];
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * F16 004 七.(二), 八.(二) 回访工作监督台账: each spot check of the follow-up records opened in the
 * month (Asia/Shanghai) — the record, its caller, the checker, when, the result, the problems
 * found and how they were handled — folded from the calls' audited events by the domain.
 */
@Injectable()
export class SupervisionLedgerService {
  constructor(
    private readonly kpis: KpiRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async ledger(user: AuthUser, query: unknown): Promise<SupervisionLedger> {
    assertMayReadReports(user);
    const { month } = parseInput(followUpAnalysisQuerySchema, query, 'query');
    const states = await followUpStatesOfMonth(this.kpis, user.organisationId, month);
    const entries = supervisionLedgerOf(states);
    return {
      organisation: user.organisationId,
      timeZone: 'Asia/Shanghai',
      month,
      basis:
        '004 七.(二)2 通过电话抽查客户, 八.(二)2 回访工作监督台账 (the follow-up records opened in the month, drawn at random for a re-check)',
      generatedAt: this.clock().toISOString(),
      drawn: entries.length,
      checked: entries.filter((e) => e.result !== 'pending').length,
      inconsistent: entries.filter((e) => e.result === 'inconsistent').length,
      entries: entries.map((e) => ({
        ...e,
        calledAt: iso(e.calledAt),
        checkedAt: iso(e.checkedAt),
        problems: e.problems.map((p) => ({ ...p, handledAt: iso(p.handledAt) })),
      })),
    };
  }
}
