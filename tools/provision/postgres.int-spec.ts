import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startPostgres } from './postgres';

/**
 * Provisioning from any clone location. `mkdtemp` folders (and /root) are 0700: as root the
 * cluster runs as the `postgres` OS user, which cannot enter them.
 */
describe('startPostgres from a clone inside a 0700 directory', () => {
  const keys = ['DATABASE_URL', 'ASO_PG_RELOCATE_DIR'] as const;
  const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
  let outer: string;
  let relocateBase: string;

  beforeEach(() => {
    delete process.env.DATABASE_URL; // a real cluster of our own, not the tier's server
    outer = mkdtempSync(join(tmpdir(), 'aso-clone-'));
    relocateBase = mkdtempSync(join(tmpdir(), 'aso-relocate-'));
    chmodSync(relocateBase, 0o755);
    process.env.ASO_PG_RELOCATE_DIR = relocateBase;
  });
  afterEach(() => {
    for (const k of keys) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    rmSync(outer, { recursive: true, force: true });
    rmSync(relocateBase, { recursive: true, force: true });
  });

  async function selectOne(adminUrl: string): Promise<number> {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one ?? 0;
    } finally {
      await client.end();
    }
  }

  it('issue 8 #13: a persistent cluster under a 0700 clone folder starts (as root) and accepts connections', async () => {
    expect(statSync(outer).mode & 0o777).toBe(0o700);
    const dataDir = join(outer, 'clone', '.data', 'postgres');
    mkdirSync(join(outer, 'clone'), { recursive: true });
    const pg = await startPostgres({ dataDir });
    try {
      expect(await selectOne(pg.adminUrl)).toBe(1);
    } finally {
      await pg.stop();
    }
    if (process.getuid?.() === 0) {
      // Moved where postgres can reach it, and the requested folder says where.
      const location = readFileSync(join(dataDir, 'CLUSTER-LOCATION'), 'utf8').trim();
      expect(location.startsWith(relocateBase)).toBe(true);
      // Restart reuses the same cluster (persistent), not a fresh initdb elsewhere.
      const again = await startPostgres({ dataDir });
      try {
        expect(await selectOne(again.adminUrl)).toBe(1);
        expect(readFileSync(join(dataDir, 'CLUSTER-LOCATION'), 'utf8').trim()).toBe(location);
      } finally {
        await again.stop();
      }
    }
  }, 120_000);
});
