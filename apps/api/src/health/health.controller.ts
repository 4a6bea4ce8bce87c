import { Controller, Get, Inject } from '@nestjs/common';
import { TEMPORAL_CLIENT } from '@aso/temporal';
import { DatabaseHealth } from '@aso/persistence';
import type { Client } from '@temporalio/client';
import { Public } from '../auth/public.decorator';
// Registers GET /healthz (and its response schema) in the OpenAPI document.
import './health.dto';

@Controller()
export class HealthController {
  constructor(
    private readonly database: DatabaseHealth,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /** Liveness of both real dependencies. */
  @Public()
  @Get('healthz')
  async health() {
    const [postgres, temporal] = await Promise.all([
      this.database.ping().then(
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
