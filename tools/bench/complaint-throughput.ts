/**
 * Benchmark (not a test): complaints driven end to end through the worker on the Temporal dev
 * server with real PostgreSQL read models and audit trail. Prints, for 10 / 100 / 1,000
 * concurrent cases: cases completed per second, p50/p99 of an update round trip, and the
 * worker's RSS per cached case; then, per size, the CPU ms per whole complaint of every process
 * (Temporal server, worker, PostgreSQL, this driver) from /proc, and the workflow tasks and
 * history events per complaint from a sample of histories.
 *
 *   npm run bench:complaints            # all three sizes
 *   BENCH_SIZES=10,100 npm run bench:complaints
 *   BENCH_PROFILE=1 npm run bench:complaints   # also splits the worker's CPU (node --cpu-prof)
 *   npm run bench:complaints -- --temporal=server  # Temporal's own server on PostgreSQL
 *                                                  # persistence instead of the dev server
 *   npm run bench:complaints -- --temporal=dev-file           # the dev server on a SQLite file,
 *   npm run bench:complaints -- --temporal=dev-file-defaults  # as npm start / SQLite defaults
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { Pool } from 'pg';
import {
  caseViewQuery,
  COMPLAINT_WORKFLOW_TYPE,
  completeTaskUpdate,
  type CaseActor,
  type ComplaintWorkflowInput,
} from '../../libs/contracts/src';
import { currentBuiltInPolicy } from '../../libs/domain/src';
import { migrate } from '../../libs/persistence/src';
import { repoRoot } from '../provision/paths';
import { freshDatabase, startPostgres } from '../provision/postgres';
import { startFullServer } from '../provision/temporal-full-server';
import { startDevServer, type StartDevServerOptions } from '../provision/temporal-server';
import { formatSplit, splitProfiles } from './cpu-profile';
import {
  delta,
  pidsByCommandLine,
  postmasterPid,
  selfProbe,
  snapshot,
  threadCpuMs,
  treeProbe,
  type CpuProbe,
} from './proc-cpu';
import { benchIntake, percentile, pool } from './support';

const actors: Record<string, CaseActor> = {
  sales: { userId: 'sales-01', department: 'sales', roles: ['staff'] },
  cs: { userId: 'cs-01', department: 'cs', roles: ['staff'] },
  csManager: { userId: 'cs-mgr-01', department: 'cs', roles: ['manager'] },
  rnd: { userId: 'rnd-01', department: 'rnd', roles: ['staff'] },
  vp: { userId: 'vp-01', department: 'gm_office', roles: ['vp'] },
};

/**
 * The shortest whole complaint under the current policy (v2): apology only (DOMAIN.md §1 steps
 * 1–7, 10), with v2's owner named by the CS manager (C11), the first response before the close
 * (Decision 3) and the close's summary and preventive measure (C29).
 */
const plan: Array<[CaseActor, { type: string } & Record<string, unknown>]> = [
  [actors.csManager!, { type: 'AssignComplaintOwner', ownerId: 'cs-01' }],
  [actors.cs!, { type: 'RegisterComplaint', cause: 'product_quality', severity: 'general' }],
  [
    actors.rnd!,
    {
      type: 'SubmitInvestigationReport',
      report: {
        cause: 'product_quality',
        findings: 'bench',
        qualityClaimVerified: true,
        responsibleUnit: 'line-1',
        responsiblePersons: ['w-1'],
        correctiveAction: 'none',
        externalParty: null,
      },
    },
  ],
  [actors.vp!, { type: 'ApproveInvestigationReport', remarks: 'ok' }],
  [
    actors.cs!,
    {
      type: 'ProposeResolution',
      responsibleUnit: 'line-1',
      responsiblePersons: ['w-1'],
      method: 'apology',
      trackImprovement: false,
      humanNegligence: false,
      lossBasis: {
        unitCostFen: 1000,
        quantity: 1,
        freightFen: 0,
        handlingFen: 0,
        compensationFen: 0,
      },
      penalties: [],
    },
  ],
  [actors.csManager!, { type: 'ApproveResolution' }],
  [actors.sales!, { type: 'RecordCustomerResponse', accepted: true, via: 'phone' }],
  [actors.sales!, { type: 'RecordFirstResponse', channel: 'phone', summary: 'called' }],
  [
    actors.cs!,
    { type: 'CloseComplaint', summary: 'bench', preventiveMeasure: 'bench: none needed' },
  ],
];

