import { Module } from '@nestjs/common';
import { PersistenceModule } from '@aso/persistence';
import { TemporalModule } from '@aso/temporal';
import { CasesModule } from '../cases/cases.module';
import { AuditExportController } from './audit-export.controller';
import { AuditExportService } from './audit-export.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** The case's audit trail: refusals recorded, history, verification and export. */
@Module({
  imports: [PersistenceModule, TemporalModule, CasesModule],
  controllers: [AuditController, AuditExportController],
  providers: [AuditService, AuditExportService],
  exports: [AuditService],
})
export class AuditModule {}
