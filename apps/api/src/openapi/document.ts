import { OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import { apiRegistry } from './registry';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV3['generateDocument']>;

/** What each module's tag stands for; a tag registered without an entry here is listed bare. */
const TAG_DESCRIPTIONS: Record<string, string> = {
  auth: 'Login, token refresh and rotation, the current user, logout',
  cases: 'Opening complaints; case views, documents and the audit trail',
  tasks: 'The inbox and human-task commands (claim, unclaim, delegate, complete)',
  users: 'User administration within the admin’s organisation',
  health: 'Liveness of PostgreSQL and Temporal',
  docs: 'This document',
};

/**
 * The OpenAPI 3 document, generated from every route the DTO files registered. Built on
 * demand (the registry is complete once the app module and its controllers are loaded).
 */
export function buildOpenApiDocument(): OpenApiDocument {
  const tags = new Set<string>();
  for (const d of apiRegistry.definitions) {
    if (d.type === 'route') for (const t of d.route.tags ?? []) tags.add(t);
  }
  return new OpenApiGeneratorV3(apiRegistry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'After-sales case orchestrator API',
      version: '0.1.0',
      description:
        'Complaints and returns as durable Temporal processes. Errors are always ' +
        '`{code, message, details, requestId}`; 400 VALIDATION_FAILED lists every bad field in ' +
        '`details.issues[].path` (`body.…`, `query.…`, `params.…`).',
    },
    tags: [...tags]
      .sort()
      .map((name) =>
        TAG_DESCRIPTIONS[name] ? { name, description: TAG_DESCRIPTIONS[name] } : { name },
      ),
  });
}
