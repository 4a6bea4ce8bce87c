import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { MetricsRegistry } from './metrics.registry';

/** Requests that matched no route share one label (scanners must not create series). */
export const UNMATCHED_ROUTE = '<unmatched>';

/**
 * Times every request, including those refused by the auth guard (a middleware runs before
 * guards; an interceptor would miss 401/403s). The route label is read when the response is
 * finished, once Express has matched the route template.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsRegistry) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const end = this.metrics.httpDuration.startTimer();
    res.once('finish', () => {
      end({ method: req.method, route: routeTemplate(req), status: String(res.statusCode) });
    });
    next();
  }
}

/**
 * Nest answers unknown paths from a catch-all route (`/*path`), so a wildcard template is "no
 * route" (the API declares no wildcard routes of its own).
 */
export function routeTemplate(
  req: Pick<Request, 'baseUrl'> & { route?: { path?: unknown } },
): string {
  const path = req.route?.path;
  if (typeof path !== 'string' || path.includes('*')) return UNMATCHED_ROUTE;
  return `${req.baseUrl ?? ''}${path}` || '/';
}
