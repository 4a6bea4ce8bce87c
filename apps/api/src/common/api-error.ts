import {
  CodedError as Coded,
  ERROR_CODES,
  isDomainError,
  type DomainError,
  type ErrorCode,
} from '@aso/domain';

/**
 * The codes only the HTTP layer gives (input, authentication, lookup, idempotency, transport).
 * Business refusals are DomainErrors with ERROR_CODES (libs/domain); nothing here is a rule of
 * the domain, so the domain never sees these.
 */
export const API_ERROR_CODES = [
  'VALIDATION_FAILED',
  'BODY_TOO_DEEP',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'AUDITOR_READ_ONLY',
  'CASE_NOT_FOUND',
  'USER_NOT_FOUND',
  'NOT_FOUND',
  'CONFLICT',
  'USERNAME_TAKEN',
  'CANNOT_DEACTIVATE_SELF',
  'IDEMPOTENCY_IN_PROGRESS',
  'IDEMPOTENCY_KEY_REUSED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'TOO_MANY_ATTEMPTS',
  'INTERNAL',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
/** Every code an error body of the API can carry (documented in the OpenAPI ErrorBody). */
export type AnyErrorCode = ErrorCode | ApiErrorCode;
export const ALL_ERROR_CODES = [...ERROR_CODES, ...API_ERROR_CODES] as const;

/** An HTTP-level refusal: like DomainError, a plain class with a closed `code` (never HttpException). */
export class ApiError<
  Code extends ApiErrorCode = ApiErrorCode,
  TDetails extends Record<string, unknown> = Record<string, unknown>,
> extends Coded<Code, TDetails> {
  override readonly name = 'ApiError';
}

export function isApiError<C extends ApiErrorCode>(e: unknown, code?: C): e is ApiError<C> {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

/** A refusal with a closed code, from the domain or from the HTTP layer. */
export type CodedError = DomainError | ApiError;
export const isCodedError = (e: unknown): e is CodedError => isDomainError(e) || isApiError(e);

/**
 * Code → HTTP status: one entry per code, checked complete by the compiler (a new code in
 * ERROR_CODES or API_ERROR_CODES does not compile until it has a status here). 422 is a business
 * rule that refused the command.
 */
export const STATUS_BY_CODE = {
  // libs/domain ERROR_CODES
  POLICY_INVALID: 422,
  CALENDAR_YEAR_UNKNOWN: 422,
  CALENDAR_RANGE_EXCEEDED: 422,
  HOLIDAY_TABLE_INVALID: 422,
  MONEY_INVALID: 400,
  QUANTITY_INVALID: 400,
  CASE_NUMBER_INVALID: 400,
  APPROVAL_ROUTE_NOT_FOUND: 422,
  APPROVAL_LIMIT_EXCEEDED: 403,
  SELF_APPROVAL: 403,
  APPROVER_REPEATED: 403,
  APPROVAL_STEP_MISMATCH: 403,
  WRONG_ROLE: 403,
  WRONG_DEPARTMENT: 403,
  TASK_NOT_FOUND: 404,
  TASK_NOT_OPEN: 409,
  ILLEGAL_TRANSITION: 409,
  COMMAND_INVALID: 400,
  RETURN_WINDOW_EXPIRED: 422,
  RETURN_NOT_ELIGIBLE: 422,
  QUANTITY_MISMATCH: 422,
  SLA_PAUSE_INVALID: 422,
  REPAIR_ITEM_NOT_ACCEPTED: 422,
  OUT_OF_TOWN_NOT_APPROVED: 422,
  CONSIGNMENT_CODE_INVALID: 422,
  CONSIGNMENT_ITEM_UNKNOWN: 422,
  CONSIGNMENT_OVERSOLD: 409,
  SURVEY_INVALID: 422,
  POLICY_VERSION_MISMATCH: 422,
  EXCEEDS_APPROVED_DECISION: 422,
  CUSTOMER_CHANNEL_FORBIDDEN: 422,
  APPOINTMENT_CLASH: 422,
  FIRST_RESPONSE_REQUIRED: 409,
  LETTER_REQUIRED: 422,
  PENALTY_OUTSIDE_BASIS: 422,
  CALLER_NOT_QUALIFIED: 403,
  // API_ERROR_CODES
  VALIDATION_FAILED: 400,
  BODY_TOO_DEEP: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  AUDITOR_READ_ONLY: 403,
  CASE_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  NOT_FOUND: 404,
  CONFLICT: 409,
  USERNAME_TAKEN: 409,
  CANNOT_DEACTIVATE_SELF: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL: 500,
} as const satisfies Record<AnyErrorCode, number>;

export type ErrorStatusCode = (typeof STATUS_BY_CODE)[AnyErrorCode];

/**
 * The status of a code. A code arriving as a plain string (a workflow's ApplicationFailure type)
 * that is not in the list is answered as a refused business rule (422).
 */
export function statusOf(code: string): number {
  return Object.hasOwn(STATUS_BY_CODE, code) ? STATUS_BY_CODE[code as AnyErrorCode] : 422;
}

/** Refusals that are about who acts (recorded in the audit trail as refused actions). */
export const isRefusal = (status: number): boolean =>
  status === 403 || status === 409 || status === 422;
