import {
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
  WorkflowNotFoundError,
  type Client,
} from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  caseViewQuery,
  claimTaskUpdate,
  COMPLAINT_WORKFLOW_TYPE,
  CONSIGNMENT_WORKFLOW_TYPE,
  type ConsignmentWorkflowInput,
  completeTaskUpdate,
  REPAIR_WORKFLOW_TYPE,
  RETURN_WORKFLOW_TYPE,
  type ReturnWorkflowInput,
  FOLLOW_UP_WORKFLOW_TYPE,
  type FollowUpWorkflowInput,
  IMPROVEMENT_WORKFLOW_TYPE,
  type ImprovementWorkflowInput,
  delegateTaskUpdate,
  unclaimTaskUpdate,
  type CaseView,
  type CompleteTaskInput,
  type CompleteTaskResult,
  type ComplaintWorkflowInput,
  type DelegateTaskInput,
  type RepairWorkflowInput,
  type TaskActionInput,
  type TaskView,
} from '@aso/contracts';
import { findUpdateOutcome, type UpdateOutcome } from './update-outcome';
import { toWorkflowRejection } from './workflow-rejection';

/**
 * The one door from the API to case workflows: start a case, send a human decision (a
 * Temporal update, validated by the workflow before it reaches history), read the live view.
 * Update refusals come back as WorkflowRejection carrying the domain code.
 *
 * Commands sent with an `updateId` (derived from the client's Idempotency-Key) are run at most
 * once by Temporal itself: a retry with the same id gets the first outcome, from the running
 * workflow, or from the history of a finished one.
 */
export class CaseGateway {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
  ) {}

  /**
   * Starts the case's workflow, or attaches to it: the workflow id is the case number, a
   * running workflow with that id is used as it is (USE_EXISTING), and a finished one is never
   * started again (REJECT_DUPLICATE) — both mean "this case was opened", which is what a retry
   * of the opening needs to hear.
   */
  startComplaint(input: ComplaintWorkflowInput): Promise<void> {
    return this.start(COMPLAINT_WORKFLOW_TYPE, input);
  }

  /** A standalone repair / service request (DOMAIN.md §3), started like a complaint. */
  startRepair(input: RepairWorkflowInput): Promise<void> {
    return this.start(REPAIR_WORKFLOW_TYPE, input);
  }

  /** A consignment (DOMAIN.md §4), started like a complaint; it continues as new per period. */
  startConsignment(input: ConsignmentWorkflowInput): Promise<void> {
    return this.start(CONSIGNMENT_WORKFLOW_TYPE, input);
  }

  /** A customer's own return / exchange (DOMAIN.md §2), started like a complaint. */
  startReturn(input: ReturnWorkflowInput): Promise<void> {
    return this.start(RETURN_WORKFLOW_TYPE, input);
  }

  startFollowUp(input: FollowUpWorkflowInput): Promise<void> {
    return this.start(FOLLOW_UP_WORKFLOW_TYPE, input);
  }

  /** An improvement measure (F17 003 §四.4), started like a complaint. */
  startImprovement(input: ImprovementWorkflowInput): Promise<void> {
    return this.start(IMPROVEMENT_WORKFLOW_TYPE, input);
  }

  private async start(
    workflowType: string,
    input:
      | ComplaintWorkflowInput
      | RepairWorkflowInput
      | ReturnWorkflowInput
      | FollowUpWorkflowInput
      | ConsignmentWorkflowInput
      | ImprovementWorkflowInput,
  ): Promise<void> {
    try {
      await this.client.workflow.start(workflowType, {
        workflowId: input.caseNumber,
        taskQueue: this.taskQueue,
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      });
    } catch (e) {
      if (e instanceof WorkflowExecutionAlreadyStartedError) return;
      throw e;
    }
  }

  completeTask(
    caseNumber: string,
    input: CompleteTaskInput,
    updateId?: string,
  ): Promise<CompleteTaskResult> {
    return this.update(caseNumber, updateId, () =>
      this.client.workflow
        .getHandle(caseNumber)
        .executeUpdate(completeTaskUpdate, { args: [stamped(input)], updateId }),
    );
  }

  claimTask(caseNumber: string, input: TaskActionInput, updateId?: string): Promise<TaskView> {
    return this.update(caseNumber, updateId, () =>
      this.client.workflow
        .getHandle(caseNumber)
        .executeUpdate(claimTaskUpdate, { args: [stamped(input)], updateId }),
    );
  }

  unclaimTask(caseNumber: string, input: TaskActionInput, updateId?: string): Promise<TaskView> {
    return this.update(caseNumber, updateId, () =>
      this.client.workflow
        .getHandle(caseNumber)
        .executeUpdate(unclaimTaskUpdate, { args: [stamped(input)], updateId }),
    );
  }

  delegateTask(caseNumber: string, input: DelegateTaskInput, updateId?: string): Promise<TaskView> {
    return this.update(caseNumber, updateId, () =>
      this.client.workflow
        .getHandle(caseNumber)
        .executeUpdate(delegateTaskUpdate, { args: [stamped(input)], updateId }),
    );
  }

  /** Live view from the workflow query, or undefined when no such workflow exists. */
  async view(caseNumber: string): Promise<CaseView | undefined> {
    try {
      return await this.client.workflow.getHandle(caseNumber).query(caseViewQuery);
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) return undefined;
      throw e;
    }
  }

  /**
   * The outcome of an update this case already accepted under `updateId`, or undefined if it
   * never did. A refusal outcome is thrown as a WorkflowRejection, like the original answer.
   */
  async priorOutcome<T>(caseNumber: string, updateId: string): Promise<{ value: T } | undefined> {
    let outcome: UpdateOutcome | undefined;
    try {
      outcome = await findUpdateOutcome(this.client, caseNumber, updateId);
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) return undefined;
      throw e;
    }
    if (outcome === undefined) return undefined;
    if (outcome.ok) return { value: outcome.value as T };
    throw toWorkflowRejection(outcome.error, caseNumber) ?? outcome.error;
  }

  private async update<T>(
    caseNumber: string,
    updateId: string | undefined,
    send: () => Promise<T>,
  ): Promise<T> {
    try {
      return await send();
    } catch (e) {
      // A finished workflow takes no updates, but a retry of one it took before finishing (its
      // last decision, typically) must get that decision's answer, not "no longer running".
      if (updateId !== undefined && e instanceof WorkflowNotFoundError) {
        const prior = await this.priorOutcome<T>(caseNumber, updateId);
        if (prior) return prior.value;
      }
      throw toWorkflowRejection(e, caseNumber) ?? e;
    }
  }
}

/** The time the request reached us, for the workflow's clock (TaskActionInput.requestedAt). */
function stamped<I extends TaskActionInput>(input: I): I {
  return input.requestedAt ? input : { ...input, requestedAt: new Date().toISOString() };
}
