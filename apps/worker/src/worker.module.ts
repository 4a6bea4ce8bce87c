import { Module } from '@nestjs/common';
import { ConfigModule } from '@aso/config';
import { PersistenceModule } from '@aso/persistence';
import { TemporalModule } from '@aso/temporal';
import { SchedulesService } from './schedules/schedules.service';
import { TemporalWorkerService } from './temporal-worker.service';

/**
 * The worker's context: config, the repositories (PersistenceModule), the Temporal worker and
 * the organisations' schedules (SchedulesService, over the Temporal client).
 */
@Module({
  imports: [ConfigModule, PersistenceModule, TemporalModule],
  providers: [TemporalWorkerService, SchedulesService],
})
export class WorkerModule {}
