import { ConfigError, loadConfig } from './app-config';
import { nestLogLevels } from './log-levels';

describe('configuration', () => {
  test('fails fast naming every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'not a url', PORT: 'eighty' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.split(':')[0])).toEqual([
      'DATABASE_URL',
      'PORT',
    ]);
  });

  test('applies the documented defaults', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://a@127.0.0.1:5432/b' })).toMatchObject({
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'after-sales',
      HOST: '127.0.0.1',
      PORT: 3000,
      AUTH_ACCESS_TOKEN_TTL_SECONDS: 900,
      AUTH_REFRESH_TOKEN_TTL_SECONDS: 604_800,
      AUTH_ISSUER: 'after-sales-api',
    });
  });

  test('auth: a short JWT secret and an out-of-range token lifetime are refused by name', () => {
    let error: unknown;
    try {
      loadConfig({
        DATABASE_URL: 'postgres://a@127.0.0.1:5432/b',
        AUTH_JWT_SECRET: 'short',
        AUTH_ACCESS_TOKEN_TTL_SECONDS: '5',
      });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).issues.map((i) => i.split(':')[0])).toEqual([
      'AUTH_JWT_SECRET',
      'AUTH_ACCESS_TOKEN_TTL_SECONDS',
    ]);
    const config = loadConfig({
      DATABASE_URL: 'postgres://a@127.0.0.1:5432/b',
      AUTH_JWT_SECRET: 'x'.repeat(32),
      AUTH_ACCESS_TOKEN_TTL_SECONDS: '300',
    });
    expect(config.AUTH_JWT_SECRET).toHaveLength(32);
    expect(config.AUTH_ACCESS_TOKEN_TTL_SECONDS).toBe(300);
  });

  test('issue 8 #8: login throttling and TRUST_PROXY have defaults and are refused by name when bad', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://a@127.0.0.1:5432/b' })).toMatchObject({
      LOGIN_MAX_FAILURES: 10,
      LOGIN_ADDRESS_MAX_FAILURES: 100,
      LOGIN_FAILURE_WINDOW_SECONDS: 900,
      LOGIN_LOCKOUT_SECONDS: 900,
      TRUST_PROXY: false,
    });
    expect(
      loadConfig({
        DATABASE_URL: 'postgres://a@127.0.0.1:5432/b',
        LOGIN_MAX_FAILURES: '3',
        LOGIN_LOCKOUT_SECONDS: '2',
        TRUST_PROXY: 'true',
      }),
    ).toMatchObject({ LOGIN_MAX_FAILURES: 3, LOGIN_LOCKOUT_SECONDS: 2, TRUST_PROXY: true });
    let error: unknown;
    try {
      loadConfig({
        DATABASE_URL: 'postgres://a@127.0.0.1:5432/b',
        LOGIN_MAX_FAILURES: '0',
        TRUST_PROXY: 'maybe',
      });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).issues.map((i) => i.split(':')[0])).toEqual([
      'LOGIN_MAX_FAILURES',
      'TRUST_PROXY',
    ]);
  });

  test('WORKER_MAX_CACHED_WORKFLOWS: unset leaves the SDK default, a count is taken, junk is refused by name', () => {
    const base = { DATABASE_URL: 'postgres://a@127.0.0.1:5432/b' };
    expect(loadConfig(base).WORKER_MAX_CACHED_WORKFLOWS).toBeUndefined();
    expect(
      loadConfig({ ...base, WORKER_MAX_CACHED_WORKFLOWS: '1000' }).WORKER_MAX_CACHED_WORKFLOWS,
    ).toBe(1000);
    let error: unknown;
    try {
      loadConfig({ ...base, WORKER_MAX_CACHED_WORKFLOWS: '-1' });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).issues.map((i) => i.split(':')[0])).toEqual([
      'WORKER_MAX_CACHED_WORKFLOWS',
    ]);
  });

  test('LOG_LEVEL maps to the Nest levels it enables', () => {
    expect(nestLogLevels('warn')).toEqual(['fatal', 'error', 'warn']);
    expect(nestLogLevels('info')).toEqual(['fatal', 'error', 'warn', 'log']);
  });
});
