import { Inject, Module, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aso/config';
import type { DataSource } from 'typeorm';
import { AttachmentStore } from './attachments/attachment-store';
import { createDataSource } from './data-source';
import { AbsencesRepository } from './repositories/absences.repository';
import { AuditRepository } from './repositories/audit.repository';
import { CasesRepository } from './repositories/cases.repository';
import { DatabaseHealth } from './repositories/database-health';
import { FollowUpCustomersRepository } from './repositories/follow-up-customers.repository';
import { DocumentsRepository } from './repositories/documents.repository';
import { IdempotencyKeysRepository } from './repositories/idempotency-keys.repository';
import { KpiRepository } from './repositories/kpi.repository';
import { PoliciesRepository } from './repositories/policies.repository';
import { PostgresAttachmentStore } from './repositories/postgres-attachment.store';
import { SalesVolumesRepository } from './repositories/sales-volumes.repository';
import { ReviewSourcesRepository } from './repositories/review-sources.repository';
import { RefreshTokensRepository } from './repositories/refresh-tokens.repository';
import { TasksRepository } from './repositories/tasks.repository';
import { UsersRepository } from './repositories/users.repository';
import { WebhooksRepository } from './repositories/webhooks.repository';
import { DATA_SOURCE } from './tokens';

/**
 * The repositories, each a plain class over the DataSource (no framework in them: tests build
 * them with `new`); this module is the only place the apps get them from.
 */
export const REPOSITORIES = [
  CasesRepository,
  TasksRepository,
  DocumentsRepository,
  AuditRepository,
  PoliciesRepository,
  UsersRepository,
  RefreshTokensRepository,
  KpiRepository,
  IdempotencyKeysRepository,
  DatabaseHealth,
  AbsencesRepository,
  ReviewSourcesRepository,
  WebhooksRepository,
  FollowUpCustomersRepository,
  SalesVolumesRepository,
] as const;

const overDataSource = (repository: new (ds: DataSource) => unknown): Provider => ({
  provide: repository,
  inject: [DATA_SOURCE],
  useFactory: (ds: DataSource) => new repository(ds),
});

/**
 * The database for the API and the worker: one initialised DataSource (closed on shutdown), every
 * repository by injection, and the attachment store (an object-store implementation of
 * AttachmentStore would replace its one line). Expects APP_CONFIG globally (ConfigModule).
 */
@Module({
  providers: [
    {
      provide: DATA_SOURCE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createDataSource(config.DATABASE_URL).initialize(),
    },
    ...REPOSITORIES.map(overDataSource),
    {
      provide: AttachmentStore,
      inject: [DATA_SOURCE],
      useFactory: (ds: DataSource) => new PostgresAttachmentStore(ds),
    },
  ],
  exports: [DATA_SOURCE, ...REPOSITORIES, AttachmentStore],
})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
