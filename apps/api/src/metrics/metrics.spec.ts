import { loadConfig } from '@aso/config';
import { assertMayScrape } from './metrics-access';

const DATABASE_URL = 'postgres://a@127.0.0.1:5432/b';
const loadMetricsEnv = (env: Record<string, string>) => loadConfig({ DATABASE_URL, ...env });
import { routeTemplate, UNMATCHED_ROUTE } from './http-metrics.middleware';
import { MetricsRegistry } from './metrics.registry';

describe('metrics access', () => {
  const token = 'metrics-token-0123456789';
  test('without METRICS_TOKEN: loopback peers only (403 FORBIDDEN otherwise)', () => {
    const env = loadMetricsEnv({});
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(() => assertMayScrape(env, { remoteAddress, authorization: undefined })).not.toThrow();
    }
    expect(() =>
      assertMayScrape(env, { remoteAddress: '10.0.0.7', authorization: undefined }),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  test('with METRICS_TOKEN: the bearer token, from anywhere; loopback alone is not enough', () => {
    const env = loadMetricsEnv({ METRICS_TOKEN: token });
    expect(() =>
      assertMayScrape(env, { remoteAddress: '10.0.0.7', authorization: `Bearer ${token}` }),
    ).not.toThrow();
    expect(() =>
      assertMayScrape(env, { remoteAddress: '127.0.0.1', authorization: undefined }),
    ).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', details: { reason: 'missing' } }));
    expect(() =>
      assertMayScrape(env, { remoteAddress: '127.0.0.1', authorization: 'Bearer nope' }),
    ).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', details: { reason: 'invalid' } }));
  });

  test('a short METRICS_TOKEN stops the boot naming the variable', () => {
    expect(() => loadMetricsEnv({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});

describe('metrics registry', () => {
  test('route templates, not raw URLs; unmatched requests share one label', () => {
    expect(routeTemplate({ baseUrl: '', route: { path: '/tasks/:taskId/complete' } })).toBe(
      '/tasks/:taskId/complete',
    );
    expect(routeTemplate({ baseUrl: '' })).toBe(UNMATCHED_ROUTE);
    expect(routeTemplate({ baseUrl: '', route: { path: '/*path' } })).toBe(UNMATCHED_ROUTE);
  });

  test('renders default process metrics, the request histogram and the rejection counter', async () => {
    const m = new MetricsRegistry();
    m.httpDuration.observe({ method: 'GET', route: '/inbox', status: '200' }, 0.02);
    m.workflowRejections.inc({ code: 'TASK_NOT_OPEN' });
    const text = await m.render();
    expect(text).toContain('process_cpu_seconds_total');
    expect(text).toContain(
      'http_request_duration_seconds_bucket{le="0.025",method="GET",route="/inbox",status="200"} 1',
    );
    expect(text).toContain('workflow_update_rejections_total{code="TASK_NOT_OPEN"} 1');
    // a second registry in the same process does not clash (tests build several apps)
    expect(() => new MetricsRegistry()).not.toThrow();
  });
});
