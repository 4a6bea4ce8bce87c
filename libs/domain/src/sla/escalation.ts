import type { BusinessCalendar } from '../calendar/business-calendar';
import { type Instant, toMs } from '../shared/instant';
import type { Department, Role } from '../shared/org';
import { type SlaLedger, dueOf, isPaused } from './sla-ledger';

export interface EscalationTarget {
  role: Role;
  /** undefined: company-wide roles (VP in charge, GM) */
  department?: Department;
}

export interface EscalationLevel {
  level: number;
  at: Date;
  to: EscalationTarget;
  reached: boolean;
  provisional: boolean;
}

export interface EscalationStatus {
  overdue: boolean;
  /** 0 = not escalated; n = the n-th step of the ladder has been reached */
  level: number;
  steps: EscalationLevel[];
  /** when the workflow should wake up next for this stage (the due instant, or the next step) */
  nextAt: Date | null;
}

/**
 * Overdue and escalation levels derived from the ledger and its ladder (DOMAIN.md "Overdue":
 * manager of the owning department at the deadline, the VP in charge a further day late).
 * A stopped stage no longer escalates; a paused stage keeps the level it had reached when the
 * pause began, because the customer's silence is not the department's delay.
 */
export function escalationStatus(
  ledger: SlaLedger,
  calendar: BusinessCalendar,
  now: Instant,
): EscalationStatus {
  const due = dueOf(ledger, calendar);
  const pausedAt = isPaused(ledger)
    ? (ledger.pauses[ledger.pauses.length - 1]?.from ?? null)
    : null;
  const effectiveNow = ledger.stoppedAt ?? pausedAt ?? toMs(now);
  if (due === null) {
    // paused: the level is the one reached before the pause, computed on the ledger as it stood
    const before = { ...ledger, pauses: ledger.pauses.slice(0, -1), stoppedAt: pausedAt };
    const frozen = escalationStatus(before, calendar, pausedAt ?? toMs(now));
    return { ...frozen, nextAt: null };
  }
  const steps = ledger.escalation.map((step, i): EscalationLevel => {
    const at = calendar.add(due.ms, step.afterOverdue);
    const department = step.to.department === 'owner' ? ledger.owner : step.to.department;
    return {
      level: i + 1,
      at: at.at,
      to: department === undefined ? { role: step.to.role } : { role: step.to.role, department },
      reached: effectiveNow >= at.ms,
      provisional: due.provisional || at.provisional,
    };
  });
  const level = steps.filter((s) => s.reached).length;
  const overdue = effectiveNow >= due.ms;
  const running = ledger.stoppedAt === null && pausedAt === null;
  const pending = running
    ? overdue
      ? (steps.find((s) => !s.reached)?.at ?? null)
      : new Date(due.ms)
    : null;
  return { overdue, level, steps, nextAt: pending };
}
