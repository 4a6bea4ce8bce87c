/**
 * Benchmark (not a test): what the HTTP API costs on top of Temporal, and the inbox on a big
 * table. In one run, on the Temporal dev server + PostgreSQL with the built worker and api
 * processes (spawned from dist/, as in production):
 *
 *  1. "complete a task": p50/p99 of POST /tasks/:id/complete (Bearer token → guard → user
 *     and task row in one statement → access checks → workflow update) against the raw
 *     Temporal update underneath (executeUpdate completeTaskUpdate), on the same kind of task
 *     (CS registration of a fresh complaint), interleaved one HTTP / one raw so both see the
 *     same load: once back to back, once settled (BENCH_SETTLE_MS idle before each call, so
 *     neither shares the cores with the previous update's after-work: the goal's
 *     "uncontended"), each with the ratio and the api's CPU per completion; then its parts: GET /auth/me (the HTTP hop, the guard's JWT check and user row, JSON) and the
 *     user and task rows by raw SQL, one round trip each;
 *  2. GET /inbox (first page, scope all) for a CS staff user with 100,000 tasks of the
 *     organisation in the table (a realistic mix of departments, status, due dates, overdue).
 *
 *   npm run bench:api
 *   BENCH_COMPLETE_N=50 BENCH_INBOX_TASKS=20000 npm run bench:api
 *   BENCH_SETTLED_N=100 BENCH_SETTLE_MS=100: the settled pass (its count, the pause)
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import {
  caseViewQuery,
  COMPLAINT_WORKFLOW_TYPE,
  completeTaskUpdate,
  type CaseActor,
  type ComplaintWorkflowInput,
} from '../../libs/contracts/src';
import { currentBuiltInPolicy } from '../../libs/domain/src';
import { migrate } from '../../libs/persistence/src';
import { freeLoopbackPort } from '../provision/free-port';
import { freshDatabase, startPostgres } from '../provision/postgres';
import { startDevServer } from '../provision/temporal-server';
import { seedDemo } from '../seed-demo';
import { treeCpuMs } from './proc-cpu';
import {
  benchIntake,
  http,
  httpByFetch,
  percentile,
  startApp,
  stop,
  summary,
  timed,
} from './support';

const ORG = 'bench';
const PASSWORD = 'bench-demo-password';
const COMPLETE_N = Number(process.env.BENCH_COMPLETE_N ?? 200);
const INBOX_TASKS = Number(process.env.BENCH_INBOX_TASKS ?? 100_000);
const INBOX_N = Number(process.env.BENCH_INBOX_N ?? 200);
const SETTLED_N = Number(process.env.BENCH_SETTLED_N ?? 100);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 100);

const register = { type: 'RegisterComplaint', cause: 'product_quality', severity: 'general' };
const complaint = {
  customer: { name: 'bench', phone: '13800138000' },
  orderNumber: 'SO-BENCH',
  batchNumber: 'B1',
  shipDate: '2026-11-01',
  defectDescription: 'bench',
  demand: 'fix',
  quantity: 1,
  channel: 'phone',
};

async function poll<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * 100,000 synthetic inbox rows in one INSERT … SELECT generate_series: departments weighted
 * like the complaint route (CS and sales busiest), ~45 % still open or claimed, due dates from
 * 10 days ago to 10 days ahead (overdue when open and past due), some company-wide VP tasks.
 */
