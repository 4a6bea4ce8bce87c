import { migrate } from '../../libs/persistence/src/data-source';
import { ensureDatabase, startPostgres, type PostgresHandle } from '../provision/postgres';

/**
 * Global setups of several tiers run in one process; they share one throwaway PostgreSQL
 * cluster (one database per tier) and register what to stop at teardown here.
 */
interface Shared {
  postgres?: Promise<PostgresHandle>;
  teardown: Array<() => Promise<void>>;
}
const KEY = '__ASO_TEST_SHARED__';
export const shared = (): Shared => {
  const g = globalThis as unknown as Record<string, Shared | undefined>;
  return (g[KEY] ??= { teardown: [] });
};

export function onTeardown(fn: () => Promise<void>): void {
  shared().teardown.push(fn);
}

/** A migrated database named `name` in the shared cluster (or on DATABASE_URL's server). */
export async function migratedDatabase(name: string): Promise<string> {
  const s = shared();
  if (!s.postgres) {
    s.postgres = startPostgres();
    const pg = await s.postgres;
    onTeardown(() => pg.stop());
  }
  const pg = await s.postgres;
  const url = await ensureDatabase(pg.adminUrl, name);
  await migrate(url);
  return url;
}
