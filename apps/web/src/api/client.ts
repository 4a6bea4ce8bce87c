import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type TaskView = Schemas['TaskView'];
export type CaseView = Schemas['CaseView'];
export type SessionBody = Schemas['Session'];
/** An error body; `code` also takes `HTTP_<status>` for answers that carried no body. */
export type ErrorBody = Omit<Schemas['ErrorBody'], 'code'> & { code: string };

/** The access token lives in memory only (never in storage): a reload asks for a login again. */
let accessToken: string | undefined;
let onUnauthenticated: () => void = () => {};
export const setAccessToken = (t: string | undefined) => {
  accessToken = t;
};
export const setOnUnauthenticated = (f: () => void) => {
  onUnauthenticated = f;
};

const auth: Middleware = {
  onRequest({ request }) {
    if (accessToken) request.headers.set('authorization', `Bearer ${accessToken}`);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/auth/login'))
      onUnauthenticated();
    return response;
  },
};

/** Typed client of the same-origin API (types generated from its OpenAPI document). */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

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
