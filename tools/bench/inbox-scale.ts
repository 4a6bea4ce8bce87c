/**
 * Benchmark (not a test): the inbox, the case list and case search at a million tasks
 * (issue 14 #3). Seeds BENCH_SCALE_TASKS tasks (default 1,000,000) over five organisations
 * (the benchmarked one holds 60 %), about 45 % still open or claimed, one case per four tasks
 * with customers, phones and order numbers; then prints, per query, p50/p99/mean
 *   - at the database through the repository the API uses (TypeORM, the real SQL),
 *   - the same SQL sent raw with `pg`,
 *   - over HTTP against the built API (JWT, user row, access checks, JSON),
 * and EXPLAIN (ANALYZE, BUFFERS) of each statement.
 *
 *   npm run bench:inbox
 *   BENCH_SCALE_TASKS=200000 npm run bench:inbox
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import {
  CasesRepository,
  createDataSource,
  inboxCountSql,
  inboxPageSql,
  INBOX_COUNT_CAP,
  migrate,
  TasksRepository,
  VISIBLE_TO_STAFF,
  CaseEntity,
  type InboxQuery,
} from '../../libs/persistence/src';
import { freeLoopbackPort } from '../provision/free-port';
import { freshDatabase, startPostgres } from '../provision/postgres';
import { startDevServer } from '../provision/temporal-server';
import { seedDemo } from '../seed-demo';
import { http, startApp, stop, summary, timed } from './support';

const ORG = 'bench';
const PASSWORD = 'bench-demo-password';
const TASKS = Number(process.env.BENCH_SCALE_TASKS ?? 1_000_000);
const N = Number(process.env.BENCH_SCALE_N ?? 300);
const WARM = 30;

/**
 * The cases (one per four tasks) and their tasks, in two INSERT … SELECT generate_series.
 * Organisation by g % 10 (0–5 the benchmarked one), department weighted like the complaint
 * route, due dates from 10 days ago to 10 days ahead, claimed tasks spread over the users.
 */
async function seed(db: PgClient, n: number, userIds: string[]): Promise<void> {
  const orgOf = `CASE WHEN g % 10 < 6 THEN '${ORG}' ELSE 'scale-org-' || (g % 10 - 5) END`;
  await db.query(
    `INSERT INTO cases (case_number, organisation_id, store_id, type, status, stage, customer_name,
       customer_phone, order_number, defect_description, quantity, overdue, overdue_stages,
       policy_version, child_case_numbers, opened_by, opened_at, closed_at, version, updated_at)
     SELECT 'KS2099' || lpad((1 + g % 12)::text, 2, '0') || '-' || lpad(g::text, 6, '0'),
            ${orgOf}, NULL, (ARRAY['complaint','complaint','complaint','return','repair','follow_up'])[1 + g % 6],
            CASE WHEN g % 3 = 0 THEN 'closed' ELSE 'open' END, 'registration',
            (ARRAY['张','王','李','赵','陈','刘','杨','黄'])[1 + g % 8] || (ARRAY['先生','女士','总','经理'])[1 + (g / 8) % 4] || (g % 997),
            '13' || lpad(((g::bigint * 7919) % 1000000000)::text, 9, '0'),
            'SO-' || lpad(((g::bigint * 104729) % 10000000)::text, 7, '0'),
            'scale', 1, g % 7 = 0, '{}', 2, '{}', '${userIds[0]}',
            now() - ((g::bigint * 7919) % 1051200) * interval '1 minute',
            CASE WHEN g % 3 = 0 THEN now() - ((g::bigint * 7919) % 1000) * interval '1 minute' END, 1, now()
       FROM generate_series(1, $1::int) AS g`,
    [n / 4],
  );
  await db.query(
    `INSERT INTO tasks (task_id, organisation_id, case_number, type, stage, candidate_department,
       candidate_roles, assignee, priority, status, commands, overdue, due_at, due_provisional,
       escalation_level, created_at, completed_at, completed_by, updated_at)
     SELECT c.case_number || '-T' || (1 + g % 4), c.organisation_id, c.case_number,
            d.type, d.stage, d.dept,
            CASE WHEN d.dept IS NULL THEN ARRAY['vp'] WHEN g % 7 = 0 THEN ARRAY['manager'] ELSE '{}'::text[] END,
            CASE WHEN s.status = 'claimed' THEN ($1::text[])[1 + g % cardinality($1::text[])] END,
            1 + g % 3, s.status, ARRAY[d.command],
            s.status IN ('open', 'claimed') AND due < now(), due, false,
            CASE WHEN s.status IN ('open', 'claimed') AND due < now() - interval '1 day' THEN 1 ELSE 0 END,
            due - interval '2 days',
            CASE WHEN s.status = 'completed' THEN due - interval '1 day' END,
            CASE WHEN s.status = 'completed' THEN ($1::text[])[1 + g % cardinality($1::text[])] END,
            now()
       FROM generate_series(0, $2::int - 1) AS g
       CROSS JOIN LATERAL (SELECT 'KS2099' || lpad((1 + (1 + g / 4) % 12)::text, 2, '0') || '-' || lpad((1 + g / 4)::text, 6, '0') AS case_number,
                                  CASE WHEN (1 + g / 4) % 10 < 6 THEN '${ORG}' ELSE 'scale-org-' || ((1 + g / 4) % 10 - 5) END AS organisation_id) c
       CROSS JOIN LATERAL (SELECT now() + ((g::bigint * 7919) % 28800 - 14400) * interval '1 minute' AS due) t
       CROSS JOIN LATERAL (
         SELECT CASE (g::bigint * 31) % 20
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
         WHERE v.k = (g::bigint * 13) % 10) d
     ON CONFLICT (task_id) DO NOTHING`,
    [userIds, n],
  );
  await db.query('VACUUM ANALYZE tasks');
  await db.query('VACUUM ANALYZE cases');
  // The seed dirtied ~1 GB of buffers: flush them now, or the checkpointer writes them while
  // the queries are being timed (a steady-state table has no such backlog).
  await db.query('CHECKPOINT');
}

