import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthedRequest } from '../auth/auth-user';

/** What the idempotency interceptor leaves on a request that carries an Idempotency-Key. */
export interface IdempotentCommand {
  /** the client's key, as sent */
  key: string;
  /** stable across processes and retries (commandIdOf): the Temporal update id of the command */
  commandId: string;
}

export type IdempotentRequestState = AuthedRequest & { idempotency?: IdempotentCommand };

/**
 * The command's identity for a request sent with an Idempotency-Key, undefined without one:
 * services derive Temporal ids from it, so a retry (even after a crash, in another process) is
 * the same command to Temporal.
 */
export const Idempotent = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): IdempotentCommand | undefined =>
    ctx.switchToHttp().getRequest<IdempotentRequestState>().idempotency,
);
