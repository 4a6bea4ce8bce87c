import globalTeardown from './global-teardown';
import { migratedDatabase } from './shared';

/** Integration tier: a real PostgreSQL with the migrations applied. */
export default async function globalSetup(): Promise<void> {
  try {
    process.env.ASO_INT_DATABASE_URL = await migratedDatabase('aso_int');
  } catch (e) {
    await globalTeardown(); // Jest skips teardown when setup fails: leave nothing running
    throw e;
  }
}
