import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { CaseHistory } from './case-history';

import { APP_CONFIG, type AppConfig } from '@aso/config';
import { CaseGateway } from './case.gateway';

export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/** Temporal client providers and one gateway per workflow type. Expects APP_CONFIG globally. */
@Module({
  providers: [
    {
      provide: TEMPORAL_CONNECTION,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => Connection.connect({ address: config.TEMPORAL_ADDRESS }),
    },
    {
      provide: TEMPORAL_CLIENT,
      inject: [TEMPORAL_CONNECTION, APP_CONFIG],
      useFactory: (connection: Connection, config: AppConfig) =>
        new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
    },
    {
      provide: CaseGateway,
      inject: [TEMPORAL_CLIENT, APP_CONFIG],
      useFactory: (client: Client, config: AppConfig) =>
        new CaseGateway(client, config.TEMPORAL_TASK_QUEUE),
    },
    {
      provide: CaseHistory,
      inject: [TEMPORAL_CLIENT],
      useFactory: (client: Client) => new CaseHistory(client),
    },
  ],
  exports: [TEMPORAL_CLIENT, CaseGateway, CaseHistory],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
