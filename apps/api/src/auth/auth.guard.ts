import { ApiError } from '../common/api-error';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthedRequest } from './auth-user';
import { AuthService } from './auth.service';
import { IS_PUBLIC } from './public.decorator';

/**
 * Global: every route needs a valid Bearer access token unless marked @Public(). The user is
 * read fresh from the database and put on the request; the rest of the API takes the actor,
 * and the organisation, from there and nowhere else.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) {
      return true;
    }
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.header('authorization') ?? '';
    const m = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header);
    if (!m) {
      throw new ApiError(
        'UNAUTHENTICATED',
        header ? 'Malformed Authorization header' : 'Log in first: no Bearer access token',
        { reason: header ? 'invalid' : 'missing' },
      );
    }
    const taskId = taskIdParam(req);
    const { user, task } = await this.auth.userOf(m[1] as string, taskId);
    req.user = user;
    if (task !== undefined) req.taskRow = task;
    return true;
  }
}

/**
 * A route's `:taskId`, when it can name a task at all (task ids are short: `KS202611-0001-T2`);
 * anything else is left for the route to refuse with 400, and is never sent to the database.
 */
function taskIdParam(req: AuthedRequest): string | undefined {
  const id = (req.params as Record<string, unknown> | undefined)?.taskId;
  return typeof id === 'string' && /^[\w-]{1,48}$/.test(id) ? id : undefined;
}
