/**
 * Benchmark (not a test): timers at scale (issue 14 #4). Opens N complaints (default 10,000) on
 * one worker process against the Temporal dev server (PostgreSQL read models and audit real),
 * every one with its first-response deadline armed for the same instant shortly after the last
 * is open; then prints, for a sticky cache (maxCachedWorkflows) of 10 % and of 100 % of N:
 *   - deadline lateness p50/p99/max: the instant the workflow observed the deadline (the time
 *     its `task.overdue` audit event carries, stamped by the workflow when the timer woke it)
 *     minus the due instant; and the write lag (the audit row committed − that instant),
 *   - the worker's RSS idle, with every case open, and at its peak while the deadlines fire,
 *   - throughput: cases opened/s, and deadlines handled/s (N / last handled − due), with the
 *     worker's CPU over the firing.
 *
 * Why the complaint and not a bench workflow: its first response is due 24 calendar hours after
 * the report (000 §三.6, policy deadlines.complaint.firstResponse) and counts from `reportedAt`,
 * the report instant the opener passes in; a complaint reported 24 h before the chosen instant
 * arms a real deadline for that instant, with the real cost of a case (its history, its state,
 * the overdue bookkeeping, the level-1 escalation task and its writes). The intake's other tasks
 * open at the report instant too, and their 1 working day would run out with it (or before): the
 * pinned policy gives registration and owner assignment 5 working days (a policy an
 * organisation may publish), so the one armed deadline is the only one that fires.
 *
 *   npm run bench:timers                     # N = 10,000
 *   BENCH_TIMERS=200 npm run bench:timers    # smaller N
 *   BENCH_TIMER_CACHES=10,100 BENCH_TIMER_LEAD_S=60 npm run bench:timers
 *   BENCH_TIMER_SPREAD_S=600 npm run bench:timers   # realistic load: due instants spread over 10 min
 * One instant is the worst case: every deadline queues behind the others, so lateness p99 ≈ N /
 * the worker's service rate (deadlines/s, printed). BENCH_TIMER_SPREAD_S spreads the due instants
 * uniformly over a window from the due instant on (offered load N / window per second): below the
 * service rate each deadline is handled about when it is due.
 * The due instant: after a warm-up of complaints not counted (N / 20, 10–200; due a day later)
 * measures how fast cases open, 15 s + 1.5 × the time N take to open (BENCH_TIMER_LEAD_S sets
 * it); a run whose cases were not all open before the due instant says so (lateness invalid).
 * Memory: a cached open complaint measured ~2.7 MiB of worker RSS (N = 1,000), so a cache of
 * 10,000 needs ~27 GiB; a worker that dies ends the run with that said.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import {
  COMPLAINT_WORKFLOW_TYPE,
  type CaseActor,
  type ComplaintWorkflowInput,
} from '../../libs/contracts/src';
import { currentBuiltInPolicy } from '../../libs/domain/src';
import { migrate } from '../../libs/persistence/src';
import { freshDatabase, startPostgres } from '../provision/postgres';
import { startDevServer } from '../provision/temporal-server';
import { delta, snapshot, treeProbe } from './proc-cpu';
import { benchIntake, percentile, startApp, stop } from './support';

const ORG = 'bench-timers';
const N = Number(process.env.BENCH_TIMERS ?? 10_000);
const CACHES = (process.env.BENCH_TIMER_CACHES ?? '10,100').split(',').map(Number);
const LEAD_S = process.env.BENCH_TIMER_LEAD_S ? Number(process.env.BENCH_TIMER_LEAD_S) : null;
/** 0: every deadline at one instant; else their due instants spread uniformly over this window */
const SPREAD_S = Number(process.env.BENCH_TIMER_SPREAD_S ?? 0);
const WARM_UP = Math.min(200, Math.max(10, Math.round(N / 20)));
/** the first response's window (policy v2 deadlines.complaint.firstResponse: 24 calendar hours) */
const FIRST_RESPONSE_MS = 24 * 3600_000;
const sales: CaseActor = { userId: 'sales-01', department: 'sales', roles: ['staff'] };

const rssOf = (child: ChildProcess): number => {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
  if (!kib) throw new Error('no VmRSS');
  return Number(kib) * 1024;
};
const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** v2 with 5 working days to register and to name the owner (see above) */
const policy = {
  ...currentBuiltInPolicy,
  deadlines: {
    ...currentBuiltInPolicy.deadlines,
    complaint: {
      ...currentBuiltInPolicy.deadlines.complaint,
      registration: { ...currentBuiltInPolicy.deadlines.complaint.registration, amount: 5 },
      ownerAssignment: { ...currentBuiltInPolicy.deadlines.complaint.ownerAssignment!, amount: 5 },
    },
  },
};