async function fillInbox(db: Pool, n: number, userIds: string[]): Promise<void> {
  await db.query(
    `INSERT INTO tasks (task_id, organisation_id, case_number, type, stage, candidate_department,
       candidate_roles, assignee, priority, status, commands, overdue, due_at, due_provisional,
       escalation_level, created_at, completed_at, completed_by, updated_at)
     SELECT 'SYN-' || g || '-T' || (g % 4 + 1),
            $1,
            'KS209901-' || lpad((g / 4)::text, 6, '0'),
            d.type, d.stage, d.dept,
            CASE WHEN d.dept IS NULL THEN ARRAY['vp'] WHEN g % 10 = 0 THEN ARRAY['manager'] ELSE '{}'::text[] END,
            CASE WHEN s.status = 'claimed' THEN ($2::text[])[1 + g % cardinality($2::text[])] END,
            1 + g % 3,
            s.status,
            ARRAY[d.command],
            s.status IN ('open', 'claimed') AND due < now(),
            due,
            false,
            CASE WHEN s.status IN ('open', 'claimed') AND due < now() - interval '1 day' THEN 1 ELSE 0 END,
            due - interval '2 days',
            CASE WHEN s.status = 'completed' THEN due - interval '1 day' END,
            CASE WHEN s.status = 'completed' THEN ($2::text[])[1 + g % cardinality($2::text[])] END,
            now()
       FROM generate_series(1, $3) AS g
       CROSS JOIN LATERAL (SELECT now() + ((g * 7919) % 28800 - 14400) * interval '1 minute' AS due) t
       CROSS JOIN LATERAL (
         SELECT CASE (g * 31) % 20
                  WHEN 0 THEN 'open' WHEN 1 THEN 'open' WHEN 2 THEN 'open' WHEN 3 THEN 'open'
                  WHEN 4 THEN 'open' WHEN 5 THEN 'open' WHEN 6 THEN 'open'
                  WHEN 7 THEN 'claimed' WHEN 8 THEN 'claimed'
                  WHEN 9 THEN 'cancelled' ELSE 'completed' END AS status) s
       CROSS JOIN LATERAL (
         SELECT * FROM (VALUES
           (0, 'cs', 'cs_registration', 'registration', 'RegisterComplaint'),
           (1, 'cs', 'resolution_proposal', 'proposal', 'ProposeResolution'),
           (2, 'cs', 'close', 'close', 'CloseComplaint'),
           (3, 'sales', 'first_response', 'firstResponse', 'RecordFirstResponse'),
           (4, 'sales', 'customer_response', 'customerResponse', 'RecordCustomerResponse'),
           (5, 'rnd', 'rnd_investigation', 'investigationReport', 'SubmitInvestigationReport'),
           (6, 'finance', 'reconciliation', 'reconciliation', 'Reconcile'),
           (7, 'warehouse', 'goods_receipt', 'goodsReceipt', 'ReceiveGoods'),
           (8, 'tech', 'repair_dispatch', 'dispatch', 'DispatchTechnician'),
           (9, NULL, 'report_approval', 'reportReview', 'ApproveInvestigationReport')
         ) AS v(k, dept, type, stage, command)
         WHERE v.k = (g * 13) % 10) d`,
    [ORG, userIds, n],
  );
  await db.query('ANALYZE tasks');
}

/** p50 and p99 of the HTTP completions over the raw updates' (the goal's ratio). */
function ratio(run: { httpMs: number[]; rawMs: number[] }): string {
  const at = (xs: number[], p: number) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      p,
    );
  const r = (p: number) => (at(run.httpMs, p) / at(run.rawMs, p)).toFixed(2);
  return `${r(50)}x   ${r(99)}x`;
}

