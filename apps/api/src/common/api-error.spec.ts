import { ERROR_CODES, type ErrorCode } from '@aso/domain';
import { AppModule } from '../app.module';
import { buildOpenApiDocument } from '../openapi/document';
import {
  ALL_ERROR_CODES,
  API_ERROR_CODES,
  ApiError,
  isApiError,
  isCodedError,
  STATUS_BY_CODE,
  statusOf,
  type AnyErrorCode,
} from './api-error';

// Loading the app module registers every route of the document.
void AppModule;

describe('API error codes and the one status map (issue 9 #6)', () => {
  test('the status map has exactly one entry per domain and API code', () => {
    expect(Object.keys(STATUS_BY_CODE).sort()).toEqual([...ALL_ERROR_CODES].sort());
    expect(new Set(ALL_ERROR_CODES).size).toBe(ALL_ERROR_CODES.length);
  });

  test('domain and HTTP-only codes do not overlap', () => {
    const domain = new Set<string>(ERROR_CODES);
    expect(API_ERROR_CODES.filter((c) => domain.has(c))).toEqual([]);
  });

  test('the compiler checks the status map for completeness and the codes of ApiError', () => {
    // @ts-expect-error — a map missing codes does not satisfy Record<AnyErrorCode, number>
    const partial = { VALIDATION_FAILED: 400 } satisfies Record<AnyErrorCode, number>;
    expect(partial.VALIDATION_FAILED).toBe(400);
    // @ts-expect-error — a domain code is not an ApiErrorCode (throw a DomainError for it)
    void new ApiError('WRONG_ROLE' satisfies ErrorCode, 'x');
    // @ts-expect-error — nor is an unknown string
    void new ApiError('NOT_A_CODE', 'x');
  });

  test('an unknown wire code (a workflow failure type) answers 422; known codes their status', () => {
    expect(statusOf('TASK_NOT_FOUND')).toBe(404);
    expect(statusOf('UNAUTHENTICATED')).toBe(401);
    expect(statusOf('SOMETHING_ELSE')).toBe(422);
    expect(statusOf('toString')).toBe(422);
  });

  test('ApiError is a coded error, told apart by its code', () => {
    const e = new ApiError('TOO_MANY_ATTEMPTS', 'slow down', { retryAfterSeconds: 3 });
    expect(isApiError(e)).toBe(true);
    expect(isApiError(e, 'TOO_MANY_ATTEMPTS')).toBe(true);
    expect(isApiError(e, 'UNAUTHENTICATED')).toBe(false);
    expect(isCodedError(e)).toBe(true);
  });

  test('the OpenAPI ErrorBody documents every code as an enum', () => {
    const doc = buildOpenApiDocument();
    const body = doc.components?.schemas?.ErrorBody as {
      properties: { code: { enum?: string[] } };
    };
    expect([...(body.properties.code.enum ?? [])].sort()).toEqual([...ALL_ERROR_CODES].sort());
  });
});
