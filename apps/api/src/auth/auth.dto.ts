import { departmentSchema, roleSchema } from '@aso/contracts';
import { QUALIFICATIONS } from './qualifications';
import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';
import type { Session } from './auth.service';
import type { UserView } from './auth-user';

export const loginBodySchema = z
  .object({
    organisation: z.string().min(1).max(64).openapi({ example: 'demo' }),
    username: z.string().min(1).max(64).openapi({ example: 'sales-01' }),
    password: z.string().min(1).max(256),
  })
  .openapi('LoginRequest');

export const refreshBodySchema = z
  .object({ refreshToken: z.string().min(1).max(256) })
  .openapi('RefreshRequest');

export const userViewSchema = z
  .object({
    id: z.string().uuid(),
    organisation: z.string(),
    username: z.string(),
    displayName: z.string(),
    department: departmentSchema,
    roles: z.array(roleSchema),
    approvalLimitFen: z.number().int().nullable().describe('personal approval limit, fen'),
    qualifications: z
      .array(z.enum(QUALIFICATIONS))
      .describe(
        'F18 004 八.(一)3: trained and passed for (follow_up_caller: takes follow-up calls)',
      ),
  })
  .openapi('User') satisfies z.ZodType<UserView>;

export const sessionSchema = z
  .object({
    accessToken: z.string().describe('HS256 JWT: send as Authorization: Bearer …'),
    refreshToken: z.string().describe('opaque, single use: rotated by POST /auth/refresh'),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().describe('seconds until the access token expires'),
    user: userViewSchema,
  })
  .openapi('Session') satisfies z.ZodType<Session>;

registerRoute({
  method: 'post',
  path: 'auth/login',
  tag: 'auth',
  summary: 'Log in with organisation, username and password',
  public: true,
  body: loginBodySchema,
  response: { status: 200, description: 'A new session', schema: sessionSchema },
  // 429: login throttling answers with Retry-After.
  errors: [401, 429],
});
registerRoute({
  method: 'post',
  path: 'auth/refresh',
  tag: 'auth',
  summary: 'Exchange a refresh token for a new session (the old token is used up)',
  description: 'Presenting a used refresh token again ends every session of that user.',
  public: true,
  body: refreshBodySchema,
  response: { status: 200, description: 'A new session', schema: sessionSchema },
  // 429: login throttling answers with Retry-After.
  errors: [401, 429],
});
registerRoute({
  method: 'get',
  path: 'auth/me',
  tag: 'auth',
  summary: 'The current user, as the users table says now',
  response: { status: 200, description: 'The user', schema: userViewSchema },
});
registerRoute({
  method: 'post',
  path: 'auth/logout',
  tag: 'auth',
  summary: 'End every refresh session of the current user',
  response: { status: 204, description: 'Logged out' },
});

/** The web app's session: the refresh token is in the httpOnly cookie, never in the body. */
export const webSessionSchema = sessionSchema.omit({ refreshToken: true }).openapi('WebSession');

const WEB_ROUTE_NOTE =
  'For the web app (same origin): needs the header `X-ASO-Web: 1`, and an Origin, when sent, ' +
  'of this host (403 otherwise). The refresh token travels only in the httpOnly, ' +
  'SameSite=Strict cookie `aso_refresh` (Path=/auth/web; Secure over TLS). API clients use ' +
  '/auth/login and /auth/refresh.';
registerRoute({
  method: 'post',
  path: 'auth/web/login',
  tag: 'auth',
  summary: 'Log in from the web app: the refresh token is set as a cookie',
  description: WEB_ROUTE_NOTE,
  public: true,
  body: loginBodySchema,
  response: { status: 200, description: 'A new session', schema: webSessionSchema },
  errors: [401, 403, 429],
});
registerRoute({
  method: 'post',
  path: 'auth/web/refresh',
  tag: 'auth',
  summary: 'A new access token for the web app, from its refresh cookie (rotated)',
  description: `${WEB_ROUTE_NOTE} 401 clears the cookie.`,
  public: true,
  response: { status: 200, description: 'A new session', schema: webSessionSchema },
  errors: [401, 403, 429],
});
registerRoute({
  method: 'post',
  path: 'auth/web/logout',
  tag: 'auth',
  summary: 'Log out of the web app: end the cookie’s sessions and clear the cookie',
  description: WEB_ROUTE_NOTE,
  public: true,
  response: { status: 204, description: 'Logged out' },
  errors: [403],
});
