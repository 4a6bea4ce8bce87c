import { DomainError } from '@aso/domain';

/**
 * A domain refusal about one field of a request (`details.field`) names it the way a 400 of
 * the DTO does (`issues[].path = body.<field>`), so a client shows both on the same field.
 */
export function namingTheField(error: DomainError): DomainError {
  const field = error.details.field;
  if (typeof field !== 'string' || 'issues' in error.details) return error;
  return new DomainError(error.code, error.message, {
    ...error.details,
    issues: [{ path: `body.${field}`, message: error.message }],
  });
}
