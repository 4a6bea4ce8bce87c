import { Module } from '@nestjs/common';
import { PersistenceModule } from '@aso/persistence';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { UploadInterceptor } from './upload.interceptor';

/**
 * A case's attachments. The store (AttachmentStore) comes from the PersistenceModule, where an
 * object-store implementation would replace one line.
 */
@Module({
  imports: [PersistenceModule, CasesModule, AuditModule, IdempotencyModule],
  controllers: [AttachmentsController],
  providers: [AttachmentsService, UploadInterceptor],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
