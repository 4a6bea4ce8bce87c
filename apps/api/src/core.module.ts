import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, loadConfig, type AppConfig } from '@aso/config';
import { createDataSource, DATA_SOURCE } from '@aso/persistence';
import type { DataSource } from 'typeorm';
import { CLOCK } from './common/clock';

/** Config, database and clock, available to every module. */
@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: () => loadConfig() },
    {
      provide: DATA_SOURCE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createDataSource(config.DATABASE_URL).initialize(),
    },
    { provide: CLOCK, useValue: () => new Date() },
  ],
  exports: [APP_CONFIG, DATA_SOURCE, CLOCK],
})
export class CoreModule implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
