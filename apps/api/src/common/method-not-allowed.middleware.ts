import type { NextFunction, Request, Response } from 'express';
import { apiRegistry } from '../openapi/registry';

/**
 * A method the document does not declare on a path it does declare answers 405 with `Allow`
 * (RFC 9110 §15.5.6), not the router's 404: the path exists, the method does not. The route
 * table is the OpenAPI registry (complete once the controllers are loaded, so built on first
 * use), so the answer never disagrees with the published document. HEAD follows GET and OPTIONS
 * is left to the router.
 */
interface Route {
  pattern: RegExp;
  methods: Set<string>;
}

function routeTable(): Route[] {
  const byPath = new Map<string, Set<string>>();
  for (const d of apiRegistry.definitions) {
    if (d.type !== 'route') continue;
    const methods = byPath.get(d.route.path) ?? new Set<string>();
    methods.add(d.route.method.toUpperCase());
    if (d.route.method === 'get') methods.add('HEAD');
    byPath.set(d.route.path, methods);
  }
  return [...byPath].map(([path, methods]) => ({
    pattern: new RegExp(
      `^${path
        .split(/(\{[^}]+\})/)
        .map((part) =>
          part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('')}/?$`,
    ),
    methods,
  }));
}

export function methodNotAllowed(): (
  req: Request & { id?: string },
  res: Response,
  next: NextFunction,
) => void {
  let routes: Route[] | undefined;
  return (req, res, next) => {
    const method = req.method.toUpperCase();
    if (method === 'OPTIONS') return next();
    routes ??= routeTable();
    const matching = routes.filter((r) => r.pattern.test(req.path));
    if (matching.length === 0 || matching.some((r) => r.methods.has(method))) return next();
    const allow = [...new Set(matching.flatMap((r) => [...r.methods]))].sort();
    res.setHeader('Allow', allow.join(', '));
    res.status(405).json({
      code: 'METHOD_NOT_ALLOWED',
      message: `${method} is not allowed on this path (allowed: ${allow.join(', ')})`,
      details: {},
      requestId: req.id,
    });
  };
}
