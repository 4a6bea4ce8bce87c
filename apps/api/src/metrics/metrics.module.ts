import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { APP_CONFIG, type AppConfig } from '@aso/config';
import { METRICS_ENV } from './metrics-access';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics.registry';
import { WorkflowRejectionInterceptor } from './workflow-rejection.interceptor';

/** Prometheus metrics: GET /metrics, request durations for every route, workflow refusals. */
@Module({
  controllers: [MetricsController],
  providers: [
    MetricsRegistry,
    {
      provide: METRICS_ENV,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ METRICS_TOKEN: config.METRICS_TOKEN }),
    },
    { provide: APP_INTERCEPTOR, useClass: WorkflowRejectionInterceptor },
  ],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
