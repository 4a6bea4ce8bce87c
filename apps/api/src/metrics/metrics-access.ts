import { ApiError } from '../common/api-error';
import { timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '@aso/config';

/**
 * Who may scrape GET /metrics. Prometheus has no user token, so the route skips the user guard
 * and is protected on its own: with METRICS_TOKEN set, only `Authorization: Bearer <token>`;
 * without it, only loopback peers (a scraper or sidecar on the same host). Behind a reverse
 * proxy on the same host every peer looks like loopback: set METRICS_TOKEN there.
 */
export type MetricsEnv = Pick<AppConfig, 'METRICS_TOKEN'>;
export const METRICS_ENV = Symbol('METRICS_ENV');

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function assertMayScrape(
  env: MetricsEnv,
  peer: { remoteAddress: string | undefined; authorization: string | undefined },
): void {
  if (env.METRICS_TOKEN !== undefined) {
    const m = /^Bearer (.+)$/.exec(peer.authorization ?? '');
    const given = Buffer.from(m?.[1] ?? '');
    const expected = Buffer.from(env.METRICS_TOKEN);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return;
    throw new ApiError('UNAUTHENTICATED', 'Metrics need the metrics token', {
      reason: m ? 'invalid' : 'missing',
    });
  }
  if (peer.remoteAddress !== undefined && LOOPBACK.has(peer.remoteAddress)) return;
  throw new ApiError('FORBIDDEN', 'Metrics are served to loopback peers only', {
    remoteAddress: peer.remoteAddress ?? null,
  });
}
