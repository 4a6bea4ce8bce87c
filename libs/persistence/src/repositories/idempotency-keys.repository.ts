import type { DataSource } from 'typeorm';
import { IdempotencyKeyEntity } from '../entities/idempotency-key.entity';

/** Whose key it is: keys are scoped per user (and organisation), never shared. */
export interface IdempotencyScope {
  organisationId: string;
  userId: string;
  key: string;
}

export interface IdempotencyClaimInput extends IdempotencyScope {
  method: string;
  path: string;
  requestHash: string;
  now: Date;
  expiresAt: Date;
  /**
   * A claim still `in_progress` whose last heartbeat is before this instant is presumed
   * abandoned (its process died before it could finish or release it) and may be taken over.
   */
  staleBefore: Date;
}

/** Proof of ownership of a claimed key: only its owner may complete or release it. */
export interface IdempotencyLease extends IdempotencyScope {
  requestHash: string;
  claimedAt: Date;
}

export type IdempotencyClaim =
  | { outcome: 'claimed'; lease: IdempotencyLease }
  | { outcome: 'exists'; record: IdempotencyKeyEntity };

/**
 * Idempotency keys on PostgreSQL. The claim is a single INSERT … ON CONFLICT statement, so of
 * any number of concurrent requests with one key exactly one gets `claimed`; the others see the
 * row (its hash, its status and, once done, the response to replay).
 */
export class IdempotencyKeysRepository {
  constructor(private readonly ds: DataSource) {}

  async claim(input: IdempotencyClaimInput): Promise<IdempotencyClaim> {
    // A row that expired, or an abandoned claim, is taken over in the same statement: the
    // conditional DO UPDATE only fires for those, anything else leaves the row untouched.
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimed: unknown[] = await this.ds.query(
        `INSERT INTO idempotency_keys
           (organisation_id, user_id, key, method, path, request_hash, status,
            response_status, response_body, created_at, expires_at, heartbeat_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'in_progress', NULL, NULL, $7, $8, $7)
         ON CONFLICT (organisation_id, user_id, key) DO UPDATE SET
           method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
           status = 'in_progress', response_status = NULL, response_body = NULL,
           created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at,
           heartbeat_at = EXCLUDED.heartbeat_at
         WHERE idempotency_keys.expires_at <= EXCLUDED.created_at
            OR (idempotency_keys.status = 'in_progress' AND idempotency_keys.heartbeat_at < $9)
         RETURNING 1`,
        [
          input.organisationId,
          input.userId,
          input.key,
          input.method,
          input.path,
          input.requestHash,
          input.now,
          input.expiresAt,
          input.staleBefore,
        ],
      );
      if (claimed.length > 0) {
        return {
          outcome: 'claimed',
          lease: {
            organisationId: input.organisationId,
            userId: input.userId,
            key: input.key,
            requestHash: input.requestHash,
            claimedAt: input.now,
          },
        };
      }
      const record = await this.find(input);
      if (record) return { outcome: 'exists', record };
      // Released (or purged) between the two statements: claim again.
    }
    throw new Error(`idempotency key ${input.key}: could not claim or read it`);
  }

  find(scope: IdempotencyScope): Promise<IdempotencyKeyEntity | null> {
    return this.ds.getRepository(IdempotencyKeyEntity).findOneBy({
      organisationId: scope.organisationId,
      userId: scope.userId,
      key: scope.key,
    });
  }

  /** Stores the response; false if the lease was lost (expired and taken over by another). */
  async complete(lease: IdempotencyLease, status: number, body: unknown): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `UPDATE idempotency_keys
          SET status = 'done', response_status = $5, response_body = $6::jsonb
        WHERE organisation_id = $1 AND user_id = $2 AND key = $3 AND created_at = $4
          AND status = 'in_progress'
        RETURNING 1`,
      [
        lease.organisationId,
        lease.userId,
        lease.key,
        lease.claimedAt,
        status,
        JSON.stringify(body ?? null),
      ],
    );
    return rowCount(rows) > 0;
  }

  /**
   * The live holder says it is still working on the key; false if the lease was lost (taken
   * over or finished), so the holder stops beating.
   */
  async heartbeat(lease: IdempotencyLease, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `UPDATE idempotency_keys SET heartbeat_at = $5
        WHERE organisation_id = $1 AND user_id = $2 AND key = $3 AND created_at = $4
          AND status = 'in_progress'
        RETURNING 1`,
      [lease.organisationId, lease.userId, lease.key, lease.claimedAt, now],
    );
    return rowCount(rows) > 0;
  }

  /** Gives the key back (the command failed with a server error): a retry may run it again. */
  async release(lease: IdempotencyLease): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `DELETE FROM idempotency_keys
        WHERE organisation_id = $1 AND user_id = $2 AND key = $3 AND created_at = $4
          AND status = 'in_progress'
        RETURNING 1`,
      [lease.organisationId, lease.userId, lease.key, lease.claimedAt],
    );
    return rowCount(rows) > 0;
  }

  /** Removes expired keys; returns how many. */
  async purgeExpired(now: Date): Promise<number> {
    const rows: unknown[] = await this.ds.query(
      `DELETE FROM idempotency_keys WHERE expires_at <= $1 RETURNING 1`,
      [now],
    );
    return rowCount(rows);
  }
}

// With RETURNING, the pg driver answers UPDATE/DELETE as [rows, count] through TypeORM.
function rowCount(result: unknown[]): number {
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[1];
  }
  return result.length;
}
