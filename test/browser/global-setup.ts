import { join } from 'node:path';
import { E2E_ORG, E2E_PASSWORD } from '../support/http';
import { startApi, startWorker, type AppProcess } from '../support/stack';
import type * as Postgres from '../../tools/provision/postgres';
import type * as TemporalServer from '../../tools/provision/temporal-server';
import type * as DataSource from '../../libs/persistence/src/data-source';
import type * as SeedDemo from '../../tools/seed-demo';

/**
 * The browser tier's stack, all real: PostgreSQL (throwaway cluster), the Temporal dev server,
 * migrations and the demo users, then the built worker and API (test/support/stack.ts, as in
 * the e2e tier). `npm run test:browser` builds the API and the web app first; the provisioning
 * code is the compiled one from dist (the same as `npm start` runs).
 */
const dist = join(__dirname, '..', '..', 'dist');
/* eslint-disable @typescript-eslint/no-require-imports */
const { startPostgres, ensureDatabase } = require(
  join(dist, 'tools/provision/postgres.js'),
) as typeof Postgres;
const { startDevServer } = require(
  join(dist, 'tools/provision/temporal-server.js'),
) as typeof TemporalServer;
const { migrate } = require(join(dist, 'libs/persistence/src/data-source.js')) as typeof DataSource;
const { seedDemo } = require(join(dist, 'tools/seed-demo.js')) as typeof SeedDemo;
/* eslint-enable @typescript-eslint/no-require-imports */

export default async function globalSetup(): Promise<() => Promise<void>> {
  const stops: Array<() => Promise<void>> = [];
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const pg = await startPostgres();
    stops.push(() => pg.stop());
    const url = await ensureDatabase(pg.adminUrl, 'aso_browser');
    await migrate(url);
    await seedDemo(url, { organisationId: E2E_ORG, password: E2E_PASSWORD });
    const temporal = await startDevServer();
    stops.push(() => temporal.stop());
    process.env.ASO_E2E_DATABASE_URL = url;
    process.env.ASO_E2E_TEMPORAL_ADDRESS = temporal.address;
    process.env.ASO_E2E_TEMPORAL_NAMESPACE = temporal.namespace;
    const queue = `browser-${process.pid}`;
    const worker: AppProcess = await startWorker(queue);
    stops.push(() => worker.stop());
    // Access tokens live 30 s (the config's minimum): the tier sees them expire and the web app
    // renew them from the refresh cookie (inbox.browser.ts "session expiry and refresh").
    const api = await startApi(queue, { AUTH_ACCESS_TOKEN_TTL_SECONDS: '30' });
    stops.push(() => api.stop());
    process.env.ASO_BROWSER_URL = api.url;
    return teardown;
  } catch (e) {
    await teardown();
    throw e;
  }
}
