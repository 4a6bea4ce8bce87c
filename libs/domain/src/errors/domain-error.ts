import { CodedError } from './coded-error';
import { isErrorCode, type ErrorCode } from './error-codes';

/**
 * Every refusal the domain can give carries a stable `code` from the closed list ERROR_CODES
 * (part of the API contract: the HTTP layer maps codes to statuses, the workflow turns them into
 * non-retryable ApplicationFailures with `type = code`) and the data a user needs to understand
 * it. The code is a type parameter, so `new DomainError('TYPO', …)` does not compile.
 */
export class DomainError<
  Code extends ErrorCode = ErrorCode,
  TDetails extends Record<string, unknown> = Record<string, unknown>,
> extends CodedError<Code, TDetails> {
  override readonly name = 'DomainError';
}

export const isDomainError = (e: unknown): e is DomainError =>
  e instanceof DomainError ||
  (typeof e === 'object' &&
    e !== null &&
    isErrorCode((e as { code?: unknown }).code) &&
    (e as { name?: unknown }).name === 'DomainError');
