import type { BusinessCalendar } from '../calendar/business-calendar';
import type { Duration } from '../calendar/duration';
import { stageDeadlineOf } from '../deadline/stage-deadline';
import { DomainError } from '../errors/domain-error';
import type { EscalationStep, PolicyDocument } from '../policy/policy.schema';
import type { CaseType, StageOf } from '../shared/case-types';
import { type Instant, toMs } from '../shared/instant';
import type { Department } from '../shared/org';

/**
 * A stage's deadline as a budget of time used. The clock only runs while the stage is active;
 * a pause (waiting for the customer, a supplier, the goods) stops it, with its reason kept for
 * the audit. From the ledger, the used and remaining time and the due instant are recomputed
 * at any moment — after each pause, or after a newly published holiday table.
 */
export const PAUSE_REASONS = [
  'waiting_for_customer',
  'waiting_for_supplier',
  'waiting_for_goods',
  'waiting_for_other_department',
  'other',
] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export interface SlaPause {
  from: number;
  to: number | null;
  reason: PauseReason;
  note?: string;
}

/** Plain JSON: it lives in workflow state and in read models. */
export interface SlaLedger {
  caseType: CaseType;
  stage: string;
  owner: Department;
  budget: Duration;
  escalation: EscalationStep[];
  policyVersion: number;
  startedAt: number;
  pauses: SlaPause[];
  stoppedAt: number | null;
}

export function openLedger<T extends CaseType>(
  policy: PolicyDocument,
  caseType: T,
  stage: StageOf<T>,
  startedAt: Instant,
  override?: Duration,
): SlaLedger {
  const rule = stageDeadlineOf(policy, caseType, stage);
  return {
    caseType,
    stage,
    owner: rule.owner,
    budget: override ?? { amount: rule.amount, unit: rule.unit },
    escalation: rule.escalation,
    policyVersion: policy.version,
    startedAt: toMs(startedAt),
    pauses: [],
    stoppedAt: null,
  };
}

const invalid = (message: string, ledger: SlaLedger, at: number): DomainError =>
  new DomainError('SLA_PAUSE_INVALID', message, {
    caseType: ledger.caseType,
    stage: ledger.stage,
    at: new Date(at).toISOString(),
  });

const lastPause = (ledger: SlaLedger): SlaPause | undefined =>
  ledger.pauses[ledger.pauses.length - 1];
export const isPaused = (ledger: SlaLedger): boolean => lastPause(ledger)?.to === null;

function assertMovable(ledger: SlaLedger, at: number): void {
  if (ledger.stoppedAt !== null)
    throw invalid(`${ledger.caseType}.${ledger.stage} is already stopped`, ledger, at);
  const last = lastPause(ledger);
  const floor = last ? (last.to ?? last.from) : ledger.startedAt;
  if (at < floor)
    throw invalid('the ledger cannot be changed before its last recorded instant', ledger, at);
}

export function pauseLedger(
  ledger: SlaLedger,
  at: Instant,
  reason: PauseReason,
  note?: string,
): SlaLedger {
  const ms = toMs(at);
  assertMovable(ledger, ms);
  if (isPaused(ledger))
    throw invalid(`${ledger.caseType}.${ledger.stage} is already paused`, ledger, ms);
  const pause: SlaPause =
    note === undefined ? { from: ms, to: null, reason } : { from: ms, to: null, reason, note };
  return { ...ledger, pauses: [...ledger.pauses, pause] };
}

export function resumeLedger(ledger: SlaLedger, at: Instant): SlaLedger {
  const ms = toMs(at);
  assertMovable(ledger, ms);
  const last = lastPause(ledger);
  if (!last || last.to !== null)
    throw invalid(`${ledger.caseType}.${ledger.stage} is not paused`, ledger, ms);
  return { ...ledger, pauses: [...ledger.pauses.slice(0, -1), { ...last, to: ms }] };
}

/** The stage is done; an open pause ends with it. */
export function stopLedger(ledger: SlaLedger, at: Instant): SlaLedger {
  const ms = toMs(at);
  assertMovable(ledger, ms);
  const resumed = isPaused(ledger) ? resumeLedger(ledger, ms) : ledger;
  return { ...resumed, stoppedAt: ms };
}

/** Intervals during which the clock ran, up to `until`. */
function activeSegments(ledger: SlaLedger, until: number): Array<[number, number]> {
  const segments: Array<[number, number]> = [];
  let cursor = ledger.startedAt;
  for (const p of ledger.pauses) {
    if (p.from > cursor) segments.push([cursor, Math.min(p.from, until)]);
    if (p.to === null) return segments.filter(([a, b]) => b > a);
    cursor = Math.max(cursor, p.to);
  }
  segments.push([cursor, until]);
  return segments.filter(([a, b]) => b > a);
}

export interface LedgerStatus {
  budgetMs: number;
  usedMs: number;
  remainingMs: number;
  /** null while paused: the due instant depends on when the stage resumes */
  due: Date | null;
  provisional: boolean;
  paused: boolean;
  stopped: boolean;
  overdue: boolean;
}

/** Used/remaining time at `now` and the due instant, in the measure of the budget's unit. */
export function ledgerStatus(
  ledger: SlaLedger,
  calendar: BusinessCalendar,
  now: Instant,
): LedgerStatus {
  const unit = ledger.budget.unit;
  const budgetMs = calendar.budgetMs(ledger.budget);
  const until = ledger.stoppedAt ?? toMs(now);
  let usedMs = 0;
  let provisional = false;
  for (const [a, b] of activeSegments(ledger, until)) {
    const m = calendar.measure(a, b, unit);
    usedMs += m.ms;
    provisional ||= m.provisional;
  }
  const paused = isPaused(ledger) && ledger.stoppedAt === null;
  const dueAt = dueOf(ledger, calendar);
  provisional ||= dueAt?.provisional ?? false;
  const due = dueAt ? new Date(dueAt.ms) : null;
  const overdue = due !== null && until >= due.getTime();
  return {
    budgetMs,
    usedMs,
    remainingMs: Math.max(0, budgetMs - usedMs),
    due,
    provisional,
    paused,
    stopped: ledger.stoppedAt !== null,
    overdue,
  };
}

/**
 * Spend the budget across the active segments in order; the instant where it runs out is the
 * due instant. Closed pauses only ever push it later (property-tested).
 */
export function dueOf(
  ledger: SlaLedger,
  calendar: BusinessCalendar,
): { ms: number; provisional: boolean } | null {
  const unit = ledger.budget.unit;
  let remaining = calendar.budgetMs(ledger.budget);
  let provisional = false;
  let cursor = ledger.startedAt;
  for (const p of ledger.pauses) {
    if (p.from > cursor) {
      const available = calendar.measure(cursor, p.from, unit);
      provisional ||= available.provisional;
      if (remaining <= available.ms) {
        // working time in [cursor, due) equals `remaining` ≤ what the segment holds, so due ≤ p.from
        const due = calendar.spend(cursor, remaining, unit);
        return { ms: due.ms, provisional: provisional || due.provisional };
      }
      remaining -= available.ms;
    }
    if (p.to === null) return null;
    cursor = Math.max(cursor, p.to);
  }
  const due = calendar.spend(cursor, remaining, unit);
  return { ms: due.ms, provisional: provisional || due.provisional };
}
