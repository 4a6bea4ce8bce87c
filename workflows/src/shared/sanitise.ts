/**
 * The text PostgreSQL refuses to store — NUL (in `text` and `jsonb`) and unpaired UTF-16
 * surrogates (in `jsonb`) — made storable by a pure, deterministic rule, so a workflow that
 * replays computes exactly the same sanitised write: NUL is dropped, a lone surrogate becomes
 * U+FFFD (what a UTF-8 encoder would have written for it anyway).
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function sanitiseText(s: string): string {
  return s.replace(UNSTORABLE, (c) => (c === '\u0000' ? '' : '\ufffd'));
}

/** `value` with every string (keys included) sanitised; plain JSON in, plain JSON out. */
export function sanitiseDeep<T>(value: T): T {
  if (typeof value === 'string') return sanitiseText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => sanitiseDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      out[sanitiseText(k)] = sanitiseDeep(v);
    return out as T;
  }
  return value;
}