const complaint = (
  caseNumber: string,
  serial: number,
  reportedAt: Date,
): ComplaintWorkflowInput => ({
  organisationId: ORG,
  storeId: null,
  caseNumber,
  reportedAt: reportedAt.toISOString(),
  reportedBy: sales,
  customer: { name: 'bench', phone: null },
  intake: benchIntake(`SO-T${serial}`),
  policy,
});

interface RunResult {
  cache: number;
  openSeconds: number;
  openedBeforeDue: boolean;
  marginS: number;
  rssIdle: number;
  rssOpen: number;
  rssPeak: number;
  lateness: number[];
  writeLag: number[];
  handled: number;
  fireSeconds: number;
  workerCpuS: number;
}

async function run(
  client: Client,
  db: PgClient,
  env: Record<string, string>,
  cachePct: number,
  base: number,
): Promise<RunResult> {
  const cache = Math.max(2, Math.ceil((N * cachePct) / 100));
  const taskQueue = `bench-timers-${cachePct}`;
  const worker = await startApp(
    'worker',
    { ...env, TEMPORAL_TASK_QUEUE: taskQueue, WORKER_MAX_CACHED_WORKFLOWS: String(cache) },
    /worker polling/,
  );
  try {
    // A worker that dies (e.g. out of memory with a large cache) ends the run, said as such.
    let exited: string | null = null;
    worker.once('exit', (code, signal) => (exited = `worker exited (${signal ?? code})`));
    const alive = () => {
      if (exited) throw new Error(`cache ${cache}: ${exited}`);
    };
    const rssIdle = rssOf(worker);
    // Open = the case's first workflow task ran and its read model was written.
    const openAll = async (numbers: string[], first: number, reportedAt: (i: number) => Date) => {
      for (let i = 0; i < numbers.length; i += 50)
        await Promise.all(
          numbers.slice(i, i + 50).map((caseNumber, j) =>
            client.workflow.start(COMPLAINT_WORKFLOW_TYPE, {
              workflowId: caseNumber,
              taskQueue,
              args: [complaint(caseNumber, first + i + j, reportedAt(i + j))],
            }),
          ),
        );
      const giveUp = Date.now() + 600_000 + numbers.length * 1000;
      for (;;) {
        const { n } = (
          await db.query(`SELECT count(*)::int AS n FROM cases WHERE case_number = ANY($1)`, [
            numbers,
          ])
        ).rows[0] as { n: number };
        if (n === numbers.length) return;
        alive();
        if (Date.now() > giveUp) throw new Error(`only ${n} of ${numbers.length} cases opened`);
        await sleep(250);
      }
    };
    const warm = Date.now();
    const warmUp = Array.from({ length: WARM_UP }, (_, i) => `KS202611-${String(base + N + i)}`);
    await openAll(warmUp, base + N, () => new Date());
    const perCaseMs = (Date.now() - warm) / WARM_UP;
    const t0 = Date.now();
    const due = new Date(t0 + (LEAD_S !== null ? LEAD_S * 1000 : 15_000 + 1.5 * N * perCaseMs));
    // case i is due at due + i/N of the spread window (all at `due` without one)
    const dueOf = (i: number) => due.getTime() + (SPREAD_S * 1000 * i) / N;
    const numbers = Array.from({ length: N }, (_, i) => `KS202611-${String(base + i)}`);
    await openAll(numbers, base, (i) => new Date(dueOf(i) - FIRST_RESPONSE_MS));
    const opened = Date.now();
    const rssOpen = rssOf(worker);
    process.stderr.write(
      `[bench] cache ${cache}: warm-up ${WARM_UP} at ${(1000 / perCaseMs).toFixed(1)}/s; ${N} open in ${((opened - t0) / 1000).toFixed(1)} s, due in ${((due.getTime() - opened) / 1000).toFixed(1)} s\n`,
    );
    await sleep(Math.max(0, due.getTime() - Date.now() - 1000));
    const cpuBefore = snapshot([treeProbe('worker', worker.pid!)]);
    let rssPeak = rssOf(worker);
    let rows: Array<{ late: number; lag: number; at: Date }> = [];
    const giveUp = Date.now() + 120_000 + N * 50 + SPREAD_S * 1000;
    for (;;) {
      await sleep(500);
      alive();
      rssPeak = Math.max(rssPeak, rssOf(worker));
      rows = (
        await db.query(
          `SELECT extract(epoch FROM occurred_at - (data->>'dueAt')::timestamptz) * 1000 AS late,
                  extract(epoch FROM recorded_at - occurred_at) * 1000 AS lag, occurred_at AS at
             FROM audit_events
            WHERE organisation_id = $1 AND action = 'task.overdue' AND case_number = ANY($2)
              AND data->>'stage' = 'firstResponse'`,
          [ORG, numbers],
        )
      ).rows.map((r: { late: string; lag: string; at: Date }) => ({
        late: Number(r.late),
        lag: Number(r.lag),
        at: r.at,
      }));
      if (rows.length >= N || Date.now() > giveUp) break;
    }
    const workerCpuS =
      (delta(cpuBefore, snapshot([treeProbe('worker', worker.pid!)])).get('worker') ?? NaN) / 1000;
    const last = Math.max(...rows.map((r) => r.at.getTime()));
    return {
      cache,
      openSeconds: (opened - t0) / 1000,
      openedBeforeDue: opened < due.getTime(),
      marginS: (due.getTime() - opened) / 1000,
      rssIdle,
      rssOpen,
      rssPeak,
      lateness: rows.map((r) => r.late).sort((a, b) => a - b),
      writeLag: rows.map((r) => r.lag).sort((a, b) => a - b),
      handled: rows.length,
      fireSeconds: (last - due.getTime()) / 1000,
      workerCpuS,
    };
  } finally {
    await stop(worker);
  }
}

