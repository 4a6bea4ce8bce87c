import { DomainError, isDomainError } from './domain-error';
import { ERROR_CODES, isErrorCode } from './error-codes';

describe('DomainError codes are a closed set (issue 9 #6)', () => {
  test('a listed code is accepted and kept as its literal type', () => {
    const e = new DomainError('TASK_NOT_FOUND', 'No task t-1', { taskId: 't-1' });
    const code: 'TASK_NOT_FOUND' = e.code;
    expect(code).toBe('TASK_NOT_FOUND');
    expect(isDomainError(e)).toBe(true);
  });

  test('the compiler refuses a code that is not in ERROR_CODES', () => {
    // @ts-expect-error — 'NOT_A_CODE' is not an ErrorCode (npm run typecheck fails if this compiles)
    const e = new DomainError('NOT_A_CODE', 'typo');
    expect(isErrorCode(e.code)).toBe(false);
    // HTTP-only codes are not domain codes either (they are ApiErrors in apps/api).
    // @ts-expect-error — 'UNAUTHENTICATED' belongs to the API's ApiErrorCode, not to the domain
    void new DomainError('UNAUTHENTICATED', 'no token');
  });

  test('a duck-typed error counts only with a listed code', () => {
    expect(isDomainError({ name: 'DomainError', code: 'WRONG_ROLE', message: '' })).toBe(true);
    expect(isDomainError({ name: 'DomainError', code: 'WHATEVER', message: '' })).toBe(false);
  });

  test('the list has no duplicates and includes TASK_NOT_FOUND (used by the task board)', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(ERROR_CODES).toContain('TASK_NOT_FOUND');
  });
});
