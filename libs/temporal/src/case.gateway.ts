import { WorkflowIdReusePolicy, WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  caseViewQuery,
  claimTaskUpdate,
  COMPLAINT_WORKFLOW_TYPE,
  completeTaskUpdate,
  delegateTaskUpdate,
  unclaimTaskUpdate,
  type CaseView,
  type CompleteTaskInput,
  type CompleteTaskResult,
  type ComplaintWorkflowInput,
  type DelegateTaskInput,
  type TaskActionInput,
  type TaskView,
} from '@aso/contracts';
import { toWorkflowRejection } from './workflow-rejection';

/**
 * The one door from the API to case workflows: start a case, send a human decision (a
 * Temporal update, validated by the workflow before it reaches history), read the live view.
 * Update refusals come back as WorkflowRejection carrying the domain code.
 */
export class CaseGateway {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
  ) {}

  async startComplaint(input: ComplaintWorkflowInput): Promise<void> {
    await this.client.workflow.start(COMPLAINT_WORKFLOW_TYPE, {
      workflowId: input.caseNumber,
      taskQueue: this.taskQueue,
      args: [input],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
  }

  completeTask(caseNumber: string, input: CompleteTaskInput): Promise<CompleteTaskResult> {
    return this.update(caseNumber, () =>
      this.client.workflow
        .getHandle(caseNumber)
        .executeUpdate(completeTaskUpdate, { args: [input] }),
    );
  }

  claimTask(caseNumber: string, input: TaskActionInput): Promise<TaskView> {
    return this.update(caseNumber, () =>
      this.client.workflow.getHandle(caseNumber).executeUpdate(claimTaskUpdate, { args: [input] }),
    );
  }

  unclaimTask(caseNumber: string, input: TaskActionInput): Promise<TaskView> {
    return this.update(caseNumber, () =>
      this.client.workflow
        .getHandle(caseNumber)
        .executeUpdate(unclaimTaskUpdate, { args: [input] }),
    );
  }

  delegateTask(caseNumber: string, input: DelegateTaskInput): Promise<TaskView> {
    return this.update(caseNumber, () =>
      this.client.workflow
        .getHandle(caseNumber)
        .executeUpdate(delegateTaskUpdate, { args: [input] }),
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

  private async update<T>(caseNumber: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (e) {
      throw toWorkflowRejection(e, caseNumber) ?? e;
    }
  }
}
