import { Client } from 'pg';
import { call, E2E_ORG, E2E_PASSWORD, type Session } from './support/http';
import { startApi, type AppProcess } from './support/stack';

/**
 * Login throttling (issue 8 #8) against real PostgreSQL, with two API processes sharing the
 * counters. The APIs trust one proxy hop, so each test plays its own client addresses through
 * X-Forwarded-For (documentation ranges) and no other suite's 127.0.0.1 traffic interferes.
 */
const TASK_QUEUE = `e2e-throttle-${process.pid}`;
const LIMITS = {
  LOGIN_MAX_FAILURES: '5',
  LOGIN_ADDRESS_MAX_FAILURES: '8',
  LOGIN_FAILURE_WINDOW_SECONDS: '600',
  LOGIN_LOCKOUT_SECONDS: '3',
  TRUST_PROXY: 'true',
};
const PASSWORD = 'throttle-password-0123';
let a: AppProcess & { url: string };
let b: AppProcess & { url: string };
let db: Client;
let admin: Session;
let subnet = 0;

beforeAll(async () => {
  db = new Client({ connectionString: process.env.ASO_E2E_DATABASE_URL });
  await db.connect();
  [a, b] = await Promise.all([startApi(TASK_QUEUE, LIMITS), startApi(TASK_QUEUE, LIMITS)]);
  // Not from 127.0.0.1: other suites' failures from there count against that address too.
  const res = await attempt(a.url, `198.18.${process.pid % 250}.1`, '/auth/login', {
    organisation: E2E_ORG,
    username: 'admin-01',
    password: E2E_PASSWORD,
  });
  expect(res.status).toBe(200);
  admin = res.body as unknown as Session;
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.end();
});

/** A fresh address block per test: 203.0.<n>.x, unique to this process's run. */
const addresses = () => {
  subnet += 1;
  const base = `203.${process.pid % 250}.${subnet}`;
  return (host: number) => `${base}.${host}`;
};

async function newUser(name: string): Promise<string> {
  const username = `${name}-${process.pid}`;
  const res = await call(a.url, 'POST', '/admin/users', admin, {
    username,
    displayName: name,
    password: PASSWORD,
    department: 'cs',
    roles: ['staff'],
  });
  expect(res.status).toBe(201);
  return username;
}

async function attempt(
  url: string,
  address: string,
  path: '/auth/login' | '/auth/refresh',
  body: Record<string, string>,
): Promise<{ status: number; retryAfter: string | null; body: Record<string, unknown> }> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as Record<string, unknown>,
  };
}

const loginAs = (url: string, address: string, username: string, password = PASSWORD) =>
  attempt(url, address, '/auth/login', { organisation: E2E_ORG, username, password });

describe('login throttling', () => {
  test('issue 8 #8: 25 wrong passwords then the right one → 429 with Retry-After, on both API instances; the lockout expires', async () => {
    const username = await newUser('locked');
    const from = addresses(); // one address per attempt: only the account rule applies
    const statuses: number[] = [];
    for (let i = 1; i <= 25; i++)
      statuses.push((await loginAs(a.url, from(i), username, `wrong-${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual(Array(20).fill(429));

    const right = await loginAs(a.url, from(100), username);
    expect({ status: right.status, code: right.body.code }).toEqual({
      status: 429,
      code: 'TOO_MANY_ATTEMPTS',
    });
    const retryAfter = Number(right.retryAfter);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3);
    // the other instance reads the same PostgreSQL counter
    const onB = await loginAs(b.url, from(101), username);
    expect({ status: onB.status, retryAfter: onB.retryAfter !== null }).toEqual({
      status: 429,
      retryAfter: true,
    });
    const rows = await db.query(`SELECT key, points FROM auth_throttle WHERE key LIKE 'account:%'`);
    expect(rows.rows.length).toBeGreaterThan(0);

    // the lockout and the security log line
    const lockout = a
      .output()
      .split('\n')
      .filter((l) => l.includes('auth.lockout') && l.includes(username));
    expect(lockout).toHaveLength(1);
    expect(JSON.parse(lockout[0] ?? '{}')).toMatchObject({
      event: 'auth.lockout',
      rule: 'account',
      username,
      failures: 5,
      lockoutSeconds: 3,
    });
    expect(a.output()).not.toContain('wrong-5');

    await new Promise((r) => setTimeout(r, (retryAfter + 0.5) * 1000));
    expect((await loginAs(b.url, from(102), username)).status).toBe(200);
  });

  test('issue 8 #8: a different account from the same address is limited by the address rule at its own threshold', async () => {
    const username = await newUser('neighbour');
    const from = addresses();
    const attacker = from(1);
    // 7 failures, each on another (unknown) account: past the account threshold in total,
    // but no account reached it, and the address (threshold 8) is not locked yet
    for (let i = 1; i <= 7; i++)
      expect((await loginAs(a.url, attacker, `guess-${i}`, 'nope')).status).toBe(401);
    expect((await loginAs(b.url, attacker, username)).status).toBe(200);
    // the 8th failure locks the address: the right password of another account is refused
    expect((await loginAs(b.url, attacker, 'guess-8', 'nope')).status).toBe(401);
    const refused = await loginAs(a.url, attacker, username);
    expect({ status: refused.status, hasRetryAfter: refused.retryAfter !== null }).toEqual({
      status: 429,
      hasRetryAfter: true,
    });
    // the account itself is fine from elsewhere
    expect((await loginAs(a.url, from(2), username)).status).toBe(200);
  });

  test('issue 8 #8: a successful login resets the account counter', async () => {
    const username = await newUser('reset');
    const from = addresses();
    for (let round = 0; round < 3; round++) {
      for (let i = 1; i <= 4; i++)
        expect((await loginAs(a.url, from(round * 10 + i), username, 'nope')).status).toBe(401);
      expect((await loginAs(b.url, from(round * 10 + 9), username)).status).toBe(200);
    }
  });

  test('issue 8 #8: refused refreshes count per address: past the threshold even a valid refresh token gets 429', async () => {
    const username = await newUser('refresher');
    const from = addresses();
    const session = (await loginAs(a.url, from(1), username)).body as unknown as Session;
    const prober = from(2);
    for (let i = 1; i <= 8; i++) {
      const res = await attempt(b.url, prober, '/auth/refresh', { refreshToken: `bogus-${i}` });
      expect(res.status).toBe(401);
    }
    const valid = { refreshToken: session.refreshToken };
    const refused = await attempt(a.url, prober, '/auth/refresh', valid);
    expect({ status: refused.status, hasRetryAfter: refused.retryAfter !== null }).toEqual({
      status: 429,
      hasRetryAfter: true,
    });
    // refused before it was looked at: the token still works from another address
    expect((await attempt(a.url, from(3), '/auth/refresh', valid)).status).toBe(200);
  });
});
