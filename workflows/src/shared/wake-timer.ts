import { CancellationScope, sleep } from '@temporalio/workflow';

/**
 * The case loop's timer for its next wake, kept across waits while the instant it was armed for
 * is still the next wake.
 *
 * Why: the loop waits for "a change or the next deadline" after every step. Arming a new timer
 * per wait costs a TimerCanceled and a TimerStarted event per person's step (and a timer task the
 * server writes and deletes) even when the step left the next deadline where it was, as it mostly
 * does (a case-level clock, or a task's clock running on): 18 of a complaint's ~111 events
 * (issue 14). Kept, the timer is re-armed only when the next wake moves.
 */
export class WakeTimer {
  private done = false;
  private readonly scope = new CancellationScope();

  constructor(readonly at: number) {
    void this.scope.run(() => sleep(Math.max(1, at - Date.now()))).then(
      () => {
        this.done = true;
      },
      // cancelled: the next wake moved (see `cancel`)
      () => undefined,
    );
  }

  get fired(): boolean {
    return this.done;
  }

  /** The next wake moved: this timer goes (a TimerCanceled event). */
  cancel(): void {
    if (!this.done) this.scope.cancel();
  }
}
