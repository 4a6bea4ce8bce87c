/**
 * Reads the served OpenAPI document: every operation and every text field it declares (body
 * properties, recursively through objects, arrays and oneOf branches; query, path and header
 * parameters), and a valid-shaped sample value for a schema. Used by the poison-text table, so
 * a field added to any DTO is covered without touching the test.
 */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: boolean | number;
  minItems?: number;
  nullable?: boolean;
  default?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
}

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  operationId: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface Op {
  method: string;
  path: string;
  op: Operation;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operations(doc: OpenApiDoc): Op[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method, path, op: item[method]! })),
  );
}

/** `$ref` resolved (components/schemas only: what zod-to-openapi emits) and allOf merged. */
export function resolve(doc: OpenApiDoc, s: Schema): Schema {
  let schema = s;
  for (let i = 0; schema.$ref && i < 32; i++) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    schema = doc.components.schemas[name] ?? {};
  }
  if (schema.allOf) {
    const parts = schema.allOf.map((p) => resolve(doc, p));
    return {
      ...schema,
      allOf: undefined,
      type: parts.find((p) => p.type)?.type ?? schema.type,
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), schema.properties),
      required: [...parts.flatMap((p) => p.required ?? []), ...(schema.required ?? [])],
    };
  }
  return schema;
}

const isText = (s: Schema) => s.type === 'string' && s.format !== 'binary';

/**
 * The body variants of a schema: one per oneOf/anyOf branch (recursively), each a sample body
 * with every declared property present, and the paths of its text fields.
 */
export interface Variant {
  sample: unknown;
  textPaths: string[][];
}

export function bodyVariants(doc: OpenApiDoc, schema: Schema): Variant[] {
  const s = resolve(doc, schema);
  const branches = s.oneOf ?? s.anyOf;
  if (branches) return branches.flatMap((b) => bodyVariants(doc, b));
  if (isText(s)) return [{ sample: sampleOf(doc, s), textPaths: [[]] }];
  if (s.type === 'array' && s.items) {
    return bodyVariants(doc, s.items).map((v) => ({
      sample: [v.sample],
      textPaths: v.textPaths.map((p) => ['0', ...p]),
    }));
  }
  if (s.properties) {
    // The cartesian product of every property's variants would explode (TaskCommand has 31):
    // each property's variants are walked with the others at their first variant.
    const props = Object.entries(s.properties).map(([k, p]) => [k, bodyVariants(doc, p)] as const);
    const base = Object.fromEntries(props.map(([k, vs]) => [k, vs[0]?.sample]));
    const out: Variant[] = [
      {
        sample: base,
        textPaths: props.flatMap(([k, vs]) => (vs[0]?.textPaths ?? []).map((p) => [k, ...p])),
      },
    ];
    for (const [k, vs] of props)
      for (const v of vs.slice(1))
        out.push({
          sample: { ...base, [k]: v.sample },
          textPaths: v.textPaths.map((p) => [k, ...p]),
        });
    return out;
  }
  return [{ sample: sampleOf(doc, s), textPaths: [] }];
}

/** Known patterns of the document, by the value that satisfies them. */
const PATTERN_SAMPLES: Array<[RegExp, string]> = [
  [/phone|\\\+\?\[0-9\]/, '13700137000'],
  [/A-Za-z0-9\]\[A-Za-z0-9\._-\]/, 'poison-user'],
];

/** A value that fits the schema (valid-shaped: the poisoned field is the only fault). */
export function sampleOf(doc: OpenApiDoc, schema: Schema): unknown {
  const s = resolve(doc, schema);
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  if (s.oneOf ?? s.anyOf) return sampleOf(doc, (s.oneOf ?? s.anyOf)![0]!);
  switch (s.type) {
    case 'string': {
      if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (s.format === 'date') return '2026-11-10';
      if (s.format === 'date-time') return '2026-11-10T08:00:00.000Z';
      const known = s.pattern && PATTERN_SAMPLES.find(([p]) => p.test(s.pattern!));
      if (known) return known[1];
      return 'x'.repeat(Math.max(s.minLength ?? 1, 12));
    }
    case 'integer':
    case 'number':
      return Math.max(1, typeof s.minimum === 'number' ? s.minimum : 0);
    case 'boolean':
      return false;
    case 'array':
      return s.items && (s.minItems ?? 0) > 0 ? [sampleOf(doc, s.items)] : [];
    case 'object':
    case undefined:
    default:
      return Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([k, p]) => [k, sampleOf(doc, p)]),
      );
  }
}

/** `value` with `text` put at `path` (a copy). */
export function withValueAt(value: unknown, path: string[], text: string): unknown {
  if (path.length === 0) return text;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(head)] = withValueAt(copy[Number(head)], rest, text);
    return copy;
  }
  const record = (value ?? {}) as Record<string, unknown>;
  return { ...record, [head]: withValueAt(record[head], rest, text) };
}
