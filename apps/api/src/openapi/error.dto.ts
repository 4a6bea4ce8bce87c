import { ALL_ERROR_CODES } from '../common/api-error';
import { z } from './zod-openapi';

/** The one error body of the API (common/error.filter.ts ErrorBody), for every 4xx/5xx. */
export const errorBodySchema = z
  .object({
    code: z
      .enum(ALL_ERROR_CODES)
      .openapi({ example: 'VALIDATION_FAILED' })
      .describe('the closed set of codes (common/api-error.ts STATUS_BY_CODE gives each status)'),
    message: z.string(),
    details: z
      .object({
        issues: z
          .array(
            z.object({
              path: z.string().openapi({ example: 'body.customer.name' }),
              message: z.string(),
            }),
          )
          .optional()
          .describe('400 VALIDATION_FAILED: every bad field, by path (body.…, query.…, params.…)'),
        reason: z
          .string()
          .optional()
          .describe('401 UNAUTHENTICATED: missing, invalid, expired or inactive'),
      })
      .catchall(z.unknown()),
    requestId: z.string().describe('the correlation id of the request (also in the logs)'),
  })
  .openapi('ErrorBody');

/** The statuses the error filter answers with, and what each means here. */
export const ERROR_RESPONSES = {
  400: 'Invalid input (VALIDATION_FAILED naming each field — text with NUL or an unpaired UTF-16 surrogate is refused in every field, query parameter and stored header —, BODY_TOO_DEEP past 32 levels of JSON nesting, COMMAND_INVALID, CASE_NUMBER_INVALID, MONEY_INVALID, QUANTITY_INVALID, BAD_REQUEST for malformed JSON)',
  401: 'No, an invalid or an expired access token (UNAUTHENTICATED), or wrong credentials (INVALID_CREDENTIALS)',
  403: 'Not allowed for this user (FORBIDDEN, AUDITOR_READ_ONLY, WRONG_DEPARTMENT, WRONG_ROLE, APPROVAL_LIMIT_EXCEEDED, …)',
  404: 'Not found in the caller’s organisation (CASE_NOT_FOUND, TASK_NOT_FOUND, USER_NOT_FOUND, NOT_FOUND)',
  409: 'Conflicts with the current state (TASK_NOT_OPEN, ILLEGAL_TRANSITION, USERNAME_TAKEN, IDEMPOTENCY_IN_PROGRESS, …)',
  413: 'Request body too large (PAYLOAD_TOO_LARGE)',
  415: 'Unsupported media type (UNSUPPORTED_MEDIA_TYPE)',
  422: 'A business rule refused the command (the domain code), or IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was used for a different request',
  429: 'Too many attempts (throttled): retry after the Retry-After header’s seconds',
  500: 'Unexpected failure (INTERNAL); quote the requestId',
} as const;
export type ErrorStatus = keyof typeof ERROR_RESPONSES;
