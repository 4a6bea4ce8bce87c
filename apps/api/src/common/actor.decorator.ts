import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { caseActorSchema, type CaseActor } from '@aso/contracts';
import { DomainError } from '@aso/domain';
import type { Request } from 'express';

/**
 * The acting user. Until authentication lands (issue 5) it comes from the X-Actor-Id,
 * X-Actor-Department and X-Actor-Roles (comma-separated) headers; signed tokens replace this.
 */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): CaseActor => {
  const req = ctx.switchToHttp().getRequest<Request>();
  const userId = req.header('x-actor-id');
  if (!userId) throw new DomainError('UNAUTHENTICATED', 'No acting user (X-Actor-Id header)');
  const parsed = caseActorSchema.safeParse({
    userId,
    department: req.header('x-actor-department'),
    roles: (req.header('x-actor-roles') ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
  });
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

/** The request id set by the request-id middleware (for error bodies and audit keys). */
export const RequestId = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string =>
    ctx.switchToHttp().getRequest<Request & { id?: string }>().id ?? 'unknown',
);
