import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '@aso/config';
import { ReviewSourcesRepository } from '@aso/persistence';
import { Schedules, TEMPORAL_CLIENT } from '@aso/temporal';

/**
 * At worker start: every organisation's Temporal Schedules (libs/temporal schedules.ts, the one
 * module that owns them) are created or brought up to date — idempotent, safe with several
 * workers starting at once and on every restart. A failure is logged and retried a little
 * later; it never stops the worker (the cases it runs do not depend on it).
 */
@Injectable()
export class SchedulesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SchedulesService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly sources: ReviewSourcesRepository,
  ) {}

  onApplicationBootstrap(): void {
    void this.ensure(1);
  }

  private async ensure(attempt: number): Promise<void> {
    try {
      const organisations = await this.sources.organisationIds();
      // the deployment's schedule queue, never this worker's own (schedules.ts Schedules)
      const results = await new Schedules(
        this.client,
        this.config.TEMPORAL_SCHEDULE_TASK_QUEUE ?? this.config.TEMPORAL_TASK_QUEUE,
      ).ensureForOrganisations(organisations);
      this.logger.log(
        `schedules: ${results.map((r) => `${r.scheduleId} ${r.outcome}`).join(', ') || 'no organisation yet'}`,
      );
    } catch (e) {
      this.logger.warn(`schedules not ensured (attempt ${attempt}): ${(e as Error).message}`);
      if (attempt < 5) setTimeout(() => void this.ensure(attempt + 1), 10_000 * attempt).unref();
    }
  }
}