/**
 * Works one case through the plan as the API would: the open task that takes the command is
 * read from the tasks read model (what GET /inbox reads), then completed by an update. (A
 * caseView query per step would cost the worker an activation the API path never pays.)
 */
async function drive(handle: WorkflowHandle, latencies: number[], db: Pool): Promise<void> {
  for (const [actor, command] of plan) {
    const { rows } = await db.query<{ task_id: string }>(
      `SELECT task_id FROM tasks WHERE case_number = $1 AND status IN ('open', 'claimed')
         AND $2 = ANY (commands) ORDER BY created_at LIMIT 1`,
      [handle.workflowId, command.type],
    );
    const task = rows[0] ? { taskId: rows[0].task_id } : undefined;
    if (!task) throw new Error(`${handle.workflowId}: no open task for ${command.type}`);
    const started = performance.now();
    await handle.executeUpdate(completeTaskUpdate, {
      // stamped like the API's gateway does (libs/temporal/src/case.gateway.ts)
      args: [{ taskId: task.taskId, actor, command, requestedAt: new Date().toISOString() }],
    });
    latencies.push(performance.now() - started);
  }
}

/** Resident set size of a process, from /proc (Linux). */
function rssOf(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (!kib) throw new Error('no VmRSS');
  return Number(kib) * 1024;
}

