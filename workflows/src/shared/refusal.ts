import { ApplicationFailure } from '@temporalio/workflow';
import type { DomainError, ErrorCode } from '@aso/domain';

/**
 * A refused command, as the API sees it: a non-retryable ApplicationFailure whose `type` is the
 * domain's error code and whose first detail is the data explaining it (ARCHITECTURE.md).
 */
export function refusal(
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): ApplicationFailure {
  return ApplicationFailure.create({ type: code, message, details: [details], nonRetryable: true });
}

export const refusalOf = (error: DomainError): ApplicationFailure =>
  refusal(error.code, error.message, { ...error.details });
