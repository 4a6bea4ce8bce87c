import {
  findTextIssue,
  MAX_BODY_DEPTH,
  NUL_MESSAGE,
  rawQueryIssue,
  SURROGATE_MESSAGE,
  textProblem,
} from './text-rule';

describe('the text rule', () => {
  test('refuses NUL and unpaired surrogates, accepts paired ones and ordinary text', () => {
    expect(textProblem('bad \u0000')).toBe(NUL_MESSAGE);
    expect(textProblem('bad \ud800')).toBe(SURROGATE_MESSAGE);
    expect(textProblem('\udc00 bad')).toBe(SURROGATE_MESSAGE);
    expect(textProblem('\ud800x\udc00')).toBe(SURROGATE_MESSAGE);
    expect(textProblem(JSON.parse('"\\ud800"') as string)).toBe(SURROGATE_MESSAGE);
    expect(textProblem('😀 王五 \ud83d\ude00')).toBeNull();
    expect(textProblem('')).toBeNull();
  });

  test('names the first offending field by path, in values, array items and keys', () => {
    expect(findTextIssue({ customer: { name: 'a\u0000' } }, 'body')).toEqual({
      path: 'body.customer.name',
      message: NUL_MESSAGE,
      code: 'VALIDATION_FAILED',
    });
    expect(findTextIssue({ a: 'ok', list: ['ok', 'x\ud800'] }, 'body')?.path).toBe('body.list.1');
    expect(findTextIssue({ ['k\u0000']: 1 }, 'body')?.path).toBe('body.k\u0000');
    expect(findTextIssue({ a: 'ok', b: 'bad\u0000', c: 'bad\u0000' }, 'body')?.path).toBe('body.b');
    expect(findTextIssue('x\u0000', 'body.username')?.path).toBe('body.username');
    expect(findTextIssue({ a: [1, true, null, { b: 'fine' }] }, 'body')).toBeNull();
  });

  test('issue 8 #3: bounds the depth without recursion, even 100,000 deep', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findTextIssue(deep, 'body')?.code).toBe('BODY_TOO_DEEP');
    let ok: unknown = 'leaf';
    for (let i = 0; i < MAX_BODY_DEPTH; i++) ok = { a: ok };
    expect(findTextIssue(ok, 'body')).toBeNull();
    expect(findTextIssue({ a: ok }, 'body')?.code).toBe('BODY_TOO_DEEP');
  });

  test('decodes the raw query strictly: NUL and non-UTF-8 escapes are named', () => {
    expect(rawQueryIssue('status=open&limit=5')).toBeNull();
    expect(rawQueryIssue('status=%E7%8E%8B+x')).toBeNull();
    expect(rawQueryIssue('limit=5&status=a%00')).toEqual({
      path: 'query.status',
      message: NUL_MESSAGE,
      code: 'VALIDATION_FAILED',
    });
    expect(rawQueryIssue('type=%ED%A0%80')?.path).toBe('query.type');
    expect(rawQueryIssue('caseNumber=%ED%B0%80')?.message).toBe('must be UTF-8');
    expect(rawQueryIssue('a%00b=1')?.message).toMatch(/^name /);
  });
});
