import { OpenAPIRegistry, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { AnyZodObject, ZodTypeAny } from 'zod';
import { ERROR_RESPONSES, errorBodySchema, type ErrorStatus } from './error.dto';

/**
 * The one registry the OpenAPI document is built from. Each controller's `*.dto.ts` registers
 * its routes here with the same zod schemas the controller parses requests with, so the
 * document cannot drift from what is validated. A route Nest serves without a registration
 * fails test/openapi.e2e-spec.ts.
 */
export const apiRegistry = new OpenAPIRegistry();

export const BEARER_AUTH = 'bearerAuth';

apiRegistry.register('ErrorBody', errorBodySchema);
apiRegistry.registerComponent('securitySchemes', BEARER_AUTH, {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'JWT',
  description: 'The access token of POST /auth/login or POST /auth/refresh (HS256, 15 min).',
});
for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
  apiRegistry.registerComponent('responses', `Error${status}`, {
    description,
    ...(status === '429'
      ? {
          headers: {
            'Retry-After': {
              description: 'seconds to wait before the next attempt',
              schema: { type: 'integer', minimum: 0 },
            },
          },
        }
      : {}),
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
  });
}

/** The Idempotency-Key request header, as the idempotency interceptor accepts it. */
export const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes the command safe to retry: the same key with the same request returns the first ' +
    'answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still ' +
    'running 409 IDEMPOTENCY_IN_PROGRESS.',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,128}$' },
} as const;

/** What an operation that honours Idempotency-Key adds to its error statuses. */
export const IDEMPOTENT_ERRORS: ErrorStatus[] = [400, 409, 422];

const MUTATING: ReadonlySet<HttpMethod> = new Set(['post', 'put', 'patch', 'delete']);
/** A command: a mutating route of an authenticated user (what the idempotency interceptor serves). */
export const isCommand = (route: Pick<ApiRoute, 'method' | 'public'>): boolean =>
  MUTATING.has(route.method) && !route.public;

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ApiRoute {
  method: HttpMethod;
  /** As the controller declares it (Nest style, `cases/:caseNumber`); a leading `/` is optional. */
  path: string;
  /** The module the route belongs to (one tag per module). */
  tag: string;
  summary: string;
  description?: string;
  /** Marked @Public(): no bearer token (and no 401/403 for a missing one). */
  public?: boolean;
  params?: AnyZodObject;
  query?: AnyZodObject;
  body?: ZodTypeAny;
  response: {
    status: 200 | 201 | 202 | 204;
    description: string;
    schema?: ZodTypeAny;
    /** application/json unless said otherwise */
    contentType?: string;
    /** further representations of the same answer, by content type (e.g. text/csv) */
    alternatives?: Record<string, ZodTypeAny>;
  };
  /** Error statuses beyond the ones implied (400 always — the text rule checks every query and
   * stored header —, 401/403 unless public, 413 with a body, 400/409/422 of Idempotency-Key on a
   * command). */
  errors?: ErrorStatus[];
}

/** `cases/:caseNumber` → `/cases/{caseNumber}` (OpenAPI path templating). */
export const toOpenApiPath = (nestPath: string): string =>
  `/${nestPath.replace(/^\/+/, '')}`.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** Registers one route; call it at module level of the controller's DTO file. */
export function registerRoute(route: ApiRoute): void {
  const path = toOpenApiPath(route.path);
  const errors = new Set<ErrorStatus>(route.errors ?? []);
  // Every route can answer 400: the text rule (common/text-rule.ts) checks any query and body.
  errors.add(400);
  if (route.body) errors.add(413);
  const command = isCommand(route);
  if (command) for (const s of IDEMPOTENT_ERRORS) errors.add(s);
  if (!route.public) {
    errors.add(401);
    errors.add(403);
  }
  const { status, description, schema, contentType = 'application/json' } = route.response;
  const content = schema
    ? Object.fromEntries(
        [[contentType, schema] as const, ...Object.entries(route.response.alternatives ?? {})].map(
          ([type, s]) => [type, { schema: s }],
        ),
      )
    : undefined;
  const responses: RouteConfig['responses'] = {
    [status]: content ? { description, content } : { description },
  };
  for (const code of [...errors].sort()) {
    responses[code] = { $ref: `#/components/responses/Error${code}` };
  }
  apiRegistry.registerPath({
    method: route.method,
    path,
    operationId: operationIdOf(route.method, path),
    tags: [route.tag],
    summary: route.summary,
    description: route.description,
    security: route.public ? [] : [{ [BEARER_AUTH]: [] }],
    parameters: command ? [IDEMPOTENCY_KEY_HEADER] : undefined,
    request: {
      params: route.params,
      query: route.query,
      body: route.body
        ? { required: true, content: { 'application/json': { schema: route.body } } }
        : undefined,
    },
    responses,
  });
}

/** Unique by construction: one operation per method + path. */
const operationIdOf = (method: HttpMethod, path: string): string =>
  method +
  path
    .split('/')
    .filter(Boolean)
    .map((s) =>
      s
        .replace(/[{}]/g, '')
        .replace(/[^A-Za-z0-9]+(.)?/g, (_, c?: string) => (c ?? '').toUpperCase()),
    )
    .map((s) => s.charAt(0).toUpperCase() + s.slice(1))
    .join('');
