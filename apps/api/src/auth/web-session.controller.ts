import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiError, isApiError } from '../common/api-error';
import { parseInput } from '../common/parse-input';
import { loginBodySchema } from './auth.dto';
import { AuthService, type Session } from './auth.service';
import { Public } from './public.decorator';
import { TokenService } from './token.service';
import {
  REFRESH_COOKIE,
  assertSameSiteRequest,
  clearRefreshCookie,
  cookieOf,
  setRefreshCookie,
} from './web-session';

/** A session as the web app gets it: no refresh token in the body (it is in the cookie). */
export type WebSession = Omit<Session, 'refreshToken'>;

/**
 * The web app's cookie session (web-session.ts): log in, refresh (also on page load: a reload
 * keeps you signed in), log out. Every route checks the custom header and the Origin first.
 */
@Controller('auth/web')
export class WebSessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: unknown,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WebSession> {
    assertSameSiteRequest(req);
    const session = await retryAfter(
      res,
      this.auth.login(parseInput(loginBodySchema, body), clientAddress(req)),
    );
    return this.answer(req, res, session);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WebSession> {
    assertSameSiteRequest(req);
    const token = cookieOf(req.header('cookie'), REFRESH_COOKIE);
    // No cookie: nobody is signed in here (not a failed attempt: nothing is throttled).
    if (!token) throw new ApiError('UNAUTHENTICATED', 'No web session', { reason: 'no_session' });
    try {
      return this.answer(
        req,
        res,
        await retryAfter(res, this.auth.refresh(token, clientAddress(req))),
      );
    } catch (e) {
      if (isApiError(e, 'UNAUTHENTICATED')) clearRefreshCookie(req, res);
      throw e;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    assertSameSiteRequest(req);
    const token = cookieOf(req.header('cookie'), REFRESH_COOKIE);
    if (token) await this.auth.logoutByRefreshToken(token);
    clearRefreshCookie(req, res);
  }

  private answer(req: Request, res: Response, session: Session): WebSession {
    const { refreshToken, ...rest } = session;
    setRefreshCookie(req, res, refreshToken, this.tokens.refreshTtlSeconds);
    return rest;
  }
}

function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

async function retryAfter<T>(res: Response, result: Promise<T>): Promise<T> {
  try {
    return await result;
  } catch (e) {
    if (isApiError(e, 'TOO_MANY_ATTEMPTS'))
      res.setHeader('Retry-After', String(e.details.retryAfterSeconds));
    throw e;
  }
}