async function main(): Promise<void> {
  const pg = await startPostgres();
  const temporal = await startDevServer();
  const children: ChildProcess[] = [];
  let connection: Connection | undefined;
  const url = await freshDatabase(pg.adminUrl, 'aso_bench_api');
  // A pool: the bench polls the read model for several cases at once.
  const db = new Pool({ connectionString: url, max: 4 });
  try {
    await migrate(url);
    await seedDemo(url, { organisationId: ORG, password: PASSWORD });
    const taskQueue = 'bench-api';
    const env = {
      DATABASE_URL: url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'info', // the worker's readiness line; the api's request logs are real work too
    };
    const port = await freeLoopbackPort();
    const [worker, api] = await Promise.all([
      startApp('worker', env, /worker polling/),
      startApp('api', { ...env, PORT: String(port), HOST: '127.0.0.1' }, /API listening/),
    ]);
    children.push(worker, api);
    const base = `http://127.0.0.1:${port}`;
    const token = async (username: string) =>
      (
        await http(base, 'POST', '/auth/login', undefined, {
          organisation: ORG,
          username,
          password: PASSWORD,
        })
      ).body.accessToken as string;
    const [sales, cs] = [await token('sales-01'), await token('cs-01')];
    const csUser = (
      await db.query(`SELECT id FROM users WHERE organisation_id = $1 AND username = 'cs-01'`, [
        ORG,
      ])
    ).rows[0] as { id: string };
    connection = await Connection.connect({ address: temporal.address });
    const client = new Client({ connection, namespace: temporal.namespace });
    const csActor: CaseActor = { userId: csUser.id, department: 'cs', roles: ['staff'] };
    const salesActor: CaseActor = { userId: 'bench-sales', department: 'sales', roles: ['staff'] };

    // --- 1. complete a task: HTTP vs the raw update --------------------------------------
    const openHttpTasks = async (n: number): Promise<string[]> => {
      const tasks: string[] = [];
      for (let i = 0; i < n; i += 10) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(10, n - i) }, async () => {
            const res = await http(base, 'POST', '/complaints', sales, complaint);
            if (res.status !== 201)
              throw new Error(`open: ${res.status} ${JSON.stringify(res.body)}`);
            const caseNumber = res.body.caseNumber as string;
            return poll(async () => {
              const r = await db.query(
                `SELECT task_id FROM tasks WHERE case_number = $1 AND type = 'cs_registration' AND status = 'open'`,
                [caseNumber],
              );
              return (r.rows[0] as { task_id: string } | undefined)?.task_id;
            }, `${caseNumber}'s registration task`);
          }),
        );
        tasks.push(...batch);
      }
      return tasks;
    };
    let rawSequence = 100001;
    const openRawTasks = async (
      n: number,
    ): Promise<Array<{ handle: WorkflowHandle; taskId: string }>> => {
      const tasks: Array<{ handle: WorkflowHandle; taskId: string }> = [];
      for (let i = 0; i < n; i += 10) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(10, n - i) }, async () => {
            const caseNumber = `KS209912-${String(rawSequence++)}`;
            const input: ComplaintWorkflowInput = {
              organisationId: ORG,
              storeId: null,
              caseNumber,
              reportedAt: new Date().toISOString(),
              reportedBy: salesActor,
              customer: { name: 'bench', phone: null },
              intake: benchIntake('SO-BENCH'),
              policy: currentBuiltInPolicy,
            };
            const handle = await client.workflow.start(COMPLAINT_WORKFLOW_TYPE, {
              workflowId: caseNumber,
              taskQueue,
              args: [input],
            });
            const taskId = await poll(async () => {
              const view = await handle.query(caseViewQuery);
              return view.tasks.find(
                (t) => t.status === 'open' && t.commands.includes('RegisterComplaint'),
              )?.taskId;
            }, `${caseNumber}'s registration task`);
            return { handle, taskId };
          }),
        );
        tasks.push(...batch);
      }
      return tasks;
    };
    /**
     * One HTTP completion, one raw update, in turn. `settleMs` > 0 waits that long before each
     * call: the previous update's after-work (its workflow task's completion, the server's
     * persistence and timers, the worker's next poll) has drained, so each call is uncontended.
     * Back to back (0), each call shares the 2 cores with the previous one's after-work.
     * The api's CPU over the loop is all the HTTP completions' (the raw updates never reach it).
     */
    const completions = async (n: number, settleMs: number) => {
      process.stderr.write(`[bench] opening ${n} complaints over HTTP and ${n} directly\n`);
      const openCpuBefore = treeCpuMs(api.pid!);
      const httpTasks = await openHttpTasks(n);
      const apiCpuPerOpen = (treeCpuMs(api.pid!) - openCpuBefore) / n;
      const rawTasks = await openRawTasks(n);
      const httpMs: number[] = [];
      const rawMs: number[] = [];
      const settle = () => new Promise((r) => setTimeout(r, settleMs));
      const apiCpuBefore = treeCpuMs(api.pid!);
      for (let i = 0; i < n; i++) {
        if (settleMs > 0) await settle();
        let t = performance.now();
        const res = await http(base, 'POST', `/tasks/${httpTasks[i]}/complete`, cs, {
          command: register,
        });
        httpMs.push(performance.now() - t);
        if (res.status !== 200)
          throw new Error(`complete: ${res.status} ${JSON.stringify(res.body)}`);
        const raw = rawTasks[i]!;
        if (settleMs > 0) await settle();
        t = performance.now();
        await raw.handle.executeUpdate(completeTaskUpdate, {
          args: [
            {
              taskId: raw.taskId,
              actor: csActor,
              command: register,
              requestedAt: new Date().toISOString(), // as the API's gateway stamps it
            },
          ],
        });
        rawMs.push(performance.now() - t);
      }
      return {
        httpMs,
        rawMs,
        apiCpuMs: (treeCpuMs(api.pid!) - apiCpuBefore) / n,
        apiCpuPerOpen,
        httpTasks,
      };
    };
    const backToBack = await completions(COMPLETE_N, 0);
    const settled = await completions(SETTLED_N, SETTLE_MS);
    const httpTasks = backToBack.httpTasks;

    // --- 1b. where HTTP's extra time goes: the hop, the guard's user row, one SQL round trip --
    // Each measured sequentially like the completions, after 20 warm-up calls.
    const authedMs = await timed(COMPLETE_N, 20, async () => {
      const res = await http(base, 'GET', '/auth/me', cs);
      if (res.status !== 200) throw new Error(`me: ${res.status}`);
    });
    // the same by undici's fetch: what a heavier client adds (the rows above use node:http)
    const fetchMs = await timed(COMPLETE_N, 20, async () => {
      const res = await httpByFetch(base, 'GET', '/auth/me', cs);
      if (res.status !== 200) throw new Error(`me: ${res.status}`);
    });
    const userRowMs = await timed(COMPLETE_N, 20, () =>
      db.query(`SELECT * FROM users WHERE organisation_id = $1 AND id = $2`, [ORG, csUser.id]),
    );
    const taskRowMs = await timed(COMPLETE_N, 20, () =>
      db.query(`SELECT * FROM tasks WHERE organisation_id = $1 AND task_id = $2`, [
        ORG,
        httpTasks[0],
      ]),
    );

    // --- 2. the inbox with 100,000 tasks ------------------------------------------------
    process.stderr.write(`[bench] inserting ${INBOX_TASKS} synthetic tasks\n`);
    const users = (
      await db.query(`SELECT id FROM users WHERE organisation_id = $1`, [ORG])
    ).rows.map((r: { id: string }) => r.id);
    const filled = performance.now();
    await fillInbox(db, INBOX_TASKS, users);
    const fillSeconds = (performance.now() - filled) / 1000;
    const mix = (
      await db.query(
        `SELECT count(*)::int AS total,
                count(*) FILTER (WHERE status IN ('open','claimed'))::int AS open,
                count(*) FILTER (WHERE overdue)::int AS overdue,
                count(*) FILTER (WHERE candidate_department = 'cs' AND status IN ('open','claimed'))::int AS cs_open
           FROM tasks WHERE organisation_id = $1`,
        [ORG],
      )
    ).rows[0] as { total: number; open: number; overdue: number; cs_open: number };
    const inboxMs: number[] = [];
    let firstPage = { items: 0, total: 0 };
    for (let i = 0; i < 20 + INBOX_N; i++) {
      const t = performance.now();
      const res = await http(base, 'GET', '/inbox', cs);
      const ms = performance.now() - t;
      if (res.status !== 200) throw new Error(`inbox: ${res.status}`);
      if (i >= 20) inboxMs.push(ms); // the first 20 warm caches and the connection pool
      firstPage = { items: (res.body.items as unknown[]).length, total: res.body.total as number };
    }

    process.stdout.write(
      [
        `API latency (Temporal dev server + PostgreSQL, built api + worker processes, sequential requests)`,
        `                                              n      p50 ms   p99 ms  mean ms`,
        `complete a task  POST /tasks/:id/complete  ${String(COMPLETE_N).padStart(5)} ${summary(backToBack.httpMs)}`,
        `  back to back    raw executeUpdate         ${String(COMPLETE_N).padStart(5)} ${summary(backToBack.rawMs)}`,
        `                  HTTP / raw                       ${ratio(backToBack)}   (api CPU ${backToBack.apiCpuMs.toFixed(1)} ms per completion)`,
        `complete a task  POST /tasks/:id/complete  ${String(SETTLED_N).padStart(5)} ${summary(settled.httpMs)}`,
        `  settled ${String(SETTLE_MS).padStart(3)} ms  raw executeUpdate         ${String(SETTLED_N).padStart(5)} ${summary(settled.rawMs)}`,
        `                  HTTP / raw                       ${ratio(settled)}   (api CPU ${settled.apiCpuMs.toFixed(1)} ms per completion)`,
        `open a complaint POST /complaints: api CPU ${backToBack.apiCpuPerOpen.toFixed(1)} ms per opening (its wait for the row included)`,
        `inbox            GET /inbox (cs-01, p.1)   ${String(INBOX_N).padStart(5)} ${summary(inboxMs)}`,
        `HTTP's parts     GET /auth/me (hop+guard)  ${String(COMPLETE_N).padStart(5)} ${summary(authedMs)}`,
        `                 GET /auth/me by fetch     ${String(COMPLETE_N).padStart(5)} ${summary(fetchMs)}`,
        `                 raw SQL: the user row     ${String(COMPLETE_N).padStart(5)} ${summary(userRowMs)}`,
        `                 raw SQL: the task row     ${String(COMPLETE_N).padStart(5)} ${summary(taskRowMs)}`,
        `(inbox table: ${mix.total} tasks of the organisation, ${mix.open} open/claimed, ${mix.overdue} overdue, ` +
          `${mix.cs_open} open for CS; first page ${firstPage.items} of ${firstPage.total}; inserted in ${fillSeconds.toFixed(1)} s)`,
        `(HTTP adds: JWT check + user row, task row, access checks, JSON; both wait for the same workflow update;\n the HTTP rows are sent by node:http on a keep-alive connection, except the fetch row)`,
      ].join('\n') + '\n',
    );
  } finally {
    await Promise.all(children.map(stop));
    await connection?.close();
    await db.end().catch(() => undefined);
    await temporal.stop();
    await pg.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
