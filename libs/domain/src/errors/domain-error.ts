/**
 * Every refusal the domain can give carries a stable `code` (part of the API contract: the
 * HTTP layer maps codes to statuses, the workflow turns them into non-retryable
 * ApplicationFailures with `type = code`) and the data a user needs to understand it.
 */
export class DomainError<
  TDetails extends Record<string, unknown> = Record<string, unknown>,
> extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: TDetails = {} as TDetails,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError =>
  e instanceof DomainError ||
  (typeof e === 'object' &&
    e !== null &&
    typeof (e as { code?: unknown }).code === 'string' &&
    (e as { name?: unknown }).name === 'DomainError');
