import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { WorkflowRejection } from '@aso/temporal';
import type { Request, Response } from 'express';
import { pathParamNameOf } from '../openapi/route-params';
import { ApiError, isCodedError, statusOf } from './api-error';
import { SURROGATE_MESSAGE } from './text-rule';

export interface ErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
  requestId: string;
}

/** One JSON error shape for every failure; unknown errors become 500 with the request id. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const requestId = req.id ?? 'unknown';
    const { status, body } = toResponse(undecodableParam(error, req) ?? error, requestId);
    if (status >= 500)
      this.logger.error(
        `${req.method} ${req.url} [${requestId}] ${(error as Error)?.stack ?? String(error)}`,
      );
    res.status(status).json(body);
  }
}

/**
 * Express refuses a path segment whose escapes are not UTF-8 (how a lone surrogate travels in a
 * URL) with a bare 400 "Failed to decode param '…'": named here like any other bad field.
 */
function undecodableParam(error: unknown, req: Request): ApiError | null {
  // Nest hands Express's URIError on as a BadRequestException with the same message.
  const refused =
    (error instanceof HttpException && error.getStatus() === 400) ||
    (error instanceof URIError && (error as { status?: number }).status === 400);
  if (!refused) return null;
  const raw = /^Failed to decode param '(.*)'$/s.exec(error.message)?.[1];
  if (raw === undefined) return null;
  const name = pathParamNameOf(req.method, req.originalUrl ?? req.url, raw);
  const path = name ? `params.${name}` : 'params';
  return new ApiError('VALIDATION_FAILED', `Invalid input: ${path}`, {
    issues: [{ path, message: `must be UTF-8 (${SURROGATE_MESSAGE})` }],
  });
}

function toResponse(error: unknown, requestId: string): { status: number; body: ErrorBody } {
  if (isCodedError(error) || error instanceof WorkflowRejection) {
    const status = statusOf(error.code);
    return {
      status,
      body: { code: error.code, message: error.message, details: error.details, requestId },
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // Body-parser errors (malformed JSON, too large) arrive here as 4xx HttpExceptions.
    const code =
      status === 404
        ? 'NOT_FOUND'
        : status === 413
          ? 'PAYLOAD_TOO_LARGE'
          : status < 500
            ? 'BAD_REQUEST'
            : 'INTERNAL';
    return { status, body: { code, message: error.message, details: {}, requestId } };
  }
  const status = (error as { status?: number; type?: string })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      status,
      body: { code: 'BAD_REQUEST', message: (error as Error).message, details: {}, requestId },
    };
  }
  return {
    status: 500,
    body: { code: 'INTERNAL', message: 'Internal error', details: {}, requestId },
  };
}
