import { loadConfig } from '@aso/config';
import { isApiError } from '../common/api-error';
import { sameDigest, sha256, TokenService } from './token.service';

const config = (over: Record<string, string> = {}) =>
  loadConfig({
    DATABASE_URL: 'postgres://a@127.0.0.1:5432/b',
    AUTH_JWT_SECRET: 'k'.repeat(32),
    ...over,
  });

const reasonOf = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
    return undefined;
  } catch (e) {
    return isApiError(e) ? `${e.code}:${String(e.details.reason)}` : 'not an API error';
  }
};

describe('TokenService', () => {
  let now = new Date('2026-11-20T02:00:00Z');
  const clock = () => now;

  test('an access token names the user and the organisation and lives AUTH_ACCESS_TOKEN_TTL_SECONDS', async () => {
    now = new Date('2026-11-20T02:00:00Z');
    const tokens = new TokenService(config({ AUTH_ACCESS_TOKEN_TTL_SECONDS: '60' }), clock);
    const jwt = await tokens.signAccess({ userId: 'u-1', organisationId: 'demo' });
    expect(await tokens.verifyAccess(jwt)).toEqual({ userId: 'u-1', organisationId: 'demo' });
    now = new Date(now.getTime() + 61_000);
    expect(await reasonOf(tokens.verifyAccess(jwt))).toBe('UNAUTHENTICATED:expired');
  });

  test('another key, another issuer, a tampered payload or garbage → UNAUTHENTICATED:invalid', async () => {
    now = new Date('2026-11-20T02:00:00Z');
    const tokens = new TokenService(config(), clock);
    const jwt = await tokens.signAccess({ userId: 'u-1', organisationId: 'demo' });
    const otherKey = new TokenService(config({ AUTH_JWT_SECRET: 'z'.repeat(32) }), clock);
    const otherIssuer = new TokenService(config({ AUTH_ISSUER: 'someone-else' }), clock);
    expect(await reasonOf(otherKey.verifyAccess(jwt))).toBe('UNAUTHENTICATED:invalid');
    expect(await reasonOf(otherIssuer.verifyAccess(jwt))).toBe('UNAUTHENTICATED:invalid');
    const [h, , s] = jwt.split('.');
    const forged = Buffer.from(
      JSON.stringify({ sub: 'u-1', org: 'other', typ: 'access' }),
    ).toString('base64url');
    expect(await reasonOf(tokens.verifyAccess(`${h}.${forged}.${s}`))).toBe(
      'UNAUTHENTICATED:invalid',
    );
    expect(await reasonOf(tokens.verifyAccess('garbage'))).toBe('UNAUTHENTICATED:invalid');
    // alg=none is never accepted
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${forged}.`;
    expect(await reasonOf(tokens.verifyAccess(none))).toBe('UNAUTHENTICATED:invalid');
  });

  test('without AUTH_JWT_SECRET each process has its own random key', async () => {
    const unset = loadConfig({ DATABASE_URL: 'postgres://a@127.0.0.1:5432/b' });
    const b = new TokenService(unset, clock);
    const c = new TokenService(unset, clock);
    const jwt = await b.signAccess({ userId: 'u', organisationId: 'o' });
    expect(await reasonOf(c.verifyAccess(jwt))).toBe('UNAUTHENTICATED:invalid');
  });

  test('refresh tokens are <uuid>.<secret>; only the secret hash is kept', () => {
    const tokens = new TokenService(config(), clock);
    const r = tokens.newRefreshToken();
    const parts = tokens.parseRefreshToken(r.token);
    expect(parts?.id).toBe(r.id);
    expect(sameDigest(sha256(parts?.secret ?? ''), r.hash)).toBe(true);
    expect(r.token).not.toContain(r.hash);
    expect(tokens.parseRefreshToken('nope')).toBeNull();
    expect(tokens.parseRefreshToken(`${r.id}.short`)).toBeNull();
  });
});
