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
 * it. Policy v1 (no `complaint.decisions`): closing the case stops it, and while the case waits
 * for the customer's answer it is paused ('waiting_for_customer') — a project rule, not the
 * seed's. Policy v2 (Decision 2): the clock stops when the handling form is concluded (the
 * approved decision accepted by the customer) and pauses for the customer only when the policy
 * switch says so; an open supplier coordination may pause it ('waiting_for_supplier', Decision 5).
 *
 * Pure: the clock is an SLA ledger (null until CS accepts); `advanceClosingClock` returns the
 * next ledger and the changes to audit, as data.
 */
export type ClosingClockChange =
  | { kind: 'started'; at: number; dueAt: number | null; basis: string }
  | { kind: 'stopped'; at: number; onTime: boolean | null }
  | { kind: 'paused'; at: number; reason: 'waiting_for_customer' | 'waiting_for_supplier' }
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
  const decisions = policy.complaint.decisions;
  const formConcluded =
    decisions?.closeClock.endsAt.value === 'form_concluded' &&
    (state.formConcludedAt ?? null) !== null;
  if (state.status === 'closed' || formConcluded) {
    const stopAt =
      formConcluded && state.formConcludedAt ? state.formConcludedAt : (state.closedAt ?? now);
    next = stopLedger(next, stopAt);
    changes.push({ kind: 'stopped', at: now, onTime: closingOnTime(next, calendar) });
    return { ledger: next, changes };
  }
  const wanted = pauseWanted(state, policy);
  const current = isPaused(next) ? (next.pauses.at(-1)?.reason ?? null) : null;
  if (current === wanted) return { ledger: next, changes };
  if (current !== null) {
    next = resumeLedger(next, now);
    changes.push({ kind: 'resumed', at: now, dueAt: dueOf(next, calendar)?.ms ?? null });
  }
  if (wanted !== null) {
    next = pauseLedger(next, now, wanted);
    changes.push({ kind: 'paused', at: now, reason: wanted });
  }
  return { ledger: next, changes };
}

/** Why the closing clock should be paused now (null: it runs). */
function pauseWanted(
  state: ComplaintState,
  policy: PolicyDocument,
): 'waiting_for_customer' | 'waiting_for_supplier' | null {
  const clock = policy.complaint.decisions?.closeClock;
  const pauseForCustomer = clock ? clock.pauseWhileWaitingForCustomer.value : true;
  if (state.status === 'awaiting_customer' && pauseForCustomer) return 'waiting_for_customer';
  const sc = state.supplierCoordination;
  if (clock?.pauseWhileWaitingForSupplier.value && sc && sc.concludedAt === null)
    return 'waiting_for_supplier';
  return null;
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
