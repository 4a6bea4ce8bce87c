import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@aso/config';
import { TemporalModule } from '@aso/temporal';
import { LoggerModule } from 'nestjs-pino';
import { AuditService } from './audit/audit.service';
import { AuditExportController } from './audit/audit-export.controller';
import { AuditExportService } from './audit/audit-export.service';
import { AttachmentsController } from './attachments/attachments.controller';
import { attachmentProviders } from './attachments/attachments.providers';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { AuthModule } from './auth/auth.module';
import { ErrorFilter } from './common/error.filter';
import { loggerParams } from './common/logging';
import { TextRuleModule } from './common/text-rule.module';
import { PoliciesService } from './policies/policies.service';
import { CasesController } from './cases/cases.controller';
import { CasesService } from './cases/cases.service';
import { CoreModule } from './core.module';
import { HealthController } from './health/health.controller';
import { OpenApiModule } from './openapi/openapi.module';
import { MetricsModule } from './metrics/metrics.module';
import { ReportsModule } from './reports/reports.module';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

@Module({
  imports: [
    CoreModule,
    // The text rule and depth bound run before every guard and handler (issue 8 #1a, #2, #3).
    TextRuleModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loggerParams(config.LOG_LEVEL),
    }),
    TemporalModule,
    AuthModule,
    IdempotencyModule,
    OpenApiModule,
    MetricsModule,
    ReportsModule,
  ],
  controllers: [
    CasesController,
    TasksController,
    UsersController,
    HealthController,
    AttachmentsController,
    AuditExportController,
  ],
  providers: [
    CasesService,
    TasksService,
    AuditService,
    PoliciesService,
    UsersService,
    AuditExportService,
    ...attachmentProviders,
    { provide: APP_FILTER, useClass: ErrorFilter },
  ],
})
export class AppModule {}
