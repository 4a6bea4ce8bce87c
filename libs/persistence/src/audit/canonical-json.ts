/**
 * Deterministic JSON for hashing: the audit chain hashes bytes, so the same event must always
 * serialise to the same string, whatever order its keys were built in and wherever it was
 * read back from (jsonb reorders keys). Keys are sorted by UTF-16 code unit (as RFC 8785 does),
 * no whitespace is emitted, and anything JSON cannot round-trip exactly (undefined, NaN,
 * Infinity, functions, symbols, bigint, Dates, class instances) is refused rather than dropped
 * or coerced, because a silent coercion would make two different events hash alike.
 */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export class CanonicalJsonError extends Error {
  readonly code = 'CANONICAL_JSON_INVALID';
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`cannot canonicalise ${path}: ${reason}`);
    this.name = 'CanonicalJsonError';
  }
}

export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set());
}

function write(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value))
        throw new CanonicalJsonError(path, `${String(value)} is not a JSON number`);
      // JSON.stringify maps -0 to "0" and otherwise uses ECMAScript's shortest round-trip form.
      return JSON.stringify(value);
    case 'undefined':
    case 'function':
    case 'symbol':
    case 'bigint':
      throw new CanonicalJsonError(path, `${typeof value} is not JSON`);
    case 'object':
      return writeObject(value, path, ancestors);
  }
  // typeof has no other results, but TypeScript cannot see that for `unknown`.
  throw new CanonicalJsonError(path, `unsupported type ${typeof value}`);
}

function writeObject(value: object, path: string, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new CanonicalJsonError(path, 'circular reference');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      // Array.prototype.map skips holes, so walk indices to refuse sparse arrays too.
      const items: string[] = [];
      for (let i = 0; i < value.length; i++)
        items.push(write(value[i], `${path}[${i}]`, ancestors));
      return `[${items.join(',')}]`;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new CanonicalJsonError(
        path,
        'only plain objects are JSON (convert Dates to ISO strings first)',
      );
    }
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`, ancestors)}`);
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}