function startWorker(env: Record<string, string>, nodeFlags: string[]): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [...nodeFlags, join(repoRoot(), 'dist', 'apps', 'worker', 'src', 'main.js')],
    {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/worker polling/.test(output)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}:\n${output}`)));
  });
}

/**
 * The dev server in memory (`dev`, the default), or on a SQLite file as `npm start` runs it
 * (`dev-file`: FILE_DB_PRAGMAS) or with SQLite's own defaults (`dev-file-defaults`: a rollback
 * journal synced at every commit), to measure what the pragmas buy.
 */
function devServerOptions(mode: string): StartDevServerOptions {
  if (mode === 'dev') return {};
  const dbFilename = join(mkdtempSync(join(tmpdir(), 'aso-bench-temporal-')), 'temporal.db');
  if (mode === 'dev-file') return { dbFilename };
  if (mode === 'dev-file-defaults') return { dbFilename, sqlitePragmas: {} };
  throw new Error(`--temporal=${mode}: expected dev, dev-file, dev-file-defaults or server`);
}

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '10,100,1000').split(',').map(Number);
  // Every case of a size is open (started, cached in the worker) at once; at most this many
  // are being driven by the client at a moment (the dev server on 2 cores times out queries
  // when 1,000 arrive together).
  const inFlight = Number(process.env.BENCH_IN_FLIGHT ?? 50);
  const pg = await startPostgres();
  const mode =
    process.argv.find((a) => a.startsWith('--temporal='))?.slice('--temporal='.length) ??
    process.env.BENCH_TEMPORAL ??
    'dev';
  const onFullServer = mode === 'server';
  const temporalOptions = onFullServer ? {} : devServerOptions(mode);
  const temporal = onFullServer
    ? await startFullServer(pg.adminUrl)
    : await startDevServer(temporalOptions);
  const url = await freshDatabase(pg.adminUrl, 'aso_bench');
  const db = new Pool({ connectionString: url, max: 10 });
  await migrate(url);
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection, namespace: temporal.namespace });
  const taskQueue = 'bench';
  const profileDir = process.env.BENCH_PROFILE ? mkdtempSync(join(tmpdir(), 'aso-prof-')) : null;
  // The real worker process (built app), so its RSS is the worker's alone.
  const worker = await startWorker(
    {
      DATABASE_URL: url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      LOG_LEVEL: 'info', // the readiness line is logged at info
    },
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  const probes = cpuProbes(temporal, new URL(pg.adminUrl), worker);
  const rows: string[] = [];
  const costRows: string[] = [];
  let casesDriven = 0;
  let serial = 0;
  try {
    for (const n of sizes) {
      const rssBefore = rssOf(worker);
      const cpuBefore = snapshot(probes);
      const handles: WorkflowHandle[] = [];
      const opened = Date.now();
      for (let i = 0; i < n; i += 50) {
        const batch = Array.from({ length: Math.min(50, n - i) }, () => {
          serial += 1;
          const caseNumber = `KS202611-${String(100000 + serial)}`;
          const input: ComplaintWorkflowInput = {
            organisationId: 'bench',
            storeId: null,
            caseNumber,
            reportedAt: new Date().toISOString(),
            reportedBy: actors.sales!,
            customer: { name: 'bench', phone: null },
            intake: benchIntake(`SO-${serial}`),
            policy: currentBuiltInPolicy, // what a new case pins (v2)
          };
          return client.workflow.start(COMPLAINT_WORKFLOW_TYPE, {
            workflowId: caseNumber,
            taskQueue,
            args: [input],
          });
        });
        handles.push(...(await Promise.all(batch)));
      }
      // Every case is now open and cached in the worker, waiting for its first human task.
      await pool(handles, inFlight, async (h) => {
        await h.query(caseViewQuery);
      });
      const rssCached = rssOf(worker);
      const latencies: number[] = [];
      const started = performance.now();
      await pool(handles, inFlight, async (h) => {
        await drive(h, latencies, db);
        await h.result();
      });
      const seconds = (performance.now() - started) / 1000;
      const cpu = delta(cpuBefore, snapshot(probes));
      casesDriven += n;
      const shape = await historyShape(client, handles.slice(0, 20));
      const total = [...cpu.values()].reduce((a, b) => a + b, 0);
      costRows.push(
        [
          String(n).padStart(5),
          ...[...cpu.values(), total].map((ms) => (ms / n).toFixed(1).padStart(9)),
          shape.workflowTasks.toFixed(1).padStart(8),
          shape.events.toFixed(1).padStart(8),
        ].join(' '),
      );
      latencies.sort((a, b) => a - b);
      rows.push(
        [
          String(n).padStart(5),
          (n / seconds).toFixed(1).padStart(9),
          seconds.toFixed(1).padStart(8),
          percentile(latencies, 50).toFixed(1).padStart(8),
          percentile(latencies, 99).toFixed(1).padStart(8),
          ((rssCached - rssBefore) / n / 1024).toFixed(1).padStart(12),
          `${((Date.now() - opened) / 1000).toFixed(1)}`.padStart(8),
        ].join(' '),
      );
      process.stderr.write(`[bench] ${rows[rows.length - 1]}\n`);
    }
  } finally {
    const workerThreads = threadCpuMs(worker.pid!);
    await new Promise((resolve) => {
      worker.once('exit', resolve);
      worker.kill('SIGTERM');
    });
    await connection.close();
    await db.end();
    await temporal.stop();
    const dbFile = temporalOptions.dbFilename;
    if (dbFile) rmSync(dirname(dbFile), { recursive: true, force: true });
    await pg.stop();
    if (casesDriven > 0) {
      costRows.push(
        'worker CPU by thread over its whole life (startup included), per complaint driven:',
        ...[...workerThreads]
          .sort((a, b) => b[1] - a[1])
          .filter(([, ms]) => ms > 0)
          .map(
            ([name, ms]) =>
              `  ${name.padEnd(20)} ${(ms / casesDriven).toFixed(1).padStart(8)} ms/case`,
          ),
      );
    }
    if (profileDir && casesDriven > 0) {
      costRows.push(
        'JS threads of the worker by code (V8 profiles), per complaint driven:',
        ...formatSplit(splitProfiles(profileDir), casesDriven, jsThreadsMs(workerThreads)),
      );
    }
  }
  process.stdout.write(
    [
      `complaints end to end through the worker process (${onFullServer ? "Temporal's server on PostgreSQL persistence" : mode === 'dev' ? 'Temporal dev server in memory' : `Temporal dev server on a SQLite file (${mode === 'dev-file' ? 'WAL, synchronous=normal' : 'SQLite defaults'})`} + PostgreSQL read models and audit), ${inFlight} driven at a time`,
      'cases  cases/s  drive s  upd p50  upd p99  RSS KiB/case  total s',
      ...rows,
      '(update = one completeTask round trip incl. validator, handler and its read-model/audit writes;',
      ' RSS/case = resident memory growth of the worker process with every case open and cached)',
      '',
      'CPU ms per whole complaint (start to close), from /proc; workflow tasks and history events per complaint (sample of 20)',
      `cases ${probes.map((p) => p.name.padStart(9)).join(' ')}     total  wf tasks   events`,
      ...costRows,
    ].join('\n') + '\n',
  );
}

/** CPU of the threads V8 profiles: the main thread and the workflow worker threads. */
const jsThreadsMs = (threads: Map<string, number>): number =>
  [...threads]
    .filter(([name]) => !/^(tokio|V8 |libuv|node-rs|pool)/.test(name))
    .reduce((sum, [, ms]) => sum + ms, 0);

/** Every process the benchmark can see: the Temporal server, PostgreSQL, the worker, itself. */
function cpuProbes(
  temporal: { address: string; external: boolean; pid?: number },
  pgUrl: URL,
  worker: ChildProcess,
): CpuProbe[] {
  const probes: CpuProbe[] = [];
  const temporalPid = process.env.BENCH_TEMPORAL_PID
    ? Number(process.env.BENCH_TEMPORAL_PID)
    : temporal.pid !== undefined
      ? temporal.pid
      : temporal.external
        ? undefined
        : pidsByCommandLine('start-dev', temporal.address.split(':')[1]!)[0];
  if (temporalPid) probes.push(treeProbe('temporal', temporalPid));
  else process.stderr.write('[bench] Temporal server pid unknown (set BENCH_TEMPORAL_PID)\n');
  const pgPid = process.env.DATABASE_URL ? undefined : postmasterPid(Number(pgUrl.port));
  if (pgPid) probes.push(treeProbe('postgres', pgPid));
  else process.stderr.write('[bench] PostgreSQL is external: its CPU is not sampled\n');
  probes.push(treeProbe('worker', worker.pid!), selfProbe('driver'));
  return probes;
}

/** Mean workflow tasks and history events of closed complaints (their whole history). */
async function historyShape(
  client: Client,
  handles: WorkflowHandle[],
): Promise<{ workflowTasks: number; events: number }> {
  let tasks = 0;
  let events = 0;
  for (const h of handles) {
    const history = await client.workflow.getHandle(h.workflowId).fetchHistory();
    const all = history.events ?? [];
    if (process.env.BENCH_HISTORY_DUMP && h === handles[0])
      dumpHistory(all as unknown as Array<Record<string, unknown>>);
    events += all.length;
    tasks += all.filter((e) => e.workflowTaskCompletedEventAttributes).length;
  }
  return { workflowTasks: tasks / handles.length, events: events / handles.length };
}

/** BENCH_HISTORY_DUMP=<file>: the first sampled history's events, one line each (what costs events). */
function dumpHistory(events: Array<Record<string, unknown>>): void {
  const lines = events.map((e) => {
    const type = Object.keys(e).find((k) => k.endsWith('EventAttributes') && e[k]) ?? '?';
    const attrs = e[type] as Record<string, unknown> | undefined;
    const marker = attrs?.markerName ? ` ${String(attrs.markerName)}` : '';
    const timeout = attrs?.startToFireTimeout as { seconds?: { toString(): string } } | undefined;
    const fires = timeout?.seconds
      ? ` fires ${new Date(Number((e.eventTime as { seconds: { toString(): string } }).seconds.toString()) * 1000 + Number(timeout.seconds.toString()) * 1000).toISOString()}`
      : '';
    return `${String(e.eventId)} ${type.replace(/EventAttributes$/, '')}${marker}${fires}`;
  });
  writeFileSync(process.env.BENCH_HISTORY_DUMP!, `${lines.join('\n')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
