import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { DomainError } from '@aso/domain';
import {
  DATA_SOURCE,
  IdempotencyKeysRepository,
  type IdempotencyKeyEntity,
  type IdempotencyLease,
} from '@aso/persistence';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';

/** 1–128 characters of [A-Za-z0-9_.:-]: enough for a UUID, a ULID or `order-123:retry`. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

/** A stored response is replayed for this long (Stripe keeps keys for 24 hours too). */
const KEY_TTL_MS = 24 * 3_600_000;
/**
 * An in-progress claim older than this is presumed abandoned (its API process died mid-request)
 * and may be taken over. Far above any command's duration, so a live claim is never stolen.
 */
const STALE_CLAIM_MS = 5 * 60_000;
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
  private readonly keys: IdempotencyKeysRepository;
  private readonly logger = new Logger('idempotency');
  private purgeTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(DATA_SOURCE) dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.keys = new IdempotencyKeysRepository(dataSource);
  }

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
      if (claim.outcome === 'claimed') return { action: 'run', lease: claim.lease };
      const record = claim.record;
      assertSameRequest(req, record);
      if (record.status === 'done' && record.responseStatus !== null) {
        return { action: 'replay', status: record.responseStatus, body: record.responseBody };
      }
      if (Date.now() >= deadline) {
        throw new DomainError(
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
   * client's retry runs the command again.
   */
  async finish(lease: IdempotencyLease, status: number, body: unknown): Promise<void> {
    if (status >= 500) {
      await this.keys.release(lease);
      return;
    }
    const stored = await this.keys.complete(lease, status, body);
    if (!stored) {
      this.logger.warn(`idempotency key ${lease.key}: claim lost before the response was stored`);
    }
  }
}

function assertSameRequest(req: IdempotentRequest, record: IdempotencyKeyEntity): void {
  if (
    record.requestHash === req.requestHash &&
    record.method === req.method &&
    record.path === req.path
  ) {
    return;
  }
  throw new DomainError(
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used for a different request',
    { key: req.key, firstMethod: record.method, firstPath: record.path },
  );
}
