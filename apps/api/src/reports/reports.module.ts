import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** KPIs over the read models (the database comes from the global CoreModule). */
@Module({ controllers: [ReportsController], providers: [ReportsService] })
export class ReportsModule {}
