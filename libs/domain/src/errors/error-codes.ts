/**
 * The closed list of refusal codes the domain and the workflows give. They are part of the public
 * contract (the API maps them to HTTP statuses, workflows to ApplicationFailure types), so a code
 * is never renamed once shipped. `DomainError` accepts only these (the compiler refuses any other
 * string); codes that only the HTTP layer gives live in apps/api/src/common/api-error.ts.
 */
export const ERROR_CODES = [
  'POLICY_INVALID',
  'CALENDAR_YEAR_UNKNOWN',
  'CALENDAR_RANGE_EXCEEDED',
  'HOLIDAY_TABLE_INVALID',
  'MONEY_INVALID',
  'QUANTITY_INVALID',
  'CASE_NUMBER_INVALID',
  'APPROVAL_ROUTE_NOT_FOUND',
  'APPROVAL_LIMIT_EXCEEDED',
  'SELF_APPROVAL',
  'APPROVER_REPEATED',
  'APPROVAL_STEP_MISMATCH',
  'WRONG_ROLE',
  'WRONG_DEPARTMENT',
  'TASK_NOT_FOUND',
  'TASK_NOT_OPEN',
  'ILLEGAL_TRANSITION',
  'COMMAND_INVALID',
  'RETURN_WINDOW_EXPIRED',
  'RETURN_NOT_ELIGIBLE',
  'QUANTITY_MISMATCH',
  'SLA_PAUSE_INVALID',
  'REPAIR_ITEM_NOT_ACCEPTED',
  'OUT_OF_TOWN_NOT_APPROVED',
  'CONSIGNMENT_CODE_INVALID',
  'CONSIGNMENT_ITEM_UNKNOWN',
  'CONSIGNMENT_OVERSOLD',
  'SURVEY_INVALID',
  'POLICY_VERSION_MISMATCH',
  'EXCEEDS_APPROVED_DECISION',
  'CUSTOMER_CHANNEL_FORBIDDEN',
  'APPOINTMENT_CLASH',
  'FIRST_RESPONSE_REQUIRED',
  'LETTER_REQUIRED',
  'PENALTY_OUTSIDE_BASIS',
  'CALLER_NOT_QUALIFIED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

/** For codes that arrive as plain strings (an ApplicationFailure's `type`, a stored record). */
export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && KNOWN.has(code);
