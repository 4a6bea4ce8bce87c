import { WorkflowIdReusePolicy, WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  caseStateQuery,
  COMPLAINT_WORKFLOW_TYPE,
  completeTaskUpdate,
  type ComplaintCaseState,
  type ComplaintInput,
  type CompleteTaskInput,
  type CompleteTaskResult,
} from '@aso/contracts';
import { toWorkflowRejection } from './workflow-rejection';

/** The one door from the API to complaint workflows. */
export class ComplaintGateway {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
  ) {}

  async start(input: ComplaintInput): Promise<void> {
    await this.client.workflow.start(COMPLAINT_WORKFLOW_TYPE, {
      workflowId: input.caseNumber,
      taskQueue: this.taskQueue,
      args: [input],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
  }

  async completeTask(caseNumber: string, command: CompleteTaskInput): Promise<CompleteTaskResult> {
    try {
      return await this.client.workflow
        .getHandle(caseNumber)
        .executeUpdate(completeTaskUpdate, { args: [command] });
    } catch (e) {
      throw toWorkflowRejection(e) ?? e;
    }
  }

  /** Live state, or undefined when no such workflow exists. */
  async state(caseNumber: string): Promise<ComplaintCaseState | undefined> {
    try {
      return await this.client.workflow.getHandle(caseNumber).query(caseStateQuery);
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) return undefined;
      throw e;
    }
  }
}
