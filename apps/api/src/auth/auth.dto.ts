import { departmentSchema, roleSchema } from '@aso/contracts';
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
