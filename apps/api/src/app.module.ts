import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TemporalModule } from '@aso/temporal';
import { AuditService } from './audit/audit.service';
import { ErrorFilter } from './common/error.filter';
import { PoliciesService } from './policies/policies.service';
import { CasesController } from './cases/cases.controller';
import { CasesService } from './cases/cases.service';
import { CoreModule } from './core.module';
import { HealthController } from './health/health.controller';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';

@Module({
  imports: [CoreModule, TemporalModule],
  controllers: [CasesController, TasksController, HealthController],
  providers: [
    CasesService,
    TasksService,
    AuditService,
    PoliciesService,
    { provide: APP_FILTER, useClass: ErrorFilter },
  ],
})
export class AppModule {}
