import { E2E_ORG, E2E_PASSWORD } from './support/http';
import { startApi, type AppProcess } from './support/stack';

/**
 * The web app's cookie session (issue 11) over HTTP against the real API: the refresh token
 * only ever in an httpOnly, SameSite=Strict cookie on /auth/web, rotated by refresh, cleared by
 * logout; CSRF-safe (custom header + Origin); the JSON token flow unchanged beside it.
 */
let api: AppProcess & { url: string };

beforeAll(async () => {
  api = await startApi(`e2e-web-session-${process.pid}`);
});
afterAll(async () => {
  await api?.stop();
});

const credentials = { organisation: E2E_ORG, username: 'cs-01', password: E2E_PASSWORD };
const web = (
  path: string,
  init: { cookie?: string; headers?: Record<string, string>; body?: unknown } = {},
) =>
  fetch(`${api.url}/auth/web/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-aso-web': '1',
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
const setCookie = (res: Response): string => res.headers.getSetCookie().join('\n');
const cookieValue = (res: Response): string => {
  const m = /aso_refresh=([^;]*)/.exec(setCookie(res));
  if (!m) throw new Error(`no aso_refresh cookie in ${setCookie(res)}`);
  return `aso_refresh=${m[1]}`;
};

describe('web session cookie', () => {
  it('login sets an httpOnly SameSite=Strict cookie on /auth/web and keeps the refresh token out of the body', async () => {
    const res = await web('login', { body: credentials });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.accessToken).toEqual(expect.any(String));
    expect(body).not.toHaveProperty('refreshToken');
    const header = setCookie(res);
    expect(header).toMatch(/aso_refresh=[0-9a-f-]{36}\.[\w-]{43}/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Strict');
    expect(header).toContain('Path=/auth/web');
    // Plain HTTP here: Secure only over TLS (req.secure).
    expect(header).not.toContain('Secure');
    const me = await fetch(`${api.url}/auth/me`, {
      headers: { authorization: `Bearer ${String(body.accessToken)}` },
    });
    expect(me.status).toBe(200);
  });

  it('refresh rotates the cookie; logout ends the session and clears the cookie', async () => {
    const first = cookieValue(await web('login', { body: credentials }));
    const r1 = await web('refresh', { cookie: first });
    expect(r1.status).toBe(200);
    expect(((await r1.json()) as { user: { username: string } }).user.username).toBe('cs-01');
    const second = cookieValue(r1);
    expect(second).not.toBe(first);
    const r2 = await web('refresh', { cookie: second });
    expect(r2.status).toBe(200);
    const third = cookieValue(r2);
    const out = await web('logout', { cookie: third });
    expect(out.status).toBe(204);
    expect(setCookie(out)).toMatch(/aso_refresh=;.*Max-Age=0/);
    const after = await web('refresh', { cookie: third });
    expect(after.status).toBe(401);
    expect(setCookie(after)).toContain('Max-Age=0');
  });

  it('without a cookie refresh answers 401 no_session', async () => {
    const res = await web('refresh');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { details: { reason: string } }).details.reason).toBe(
      'no_session',
    );
  });

  it('CSRF: no X-ASO-Web header, or a foreign Origin, is refused 403 before the cookie is used', async () => {
    const cookie = cookieValue(await web('login', { body: credentials }));
    const noHeader = await fetch(`${api.url}/auth/web/refresh`, {
      method: 'POST',
      headers: { cookie },
    });
    expect(noHeader.status).toBe(403);
    expect(((await noHeader.json()) as { code: string }).code).toBe('FORBIDDEN');
    const foreign = await web('refresh', { cookie, headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    const sameOrigin = await web('refresh', { cookie, headers: { origin: api.url } });
    expect(sameOrigin.status).toBe(200);
    const logoutForeign = await web('logout', {
      cookie,
      headers: { origin: 'https://evil.example' },
    });
    expect(logoutForeign.status).toBe(403);
  });

  it('the JSON token flow for API clients is unchanged', async () => {
    const res = await fetch(`${api.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { refreshToken: string }).refreshToken).toEqual(
      expect.any(String),
    );
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});
