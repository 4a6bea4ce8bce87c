import createClient from 'openapi-fetch';
import { REFRESH_LOCK, WEB_HEADERS } from '../boot';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type TaskView = Schemas['TaskView'];
export type InboxItem = Schemas['InboxItem'];
export type CaseView = Schemas['CaseView'];
export type SessionBody = Schemas['WebSession'];
/** An error body; `code` also takes `HTTP_<status>` for answers that carried no body. */
export type ErrorBody = Omit<Schemas['ErrorBody'], 'code'> & { code: string };

/**
 * The session in the browser (issue 11): the access token lives in memory only (never in
 * storage); the refresh token is an httpOnly cookie the page cannot read, sent only to
 * /auth/web/… (with the X-ASO-Web header those routes require). An expired access token is
 * renewed once from the cookie and the request retried; a reload renews it the same way.
 */
let accessToken: string | undefined;
let onUnauthenticated: () => void = () => {};
let onSession: (s: SessionBody) => void = () => {};
export const setAccessToken = (t: string | undefined) => {
  accessToken = t;
  if (!t) lastSession = undefined;
};
export const setOnUnauthenticated = (f: () => void) => {
  onUnauthenticated = f;
};
/** Called with every renewed session (the user record may have changed). */
export const setOnSession = (f: (s: SessionBody) => void) => {
  onSession = f;
};

export { REFRESH_LOCK, WEB_HEADERS };
const isAuthRoute = (url: string) => new URL(url).pathname.startsWith('/auth/');

let renewing: Promise<SessionBody | undefined> | undefined;
/** The last session this tab got (login or renewal): what a tab that waited finds renewed. */
let lastSession: SessionBody | undefined;
export const rememberSession = (s: SessionBody | undefined) => {
  lastSession = s;
  accessToken = s?.accessToken;
};

interface LockManagerLike {
  request<T>(name: string, options: { mode: 'exclusive' }, run: () => Promise<T>): Promise<T>;
}
const lockManager = (): LockManagerLike | undefined =>
  (navigator as Navigator & { locks?: LockManagerLike }).locks;

async function refreshOnce(): Promise<SessionBody | undefined> {
  try {
    const res = await window.fetch('/auth/web/refresh', {
      method: 'POST',
      headers: WEB_HEADERS,
      credentials: 'same-origin',
    });
    if (!res.ok) return undefined;
    const s = (await res.json()) as SessionBody;
    rememberSession(s);
    onSession(s);
    return s;
  } catch {
    return undefined;
  }
}

/**
 * One renewal at a time, in this tab and across the tabs of the origin: the refresh token is
 * single use and rotated on every renewal, and presenting a used one again ends every session
 * of the user. Concurrent 401s of a tab share one refresh; tabs take turns under a Web Lock, so
 * a tab that waited sends the cookie the previous tab's renewal set (the cookie jar is shared;
 * the access token is not). A tab whose own token was renewed while it waited (a login, or a
 * renewal started in this tab) takes that session instead of rotating again.
 */
export function renewSession(): Promise<SessionBody | undefined> {
  const before = accessToken;
  renewing ??= (async () => {
    try {
      // The page load's renewal, started by boot.ts before this bundle ran (taken once).
      const booted = window.__asoBoot?.session as Promise<SessionBody | undefined> | undefined;
      if (booted && window.__asoBoot) {
        window.__asoBoot.session = undefined;
        const s = await booted;
        if (s) {
          rememberSession(s);
          onSession(s);
        }
        return s;
      }
      const locks = lockManager();
      if (!locks) return await refreshOnce();
      return await locks.request(REFRESH_LOCK, { mode: 'exclusive' }, async () => {
        // Re-read after waiting: renewed meanwhile in this tab → no second rotation.
        if (accessToken && accessToken !== before && lastSession) return lastSession;
        return refreshOnce();
      });
    } finally {
      renewing = undefined;
    }
  })();
  return renewing;
}

async function authedFetch(request: Request): Promise<Response> {
  const retry = isAuthRoute(request.url) ? undefined : request.clone();
  if (accessToken && !request.headers.has('authorization'))
    request.headers.set('authorization', `Bearer ${accessToken}`);
  if (isAuthRoute(request.url))
    for (const [k, v] of Object.entries(WEB_HEADERS)) request.headers.set(k, v);
  const response = await window.fetch(request);
  if (response.status !== 401 || !retry) return response;
  const renewed = await renewSession();
  if (!renewed) {
    onUnauthenticated();
    return response;
  }
  retry.headers.set('authorization', `Bearer ${renewed.accessToken}`);
  return window.fetch(retry);
}

/** Typed client of the same-origin API (types generated from its OpenAPI document). */
export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: authedFetch });

/** An API refusal: `{code, message, details, requestId}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
}

/** Unwraps an openapi-fetch answer: the data, or throws ApiError. */
export function ok<T>(r: { data?: T; error?: unknown; response: Response }): T {
  if (r.error !== undefined || !r.response.ok) {
    const body = (r.error ?? {}) as Partial<ErrorBody>;
    throw new ApiError(r.response.status, {
      code: body.code ?? `HTTP_${r.response.status}`,
      message: body.message ?? r.response.statusText,
      details: body.details ?? {},
      requestId: body.requestId ?? '',
    });
  }
  return r.data as T;
}
