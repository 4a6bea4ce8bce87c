/**
 * A refusal with a stable code from a closed list and the data a user needs to understand it:
 * the shape both DomainError (libs/domain) and the API's ApiError share. Plain classes, never
 * HttpException: the API's error filter maps codes to statuses.
 */
export abstract class CodedError<
  Code extends string,
  TDetails extends Record<string, unknown> = Record<string, unknown>,
> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly details: TDetails = {} as TDetails,
  ) {
    super(message);
  }
}
