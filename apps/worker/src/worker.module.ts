import { Module } from '@nestjs/common';
import { ConfigModule } from '@aso/config';
import { PersistenceModule } from '@aso/persistence';
import { TemporalWorkerService } from './temporal-worker.service';

/** The worker's context: config, the repositories (PersistenceModule) and the Temporal worker. */
@Module({
  imports: [ConfigModule, PersistenceModule],
  providers: [TemporalWorkerService],
})
export class WorkerModule {}
