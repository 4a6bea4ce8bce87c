/** The organisations the e2e global setup seeds with the demo users (tools/seed-demo.ts). */
export const E2E_ORG = 'e2e-org';
export const OTHER_ORG = 'e2e-other';
export const E2E_PASSWORD = 'e2e-demo-password';
/** The API's signing key in e2e (support/stack.ts), so a test can forge an expired token. */
export const E2E_JWT_SECRET = 'e2e-secret-0123456789abcdef0123456789abcdef';

/** One seeded person per department × role the complaint process needs (DOMAIN.md). */
export const actors = {
  sales: 'sales-01',
  salesVp: 'svp-01',
  cs: 'cs-01',
  cs2: 'cs-02',
  csManager: 'cs-mgr-01',
  csManagerLimited: 'cs-mgr-02',
  csSupervisor: 'cs-sup-01',
  rnd: 'rnd-01',
  vp: 'vp-01',
  gm: 'gm-01',
  finance: 'fin-01',
  warehouse: 'wh-01',
  techManager: 'tech-mgr-01',
  tech: 'tech-01',
  tech2: 'tech-02',
  auditor: 'auditor-01',
  admin: 'admin-01',
} as const;
export type ActorName = keyof typeof actors;

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: {
    id: string;
    organisation: string;
    username: string;
    department: string;
    roles: string[];
    approvalLimitFen: number | null;
    qualifications: string[];
  };
}

// Response bodies are asserted field by field in the tests; typing each one adds nothing there.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = any;

/** `auth`: a logged-in session, a raw Authorization header value, or nobody. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  auth: Session | { authorization: string } | undefined,
  body?: unknown,
): Promise<{ status: number; body: JsonBody }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth && 'accessToken' in auth) headers.authorization = `Bearer ${auth.accessToken}`;
  else if (auth) headers.authorization = auth.authorization;
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export async function login(
  baseUrl: string,
  username: string,
  organisation = E2E_ORG,
  password = E2E_PASSWORD,
): Promise<Session> {
  const res = await call(baseUrl, 'POST', '/auth/login', undefined, {
    organisation,
    username,
    password,
  });
  if (res.status !== 200)
    throw new Error(`login ${organisation}/${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Session;
}

/** Logs every actor in: the sessions keyed like `actors`. */
export async function loginAll(
  baseUrl: string,
  organisation = E2E_ORG,
): Promise<Record<ActorName, Session>> {
  const names = Object.keys(actors) as ActorName[];
  const sessions = await Promise.all(names.map((n) => login(baseUrl, actors[n], organisation)));
  return Object.fromEntries(names.map((n, i) => [n, sessions[i]])) as Record<ActorName, Session>;
}
