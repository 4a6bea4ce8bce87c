import type { Provider } from '@nestjs/common';
import { AttachmentStore, DATA_SOURCE, PostgresAttachmentStore } from '@aso/persistence';
import type { DataSource } from 'typeorm';
import { AttachmentsService } from './attachments.service';
import { UploadInterceptor } from './upload.interceptor';

/**
 * Registered in the AppModule beside CasesService and AuditService, which they use. The store
 * is bound here: an object-store implementation of AttachmentStore would replace this line.
 */
export const attachmentProviders: Provider[] = [
  AttachmentsService,
  UploadInterceptor,
  {
    provide: AttachmentStore,
    inject: [DATA_SOURCE],
    useFactory: (ds: DataSource) => new PostgresAttachmentStore(ds),
  },
];
