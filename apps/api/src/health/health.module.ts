import { Module } from '@nestjs/common';
import { PersistenceModule } from '@aso/persistence';
import { TemporalModule } from '@aso/temporal';
import { HealthController } from './health.controller';

/** GET /healthz: liveness of PostgreSQL and Temporal. */
@Module({ imports: [PersistenceModule, TemporalModule], controllers: [HealthController] })
export class HealthModule {}
