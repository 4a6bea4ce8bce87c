import { proxyLocalActivities } from '@temporalio/workflow';
import { TIME_FROM_REQUEST_PATCH, type CaseActivities } from '@aso/contracts';
import { isPatched } from './patches';

const stamps = proxyLocalActivities<Pick<CaseActivities, 'stampTime'>>({
  startToCloseTimeout: '5 seconds',
  retry: { initialInterval: '100 milliseconds', maximumInterval: '1 second' },
});

/** Histories recorded before this patch read the workflow clock directly (see below). */
export const CLOCK_FROM_HISTORY = 'clock-from-history';

/** Histories recorded before this patch stamp a person's step too (see `requested`). */
export const TIME_FROM_REQUEST = TIME_FROM_REQUEST_PATCH;

/**
 * The one source of "now" for everything a case stores (audit times, task and closing times,
 * deadlines computed from them).
 *
 * Why not `new Date()`: the workflow clock is the start time of the workflow task, and for a
 * speculative task (every update starts one) or a transient one (a retry after a crash) the
 * server writes those start events to history only when the task completes, with times that can
 * differ from the ones the worker saw (seen under chaos: 1.8 s). A replay would then compute other
 * times than the first run stored. So each time a case takes its "now" it runs `stampTime`, a
 * local activity that echoes the workflow time: its marker records that time, and a replay or a
 * retried task reads the marker instead of the clock. `at()` gives the last stamped time, for
 * steps that follow a stamp in the same activation.
 *
 * Histories recorded before the patch keep the old behaviour (the workflow clock everywhere), so
 * running cases replay unchanged.
 */
export class CaseClock {
  private last: number;
  private readonly stamped: boolean;

  /** `serial` runs the stamp on the case's one queue of local activities (Recorder.serial) */
  constructor(
    startMs: number,
    private readonly serial: <R>(run: () => Promise<R>) => Promise<R>,
  ) {
    this.stamped = isPatched(CLOCK_FROM_HISTORY);
    this.last = startMs;
  }

  /** a fresh "now" whose value history records (`label` says what it was taken for) */
  async now(label: string): Promise<Date> {
    if (!this.stamped) return new Date();
    const { at } = await this.serial(() => stamps.stampTime({ at: Date.now(), label }));
    this.last = at;
    return new Date(at);
  }

  /**
   * The "now" of a person's request: the time the API stamped on the update (TaskActionInput
   * .requestedAt), which history records with the update's input, so no stamp is needed — one
   * local activity and one activation less per step. Never before the last recorded "now" (the
   * trail's times only move forward). Without it (older API, histories from before the patch)
   * a fresh stamp, as `now`.
   */
  async requested(requestedAt: string | undefined, label: string): Promise<Date> {
    const at = requestedAt === undefined ? Number.NaN : Date.parse(requestedAt);
    if (this.stamped && Number.isFinite(at) && isPatched(TIME_FROM_REQUEST)) {
      this.last = Math.max(this.last, at);
      return new Date(this.last);
    }
    return this.now(label);
  }

  /**
   * The last recorded "now" — before the first stamp, the opening time the start input records —
   * (the workflow clock for histories from before the patch).
   */
  at(): Date {
    return this.stamped ? new Date(this.last) : new Date();
  }
}
