import { ApiError } from './api-error';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { TaskEntity } from '@aso/persistence';
import type { AuthedRequest, AuthUser } from '../auth/auth-user';

/**
 * The authenticated user, as the AuthGuard read it from the users table. Services take the
 * organisation and the workflow actor from it (toCaseActor), never from headers or the body.
 */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
  // Only reachable on a route marked @Public() by mistake: fail closed.
  if (!user) throw new ApiError('UNAUTHENTICATED', 'Log in first', { reason: 'missing' });
  return user;
});

/** The request id set by the request-id middleware (for error bodies and audit keys). */
export const RequestId = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string =>
    ctx.switchToHttp().getRequest<AuthedRequest>().id ?? 'unknown',
);

/**
 * The task row the AuthGuard read with the user on a `:taskId` route (null: no such task of
 * the organisation; undefined: not read, so the service reads it itself).
 */
export const TaskRow = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): TaskEntity | null | undefined =>
    ctx.switchToHttp().getRequest<AuthedRequest>().taskRow,
);
