import type { BusinessCalendar } from '../calendar/business-calendar';
import type { PolicyDocument } from '../policy/policy.schema';
import {
  type SlaLedger,
  dueOf,
  isPaused,
  ledgerStatus,
  openLedger,
  pauseLedger,
  resumeLedger,
  stopLedger,
} from '../sla/sla-ledger';
import type { ComplaintState } from './complaint.types';

/**
 * The complaint's closing clock (001 §26.1 六日内结案, SEED_RULES C05/C06): CS acceptance starts
 * it, closing the case stops it. While the case waits for the customer's answer it is paused
 * ('waiting_for_customer'): the policy has no switch for this, so it always pauses — the
 * customer's silence is not the company's delay.
 *
 * Pure: the clock is an SLA ledger (null until CS accepts); `advanceClosingClock` returns the
 * next ledger and the changes to audit, as data.
 */
export type ClosingClockChange =
  | { kind: 'started'; at: number; dueAt: number | null; basis: string }
  | { kind: 'stopped'; at: number; onTime: boolean | null }
  | { kind: 'paused'; at: number; reason: 'waiting_for_customer' }
  | { kind: 'resumed'; at: number; dueAt: number | null };

export interface ClosingClockStep {
  ledger: SlaLedger | null;
  /** in the order they happened (a clock may start and move in one step) */
  changes: ClosingClockChange[];
}

export interface ClosingClockStatus {
  startedAt: number | null;
  dueAt: number | null;
  dueProvisional: boolean;
  /** null while the clock runs (or has not started) */
  onTime: boolean | null;
}

/** The clock after the case reached `state` at `now`. */
export function advanceClosingClock(
  ledger: SlaLedger | null,
  state: ComplaintState,
  now: number,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
): ClosingClockStep {
  const changes: ClosingClockChange[] = [];
  let next = ledger;
  if (next === null && state.acceptedAt !== null) {
    next = openLedger(policy, 'complaint', 'close', state.acceptedAt, state.formDeadlines.close);
    changes.push({
      kind: 'started',
      at: state.acceptedAt,
      dueAt: dueOf(next, calendar)?.ms ?? null,
      basis: policy.deadlines.complaint.close.basis,
    });
  }
  if (next === null || next.stoppedAt !== null) return { ledger: next, changes };
  if (state.status === 'closed') {
    next = stopLedger(next, state.closedAt ?? now);
    changes.push({ kind: 'stopped', at: now, onTime: closingOnTime(next, calendar) });
  } else if (state.status === 'awaiting_customer' && !isPaused(next)) {
    next = pauseLedger(next, now, 'waiting_for_customer');
    changes.push({ kind: 'paused', at: now, reason: 'waiting_for_customer' });
  } else if (state.status !== 'awaiting_customer' && isPaused(next)) {
    next = resumeLedger(next, now);
    changes.push({ kind: 'resumed', at: now, dueAt: dueOf(next, calendar)?.ms ?? null });
  }
  return { ledger: next, changes };
}

/** Was the case closed within the clock? null while it runs. */
export function closingOnTime(ledger: SlaLedger, calendar: BusinessCalendar): boolean | null {
  if (ledger.stoppedAt === null) return null;
  return !ledgerStatus(ledger, calendar, ledger.stoppedAt).overdue;
}

export function closingClockStatus(
  ledger: SlaLedger | null,
  calendar: BusinessCalendar,
): ClosingClockStatus {
  if (ledger === null) return { startedAt: null, dueAt: null, dueProvisional: false, onTime: null };
  const due = dueOf(ledger, calendar);
  return {
    startedAt: ledger.startedAt,
    dueAt: due?.ms ?? null,
    dueProvisional: due?.provisional ?? false,
    onTime: closingOnTime(ledger, calendar),
  };
}
