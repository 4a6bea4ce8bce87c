export interface ActorHeaders {
  userId: string;
  department: string;
  role: string;
}

export const actors = {
  sales: { userId: 'sales-01', department: 'sales', role: 'staff' },
  cs: { userId: 'cs-01', department: 'cs', role: 'staff' },
  rnd: { userId: 'rnd-01', department: 'rnd', role: 'staff' },
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
    headers['x-actor-role'] = actor.role;
  }
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
