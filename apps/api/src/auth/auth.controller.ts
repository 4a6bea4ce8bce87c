import { isApiError } from '../common/api-error';
import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { parseInput } from '../common/parse-input';
import { CurrentUser } from '../common/actor.decorator';
import { toUserView, type AuthUser } from './auth-user';
import { loginBodySchema, refreshBodySchema } from './auth.dto';
import { AuthService } from './auth.service';
import { Public } from './public.decorator';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return withRetryAfter(
      res,
      this.auth.login(parseInput(loginBodySchema, body), clientAddress(req)),
    );
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { refreshToken } = parseInput(refreshBodySchema, body);
    return withRetryAfter(res, this.auth.refresh(refreshToken, clientAddress(req)));
  }

  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return toUserView(user);
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.logout(user);
  }
}

/** Express's view of the peer: the socket's, or X-Forwarded-For's when TRUST_PROXY is set. */
function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** A throttled attempt answers 429 with Retry-After (the error filter writes the body). */
async function withRetryAfter<T>(res: Response, result: Promise<T>): Promise<T> {
  try {
    return await result;
  } catch (e) {
    if (isApiError(e, 'TOO_MANY_ATTEMPTS'))
      res.setHeader('Retry-After', String(e.details.retryAfterSeconds));
    throw e;
  }
}
