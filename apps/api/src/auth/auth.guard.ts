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
    req.user = await this.auth.userOf(m[1] as string);
    return true;
  }
}