/** The case list's customer search page as the repository sends it, with or without the grams. */
const customerSearchSql = (q: string, grams: boolean): { text: string; values: unknown[] } => ({
  text: `SELECT case_number FROM cases c WHERE c.organisation_id = $1
           ${grams ? 'AND c.customer_name_grams @> case_search_query_grams($3)' : ''}
           AND c.customer_name ILIKE $2 ESCAPE '\\'
         ORDER BY c.opened_at DESC, c.case_number DESC LIMIT 50`,
  values: [ORG, `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`, ...(grams ? [q] : [])],
});

/**
 * The case list of a user who does not see every case (CS staff: the cases they opened or
 * their department has a task on), page and capped count, as the repository sends them.
 */
const staffListSql = (
  userId: string,
  department: string,
): { page: { text: string; values: unknown[] }; count: { text: string; values: unknown[] } } => {
  const where = `c.organisation_id = $1 AND ${VISIBLE_TO_STAFF.replace(':uid', '$2').replace(':dept', '$3')}`;
  const values = [ORG, userId, department];
  return {
    page: {
      text: `SELECT c.case_number FROM cases c WHERE ${where}
              ORDER BY c.opened_at DESC, c.case_number DESC LIMIT 50`,
      values,
    },
    count: {
      text: `SELECT count(*)::int AS n FROM (SELECT 1 FROM cases c WHERE ${where} LIMIT 1001) q`,
      values,
    },
  };
};

const explain = async (db: PgClient, text: string, values: unknown[]): Promise<string> =>
  (
    (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values)).rows as Array<{
      'QUERY PLAN': string;
    }>
  )
    .map((r) => `    ${r['QUERY PLAN']}`)
    .join('\n');

