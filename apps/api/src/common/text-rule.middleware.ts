import {
  Injectable,
  type CanActivate,
  type ExecutionContext,
  type NestMiddleware,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { findTextIssue, rawQueryIssue, textIssueError, textProblem } from './text-rule';

/** The request headers the API keeps (idempotency records, logs, error bodies). */
const STORED_HEADERS = ['idempotency-key', 'x-request-id'] as const;

/**
 * The text rule and the depth bound (common/text-rule.ts) for every route, before any guard or
 * handler runs (login included): the parsed JSON body, the raw query string and the stored
 * headers. Multipart bodies are parsed later, by the upload interceptor, which applies the same
 * rule; path parameters are checked by TextRuleGuard, once the router has named them.
 */
@Injectable()
export class TextRuleMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    const q = req.originalUrl.indexOf('?');
    const issue =
      findTextIssue(req.body, 'body') ??
      (q < 0 ? null : rawQueryIssue(req.originalUrl.slice(q + 1))) ??
      headerIssue(req);
    next(issue ? textIssueError(issue) : undefined);
  }
}

function headerIssue(req: Request): ReturnType<typeof findTextIssue> {
  for (const name of STORED_HEADERS) {
    const value = req.headers[name];
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      const message = textProblem(v);
      if (message) return { path: `headers.${name}`, message, code: 'VALIDATION_FAILED' };
    }
  }
  return null;
}

/** Path parameters by name (`params.caseNumber`), before the idempotency interceptor starts. */
@Injectable()
export class TextRuleGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const issue = findTextIssue(req.params ?? {}, 'params');
    if (issue) throw textIssueError(issue);
    return true;
  }
}
