import createClient from 'openapi-fetch';
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
};
export const setOnUnauthenticated = (f: () => void) => {
  onUnauthenticated = f;
};
/** Called with every renewed session (the user record may have changed). */
export const setOnSession = (f: (s: SessionBody) => void) => {
  onSession = f;
};

export const WEB_HEADERS = { 'x-aso-web': '1' } as const;
const isAuthRoute = (url: string) => new URL(url).pathname.startsWith('/auth/');

let renewing: Promise<SessionBody | undefined> | undefined;
/**
 * One renewal at a time: the refresh token is single use, and presenting a used one again ends
 * every session of the user, so concurrent 401s share one refresh.
 */
export function renewSession(): Promise<SessionBody | undefined> {
  renewing ??= (async () => {
    try {
      const res = await window.fetch('/auth/web/refresh', {
        method: 'POST',
        headers: WEB_HEADERS,
        credentials: 'same-origin',
      });
      if (!res.ok) return undefined;
      const s = (await res.json()) as SessionBody;
      accessToken = s.accessToken;
      onSession(s);
      return s;
    } catch {
      return undefined;
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
