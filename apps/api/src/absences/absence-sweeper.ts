import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aso/config';
import { AbsencesRepository } from '@aso/persistence';
import { CLOCK, type Clock } from '../common/clock';
import { AbsencesService } from './absences.service';

/**
 * The durable half of the hand-over: every ABSENCE_SWEEP_MS the API hands the claimed tasks of
 * every user whose absence is live to their delegate. The absences are rows in PostgreSQL and
 * each hand-over is an idempotent Temporal update (`absence:<id>:<task>`), so any number of API
 * instances may sweep at once and a restart loses nothing: an absence that started while no
 * API ran is handed over by the first sweep after. Sweeps never overlap within one process.
 */
@Injectable()
export class AbsenceSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('AbsenceSweeper');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly absences: AbsencesRepository,
    private readonly service: AbsencesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.ABSENCE_SWEEP_MS;
    if (every <= 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .catch((e: unknown) => this.log.warn(`absence sweep failed: ${(e as Error).message}`))
        .finally(() => (this.running = undefined));
    }, every);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass over the live absences. */
  async sweep(): Promise<void> {
    for (const absence of await this.absences.liveAt(this.clock())) {
      await this.service.handOver(absence);
    }
  }
}
