import { proxyActivities, startChild } from '@temporalio/workflow';
import {
  type CaseActivities,
  type ComplaintWorkflowInput,
  type RepairWorkflowInput,
  type ReturnWorkflowInput,
  serviceVoucherNumberOf,
} from '@aso/contracts';
import type { ComplaintCommand, ComplaintState } from '@aso/domain';
import type { CaseLoop } from '../shared/case-runtime';
import type { CaseClock } from '../shared/clock';
import { isPatched } from '../shared/patches';
import { repairCase } from '../repair/repair.workflow';
import { returnCase } from '../return/return.workflow';

const activities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const SYSTEM = { userId: 'system' } as const;

/**
 * Patch: a complaint decided as repair runs the repair as a child workflow (`repairCase`, its
 * workflow id the WX number) once CS wrote the service register entry; before it, the WX number
 * was only reserved and CS handed over by hand (`repair_handoff`, RecordRepairCompleted).
 */
export const REPAIR_CHILD = 'repair-child';

/** What the child cases need of the running complaint. */
interface Parent {
  readonly clock: CaseClock;
  current(): ComplaintState;
  system(command: ComplaintCommand, now: Date): void;
}

/**
 * 001 §29: the execution of a return/rework/exchange decision is a return case (type 2) run as a
 * child workflow with a `TH` number; a repair decision (DOMAIN.md §1 step 8) is a repair case
 * (type 3) with a `WX` number, started once CS wrote its service register entry (001 §7). The
 * child's result comes back as RecordChildCaseCompleted. Complaints decided as repair before
 * the `repair-child` patch reserve the WX number and hand over to CS (the domain's
 * repair_handoff work item). As the wait loop's extension: a finished child wakes the loop
 * with a fresh "now".
 */
export class ComplaintChildren implements CaseLoop {
  private starting = false;
  private result: { childCaseNumber: string; outcome: string } | null = null;
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
          outcome,
        },
        now,
      );
    }
    return this.needed() && !this.starting ? this.start(now) : undefined;
  }

  /**
   * The execution needs a child case that has no number yet (a repair: not while CS writes
   * its register entry).
   */
  private needed(): boolean {
    const s = this.parent.current();
    return (
      s.status === 'executing' &&
      s.execution?.kind === 'child_case' &&
      s.execution.childCaseNumber === null &&
      s.execution.repair?.entry !== null
    );
  }

  private async start(now: Date): Promise<void> {
    const { clock } = this.parent;
    const s = this.parent.current();
    const ob = s.execution;
    const rev = s.revisions[s.revisions.length - 1];
    if (ob?.kind !== 'child_case' || !rev) return;
    if (ob.childType === 'repair' && ob.repair === undefined && isPatched(REPAIR_CHILD)) {
      // 001 §7: CS writes the service register entry first (a task); the child starts after it.
      const { customer } = this.input;
      this.parent.system(
        {
          type: 'RequestRepairRegistration',
          actor: SYSTEM,
          customer: { name: customer.name, phone: customer.phone },
        },
        now,
      );
      return;
    }
    this.starting = true;
    const at = (await clock.now('child number')).toISOString();
    const started = async (number: string) =>
      this.parent.system(
        { type: 'RecordChildCaseStarted', actor: SYSTEM, childCaseNumber: number },
        await clock.now('child started'),
      );
    if (ob.childType === 'repair') {
      const number = await activities.allocateCaseNumber({ prefix: 'WX', at });
      const registration = ob.repair;
      if (!registration?.entry || !registration.registeredBy) {
        // before the repair child: the WX number is reserved, CS hands over by hand
        await started(number);
        return;
      }
      const repairInput: RepairWorkflowInput = {
        organisationId: this.input.organisationId,
        storeId: this.input.storeId,
        caseNumber: number,
        parentCaseNumber: this.input.caseNumber,
        openedAt: at,
        openedBy: registration.registeredBy,
        entry: registration.entry,
        voucherNumber: serviceVoucherNumberOf(number),
        policy: this.input.policy,
        ...(this.input.holidayTables ? { holidayTables: this.input.holidayTables } : {}),
      };
      const child = await startChild(repairCase, { workflowId: number, args: [repairInput] });
      await started(number);
      this.await(number, child);
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
    this.await(number, child);
  }

  /** the child's outcome (or failure) wakes the loop */
  private await(number: string, child: { result(): Promise<{ outcome: string }> }): void {
    void child.result().then(
      ({ outcome }) => {
        this.result = { childCaseNumber: number, outcome };
      },
      (e: unknown) => {
        this.failure = e;
      },
    );
  }
}
