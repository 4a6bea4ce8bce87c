export interface ActorHeaders {
  userId: string;
  department: string;
  roles: string[];
}

/** One person per department × role the complaint process needs (DOMAIN.md "Departments and roles"). */
export const actors = {
  sales: { userId: 'sales-01', department: 'sales', roles: ['staff'] },
  salesVp: { userId: 'svp-01', department: 'sales', roles: ['sales_vp'] },
  cs: { userId: 'cs-01', department: 'cs', roles: ['staff'] },
  cs2: { userId: 'cs-02', department: 'cs', roles: ['staff'] },
  csManager: { userId: 'cs-mgr-01', department: 'cs', roles: ['manager'] },
  rnd: { userId: 'rnd-01', department: 'rnd', roles: ['staff'] },
  vp: { userId: 'vp-01', department: 'gm_office', roles: ['vp'] },
  gm: { userId: 'gm-01', department: 'gm_office', roles: ['gm'] },
  finance: { userId: 'fin-01', department: 'finance', roles: ['staff'] },
  warehouse: { userId: 'wh-01', department: 'warehouse', roles: ['staff'] },
} satisfies Record<string, ActorHeaders>;

// Response bodies are asserted field by field in the tests; typing each one adds nothing there.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = any;

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  actor: ActorHeaders | undefined,
  body?: unknown,
): Promise<{ status: number; body: JsonBody }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (actor) {
    headers['x-actor-id'] = actor.userId;
    headers['x-actor-department'] = actor.department;
    headers['x-actor-roles'] = actor.roles.join(',');
  }
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
