import { DataSource } from 'typeorm';
import { CaseEntity } from './entities/case.entity';
import { TaskEntity } from './entities/task.entity';
import { InitialSchema1763800000000 } from './migrations/1763800000000-initial-schema';
import { AuditEventEntity } from './entities/audit-event.entity';
import { AuditTrail1763800100000 } from './migrations/1763800100000-audit-trail';
import { CaseReadModels1763800200000 } from './migrations/1763800200000-case-read-models';
import { DocumentEntity } from './entities/document.entity';
import { PolicyVersionEntity } from './entities/policy-version.entity';
import { UserEntity } from './entities/user.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { Users1763800300000 } from './migrations/1763800300000-users';
import { KpiIndexes1763800500000 } from './migrations/1763800500000-kpi-indexes';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { AttachmentEntity } from './entities/attachment.entity';
import { IdempotencyAttachments1763800400000 } from './migrations/1763800400000-idempotency-attachments';
import { AuthThrottle1763800750000 } from './migrations/1763800750000-auth-throttle';
import { CaseIntentsClaimHeartbeat1763800800000 } from './migrations/1763800800000-case-intents-claim-heartbeat';
import { PolicyVersionsAbsencesOrganisations1763801200000 } from './migrations/1763801200000-policy-versions-absences-organisations';
import { ReviewNumberSequence1763801600000 } from './migrations/1763801600000-review-number-sequence';
import { AbsenceEntity } from './entities/absence.entity';
import { Webhooks1763801700000 } from './migrations/1763801700000-webhooks';
import { InboxKeysetIndexes1763802500000 } from './migrations/1763802500000-inbox-keyset-indexes';
import { FollowUpCustomers1763802600000 } from './migrations/1763802600000-follow-up-customers';
import { UserQualifications1763802700000 } from './migrations/1763802700000-user-qualifications';
import { InboxRoleStatistics1763802800000 } from './migrations/1763802800000-inbox-role-statistics';
import { CustomerNameGrams1763803500000 } from './migrations/1763803500000-customer-name-grams';
import { AuditAppendBatch1763803600000 } from './migrations/1763803600000-audit-append-batch';
import { ImprovementNumberSequence1763803700000 } from './migrations/1763803700000-improvement-number-sequence';
import { SalesVolumes1763803300000 } from './migrations/1763803300000-sales-volumes';
import { FollowUpCustomerLastPurchase1763803800000 } from './migrations/1763803800000-follow-up-customer-last-purchase';
import { TasksCaseDepartmentIndex1763803900000 } from './migrations/1763803900000-tasks-case-department-index';

export const entities = [
  CaseEntity,
  TaskEntity,
  AuditEventEntity,
  DocumentEntity,
  PolicyVersionEntity,
  UserEntity,
  RefreshTokenEntity,
  IdempotencyKeyEntity,
  AttachmentEntity,
  AbsenceEntity,
];
/** In order. Never edit one that has landed: add a new one. */
export const migrations = [
  InitialSchema1763800000000,
  AuditTrail1763800100000,
  CaseReadModels1763800200000,
  Users1763800300000,
  KpiIndexes1763800500000,
  // TypeORM runs pending migrations ordered by timestamp, whatever their place here.
  IdempotencyAttachments1763800400000,
  AuthThrottle1763800750000,
  CaseIntentsClaimHeartbeat1763800800000,
  PolicyVersionsAbsencesOrganisations1763801200000,
  ReviewNumberSequence1763801600000,
  Webhooks1763801700000,
  InboxKeysetIndexes1763802500000,
  FollowUpCustomers1763802600000,
  UserQualifications1763802700000,
  InboxRoleStatistics1763802800000,
  CustomerNameGrams1763803500000,
  AuditAppendBatch1763803600000,
  ImprovementNumberSequence1763803700000,
  SalesVolumes1763803300000,
  FollowUpCustomerLastPurchase1763803800000,
  TasksCaseDepartmentIndex1763803900000,
];

export function createDataSource(url: string, options: { poolSize?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    extra: { max: options.poolSize ?? 10 },
  });
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(url: string): Promise<string[]> {
  const ds = createDataSource(url, { poolSize: 2 });
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
