import { ApiError } from './api-error';

/**
 * The one text rule of the API: every string it accepts (body, query, path, stored headers,
 * multipart fields, login) must be storable. PostgreSQL `text`/`jsonb` cannot hold NUL, and
 * `jsonb` refuses an unpaired UTF-16 surrogate (JSON.parse turns "\ud800" into one), so such a
 * string accepted here would fail a write later — in the worker, retried forever. Refused at
 * the edge instead, with 400 VALIDATION_FAILED naming the field.
 */
export const NUL_MESSAGE = 'must not contain NUL characters';
export const SURROGATE_MESSAGE = 'must not contain unpaired UTF-16 surrogates';
/** Deeper JSON than this is no request of this API; bounded so no walk can overflow. */
export const MAX_BODY_DEPTH = 32;

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `s` breaks the rule, or null when it is storable text. */
export function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return NUL_MESSAGE;
  if (UNPAIRED_SURROGATE.test(s)) return SURROGATE_MESSAGE;
  return null;
}

export interface TextIssue {
  path: string;
  message: string;
  /** VALIDATION_FAILED for bad text, BODY_TOO_DEEP for nesting past MAX_BODY_DEPTH */
  code: 'VALIDATION_FAILED' | 'BODY_TOO_DEEP';
}

/**
 * The first string (value or object key) under `root` that breaks the rule, by path
 * (`body.customer.name`, `query.status`, `body.items.0`), or the first value nested deeper than
 * `maxDepth`. Iterative (an explicit stack), so a 100,000-deep value cannot overflow the call
 * stack; it stops at the depth bound, so its work is bounded by the input's size.
 */
export function findTextIssue(
  value: unknown,
  root: string,
  maxDepth = MAX_BODY_DEPTH,
): TextIssue | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [
    { value, path: root, depth: 0 },
  ];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const message = textProblem(v);
      if (message) return { path, message, code: 'VALIDATION_FAILED' };
      continue;
    }
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    if (depth >= maxDepth)
      return {
        path,
        message: `nested deeper than ${maxDepth} levels`,
        code: 'BODY_TOO_DEEP',
      };
    // Own keys only (multer's body has a null prototype); reversed so the first key is seen first.
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const child = `${path}.${key}`;
      const keyMessage = textProblem(key);
      if (keyMessage)
        return { path: child, message: `name ${keyMessage}`, code: 'VALIDATION_FAILED' };
      stack.push({ value: (v as Record<string, unknown>)[key], path: child, depth: depth + 1 });
    }
  }
  return null;
}

/** The issue as the API's error (400; the path names the field). */
export function textIssueError(issue: TextIssue): ApiError {
  return new ApiError(
    issue.code,
    issue.code === 'BODY_TOO_DEEP'
      ? `Invalid input: ${issue.path} is ${issue.message}`
      : `Invalid input: ${issue.path}`,
    {
      issues: [{ path: issue.path, message: issue.message }],
      ...(issue.code === 'BODY_TOO_DEEP' ? { maxDepth: MAX_BODY_DEPTH } : {}),
    },
  );
}

/** Throws the 400 for the first bad string under `value`, if any. */
export function assertText(value: unknown, root: string): void {
  const issue = findTextIssue(value, root);
  if (issue) throw textIssueError(issue);
}

/**
 * The raw query string, decoded strictly: percent-encoded bytes that are not UTF-8 (e.g. the
 * CESU-8 form of a lone surrogate, %ED%A0%80) are refused rather than silently turned into
 * U+FFFD, and decoded values go through the text rule. Returns the first issue.
 */
export function rawQueryIssue(rawQuery: string): TextIssue | null {
  if (!rawQuery) return null;
  for (const pair of rawQuery.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const key = strictDecode(rawKey);
    const name = key ?? rawKey;
    const path = `query.${textProblem(name) ? encodeURIComponent(name) : name}`;
    if (key === null) return { path, message: 'name must be UTF-8', code: 'VALIDATION_FAILED' };
    const keyMessage = textProblem(key);
    if (keyMessage) return { path, message: `name ${keyMessage}`, code: 'VALIDATION_FAILED' };
    const value = strictDecode(rawValue);
    if (value === null) return { path, message: 'must be UTF-8', code: 'VALIDATION_FAILED' };
    const message = textProblem(value);
    if (message) return { path, message, code: 'VALIDATION_FAILED' };
  }
  return null;
}

function strictDecode(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}
