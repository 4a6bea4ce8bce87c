import { ApiError, isApiError } from '../common/api-error';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aso/config';
import { errors, jwtVerify, SignJWT } from 'jose';
import { CLOCK, type Clock } from '../common/clock';

export interface AccessClaims {
  userId: string;
  organisationId: string;
}

const AUDIENCE = 'after-sales-api';
const ALG = 'HS256';

/** Parsed refresh token: `<id>.<secret>`; only the secret's SHA-256 is stored. */
export interface RefreshTokenParts {
  id: string;
  secret: string;
}

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Constant-time comparison of two hex digests. */
export const sameDigest = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Access tokens: HS256 JWTs naming only the user and the organisation (sub, org), short-lived.
 * Everything else about the user is read from the database per request. Refresh tokens are
 * opaque random strings, rotated on use (see AuthService).
 */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;
  readonly accessTtlSeconds: number;
  readonly refreshTtlSeconds: number;
  private readonly issuer: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    if (!config.AUTH_JWT_SECRET) {
      new Logger('auth').warn(
        'AUTH_JWT_SECRET is not set: using a random key for this process (tokens end with it)',
      );
    }
    this.key = config.AUTH_JWT_SECRET
      ? new TextEncoder().encode(config.AUTH_JWT_SECRET)
      : randomBytes(32);
    this.accessTtlSeconds = config.AUTH_ACCESS_TOKEN_TTL_SECONDS;
    this.refreshTtlSeconds = config.AUTH_REFRESH_TOKEN_TTL_SECONDS;
    this.issuer = config.AUTH_ISSUER;
  }

  async signAccess(claims: AccessClaims): Promise<string> {
    const now = Math.floor(this.clock().getTime() / 1000);
    return new SignJWT({ org: claims.organisationId, typ: 'access' })
      .setProtectedHeader({ alg: ALG, typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(this.issuer)
      .setAudience(AUDIENCE)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + this.accessTtlSeconds)
      .sign(this.key);
  }

  /** Verifies signature, algorithm, issuer, audience and expiry; refuses with UNAUTHENTICATED. */
  async verifyAccess(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALG],
        issuer: this.issuer,
        audience: AUDIENCE,
        currentDate: this.clock(),
      });
      if (
        payload.typ !== 'access' ||
        typeof payload.sub !== 'string' ||
        typeof payload.org !== 'string'
      ) {
        throw new ApiError('UNAUTHENTICATED', 'Not an access token', { reason: 'invalid' });
      }
      return { userId: payload.sub, organisationId: payload.org };
    } catch (e) {
      if (isApiError(e)) throw e;
      const expired = e instanceof errors.JWTExpired;
      throw new ApiError(
        'UNAUTHENTICATED',
        expired ? 'The access token has expired' : 'Invalid access token',
        { reason: expired ? 'expired' : 'invalid' },
      );
    }
  }

  newRefreshToken(): { token: string; id: string; hash: string; expiresAt: Date } {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    return {
      token: `${id}.${secret}`,
      id,
      hash: sha256(secret),
      expiresAt: new Date(this.clock().getTime() + this.refreshTtlSeconds * 1000),
    };
  }

  parseRefreshToken(token: string): RefreshTokenParts | null {
    const m = /^([0-9a-f-]{36})\.([\w-]{43})$/.exec(token);
    return m ? { id: m[1] as string, secret: m[2] as string } : null;
  }
}
