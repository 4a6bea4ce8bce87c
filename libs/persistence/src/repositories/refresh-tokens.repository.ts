import type { DataSource } from 'typeorm';
import { RefreshTokenEntity } from '../entities/refresh-token.entity';

export type NewRefreshToken = Omit<RefreshTokenEntity, 'revokedAt' | 'replacedBy'>;

/** Refresh tokens by id; the caller compares the secret's hash in constant time. */
export class RefreshTokensRepository {
  constructor(private readonly ds: DataSource) {}

  async issue(token: NewRefreshToken): Promise<void> {
    await this.ds
      .getRepository(RefreshTokenEntity)
      .insert({ ...token, revokedAt: null, replacedBy: null });
  }

  findById(id: string): Promise<RefreshTokenEntity | null> {
    return this.ds.getRepository(RefreshTokenEntity).findOneBy({ id });
  }

  /**
   * Revokes `oldId` and issues `next` in one transaction. Returns false when `oldId` was
   * already revoked (a concurrent or replayed refresh): then nothing is issued.
   */
  async rotate(oldId: string, next: NewRefreshToken, now: Date): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const revoked = await m
        .createQueryBuilder()
        .update(RefreshTokenEntity)
        .set({ revokedAt: now, replacedBy: next.id })
        .where('id = :oldId AND revoked_at IS NULL', { oldId })
        .execute();
      if (!revoked.affected) return false;
      await m
        .getRepository(RefreshTokenEntity)
        .insert({ ...next, revokedAt: null, replacedBy: null });
      return true;
    });
  }

  /** Logout everywhere, or the answer to a replayed (stolen) refresh token. */
  async revokeAllOf(userId: string, now: Date): Promise<number> {
    const result = await this.ds
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: now })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
    return result.affected ?? 0;
  }
}
