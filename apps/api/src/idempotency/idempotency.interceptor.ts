import { ApiError } from '../common/api-error';
import {
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { from, mergeMap, of, type Observable } from 'rxjs';
import type { IdempotentRequestState } from './command-id.decorator';
import { commandIdOf, IDEMPOTENCY_KEY_PATTERN, IdempotencyService } from './idempotency.service';
import { requestFingerprint, type RequestShape } from './request-fingerprint';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Marks a route whose request body is only known after a route-level interceptor ran (a
 * multipart upload parsed by multer): the global interceptor leaves it alone and the route
 * applies RouteIdempotencyInterceptor after its upload interceptor instead.
 */
const AFTER_BODY_PARSED = Symbol('idempotency:after-body-parsed');
export const IdempotencyAfterBodyParsed = () => SetMetadata(AFTER_BODY_PARSED, true);

type UploadedRequest = IdempotentRequestState & { file?: RequestShape['file'] };

/**
 * Global: every mutating request of an authenticated user that carries an Idempotency-Key
 * header is run at most once per key. Guards have run already, so the user (the key's scope)
 * is known; requests without the header, reads and public routes pass through untouched.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (this.reflector.get<boolean>(AFTER_BODY_PARSED, ctx.getHandler())) return next.handle();
    return runIdempotently(this.idempotency, ctx, next);
  }
}

/** The same, bound on a route after the interceptor that parses its body (see above). */
@Injectable()
export class RouteIdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly idempotency: IdempotencyService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return runIdempotently(this.idempotency, ctx, next);
  }
}

function runIdempotently(
  idempotency: IdempotencyService,
  ctx: ExecutionContext,
  next: CallHandler,
): Observable<unknown> {
  if (ctx.getType() !== 'http') return next.handle();
  const req = ctx.switchToHttp().getRequest<UploadedRequest>();
  const res = ctx.switchToHttp().getResponse<Response>();
  const key = req.header(IDEMPOTENCY_HEADER);
  if (key === undefined || !MUTATING.has(req.method) || !req.user) return next.handle();
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new ApiError('VALIDATION_FAILED', 'Invalid Idempotency-Key header', {
      issues: [
        { path: 'headers.idempotency-key', message: '1–128 characters of A-Z a-z 0-9 _ . : -' },
      ],
    });
  }
  const url = req.originalUrl ?? req.url;
  const request = {
    organisationId: req.user.organisationId,
    userId: req.user.id,
    key,
    method: req.method,
    path: url.split('?')[0] ?? url,
    requestHash: requestFingerprint({ method: req.method, url, body: req.body, file: req.file }),
  };
  req.idempotency = { key, commandId: commandIdOf(request) };
  return from(idempotency.begin(request)).pipe(
    mergeMap((decision) => {
      if (decision.action === 'run') {
        recordResponse(res, (status, body) => idempotency.finish(decision.lease, status, body));
        return next.handle();
      }
      res.setHeader('Idempotent-Replayed', 'true');
      forceStatus(res, decision.status);
      return of(decision.body);
    }),
  );
}

/**
 * Stores whatever is sent (the handler's result, or the error filter's body) before it goes out,
 * so that once a client has seen a response, a retry is answered with it. Hooking `send` sees
 * both paths: Nest replies with res.json/res.send and the error filter with res.json, which ends
 * in res.send.
 */
function recordResponse(
  res: Response,
  store: (status: number, body: unknown) => Promise<void>,
): void {
  const send = res.send.bind(res);
  let recorded = false;
  res.send = ((chunk?: unknown) => {
    if (recorded) return send(chunk);
    recorded = true;
    const done = () => send(chunk);
    store(res.statusCode, asJson(chunk)).then(done, (e: unknown) => {
      // The command's effect happened; failing its response now would only invite a retry.
      res.setHeader('Idempotency-Warning', 'response not stored');
      process.emitWarning(`idempotency: could not store a response: ${String(e)}`);
      done();
    });
    return res;
  }) as Response['send'];
}

/** A replay answers with the first response's status, whatever the route's @HttpCode says. */
function forceStatus(res: Response, status: number): void {
  res.status(status);
  res.status = (() => res) as Response['status'];
}

function asJson(chunk: unknown): unknown {
  if (chunk === undefined || chunk === null) return null;
  const text = Buffer.isBuffer(chunk) ? chunk.toString('utf8') : chunk;
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
