import { ApiError, isApiError } from '../common/api-error';
import { Inject, Injectable } from '@nestjs/common';
import {
  RefreshTokensRepository,
  UsersRepository,
  type TaskEntity,
  type UserEntity,
} from '@aso/persistence';
import { CLOCK, type Clock } from '../common/clock';
import { AuthProvider, type PasswordCredentials } from './auth-provider';
import { toAuthUser, toUserView, type AuthUser, type UserView } from './auth-user';
import { LoginThrottle } from './login-throttle';
import { sameDigest, sha256, TokenService } from './token.service';

export interface Session {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  /** seconds until the access token expires */
  expiresIn: number;
  user: UserView;
}

const refused = (reason: string) =>
  new ApiError('UNAUTHENTICATED', 'Invalid or expired refresh token', { reason });

/**
 * Login, refresh and the per-request user lookup. Whichever AuthProvider proves identity, the
 * session is ours: an access token plus a refresh token that is rotated on every use; a
 * rotated token presented again means it was copied, so every session of that user ends.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly provider: AuthProvider,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** `address`: the client's (see TRUST_PROXY); with the account, what login throttling counts. */
  async login(credentials: PasswordCredentials, address: string): Promise<Session> {
    const keys = {
      organisation: credentials.organisation,
      username: credentials.username,
      address,
    };
    await this.throttle.assertAllowed(keys);
    let user: AuthUser;
    try {
      user = await this.provider.authenticate(credentials);
    } catch (e) {
      if (isApiError(e, 'INVALID_CREDENTIALS')) await this.throttle.recordFailure(keys, 'login');
      throw e;
    }
    await this.throttle.recordSuccess(keys);
    const record = await this.users.findById(user.organisationId, user.id);
    if (!record)
      throw new ApiError('INVALID_CREDENTIALS', 'Wrong organisation, username or password');
    const refresh = this.tokens.newRefreshToken();
    await this.refreshTokens.issue({
      id: refresh.id,
      userId: user.id,
      tokenHash: refresh.hash,
      tokenVersion: record.tokenVersion,
      issuedAt: this.clock(),
      expiresAt: refresh.expiresAt,
    });
    return this.session(user, refresh.token);
  }

  /** A refused refresh counts against the client address, like a failed login. */
  async refresh(refreshToken: string, address: string): Promise<Session> {
    await this.throttle.assertAllowed({ address });
    try {
      return await this.rotate(refreshToken);
    } catch (e) {
      if (isApiError(e, 'UNAUTHENTICATED'))
        await this.throttle.recordFailure({ address }, 'refresh');
      throw e;
    }
  }

  private async rotate(refreshToken: string): Promise<Session> {
    const now = this.clock();
    const parts = this.tokens.parseRefreshToken(refreshToken);
    if (!parts) throw refused('malformed');
    const stored = await this.refreshTokens.findById(parts.id);
    if (!stored || !sameDigest(stored.tokenHash, sha256(parts.secret))) throw refused('unknown');
    if (stored.revokedAt) {
      await this.refreshTokens.revokeAllOf(stored.userId, now);
      throw refused('reused');
    }
    if (stored.expiresAt.getTime() <= now.getTime()) throw refused('expired');
    const record = await this.users.findByIdAnyOrganisation(stored.userId);
    if (!record || !record.active || record.tokenVersion !== stored.tokenVersion) {
      throw refused('revoked');
    }
    const next = this.tokens.newRefreshToken();
    const rotated = await this.refreshTokens.rotate(
      stored.id,
      {
        id: next.id,
        userId: record.id,
        tokenHash: next.hash,
        tokenVersion: record.tokenVersion,
        issuedAt: now,
        expiresAt: next.expiresAt,
      },
      now,
    );
    if (!rotated) throw refused('reused');
    return this.session(toAuthUser(record), next.token);
  }

  /** Ends every session of the user (their refresh tokens); access tokens expire on their own. */
  async logout(user: AuthUser): Promise<void> {
    await this.refreshTokens.revokeAllOf(user.id, this.clock());
  }

  /**
   * The web app's logout (the refresh cookie is all it has once the access token expired):
   * a refresh token of ours ends every session of its user, like logout; anything else ends
   * nothing (the cookie is cleared either way).
   */
  async logoutByRefreshToken(refreshToken: string): Promise<void> {
    const parts = this.tokens.parseRefreshToken(refreshToken);
    if (!parts) return;
    const stored = await this.refreshTokens.findById(parts.id);
    if (!stored || !sameDigest(stored.tokenHash, sha256(parts.secret))) return;
    await this.refreshTokens.revokeAllOf(stored.userId, this.clock());
  }

  /**
   * The guard's lookup: the token's organisation and user, active, read fresh. On a task route
   * the task row of the user's organisation comes in the same statement (`task`: undefined when
   * not asked, null when there is no such task): a task command then costs one round trip
   * before its update, not two.
   */
  async userOf(
    accessToken: string,
    taskId?: string,
  ): Promise<{ user: AuthUser; task?: TaskEntity | null | undefined }> {
    const claims = await this.tokens.verifyAccess(accessToken);
    const read: { user: UserEntity | null; task?: TaskEntity | null } =
      taskId === undefined
        ? { user: await this.users.findById(claims.organisationId, claims.userId) }
        : await this.users.findByIdWithTask(claims.organisationId, claims.userId, taskId);
    const record = read.user;
    if (!record || !record.active) {
      throw new ApiError('UNAUTHENTICATED', 'The user no longer exists or is deactivated', {
        reason: 'inactive',
      });
    }
    return { user: toAuthUser(record), task: read.task };
  }

  private async session(user: AuthUser, refreshToken: string): Promise<Session> {
    return {
      accessToken: await this.tokens.signAccess({
        userId: user.id,
        organisationId: user.organisationId,
      }),
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessTtlSeconds,
      user: toUserView(user),
    };
  }
}
