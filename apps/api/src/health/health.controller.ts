import { Controller, Get, Inject } from '@nestjs/common';
import { TEMPORAL_CLIENT } from '@aso/temporal';
import { DATA_SOURCE } from '@aso/persistence';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';
// Registers GET /healthz (and its response schema) in the OpenAPI document.
import './health.dto';

@Controller()
export class HealthController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /** Liveness of both real dependencies. */
  @Public()
  @Get('healthz')
  async health() {
    const [postgres, temporal] = await Promise.all([
      this.dataSource.query('SELECT 1').then(
        () => 'ok',
        (e: Error) => `down: ${e.message}`,
      ),
      this.temporal.workflowService.getSystemInfo({}).then(
        () => 'ok',
        (e: Error) => `down: ${e.message}`,
      ),
    ]);
    return {
      status: postgres === 'ok' && temporal === 'ok' ? 'ok' : 'degraded',
      postgres,
      temporal,
    };
  }
}
