import type { Request, Response } from 'express';
import { ApiError } from '../common/api-error';

/**
 * The web app's session (issue 11): the access token stays in the page's memory, the refresh
 * token in an httpOnly, SameSite=Strict cookie (Secure over TLS) that only the /auth/web routes
 * ever see. The JSON token flow (/auth/login, /auth/refresh) stays as it is for API clients.
 */
export const REFRESH_COOKIE = 'aso_refresh';
export const REFRESH_COOKIE_PATH = '/auth/web';

/** The header the web app sends on every /auth/web request (a cross-site form cannot). */
export const WEB_SESSION_HEADER = 'x-aso-web';

/** The cookie's value in a Cookie header, or undefined. */
export function cookieOf(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Set-Cookie for the refresh token (or, with `maxAgeSeconds` 0, its removal). */
export function refreshCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${REFRESH_COOKIE}=${encodeURIComponent(value)}`,
    `Path=${REFRESH_COOKIE_PATH}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/**
 * CSRF defence of the cookie routes, beside SameSite=Strict: the custom header must be there
 * (a cross-site form cannot send one, and a cross-origin fetch with it needs a CORS preflight
 * this API never grants), and an Origin, when the browser sends one, must be this host's.
 */
export function assertSameSiteRequest(req: Request): void {
  const refuse = (reason: string) =>
    new ApiError('FORBIDDEN', 'Not a request of the web app', { reason });
  if (req.header(WEB_SESSION_HEADER) !== '1') throw refuse('missing_header');
  const origin = req.header('origin');
  if (origin === undefined) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw refuse('bad_origin');
  }
  const own =
    req.header('x-forwarded-host') && req.app.get('trust proxy')
      ? req.header('x-forwarded-host')
      : req.header('host');
  if (host !== own) throw refuse('cross_origin');
}

export function setRefreshCookie(
  req: Request,
  res: Response,
  token: string,
  maxAgeSeconds: number,
): void {
  res.append('Set-Cookie', refreshCookie(token, maxAgeSeconds, req.secure));
  res.setHeader('Cache-Control', 'no-store');
}

export function clearRefreshCookie(req: Request, res: Response): void {
  res.append('Set-Cookie', refreshCookie('', 0, req.secure));
}
