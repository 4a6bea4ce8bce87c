import { run } from '../provision/exec';
import { log } from '../provision/log';
import { repoRoot } from '../provision/paths';
import { startDevServer } from '../provision/temporal-server';
import { seedDemo } from '../seed-demo';
import { E2E_ORG, E2E_PASSWORD, OTHER_ORG } from '../../test/support/http';
import globalTeardown from './global-teardown';
import { migratedDatabase, onTeardown } from './shared';

/**
 * End-to-end tier: PostgreSQL + the Temporal dev server (in memory) + the built api and worker
 * (suites start those processes themselves, so they can kill and restart them).
 */
export default async function globalSetup(): Promise<void> {
  try {
    process.env.ASO_E2E_DATABASE_URL = await migratedDatabase('aso_e2e');
    // Suites log in as the demo users; a second organisation proves tenants never meet.
    for (const organisationId of [E2E_ORG, OTHER_ORG]) {
      await seedDemo(process.env.ASO_E2E_DATABASE_URL, { organisationId, password: E2E_PASSWORD });
    }
    const temporal = await startDevServer();
    onTeardown(() => temporal.stop());
    process.env.ASO_E2E_TEMPORAL_ADDRESS = temporal.address;
    process.env.ASO_E2E_TEMPORAL_NAMESPACE = temporal.namespace;
    log('building the api and worker (npm run build)');
    run('npm', ['run', 'build', '--silent'], {
      cwd: repoRoot(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    await globalTeardown(); // Jest skips teardown when setup fails: leave nothing running
    throw e;
  }
}
