import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { APP_CONFIG, ConfigModule, type AppConfig } from '@aso/config';
import { LoggerModule } from 'nestjs-pino';
import { AbsencesModule } from './absences/absences.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CaseTypesModule } from './case-types/case-types.module';
import { CasesModule } from './cases/cases.module';
import { ErrorFilter } from './common/error.filter';
import { loggerParams } from './common/logging';
import { TextRuleModule } from './common/text-rule.module';
import { CoreModule } from './core.module';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { MetricsModule } from './metrics/metrics.module';
import { MonthlyReviewsModule } from './monthly-reviews/monthly-reviews.module';
import { OpenApiModule } from './openapi/openapi.module';
import { PoliciesModule } from './policies/policies.module';
import { RepairsModule } from './repairs/repairs.module';
import { ReturnsModule } from './returns/returns.module';
import { ConsignmentsModule } from './consignments/consignments.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { ImprovementsModule } from './improvements/improvements.module';
import { FollowUpPlansModule } from './follow-up-plans/follow-up-plans.module';
import { ReportsModule } from './reports/reports.module';
import { TasksModule } from './tasks/tasks.module';
import { UsersModule } from './users/users.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/**
 * The API: one module per bounded context, each exporting only its façade service; the
 * repositories come from @aso/persistence's PersistenceModule, the Temporal client from
 * @aso/temporal's TemporalModule.
 */
@Module({
  imports: [
    ConfigModule,
    CoreModule,
    // The text rule and depth bound run before every guard and handler (issue 8 #1a, #2, #3).
    TextRuleModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loggerParams(config.LOG_LEVEL),
    }),
    AuthModule,
    IdempotencyModule,
    OpenApiModule,
    MetricsModule,
    HealthModule,
    PoliciesModule,
    CasesModule,
    CaseTypesModule,
    RepairsModule,
    ReturnsModule,
    ConsignmentsModule,
    FollowUpsModule,
    ImprovementsModule,
    FollowUpPlansModule,
    MonthlyReviewsModule,
    TasksModule,
    UsersModule,
    AttachmentsModule,
    AuditModule,
    ReportsModule,
    AbsencesModule,
    WebhooksModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
})
export class AppModule {}
