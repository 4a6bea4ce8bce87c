import { Module } from '@nestjs/common';
import { PersistenceModule } from '@aso/persistence';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { ServiceAppraisalController } from './service-appraisal.controller';
import { ServiceAppraisalService } from './service-appraisal.service';

/** KPIs over the read models. */
@Module({
  imports: [PersistenceModule],
  controllers: [ReportsController, ServiceAppraisalController],
  providers: [ReportsService, ServiceAppraisalService],
  exports: [ReportsService],
})
export class ReportsModule {}
