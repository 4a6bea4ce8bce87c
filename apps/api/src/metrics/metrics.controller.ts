import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { assertMayScrape, METRICS_ENV, type MetricsEnv } from './metrics-access';
import { MetricsRegistry } from './metrics.registry';
import './metrics.dto';

@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: MetricsRegistry,
    @Inject(METRICS_ENV) private readonly env: MetricsEnv,
  ) {}

  /** Prometheus text format. No user token (scrapers have none): see metrics-access.ts. */
  @Public()
  @Get('metrics')
  async scrape(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<string> {
    assertMayScrape(this.env, {
      remoteAddress: req.socket.remoteAddress,
      authorization: req.header('authorization'),
    });
    res.setHeader('content-type', this.metrics.contentType);
    return this.metrics.render();
  }
}
