import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';

/**
 * A workflow refused a command (an update validator threw a coded ApplicationFailure), or the
 * case's workflow does not exist / has finished. Carries the code so the API maps it to an HTTP
 * status like a domain error.
 */
export class WorkflowRejection extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'WorkflowRejection';
  }
}

export function toWorkflowRejection(
  error: unknown,
  caseNumber: string,
): WorkflowRejection | undefined {
  if (error instanceof WorkflowNotFoundError) {
    // A finished case accepts no more decisions: its tasks are closed.
    return new WorkflowRejection('TASK_NOT_OPEN', `Case ${caseNumber} is no longer running`, {
      caseNumber,
    });
  }
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure) || !cause.type) return undefined;
  const details = (cause.details?.[0] ?? {}) as Record<string, unknown>;
  return new WorkflowRejection(cause.type, cause.message, details);
}
