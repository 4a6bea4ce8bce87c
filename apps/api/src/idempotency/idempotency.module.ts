import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PersistenceModule } from '@aso/persistence';
import { IdempotencyInterceptor, RouteIdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyService } from './idempotency.service';

/** Idempotency-Key support for every command endpoint (a global interceptor). */
@Module({
  imports: [PersistenceModule],
  providers: [
    IdempotencyService,
    RouteIdempotencyInterceptor,
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
  exports: [IdempotencyService, RouteIdempotencyInterceptor],
})
export class IdempotencyModule {}
