import { DomainError } from '@aso/domain';
import type { ZodError, ZodTypeAny, z } from 'zod';
import { assertText } from './text-rule';

/** Parses request input; every bad field is listed with its path (→ 400 VALIDATION_FAILED). */
export function parseInput<S extends ZodTypeAny>(
  schema: S,
  value: unknown,
  root = 'body',
): z.infer<S> {
  // The shared text rule first, so every DTO refuses NUL and lone surrogates the same way.
  assertText(value, root);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, root);
  return parsed.data;
}

export function validationError(error: ZodError, root: string): DomainError {
  // An unknown key of a strict object is named itself (body.command.formDeadlines.x), not its parent.
  const issues = error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ path: [root, ...i.path, k].join('.'), message: 'unknown field' }))
      : [{ path: [root, ...i.path].join('.'), message: i.message }],
  );
  return new DomainError(
    'VALIDATION_FAILED',
    `Invalid input: ${issues.map((i) => i.path).join(', ')}`,
    { issues },
  );
}

/** Code → HTTP status. A code not listed is a broken business rule (422). */
export const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION_FAILED: 400,
  BODY_TOO_DEEP: 400,
  COMMAND_INVALID: 400,
  CASE_NUMBER_INVALID: 400,
  MONEY_INVALID: 400,
  QUANTITY_INVALID: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  AUDITOR_READ_ONLY: 403,
  WRONG_DEPARTMENT: 403,
  WRONG_ROLE: 403,
  SELF_APPROVAL: 403,
  APPROVER_REPEATED: 403,
  APPROVAL_LIMIT_EXCEEDED: 403,
  APPROVAL_STEP_MISMATCH: 403,
  CASE_NOT_FOUND: 404,
  TASK_NOT_FOUND: 404,
  NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  TASK_NOT_OPEN: 409,
  TASK_ALREADY_CLAIMED: 409,
  ILLEGAL_TRANSITION: 409,
  CONFLICT: 409,
  USERNAME_TAKEN: 409,
  CANNOT_DEACTIVATE_SELF: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_ATTEMPTS: 429,
};

/** Refusals that are about who acts (recorded in the audit trail as refused actions). */
export const isRefusal = (status: number): boolean =>
  status === 403 || status === 409 || status === 422;