async function main(): Promise<void> {
  const pg = await startPostgres();
  const temporal = await startDevServer();
  const children: ChildProcess[] = [];
  const url = await freshDatabase(pg.adminUrl, 'aso_bench_scale');
  const db = new PgClient({ connectionString: url });
  await db.connect();
  const ds = await createDataSource(url, { poolSize: 4 }).initialize();
  try {
    await migrate(url);
    await seedDemo(url, { organisationId: ORG, password: PASSWORD });
    const users = (
      await db.query(`SELECT id, username FROM users WHERE organisation_id = $1`, [ORG])
    ).rows as Array<{ id: string; username: string }>;
    const cs = users.find((u) => u.username === 'cs-01')!;
    process.stderr.write(`[bench] seeding ${TASKS} tasks and ${TASKS / 4} cases\n`);
    const seeded = performance.now();
    await seed(
      db,
      TASKS,
      users.map((u) => u.id),
    );
    const seedSeconds = (performance.now() - seeded) / 1000;
    const mix = (
      await db.query(
        `SELECT count(*)::int AS total,
                count(*) FILTER (WHERE status IN ('open','claimed'))::int AS open,
                count(*) FILTER (WHERE organisation_id = $1)::int AS org,
                count(*) FILTER (WHERE organisation_id = $1 AND candidate_department = 'cs' AND status IN ('open','claimed'))::int AS cs_open
           FROM tasks`,
        [ORG],
      )
    ).rows[0] as { total: number; open: number; org: number; cs_open: number };
    const caseCount = (await db.query(`SELECT count(*)::int AS n FROM cases`)).rows[0] as {
      n: number;
    };

    const env = {
      DATABASE_URL: url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      TEMPORAL_TASK_QUEUE: 'bench-scale',
      AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
    };
    const port = await freeLoopbackPort();
    children.push(
      await startApp('api', { ...env, PORT: String(port), HOST: '127.0.0.1' }, /API listening/),
    );
    const base = `http://127.0.0.1:${port}`;
    const login = async (username: string) =>
      (
        await http(base, 'POST', '/auth/login', undefined, {
          organisation: ORG,
          username,
          password: PASSWORD,
        })
      ).body.accessToken as string;
    const [csToken, auditorToken] = [await login('cs-01'), await login('auditor-01')];

    // --- the inbox: cs-01, scope all, first page and a keyset page ----------------------
    const tasks = new TasksRepository(ds);
    const inboxQ: InboxQuery = {
      organisationId: ORG,
      department: 'cs',
      roles: ['staff'],
      userId: cs.id,
      scope: 'all',
      limit: 50,
      offset: 0,
    };
    const caseColumns = ds.getMetadata(CaseEntity).columns.map((c) => c.databaseName);
    const page1 = await tasks.inbox(inboxQ);
    const page2Q: InboxQuery = {
      ...inboxQ,
      after: {
        overdue: page1.items.at(-1)!.overdue,
        dueAt: page1.items.at(-1)!.dueAt?.toISOString() ?? null,
        taskId: page1.items.at(-1)!.taskId,
      },
    };
    const rawInbox = (q: InboxQuery) => {
      const page = inboxPageSql(q, caseColumns);
      const count = inboxCountSql(q, INBOX_COUNT_CAP);
      return { page, count };
    };
    const rawClient2 = new PgClient({ connectionString: url });
    await rawClient2.connect();
    const raw = async (q: InboxQuery) => {
      const { page, count } = rawInbox(q);
      await Promise.all([
        db.query(page.text, page.values),
        rawClient2.query(count.text, count.values),
      ]);
    };
    const rows: Array<[string, number[]]> = [];
    rows.push([
      'inbox p.1   repository (TypeORM)',
      await timed(N, WARM, () => tasks.inbox(inboxQ)),
    ]);
    rows.push(['inbox p.1   raw SQL (pg)', await timed(N, WARM, () => raw(inboxQ))]);
    // the floor under every row: one round trip that does no work in PostgreSQL
    rows.push(['round trip  raw SELECT 1 (pg)', await timed(N, WARM, () => db.query('SELECT 1'))]);
    rows.push([
      'inbox p.1   GET /inbox',
      await timed(N, WARM, () => http(base, 'GET', '/inbox', csToken)),
    ]);
    rows.push(['inbox p.2   repository (keyset)', await timed(N, WARM, () => tasks.inbox(page2Q))]);
    rows.push([
      'inbox p.2   GET /inbox?after=',
      await timed(N, WARM, () =>
        http(base, 'GET', `/inbox?after=${encodeURIComponent(page1.nextCursor!)}`, csToken),
      ),
    ]);

    // --- the case list and case search (an auditor sees every case) --------------------
    const cases = new CasesRepository(ds);
    const listQ = { organisationId: ORG, visibleTo: 'all' as const, limit: 50, offset: 0 };
    rows.push(['case list   repository', await timed(N, WARM, () => cases.list(listQ))]);
    rows.push([
      'case list   GET /cases (auditor)',
      await timed(N, WARM, () => http(base, 'GET', '/cases', auditorToken)),
    ]);
    const staffQ = {
      ...listQ,
      visibleTo: { userId: cs.id, department: 'cs' },
    };
    rows.push(['case list   repository (cs-01)', await timed(N, WARM, () => cases.list(staffQ))]);
    rows.push([
      'case list   GET /cases (cs-01)',
      await timed(N, WARM, () => http(base, 'GET', '/cases', csToken)),
    ]);
    const searchQ = { ...listQ, customer: '王先生1' };
    rows.push(['search      repository customer', await timed(N, WARM, () => cases.list(searchQ))]);
    // The page statement by hand, before (ILIKE alone: every case of the organisation read) and
    // after the name grams (migration 1763803500000), for a 4-character and a 1-character name.
    for (const [label, q] of [
      ['王先生1', '王先生1'],
      ['王 (1 char)', '王'],
    ] as const) {
      const before = customerSearchSql(q, false);
      const after = customerSearchSql(q, true);
      rows.push([
        `search      raw ILIKE alone ${label}`,
        await timed(N, WARM, () => db.query(before.text, before.values)),
      ]);
      rows.push([
        `search      raw grams+ILIKE ${label}`,
        await timed(N, WARM, () => db.query(after.text, after.values)),
      ]);
    }
    rows.push([
      'search      repository customer 王',
      await timed(N, WARM, () => cases.list({ ...listQ, customer: '王' })),
    ]);
    rows.push([
      'search      GET /cases?customer=',
      await timed(N, WARM, () =>
        http(base, 'GET', `/cases?customer=${encodeURIComponent('王先生1')}`, auditorToken),
      ),
    ]);
    rows.push([
      'search      GET /cases?caseNumber=',
      await timed(N, WARM, () =>
        http(base, 'GET', `/cases?caseNumber=KS209905-0012`, auditorToken),
      ),
    ]);

    const { page, count } = rawInbox(inboxQ);
    const p2 = rawInbox(page2Q).page;
    const staffList = staffListSql(cs.id, 'cs');
    process.stdout.write(
      [
        `Inbox, case list and search at scale (PostgreSQL 15, sequential requests, ${N} each after ${WARM} warm-up)`,
        `(${mix.total} tasks in ${5} organisations, ${mix.open} open/claimed; ${mix.org} in '${ORG}', ${mix.cs_open} open for CS;` +
          ` ${caseCount.n} cases; seeded in ${seedSeconds.toFixed(1)} s; first page ${page1.items.length} of ${page1.total}${page1.totalCapped ? '+' : ''})`,
        `                                           p50 ms   p99 ms  mean ms`,
        ...rows.map(([name, ms]) => `${name.padEnd(40)} ${summary(ms)}`),
        '',
        'EXPLAIN (ANALYZE, BUFFERS) — inbox page 1:',
        await explain(db, page.text, page.values),
        'EXPLAIN (ANALYZE, BUFFERS) — inbox count (capped):',
        await explain(db, count.text, count.values),
        'EXPLAIN (ANALYZE, BUFFERS) — inbox page 2 (keyset):',
        await explain(db, p2.text, p2.values),
        'EXPLAIN (ANALYZE, BUFFERS) — case list of cs-01 (opened by them or a CS task on it), page:',
        await explain(db, staffList.page.text, staffList.page.values),
        'EXPLAIN (ANALYZE, BUFFERS) — case list of cs-01, count (capped):',
        await explain(db, staffList.count.text, staffList.count.values),
        'EXPLAIN (ANALYZE, BUFFERS) — customer search 王先生1, ILIKE alone (before):',
        await explain(
          db,
          customerSearchSql('王先生1', false).text,
          customerSearchSql('王先生1', false).values,
        ),
        'EXPLAIN (ANALYZE, BUFFERS) — customer search 王先生1, grams + ILIKE:',
        await explain(
          db,
          customerSearchSql('王先生1', true).text,
          customerSearchSql('王先生1', true).values,
        ),
        'EXPLAIN (ANALYZE, BUFFERS) — customer search 王 (1 char), grams + ILIKE:',
        await explain(db, customerSearchSql('王', true).text, customerSearchSql('王', true).values),
      ].join('\n') + '\n',
    );
    await rawClient2.end();
  } finally {
    await Promise.all(children.map(stop));
    await ds.destroy().catch(() => undefined);
    await db.end().catch(() => undefined);
    await temporal.stop();
    await pg.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
