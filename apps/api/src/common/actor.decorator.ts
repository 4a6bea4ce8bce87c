import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { actorSchema, type Actor } from '@aso/contracts';
import { DomainError } from '@aso/domain';
import type { Request } from 'express';

/**
 * The acting user. Walking skeleton: taken from X-Actor-Id / X-Actor-Department / X-Actor-Role
 * headers; authentication with signed tokens replaces this in issue 5.
 */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<Request>();
  const raw = {
    userId: req.header('x-actor-id'),
    department: req.header('x-actor-department'),
    role: req.header('x-actor-role'),
  };
  if (!raw.userId) throw new DomainError('UNAUTHENTICATED', 'No acting user (X-Actor-Id header)');
  const parsed = actorSchema.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError('UNAUTHENTICATED', 'Invalid actor headers', {
      issues: parsed.error.issues.map((i) => ({
        path: `headers.x-actor-${String(i.path[0])}`,
        message: i.message,
      })),
    });
  }
  return parsed.data;
});
