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
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
  });
}

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
  };
  /** Error statuses beyond the ones implied (400 with input, 401/403 unless public, 413 with a body). */
  errors?: ErrorStatus[];
}

/** `cases/:caseNumber` → `/cases/{caseNumber}` (OpenAPI path templating). */
export const toOpenApiPath = (nestPath: string): string =>
  `/${nestPath.replace(/^\/+/, '')}`.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** Registers one route; call it at module level of the controller's DTO file. */
export function registerRoute(route: ApiRoute): void {
  const path = toOpenApiPath(route.path);
  const errors = new Set<ErrorStatus>(route.errors ?? []);
  if (route.params || route.query || route.body) errors.add(400);
  if (route.body) errors.add(413);
  if (!route.public) {
    errors.add(401);
    errors.add(403);
  }
  const { status, description, schema, contentType = 'application/json' } = route.response;
  const responses: RouteConfig['responses'] = {
    [status]: schema ? { description, content: { [contentType]: { schema } } } : { description },
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
