/** One changed leaf of a policy document: `old` absent = added, `new` absent = removed. */
export interface PolicyChange {
  path: string;
  old?: unknown;
  new?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The changed paths between two policy documents, leaf by leaf (`deadlines.complaint.close.unit`,
 * `approvalMatrix.rows.0.upToFen`), sorted by path. Objects and arrays are walked (array items
 * by index); anything else is compared by value. Pure, so it is unit-tested without a server.
 */
export function diffPolicies(a: unknown, b: unknown): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const walk = (x: unknown, y: unknown, path: string[]): void => {
    if (isObject(x) && isObject(y)) {
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)]))
        walk(x[k], y[k], [...path, k]);
      return;
    }
    if (Array.isArray(x) && Array.isArray(y)) {
      for (let i = 0; i < Math.max(x.length, y.length); i++) walk(x[i], y[i], [...path, String(i)]);
      return;
    }
    if (x === undefined && y === undefined) return;
    if (JSON.stringify(x) === JSON.stringify(y)) return;
    const change: PolicyChange = { path: path.join('.') || '(root)' };
    if (x !== undefined) change.old = x;
    if (y !== undefined) change.new = y;
    changes.push(change);
  };
  walk(a, b, []);
  return changes.sort((p, q) => (p.path < q.path ? -1 : p.path > q.path ? 1 : 0));
}
