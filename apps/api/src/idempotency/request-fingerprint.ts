import { createHash } from 'node:crypto';

/**
 * What makes two requests "the same" for an idempotency key: method, path (with query) and
 * body, plus an uploaded file's name, type and content hash. Key order inside the JSON body
 * does not matter (two clients serialising one object differently send the same request).
 */
export interface RequestShape {
  method: string;
  url: string;
  body: unknown;
  file?: { fieldname: string; originalname: string; mimetype: string; buffer: Buffer } | undefined;
}

export function requestFingerprint(r: RequestShape): string {
  const file = r.file && {
    field: r.file.fieldname,
    name: r.file.originalname,
    type: r.file.mimetype,
    sha256: createHash('sha256').update(r.file.buffer).digest('hex'),
  };
  return createHash('sha256')
    .update(stableJson({ method: r.method.toUpperCase(), url: r.url, body: r.body ?? null, file }))
    .digest('hex');
}

/**
 * JSON with object keys sorted; undefined members dropped as JSON.stringify drops them.
 * Iterative (an explicit stack of pending values and literal pieces), so a body nested
 * 100,000 deep cannot overflow the call stack (issue 8 #3): its cost is linear in its size.
 */
export function stableJson(root: unknown): string {
  const out: string[] = [];
  // A string on the stack is emitted as is; a { v } is a value still to serialise.
  const stack: Array<string | { v: unknown }> = [{ v: root }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    const value = item.v;
    if (value === null || typeof value !== 'object') {
      out.push(JSON.stringify(value) ?? 'null');
    } else if (Buffer.isBuffer(value)) {
      out.push(JSON.stringify(value.toString('base64')));
    } else if (Array.isArray(value)) {
      // Pushed in reverse: the stack pops `[`, then element 0, `,`, element 1, …, then `]`.
      stack.push(']');
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ v: value[i] });
        if (i > 0) stack.push(',');
      }
      out.push('[');
    } else {
      // multer's req.body has a null prototype: iterate own keys, not the prototype chain.
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .sort()
        .filter((k) => record[k] !== undefined);
      stack.push('}');
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push({ v: record[keys[i]!] });
        stack.push(`${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:`);
      }
      out.push('{');
    }
  }
  return out.join('');
}
