import { ApiError } from '../common/api-error';

/**
 * Intake fields the domain judges against time (C02: the occurrence time, checked against the
 * report instant and the ship day), named by the body field they came from, so a client sees
 * the same 400 VALIDATION_FAILED `body.<field>` shape as for any other bad field.
 */
const BODY_FIELD: Record<string, string> = {
  'intake.occurredAt': 'body.occurredAt',
  'intake.productSpec': 'body.productSpec',
};

export function asBodyFieldError(error: Error & { details?: Record<string, unknown> }): Error {
  const path = BODY_FIELD[String(error.details?.field)];
  if (!path) return error;
  return new ApiError('VALIDATION_FAILED', `Invalid input: ${path}`, {
    issues: [{ path, message: error.message }],
  });
}
