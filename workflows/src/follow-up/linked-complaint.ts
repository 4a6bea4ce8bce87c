import { ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import {
  type CaseActivities,
  COMPLAINT_WORKFLOW_TYPE,
  type ComplaintWorkflowInput,
  type FollowUpWorkflowInput,
} from '@aso/contracts';
import type { FollowUpCommand, FollowUpState } from '@aso/domain';
import type { CaseLoop } from '../shared/case-definition';
import type { CaseClock } from '../shared/clock';

const activities = proxyActivities<Pick<CaseActivities, 'allocateCaseNumber' | 'currentPolicy'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const SYSTEM = { userId: 'system' } as const;

interface FollowUp {
  readonly clock: CaseClock;
  current(): FollowUpState;
  system(command: FollowUpCommand, now: Date): void;
}

/**
 * Decision 11: a dissatisfied customer's new complaint, linked to the old case. Once CS wrote
 * its intake, the follow-up opens it as a complaint workflow of its own (a `KS` number, the
 * organisation's current policy, CS as the reporter — Decision 1) that outlives the follow-up
 * (ParentClosePolicy ABANDON: the call is done, the complaint runs its 6 days), and records the
 * number. The loop's extension: the start is awaited in the turn that finds the request.
 */
export class LinkedComplaint implements CaseLoop {
  private starting = false;

  constructor(
    private readonly input: FollowUpWorkflowInput,
    private readonly followUp: FollowUp,
  ) {}

  wakes(): boolean {
    return this.needed() && !this.starting;
  }

  turn(): Promise<void> | undefined {
    return this.needed() && !this.starting ? this.start() : undefined;
  }

  private needed(): boolean {
    const s = this.followUp.current();
    return s.status === 'opening_complaint' && s.linkedComplaint?.caseNumber === null;
  }

  private async start(): Promise<void> {
    const link = this.followUp.current().linkedComplaint;
    if (!link) return;
    this.starting = true;
    const { clock } = this.followUp;
    const at = (await clock.now('child number')).toISOString();
    const number = await activities.allocateCaseNumber({ prefix: 'KS', at });
    const policy = await activities.currentPolicy({ organisationId: this.input.organisationId });
    const complaint: ComplaintWorkflowInput = {
      organisationId: this.input.organisationId,
      storeId: this.input.storeId,
      caseNumber: number,
      reportedAt: at,
      reportedBy: {
        userId: link.requester.userId,
        department: link.requester.department,
        roles: [...link.requester.roles],
      },
      customer: { name: link.intake.customerName, phone: this.input.customer.phone },
      intake: link.intake,
      policy,
      ...(this.input.holidayTables ? { holidayTables: this.input.holidayTables } : {}),
    };
    await startChild(COMPLAINT_WORKFLOW_TYPE, {
      workflowId: number,
      args: [complaint],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    this.followUp.system(
      { type: 'RecordLinkedComplaint', actor: SYSTEM, complaintNumber: number },
      await clock.now('child started'),
    );
  }
}
