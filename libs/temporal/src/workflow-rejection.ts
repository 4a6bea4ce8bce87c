import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';

/**
 * A workflow refused a command (an update validator threw a coded ApplicationFailure). Carries
 * the code so the API can map it to 403/409/422 like a domain error.
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

export function toWorkflowRejection(error: unknown): WorkflowRejection | undefined {
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure) || !cause.type) return undefined;
  const details = (cause.details?.[0] ?? {}) as Record<string, unknown>;
  return new WorkflowRejection(cause.type, cause.message, details);
}
