import { ApiError } from '../common/api-error';
import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  IdempotencyKeysRepository,
  type IdempotencyKeyEntity,
  type IdempotencyLease,
} from '@aso/persistence';
import { CLOCK, type Clock } from '../common/clock';

/** 1–128 characters of [A-Za-z0-9_.:-]: enough for a UUID, a ULID or `order-123:retry`. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

/** A stored response is replayed for this long (Stripe keeps keys for 24 hours too). */
const KEY_TTL_MS = 24 * 3_600_000;
/**
 * The live holder of an in-progress claim refreshes its heartbeat this often; a claim whose
 * heartbeat is older than STALE_CLAIM_MS belongs to a dead process (kill -9, lost host) and may
 * be taken over, so a crashed API delays a retry by seconds, not minutes. A slow command is
 * never stolen: its process keeps beating. Taking over is safe because a retried command is
 * deduplicated by Temporal (the update id derives from the key: see commandIdOf).
 */
const HEARTBEAT_EVERY_MS = 1_000;
const STALE_CLAIM_MS = 4_000;
/** A holder beats at most this long (a handler that never answers must not hold a key forever). */
const MAX_HOLD_MS = 10 * 60_000;
/**
 * Test-only: wait this long after a command ran and before its response is stored, so an e2e
 * test can kill the API in exactly that window (test/crash-retry.e2e-spec.ts). Only the test
 * stack sets it; unset (the default) means no delay.
 */
const STORE_DELAY_MS = Number(process.env.ASO_TEST_DELAY_BEFORE_STORE_MS ?? 0) || 0;
/** How long a duplicate waits for the first request to finish before answering 409. */
const WAIT_FOR_FIRST_MS = 30_000;
const PURGE_EVERY_MS = 3_600_000;

export interface IdempotentRequest {
  organisationId: string;
  userId: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
}

export type IdempotencyDecision =
  { action: 'run'; lease: IdempotencyLease } | { action: 'replay'; status: number; body: unknown };

/**
 * Stripe-like idempotency keys. The first request with a key claims it and runs; a retry with
 * the same request gets the first response replayed; the same key with another request is
 * refused (422 IDEMPOTENCY_KEY_REUSED). A duplicate that arrives while the first is still
 * running waits for it (polling the row) and then gets its response; only if the first takes
 * longer than WAIT_FOR_FIRST_MS is it told 409 IDEMPOTENCY_IN_PROGRESS (retry later).
 */
@Injectable()
export class IdempotencyService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('idempotency');
  private purgeTimer: NodeJS.Timeout | undefined;
  private readonly beats = new Map<IdempotencyLease, NodeJS.Timeout>();

  constructor(
    private readonly keys: IdempotencyKeysRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // Expired keys are reusable anyway; purging only keeps the table small.
    this.purgeTimer = setInterval(() => {
      this.keys.purgeExpired(this.clock()).catch((e: unknown) => {
        this.logger.warn(`purging expired idempotency keys failed: ${String(e)}`);
      });
    }, PURGE_EVERY_MS);
    this.purgeTimer.unref();
  }

  onModuleDestroy(): void {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    for (const lease of [...this.beats.keys()]) this.stopBeating(lease);
  }

  async begin(req: IdempotentRequest): Promise<IdempotencyDecision> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    let pause = 50;
    for (;;) {
      const now = this.clock();
      const claim = await this.keys.claim({
        ...req,
        now,
        expiresAt: new Date(now.getTime() + KEY_TTL_MS),
        staleBefore: new Date(now.getTime() - STALE_CLAIM_MS),
      });
      if (claim.outcome === 'claimed') {
        this.startBeating(claim.lease);
        return { action: 'run', lease: claim.lease };
      }
      const record = claim.record;
      assertSameRequest(req, record);
      if (record.status === 'done' && record.responseStatus !== null) {
        return { action: 'replay', status: record.responseStatus, body: record.responseBody };
      }
      if (Date.now() >= deadline) {
        throw new ApiError(
          'IDEMPOTENCY_IN_PROGRESS',
          'A request with this Idempotency-Key is still being processed; retry later',
          { key: req.key },
        );
      }
      await new Promise((r) => setTimeout(r, pause));
      pause = Math.min(pause * 2, 500);
    }
  }

  /**
   * Records the response of a claimed key. 2xx and 4xx are kept (a retried invalid request
   * stays invalid, a retried success does nothing again); a 5xx releases the key, so the
   * client's retry runs the command again. So does a 404: nothing happened, and what was not
   * found may exist a moment later (a task the read model has not caught up with, issue 8 #12),
   * so a retry must look again rather than be told the first 404 forever.
   */
  async finish(lease: IdempotencyLease, status: number, body: unknown): Promise<void> {
    if (STORE_DELAY_MS > 0) await new Promise((r) => setTimeout(r, STORE_DELAY_MS));
    this.stopBeating(lease);
    if (status >= 500 || status === 404) {
      await this.keys.release(lease);
      return;
    }
    const stored = await this.keys.complete(lease, status, body);
    if (!stored) {
      this.logger.warn(`idempotency key ${lease.key}: claim lost before the response was stored`);
    }
  }

  private startBeating(lease: IdempotencyLease): void {
    const until = Date.now() + MAX_HOLD_MS;
    const timer = setInterval(() => {
      if (Date.now() > until) return this.stopBeating(lease);
      this.keys.heartbeat(lease, this.clock()).then(
        (held) => {
          if (!held) this.stopBeating(lease);
        },
        // PostgreSQL unreachable: keep trying; if it stays away the claim goes stale, as it should.
        (e: unknown) => this.logger.warn(`heartbeat of key ${lease.key} failed: ${String(e)}`),
      );
    }, HEARTBEAT_EVERY_MS);
    timer.unref();
    this.beats.set(lease, timer);
  }

  private stopBeating(lease: IdempotencyLease): void {
    const timer = this.beats.get(lease);
    if (timer) clearInterval(timer);
    this.beats.delete(lease);
  }
}

/**
 * The id of the command a key stands for, the same in every API process and on every retry:
 * the Temporal update id of a task command, so Temporal itself runs it at most once. The
 * request's fingerprint is part of it, so a key reused (after it expired) for another request
 * is another command, never answered with the first one's outcome.
 */
export function commandIdOf(r: {
  organisationId: string;
  userId: string;
  key: string;
  requestHash: string;
}): string {
  return createHash('sha256')
    .update([r.organisationId, r.userId, r.key, r.requestHash].join('\u0000'))
    .digest('hex');
}

function assertSameRequest(req: IdempotentRequest, record: IdempotencyKeyEntity): void {
  if (
    record.requestHash === req.requestHash &&
    record.method === req.method &&
    record.path === req.path
  ) {
    return;
  }
  throw new ApiError(
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used for a different request',
    { key: req.key, firstMethod: record.method, firstPath: record.path },
  );
}
