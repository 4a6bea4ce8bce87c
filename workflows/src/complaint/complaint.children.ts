import { proxyActivities, startChild } from '@temporalio/workflow';
import type {
  CaseActivities,
  ComplaintWorkflowInput,
  ReturnOutcome,
  ReturnWorkflowInput,
} from '@aso/contracts';
import type { ComplaintCommand, ComplaintState } from '@aso/domain';
import type { CaseLoop } from '../shared/case-runtime';
import type { CaseClock } from '../shared/clock';
import { returnCase } from '../return/return.workflow';

const activities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const SYSTEM = { userId: 'system' } as const;

/** What the child cases need of the running complaint. */
interface Parent {
  readonly clock: CaseClock;
  current(): ComplaintState;
  system(command: ComplaintCommand, now: Date): void;
}

/**
 * 001 §29: the execution of a return/rework/exchange decision is a return case (type 2) run as a
 * child workflow with a `TH` number; a repair reserves a `WX` number and hands over to CS (the
 * domain's repair_handoff work item). The child's result comes back as RecordChildCaseCompleted.
 * As the wait loop's extension: a finished child wakes the loop with a fresh "now".
 */
export class ComplaintChildren implements CaseLoop {
  private starting = false;
  private result: { childCaseNumber: string; outcome: ReturnOutcome } | null = null;
  private failure: unknown = null;

  constructor(
    private readonly input: ComplaintWorkflowInput,
    private readonly parent: Parent,
  ) {}

  stampReason(): string | null {
    return this.result !== null || this.failure !== null ? 'child finished' : null;
  }

  wakes(): boolean {
    return this.result !== null || this.failure !== null || (this.needed() && !this.starting);
  }

  /** a finished child's result goes to the domain; a needed child is started (awaited) */
  turn(now: Date): Promise<void> | undefined {
    if (this.failure !== null) throw this.failure;
    const finished = this.result;
    if (finished !== null) {
      this.result = null;
      const { childCaseNumber, outcome } = finished;
      this.parent.system(
        {
          type: 'RecordChildCaseCompleted',
          actor: SYSTEM,
          childCaseNumber,
          outcome: outcome.outcome,
        },
        now,
      );
    }
    return this.needed() && !this.starting ? this.start() : undefined;
  }

  /** the execution needs a child case that has no number yet */
  private needed(): boolean {
    const s = this.parent.current();
    return (
      s.status === 'executing' &&
      s.execution?.kind === 'child_case' &&
      s.execution.childCaseNumber === null
    );
  }

  private async start(): Promise<void> {
    const { clock } = this.parent;
    const s = this.parent.current();
    const ob = s.execution;
    const rev = s.revisions[s.revisions.length - 1];
    if (ob?.kind !== 'child_case' || !rev) return;
    this.starting = true;
    const at = (await clock.now('child number')).toISOString();
    const started = async (number: string) =>
      this.parent.system(
        { type: 'RecordChildCaseStarted', actor: SYSTEM, childCaseNumber: number },
        await clock.now('child started'),
      );
    if (ob.childType === 'repair') {
      await started(await activities.allocateCaseNumber({ prefix: 'WX', at }));
      return;
    }
    const number = await activities.allocateCaseNumber({ prefix: 'TH', at });
    const { input } = this;
    const childInput: ReturnWorkflowInput = {
      organisationId: input.organisationId,
      storeId: input.storeId,
      caseNumber: number,
      parentCaseNumber: input.caseNumber,
      openedAt: at,
      openedBy: input.reportedBy,
      approvedQuantity: rev.approvedReturnQuantity,
      method:
        rev.method === 'exchange' ? 'exchange' : rev.method === 'rework' ? 'rework' : 'refund',
      orderNumber: s.intake.orderNumber,
      customerName: s.intake.customerName,
      reason: `${input.caseNumber} rev ${rev.revision}: ${s.intake.reasons || s.intake.demand}`,
      policy: input.policy,
      ...(input.holidayTables ? { holidayTables: input.holidayTables } : {}),
    };
    const child = await startChild(returnCase, { workflowId: number, args: [childInput] });
    await started(number);
    void child.result().then(
      (outcome) => {
        this.result = { childCaseNumber: number, outcome };
      },
      (e: unknown) => {
        this.failure = e;
      },
    );
  }
}
