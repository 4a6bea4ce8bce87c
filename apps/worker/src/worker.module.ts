import { Module } from '@nestjs/common';
import { APP_CONFIG, loadConfig, type AppConfig } from '@aso/config';
import { createDataSource, DATA_SOURCE } from '@aso/persistence';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: () => loadConfig() },
    {
      provide: DATA_SOURCE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createDataSource(config.DATABASE_URL).initialize(),
    },
    TemporalWorkerService,
  ],
})
export class WorkerModule {}