async function main(): Promise<void> {
  const pg = await startPostgres();
  const temporal = await startDevServer();
  const url = await freshDatabase(pg.adminUrl, 'aso_bench_timers');
  await migrate(url);
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection, namespace: temporal.namespace });
  const db = new PgClient({ connectionString: url });
  await db.connect();
  const env = {
    DATABASE_URL: url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: temporal.namespace,
    LOG_LEVEL: 'info', // the readiness line is logged at info
  };
  const results: RunResult[] = [];
  try {
    for (const [i, pct] of CACHES.entries())
      results.push(await run(client, db, env, pct, 100_000 + i * 100_000));
  } finally {
    await db.end();
    await connection.close();
    await temporal.stop();
    await pg.stop();
  }
  const f = (ms: number) => (ms / 1000).toFixed(2).padStart(7);
  process.stdout.write(
    [
      `Timers at scale: ${N} open complaints (+${WARM_UP} warm-up, not due), each first-response deadline due ${SPREAD_S > 0 ? `at an instant spread uniformly over ${SPREAD_S} s (offered ${(N / SPREAD_S).toFixed(1)} deadlines/s)` : 'at one instant'}, on one worker (Temporal dev server + PostgreSQL)`,
      'cache   opened/s  margin s | lateness p50 / p99 / max s | write lag p99 s | handled  deadlines/s  worker CPU s  CPU ms/deadline | RSS MiB idle / all open / peak  KiB/open case  KiB/cached case',
      ...results.map((r) =>
        [
          String(r.cache).padStart(5),
          (N / r.openSeconds).toFixed(1).padStart(10),
          r.marginS.toFixed(1).padStart(9),
          ' |',
          f(percentile(r.lateness, 50)),
          f(percentile(r.lateness, 99)),
          f(r.lateness.at(-1) ?? NaN),
          '        |',
          f(percentile(r.writeLag, 99)),
          '       |',
          String(r.handled).padStart(7),
          (r.handled / Math.max(r.fireSeconds, 0.001)).toFixed(1).padStart(12),
          r.workerCpuS.toFixed(1).padStart(13),
          ((r.workerCpuS * 1000) / Math.max(r.handled, 1)).toFixed(1).padStart(16),
          ' |',
          `${mib(r.rssIdle)} / ${mib(r.rssOpen)} / ${mib(r.rssPeak)}`.padStart(18),
          ((r.rssOpen - r.rssIdle) / (N + WARM_UP) / 1024).toFixed(0).padStart(14),
          ((r.rssOpen - r.rssIdle) / Math.min(r.cache, N + WARM_UP) / 1024).toFixed(0).padStart(16),
          r.openedBeforeDue ? '' : '  INVALID: not every case was open before the due instant',
          r.handled < N ? `  MISSING: ${N - r.handled} deadlines not observed` : '',
        ].join(' '),
      ),
      '(lateness = the time the workflow stamped on its task.overdue event − the due instant; write lag = that event committed −',
      ' stamped; deadlines/s = handled / (last stamped − due), at one instant the service rate (lateness p99 ≈ N / it); CPU ms/deadline = worker',
      ' CPU over the firing / handled; KiB/open case = (RSS all open − idle) / open cases (N + the warm-up), cached or not; KiB/cached case = the same',
      ' over min(cache, open cases))',
    ].join('\n') + '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
