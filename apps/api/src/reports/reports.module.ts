import { Module } from '@nestjs/common';
import { PersistenceModule } from '@aso/persistence';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** KPIs over the read models. */
@Module({
  imports: [PersistenceModule],
  controllers: [ReportsController],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
