import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The API's Prometheus metrics, in a registry of its own (not prom-client's global one), so two
 * applications in one process (tests) never register a metric twice.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  /** Route *template* (`/tasks/:taskId/complete`), never the raw URL: ids would explode cardinality. */
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** A workflow update validator refused a command (wrong department, task not open, …). */
  readonly workflowRejections = new Counter({
    name: 'workflow_update_rejections_total',
    help: 'Workflow updates refused by their validator, by the domain error code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
