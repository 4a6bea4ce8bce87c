import type { PolicyDocument, RepairCommand, RepairState } from '@aso/domain';
import type { CaseLoop } from '../shared/case-definition';
import type { Recorder } from '../shared/recorder';

const SYSTEM = { userId: 'system' } as const;
/** a case down for longer than this many cut-offs catches up at most this many at once */
const MAX_CATCH_UP = 400;

/** What the wake-ups need of the running repair. */
interface Repair {
  readonly policy: PolicyDocument;
  readonly recorder: Recorder;
  current(): RepairState;
  system(command: RepairCommand, now: Date): void;
}

/**
 * The repair's own durable timers, as the wait loop's extension (not a cron): the daily
 * carry-over check at the dispatch cut-off on the business calendar (001 §11: still
 * undispatched → the domain's CarryOverDispatch, first priority the next working day, and the
 * next working day's cut-off is the next check), and, while an item is at the external repairer,
 * its reminders and the expected-return deadline (002 ch.10 2), audited as notices for CS and
 * the policy's escalation target. The instants are the domain's (repairWakeUps' sources).
 */
export class RepairWakeUps implements CaseLoop {
  private readonly noticed = new Set<string>();

  constructor(private readonly repair: Repair) {}

  nextWakeMs(): number | null {
    const due = this.pending();
    return due.length === 0 ? null : Math.min(...due.map((d) => d.at));
  }

  turn(now: Date): undefined {
    const t = now.getTime();
    for (let i = 0; i < MAX_CATCH_UP; i++) {
      const s = this.repair.current();
      if (s.status !== 'awaiting_dispatch' || t < s.carryOverAt) break;
      this.repair.system({ type: 'CarryOverDispatch', actor: SYSTEM }, now);
    }
    for (const notice of this.pending()) {
      if (notice.at > t) continue;
      this.noticed.add(notice.key);
      this.repair.recorder.audit(`repair.${notice.reason}`, 'system', now, notice.data);
    }
    return undefined;
  }

  /** what is still to happen: the carry-over check, the reminders and the deadline not yet noticed */
  private pending(): Array<{
    at: number;
    key: string;
    reason: string;
    data: Record<string, unknown>;
  }> {
    const s = this.repair.current();
    const out: Array<{ at: number; key: string; reason: string; data: Record<string, unknown> }> =
      [];
    if (s.status === 'awaiting_dispatch')
      out.push({ at: s.carryOverAt, key: 'carry-over', reason: 'dispatch_carry_over', data: {} });
    const ext = s.workshop?.external;
    if (s.status === 'at_external_repairer' && ext) {
      const base = {
        handoverSheetNumber: ext.sheet.sheetNumber,
        repairer: ext.sheet.repairer,
        expectedReturnBy: new Date(ext.expectedReturnBy).toISOString(),
      };
      ext.reminders.forEach((at, i) =>
        out.push({
          at,
          key: `reminder:${at}`,
          reason: 'external_repair_reminder',
          data: { ...base, reminder: i + 1, notify: { department: 'cs' } },
        }),
      );
      out.push({
        at: ext.expectedReturnBy,
        key: `overdue:${ext.expectedReturnBy}`,
        reason: 'external_repair_overdue',
        data: { ...base, escalateTo: { ...this.repair.policy.repair.externalRepair.escalateTo } },
      });
    }
    return out.filter((n) => n.key === 'carry-over' || !this.noticed.has(n.key));
  }
}
