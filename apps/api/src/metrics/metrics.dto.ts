import { registerRoute } from '../openapi/registry';

registerRoute({
  method: 'get',
  path: 'metrics',
  tag: 'operations',
  summary: 'Prometheus metrics (text exposition format)',
  description:
    'Process metrics, http_request_duration_seconds by method, route template and status, and ' +
    'workflow_update_rejections_total by code. No user token: loopback peers only, or ' +
    '`Authorization: Bearer $METRICS_TOKEN` when METRICS_TOKEN is set.',
  public: true,
  response: { status: 200, description: 'Metrics', contentType: 'text/plain; version=0.0.4' },
  errors: [401, 403],
});
