import { Module } from '@nestjs/common';
import { PersistenceModule } from '@aso/persistence';
import { FollowUpAnalysisController } from './follow-up-analysis.controller';
import { FollowUpAnalysisService } from './follow-up-analysis.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { ServiceAppraisalController } from './service-appraisal.controller';
import { ServiceAppraisalService } from './service-appraisal.service';
import { SupervisionLedgerController } from './supervision-ledger.controller';
import { SupervisionLedgerService } from './supervision-ledger.service';

/** KPIs over the read models. */
@Module({
  imports: [PersistenceModule],
  controllers: [
    ReportsController,
    ServiceAppraisalController,
    FollowUpAnalysisController,
    SupervisionLedgerController,
  ],
  providers: [
    ReportsService,
    ServiceAppraisalService,
    FollowUpAnalysisService,
    SupervisionLedgerService,
  ],
  exports: [ReportsService],
})
export class ReportsModule {}
