import { createHash } from 'node:crypto';
import { call, login, type Session } from './support/http';
import { startApi, type AppProcess } from './support/stack';

/**
 * HTTP hardening (issue 8 #10) on the built API process: helmet's headers on every route,
 * `no-store` wherever tokens or personal data travel, HSTS only over TLS, and a CSP under
 * which the /docs page works.
 */
const TASK_QUEUE = `e2e-headers-${process.pid}`;
let api: AppProcess & { url: string };
let cs: Session;

beforeAll(async () => {
  // one trusted proxy hop: X-Forwarded-Proto tells the API a request arrived over TLS
  api = await startApi(TASK_QUEUE, { TRUST_PROXY: 'true' });
  cs = await login(api.url, 'cs-01');
});

afterAll(async () => {
  await api?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${api.url}${path}`, {
    headers: { authorization: `Bearer ${cs.accessToken}`, ...headers },
  });

function cspOf(res: Response): Map<string, string[]> {
  const csp = res.headers.get('content-security-policy') ?? '';
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name ?? '', values]),
  );
}

describe('security headers', () => {
  test('issue 8 #10: nosniff, frame denial, a CSP and no X-Powered-By on every route; no-store where tokens or personal data travel', async () => {
    const loginRes = await fetch(`${api.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organisation: 'e2e-org', username: 'cs-01', password: 'wrong-pw' }),
    });
    const ok = await call(api.url, 'POST', '/auth/login', undefined, {
      organisation: 'e2e-org',
      username: 'cs-01',
      password: 'e2e-demo-password',
    });
    expect(ok.status).toBe(200);
    const sensitive: Array<[string, Response]> = [
      ['POST /auth/login (refused)', loginRes],
      ['GET /auth/me', await get('/auth/me')],
      ['GET /cases', await get('/cases')],
      ['GET /cases/:n (404)', await get('/cases/KS209912-9999')],
      ['GET /inbox', await get('/inbox')],
      ['GET /tasks/:id', await get('/tasks/KS209912-9999-T1')],
      ['GET /admin/users', await get('/admin/users')],
      ['GET /cases/:n/audit/export', await get('/cases/KS209912-9999/audit/export')],
      ['GET /reports/kpis', await get('/reports/kpis?from=2026-11-01&to=2026-11-30')],
    ];
    const docs = await get('/docs');
    for (const [route, res] of [...sensitive, ['GET /docs', docs] as [string, Response]]) {
      expect({
        route,
        nosniff: res.headers.get('x-content-type-options'),
        frame: res.headers.get('x-frame-options'),
        frameAncestors: cspOf(res).get('frame-ancestors'),
        poweredBy: res.headers.get('x-powered-by'),
        hsts: res.headers.get('strict-transport-security'), // plain HTTP: never
      }).toEqual({
        route,
        nosniff: 'nosniff',
        frame: 'DENY',
        frameAncestors: ["'none'"],
        poweredBy: null,
        hsts: null,
      });
    }
    // no-store answers carry no ETag: nothing sends it back (issue 14: no hash of every body)
    for (const [route, res] of sensitive)
      expect({
        route,
        cache: res.headers.get('cache-control'),
        etag: res.headers.get('etag'),
      }).toEqual({
        route,
        cache: 'no-store',
        etag: null,
      });
    // the token-carrying login answer too (read through `call`, headers checked here)
    const again = await fetch(`${api.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        organisation: 'e2e-org',
        username: 'cs-01',
        password: 'e2e-demo-password',
      }),
    });
    expect({ status: again.status, cache: again.headers.get('cache-control') }).toEqual({
      status: 200,
      cache: 'no-store',
    });
  });

  test('issue 8 #10: HSTS only when the request arrived over TLS (per the trusted proxy)', async () => {
    const tls = await get('/auth/me', { 'x-forwarded-proto': 'https' });
    expect(tls.headers.get('strict-transport-security')).toMatch(
      /^max-age=\d{7,}; includeSubDomains/,
    );
    expect((await get('/auth/me')).headers.get('strict-transport-security')).toBeNull();
  });

  test('issue 8 #10: /docs still loads under the CSP: no script, no foreign source, its only inline style allowed by hash', async () => {
    const res = await fetch(`${api.url}/docs`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const csp = cspOf(res);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).not.toContain("'unsafe-inline'");
    expect(html).not.toMatch(/<script|\son\w+=|\sstyle=/i);
    // every referenced resource is same-origin
    const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref).toMatch(/^\/(?!\/)/);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
    expect(styles.length).toBeGreaterThan(0);
    for (const style of styles) {
      const hash = `'sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}'`;
      expect(csp.get('style-src')).toContain(hash);
    }
    expect((await fetch(`${api.url}/docs/openapi.json`)).status).toBe(200);
  });
});
