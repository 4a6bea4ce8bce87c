export type JsonSchemaNode = unknown;

const PREFIX = '#/components/schemas/';

/**
 * A schema with every `$ref` to `#/components/schemas/…` replaced by the component itself, so
 * a client can render it without the whole document. A reference cycle stays a `$ref` (none
 * of the opening bodies has one).
 */
export function inlineRefs(
  node: JsonSchemaNode,
  components: Record<string, JsonSchemaNode>,
  seen: readonly string[] = [],
): JsonSchemaNode {
  if (Array.isArray(node)) return node.map((n) => inlineRefs(n, components, seen));
  if (!node || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  const ref = typeof obj.$ref === 'string' ? obj.$ref : undefined;
  if (ref?.startsWith(PREFIX)) {
    const name = ref.slice(PREFIX.length);
    if (seen.includes(name) || !(name in components)) return obj;
    const { $ref: _ref, ...rest } = obj;
    const target = inlineRefs(components[name], components, [...seen, name]) as object;
    return { ...target, ...(inlineRefs(rest, components, seen) as object) };
  }
  return Object.fromEntries(
    Object.entries(obj).map(([k, v]) => [k, inlineRefs(v, components, seen)]),
  );
}
