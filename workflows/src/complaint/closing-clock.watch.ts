import {
  advanceClosingClock,
  type ClosingClockChange,
  type ClosingClockStatus,
  closingClockStatus,
  type ComplaintState,
} from '@aso/domain';
import type { CaseScope } from '../shared/case-runtime';
import type { Clock } from '../shared/task-board';

/**
 * The complaint's closing clock (001 §26.1; the rule is the domain's closing-clock.ts) as the
 * case watches it: a case-level clock on the task board, so missing it marks the `close` stage
 * overdue and escalates like a task's; each change is audited as `closing_clock.<kind>`.
 */
export class ClosingClockWatch {
  private clock: Clock | null = null;

  constructor(private readonly scope: CaseScope<'complaint'>) {}

  /** the clock went overdue (for the snapshot's overdue flag) */
  get overdue(): boolean {
    return this.clock?.overdue ?? false;
  }

  status(): ClosingClockStatus {
    return closingClockStatus(this.clock?.ledger ?? null, this.scope.calendar);
  }

  /** After a change: start, pause, resume or stop the clock as the state says. */
  sync(s: ComplaintState, now: Date): void {
    const { policy, calendar, board, recorder } = this.scope;
    const step = advanceClosingClock(
      this.clock?.ledger ?? null,
      s,
      now.getTime(),
      policy,
      calendar,
    );
    for (const change of step.changes) {
      if (change.kind === 'started' && step.ledger) {
        this.clock = {
          id: 'closing',
          stage: 'close',
          ledger: step.ledger,
          overdue: false,
          level: 0,
          taskId: null,
        };
        board.watch(this.clock);
      }
      if (this.clock && step.ledger) this.clock.ledger = step.ledger;
      recorder.audit(`closing_clock.${change.kind}`, 'system', change.at, auditData(change));
    }
  }
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function auditData(change: ClosingClockChange): Record<string, unknown> {
  switch (change.kind) {
    case 'started':
      return { dueAt: iso(change.dueAt), basis: change.basis };
    case 'stopped':
      return { onTime: change.onTime };
    case 'paused':
      return { reason: change.reason };
    case 'resumed':
      return { dueAt: iso(change.dueAt) };
  }
}
