import type { ComplaintState, ComplaintStatus } from '@aso/domain';
import { customerNoticeFor } from '@aso/domain';
import type { CaseScope } from '../shared/case-runtime';
import type { ClosingClockWatch } from './closing-clock.watch';

/** The audit action of a customer notice; the webhook outbox sends it as `case.customer_notice`. */
export const CUSTOMER_NOTICE_ACTION = 'customer.notice';

/**
 * C33: after each change, a notice to the customer when the complaint reached a stage they are
 * told of (acceptance with the process and the expected time, then each stage), recorded in
 * the case's audit trail — what was said, when, on which channel. The audit key makes it
 * idempotent: a retried write and its webhook event carry the same key.
 */
export class CustomerNotices {
  private last: ComplaintStatus | null = null;

  constructor(
    private readonly scope: CaseScope<'complaint'>,
    private readonly closing: ClosingClockWatch,
  ) {}

  sync(s: ComplaintState, now: Date): void {
    // the intake itself is no notice: the first response (000 §三.6) is sales' own call
    if (this.last === null) {
      this.last = s.status;
      return;
    }
    const due = this.closing.status().dueAt;
    const notice = customerNoticeFor(
      this.last,
      s.status,
      s.intake.channel,
      due === null ? null : new Date(due).toISOString(),
    );
    this.last = s.status;
    if (notice) this.scope.recorder.audit(CUSTOMER_NOTICE_ACTION, 'system', now, { ...notice });
  }
}
