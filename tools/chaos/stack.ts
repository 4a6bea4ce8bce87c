import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { migrate } from '../../libs/persistence/src';
import { run } from '../provision/exec';
import { freeLoopbackPort } from '../provision/free-port';
import { repoRoot } from '../provision/paths';
import { ensureDatabase, findPostgresBinDir, startPostgres } from '../provision/postgres';
import { resolveTemporalCli } from '../provision/temporal-cli';
import { FILE_DB_PRAGMAS, sqlitePragmaArgs } from '../provision/temporal-server';
import { seedDemo } from '../seed-demo';
import { ManagedProcess, readyOnLine } from './managed-process';
import { progress } from './progress';

export const CHAOS_ORG = 'chaos-org';
export const CHAOS_PASSWORD = 'chaos-demo-password';
export const NAMESPACE = 'default';
const TASK_QUEUE = 'chaos';

/** The four parts a fault can hit. */
export type Part = 'worker' | 'api' | 'temporal' | 'postgres';
export const PARTS: readonly Part[] = ['worker', 'api', 'temporal', 'postgres'];

/**
 * The whole system as real processes on loopback, every part killable and restartable without
 * losing state: a persistent PostgreSQL cluster (stopped with `pg_ctl stop -m immediate`, i.e. a
 * crash), the Temporal dev server on a SQLite file, and the built worker and API (dist/).
 */
export class ChaosStack {
  private constructor(
    readonly runDir: string,
    readonly databaseUrl: string,
    readonly temporalAddress: string,
    readonly apiUrl: string,
    private readonly pg: { dataDir: string; port: number; binDir: string },
    private readonly temporal: ManagedProcess,
    private readonly worker: ManagedProcess,
    private readonly api: ManagedProcess,
  ) {}

  static async start(runDir: string): Promise<ChaosStack> {
    // This run provisions its own parts; an outer DATABASE_URL / TEMPORAL_ADDRESS would be reused.
    delete process.env.DATABASE_URL;
    delete process.env.TEMPORAL_ADDRESS;
    mkdirSync(runDir, { recursive: true });
    chmodSync(runDir, 0o755); // as root, PostgreSQL runs as `postgres` and must enter it
    const binDir = findPostgresBinDir();
    if (!binDir)
      throw new Error('chaos needs a local PostgreSQL (initdb/pg_ctl) to crash and restart');
    const pg = { dataDir: join(runDir, 'postgres'), port: await freeLoopbackPort(), binDir };
    const cluster = await startPostgres({ dataDir: pg.dataDir, port: pg.port });
    const databaseUrl = await ensureDatabase(cluster.adminUrl, 'aso_chaos');
    await migrate(databaseUrl);
    await seedDemo(databaseUrl, { organisationId: CHAOS_ORG, password: CHAOS_PASSWORD });

    const { executable } = resolveTemporalCli();
    if (executable.type !== 'existing-path')
      throw new Error('chaos needs the Temporal CLI (it kills and restarts the dev server)');
    const temporalPort = await freeLoopbackPort();
    const temporalAddress = `127.0.0.1:${temporalPort}`;
    const temporal = new ManagedProcess({
      name: 'temporal',
      command: executable.path,
      args: [
        'server',
        'start-dev',
        '--ip',
        '127.0.0.1',
        '--port',
        String(temporalPort),
        '--headless',
        '--db-filename',
        join(runDir, 'temporal.db'),
        // as npm start runs it: the kill -9s below test that these pragmas lose no commit
        ...sqlitePragmaArgs(FILE_DB_PRAGMAS),
        '--log-level',
        'error',
      ],
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      logFile: join(runDir, 'temporal.log'),
      ready: () => temporalReachable(temporalAddress),
    });
    await temporal.start();

    const apiPort = await freeLoopbackPort();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: NAMESPACE,
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      // Shared by every API incarnation, so tokens survive an API kill; long enough for the run.
      AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
      AUTH_ACCESS_TOKEN_TTL_SECONDS: '86400',
      LOG_LEVEL: 'info',
      PORT: String(apiPort),
      HOST: '127.0.0.1',
    };
    const app = (name: 'worker' | 'api', ready: RegExp) =>
      new ManagedProcess({
        name,
        command: process.execPath,
        args: [join(repoRoot(), 'dist', 'apps', name, 'src', 'main.js')],
        env,
        logFile: join(runDir, `${name}.log`),
        ready: readyOnLine(ready),
      });
    const worker = app('worker', /worker polling/);
    const api = app('api', /API listening/);
    await Promise.all([worker.start(), api.start()]);
    progress(
      `stack up in ${runDir}: PostgreSQL :${pg.port}, Temporal ${temporalAddress}, API :${apiPort}`,
    );
    return new ChaosStack(
      runDir,
      databaseUrl,
      temporalAddress,
      `http://127.0.0.1:${apiPort}`,
      pg,
      temporal,
      worker,
      api,
    );
  }

  /** The fault: kill -9 a process, or crash PostgreSQL (immediate stop: no checkpoint, no goodbye). */
  async kill(part: Part): Promise<void> {
    if (part === 'postgres') {
      this.pgCtl(['-D', join(this.pg.dataDir, 'pgdata'), '-m', 'immediate', '-w', 'stop']);
      return;
    }
    await this.process(part).kill9();
  }

  /** The killed part's restart (what an orchestrator does at once). */
  async restart(part: Part): Promise<void> {
    if (part === 'postgres') {
      await startPostgres({ dataDir: this.pg.dataDir, port: this.pg.port });
      return;
    }
    await this.process(part).restart();
  }

  /** Restarts counted per process, and how often one died on its own. */
  processStats(): Array<{ name: string; restarts: number; ownExits: number }> {
    return [this.temporal, this.worker, this.api].map((p) => ({
      name: p.name,
      restarts: p.restarts,
      ownExits: p.ownExits,
    }));
  }

  async stop(): Promise<void> {
    await this.api.stop();
    await this.worker.stop();
    await this.temporal.stop();
    try {
      this.pgCtl(['-D', join(this.pg.dataDir, 'pgdata'), '-m', 'fast', '-w', 'stop']);
    } catch (e) {
      progress(`stopping PostgreSQL: ${(e as Error).message.split('\n')[0]}`);
    }
  }

  private process(part: Exclude<Part, 'postgres'>): ManagedProcess {
    return { worker: this.worker, api: this.api, temporal: this.temporal }[part];
  }

  /** pg_ctl as the cluster's owner (provisioning runs it as `postgres` when we are root). */
  private pgCtl(args: string[]): void {
    const bin = join(this.pg.binDir, 'pg_ctl');
    const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (asRoot) run('runuser', ['-u', 'postgres', '--', bin, ...args]);
    else run(bin, args);
  }
}

/** The dev server serves once a gRPC call answers. */
async function temporalReachable(address: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.describeNamespace({ namespace: NAMESPACE });
        return;
      } finally {
        await connection.close();
      }
    } catch (e) {
      if (Date.now() > deadline)
        throw new Error(`Temporal at ${address} not reachable: ${String(e)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
