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

/** JSON with object keys sorted; undefined members dropped as JSON.stringify drops them. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Buffer.isBuffer(value)) return JSON.stringify(value.toString('base64'));
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  // multer's req.body has a null prototype: iterate own keys, not the prototype chain.
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}
