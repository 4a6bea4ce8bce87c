import { ApiError } from '../common/api-error';
import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aso/config';
import { AUTH_THROTTLE_TABLE, DATA_SOURCE } from '@aso/persistence';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';

/** Who is trying: the account (absent on /auth/refresh) and the client address. */
export interface AttemptKeys {
  organisation?: string;
  username?: string;
  address: string;
}

/**
 * Throttles password guessing and refresh-token guessing (issue 8 #8). Failed attempts are
 * counted per account (organisation + username) and per client address in PostgreSQL
 * (rate-limiter-flexible's Postgres store on the API's pool), so every API instance sees the
 * same counters. Reaching the limit locks the key for LOGIN_LOCKOUT_SECONDS: every attempt
 * then answers 429 TOO_MANY_ATTEMPTS with Retry-After, before any password is checked (a
 * locked account is no password oracle). Only failures count; a successful login clears the
 * account's counter, never the address's.
 *
 * A lockout is written to the security log (logger context "security"), not to an audit chain:
 * those chains belong to cases, and a login belongs to none.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger('security');
  private readonly account: RateLimiterPostgres;
  private readonly address: RateLimiterPostgres;
  private readonly lockoutSeconds: number;

  constructor(@Inject(DATA_SOURCE) dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    const common = {
      storeClient: dataSource,
      storeType: 'typeorm',
      tableName: AUTH_THROTTLE_TABLE,
      tableCreated: true, // the migration made it; the API issues no DDL
      duration: config.LOGIN_FAILURE_WINDOW_SECONDS,
    };
    this.account = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'account',
      points: config.LOGIN_MAX_FAILURES,
    });
    this.address = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'address',
      points: config.LOGIN_ADDRESS_MAX_FAILURES,
    });
    this.lockoutSeconds = config.LOGIN_LOCKOUT_SECONDS;
  }

  /** Refuses with 429 while the account or the address is locked. */
  async assertAllowed(keys: AttemptKeys): Promise<void> {
    const checks: Array<Promise<number>> = [this.lockedFor(this.address, keys.address)];
    const account = accountKey(keys);
    if (account) checks.push(this.lockedFor(this.account, account));
    const waitMs = Math.max(...(await Promise.all(checks)));
    if (waitMs > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new ApiError('TOO_MANY_ATTEMPTS', 'Too many failed attempts; try again later', {
        retryAfterSeconds,
      });
    }
  }

  /** Counts a failed attempt; the one that reaches a limit starts the lockout (logged). */
  async recordFailure(keys: AttemptKeys, route: 'login' | 'refresh'): Promise<void> {
    const account = accountKey(keys);
    await Promise.all([
      this.fail(this.address, keys.address, { route, rule: 'address', address: keys.address }),
      account &&
        this.fail(this.account, account, {
          route,
          rule: 'account',
          organisation: keys.organisation,
          username: keys.username,
          address: keys.address,
        }),
    ]);
  }

  /** A successful login: the account starts again from zero (the address does not). */
  async recordSuccess(keys: AttemptKeys): Promise<void> {
    const account = accountKey(keys);
    if (account) await this.account.delete(account);
  }

  /** Milliseconds left of a lockout, 0 when none. */
  private async lockedFor(limiter: RateLimiterPostgres, key: string): Promise<number> {
    const res = await limiter.get(key);
    return res && res.consumedPoints >= limiter.points ? Math.max(res.msBeforeNext, 1) : 0;
  }

  private async fail(
    limiter: RateLimiterPostgres,
    key: string,
    who: Record<string, string | undefined>,
  ): Promise<void> {
    let consumed: number;
    try {
      consumed = (await limiter.consume(key)).consumedPoints;
    } catch (e) {
      // Past the limit (concurrent failures): already locked by the one that reached it.
      if (e instanceof RateLimiterRes) return;
      throw e;
    }
    // Exactly one failure sees the count reach the limit (the upsert is atomic): it locks.
    if (consumed !== limiter.points) return;
    await limiter.block(key, this.lockoutSeconds);
    this.logger.warn({
      event: 'auth.lockout',
      ...who,
      failures: consumed,
      lockoutSeconds: this.lockoutSeconds,
      msg: `login lockout (${who.rule}) for ${this.lockoutSeconds}s after ${consumed} failed attempts`,
    });
  }
}

/** Bounded and free of odd bytes (the key column is varchar(255)); usernames match lowercased. */
function accountKey(keys: AttemptKeys): string | undefined {
  if (keys.organisation === undefined || keys.username === undefined) return undefined;
  return createHash('sha256')
    .update(`${keys.organisation}\u0000${keys.username.toLowerCase()}`)
    .digest('hex');
}
