import { Client } from 'pg';
import { seedDemo } from '../tools/seed-demo';
import { call, E2E_PASSWORD, login, type Session } from './support/http';
import { assignOwner, close, proposal, register, report } from './support/complaint-commands';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';
import { taskClient, type InboxTask } from './support/tasks';

/**
 * KPIs and Prometheus metrics over HTTP: api + worker processes + Temporal dev server +
 * PostgreSQL, all real. Cases are driven to known states through the inbox, in an organisation
 * of this suite alone (other suites open cases in theirs at the same time), so every KPI is
 * asserted exactly.
 */
const TASK_QUEUE = `e2e-reports-${process.pid}`;
const ORG = `e2e-kpi-${process.pid}`;
let api: AppProcess & { url: string };
let worker: AppProcess;
let db: Client;

const USERS = {
  sales: 'sales-01',
  salesSup: 'sales-sup-01',
  salesVp: 'svp-01',
  cs: 'cs-01',
  csManager: 'cs-mgr-01',
  rnd: 'rnd-01',
  rndManager: 'rnd-mgr-01',
  finance: 'fin-01',
  warehouse: 'wh-01',
  vp: 'vp-01',
  gm: 'gm-01',
  auditor: 'auditor-01',
  admin: 'admin-01',
} as const;
type Who = keyof typeof USERS;
let as: Record<Who, Session>;

beforeAll(async () => {
  db = new Client({ connectionString: process.env.ASO_E2E_DATABASE_URL });
  await db.connect();
  await seedDemo(process.env.ASO_E2E_DATABASE_URL as string, {
    organisationId: ORG,
    password: E2E_PASSWORD,
  });
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  const names = Object.keys(USERS) as Who[];
  const sessions = await Promise.all(names.map((n) => login(api.url, USERS[n], ORG)));
  as = Object.fromEntries(names.map((n, i) => [n, sessions[i]])) as Record<Who, Session>;
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await db?.end();
});

const complaint = {
  customer: { name: '王五', phone: '13700137000' },
  orderNumber: 'SO-KPI-01',
  batchNumber: 'B2611-09',
  shipDate: '2026-11-10',
  defectDescription: '录音笔无法开机',
  demand: '退货',
  quantity: 3,
  channel: 'phone',
};

const { taskFor, complete } = taskClient(() => api.url);

async function openCase(s: Session = as.sales): Promise<string> {
  const res = await call(api.url, 'POST', '/complaints', s, complaint);
  expect(res.status).toBe(201);
  return res.body.caseNumber as string;
}

/** Registration → approved resolution → the customer accepts (DOMAIN.md §1 steps 2–7). */
async function toExecution(caseNumber: string, method: string, extra = {}): Promise<void> {
  await complete(as.csManager, caseNumber, assignOwner(as.cs.user.id)); // C11 (policy v2)
  await complete(as.cs, caseNumber, register);
  await complete(as.rnd, caseNumber, report);
  await complete(as.vp, caseNumber, { type: 'ApproveInvestigationReport', remarks: '同意' });
  await complete(as.cs, caseNumber, proposal(method, extra));
  await complete(as.csManager, caseNumber, { type: 'ApproveResolution' });
  await complete(as.sales, caseNumber, {
    type: 'RecordCustomerResponse',
    accepted: true,
    via: 'phone',
  });
}

const caseRow = async (caseNumber: string) =>
  (await db.query('SELECT * FROM cases WHERE case_number = $1', [caseNumber])).rows[0];

/** Today ± 1 day in Asia/Shanghai, so a run across midnight still covers every case. */
const shanghaiDay = (offsetDays: number) =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const period = `from=${shanghaiDay(-1)}&to=${shanghaiDay(1)}`;

describe('GET /reports/kpis', () => {
  let closed: string;
  let returned: string;
  let fresh: string;
  let child: string;

  beforeAll(async () => {
    // A: discount, executed and closed (on time: well inside the 6-day clock).
    closed = await openCase();
    await toExecution(closed, 'discount');
    await complete(as.sales, closed, {
      type: 'IssueDiscountCertificate',
      certificateNumber: `ZK-${closed}`,
      amountFen: 90_000,
    });
    await complete(as.salesVp, closed, { type: 'SignDiscountCertificate' });
    await complete(as.sales, closed, { type: 'RecordCertificateCustomerSignature' });
    await complete(as.finance, closed, { type: 'BookDiscountCertificate' });
    await complete(as.sales, closed, {
      type: 'RecordFirstResponse',
      channel: 'phone',
      summary: '已致电客户',
    });
    await complete(as.cs, closed, close);
    await eventually(async () => ((await caseRow(closed))?.status === 'closed' ? true : undefined));

    // B: return of 3 approved; the warehouse receives 2; finance's reconciliation mismatches.
    returned = await openCase();
    await toExecution(returned, 'return', { approvedReturnQuantity: 3 });
    child = await eventually(async () => (await caseRow(returned))?.child_case_numbers?.[0]);
    expect(child).toMatch(/^TH\d{6}-\d{4,}$/);
    await complete(as.sales, child, {
      type: 'FillReturnSlip',
      reason: '3 台退货',
      method: 'refund',
      basis: `${returned} 处理决定`,
    });
    await complete(as.salesVp, child, { type: 'ApproveReturnSlip' });
    await complete(as.warehouse, child, {
      type: 'ReceiveGoods',
      quantity: 2,
      complete: true,
      undamaged: true,
    });
    await complete(as.finance, child, { type: 'Reconcile', voucherNumber: 'PZ-KPI-1' });
    await taskFor(as.sales, child, 'ResolveMismatch');

    // C: just opened: registration and first response pending.
    fresh = await openCase();
    await taskFor(as.cs, fresh, 'RegisterComplaint');
  });

  test('X08 X09 003 §五.1: exact figures of cases driven to known states, each with numerator and denominator, scoped to the organisation', async () => {
    // Cases of another organisation in the same days never count.
    const elsewhere = await login(api.url, 'sales-01');
    await openCase(elsewhere);

    const res = await call(api.url, 'GET', `/reports/kpis?${period}`, as.gm);
    expect(res.status).toBe(200);
    const firstResponse = (
      await db.query(
        `SELECT extract(epoch FROM completed_at - created_at) / 3600 AS hours FROM tasks
          WHERE case_number = $1 AND type = 'first_response'`,
        [closed],
      )
    ).rows[0];
    expect(res.body).toMatchObject({
      organisation: ORG,
      period: { from: shanghaiDay(-1), to: shanghaiDay(1), timeZone: 'Asia/Shanghai' },
      // closed / opened in the period: A of A, B, C
      complaintResolution: { numerator: 1, denominator: 3, rate: 1 / 3 },
      // closed on time / closed in the period: A
      onTimeClosing: { numerator: 1, denominator: 1, rate: 1 },
      // nothing is past a deadline minutes after opening (the integration test covers overdue)
      overdue: {
        byDepartment: [],
        openOverdueTasks: 0,
        casesWithOverdueStages: { numerator: 0, denominator: 3, rate: 0 },
      },
      // A responded; B and C still owe the customer a first response
      firstResponse: { responded: 1, pending: 2 },
      // return cases with a quantity-mismatch event / return cases: B's child
      returnReconciliationMismatch: { numerator: 1, denominator: 1, rate: 1, mismatchEvents: 1 },
    });
    expect(res.body.firstResponse.meanHours).toBeCloseTo(Number(firstResponse.hours), 6);
    expect(res.body.firstResponse.meanHours).toBeGreaterThan(0);
    expect(res.body.firstResponse.totalHours).toBeCloseTo(Number(firstResponse.hours), 6);
    expect((await caseRow(returned)).status).toBe('executing');
    expect((await caseRow(fresh)).status).toBe('awaiting_registration');

    // A period before the cases: denominators 0, rates null (no data is not 0 %).
    const before = await call(api.url, 'GET', '/reports/kpis?from=2020-01-01&to=2020-12-31', as.gm);
    expect(before.body.complaintResolution).toEqual({ numerator: 0, denominator: 0, rate: null });
  });

  test('C32 002 客户服务制度 一.3 + X10 000 §六.1 + X12 003 §五.1: the indicator catalogue with its targets and monthly trend — resolved within 24 h, first response within 24 h, complaint count and rate over the recorded sales volume', async () => {
    const thisMonth = shanghaiDay(0).slice(0, 7);
    // X10: sales records the month's volume (a second entry replaces the first); admins may too
    const first = await call(api.url, 'PUT', `/reports/sales-volumes/${thisMonth}`, as.sales, {
      units: 100,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ month: thisMonth, units: 100, created: true });
    const again = await call(api.url, 'PUT', `/reports/sales-volumes/${thisMonth}`, as.admin, {
      units: 200,
      orders: 40,
    });
    expect(again.body).toMatchObject({ units: 200, orders: 40, created: false });
    const refused = await call(api.url, 'PUT', `/reports/sales-volumes/${thisMonth}`, as.cs, {
      units: 1,
    });
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 403,
      code: 'WRONG_DEPARTMENT',
    });
    const bad = await call(api.url, 'PUT', `/reports/sales-volumes/${thisMonth}`, as.sales, {
      units: -1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.issues.map((i: { path: string }) => i.path)).toEqual(['body.units']);

    const res = await call(api.url, 'GET', `/reports/kpis?${period}`, as.gm);
    expect(res.status).toBe(200);
    const of = (id: string) =>
      (
        res.body.indicators as Array<{
          id: string;
          target: unknown;
          byMonth: Array<{ month: string }>;
        }>
      ).find((i) => i.id === id)!;
    const point = (id: string) => of(id).byMonth.find((p) => p.month === thisMonth);
    // A closed within minutes of its report; B and C are open: 1 of 3 within 24 h
    expect(of('resolved_within_24h')).toMatchObject({
      target: { comparison: 'more_than', value: 0.5, source: 'seed' },
      formula: expect.stringContaining('24 h'),
    });
    expect(point('resolved_within_24h')).toMatchObject({
      numerator: 1,
      denominator: 3,
      meetsTarget: false,
    });
    expect(point('first_response_within_24h')).toMatchObject({ numerator: 1, denominator: 3 });
    // 3 complaints this month over 200 units sold: 1.5 %, above the 1 % default bound
    expect(point('complaint_rate')).toEqual({
      month: thisMonth,
      numerator: 3,
      denominator: 200,
      rate: 3 / 200,
      meetsTarget: false,
    });
    expect(of('complaint_rate').target).toMatchObject({ comparison: 'at_most', value: 0.01 });
    expect(point('complaint_resolution')).toMatchObject({ numerator: 1, denominator: 3 });
  });

  test('managers, the GM office and auditors read it; staff, supervisors and admins get 403 WRONG_ROLE', async () => {
    for (const who of ['csManager', 'rndManager', 'salesVp', 'vp', 'gm', 'auditor'] as const) {
      const res = await call(api.url, 'GET', `/reports/kpis?${period}`, as[who]);
      expect({ who, status: res.status }).toEqual({ who, status: 200 });
    }
    for (const who of [
      'sales',
      'salesSup',
      'cs',
      'rnd',
      'finance',
      'warehouse',
      'admin',
    ] as const) {
      const res = await call(api.url, 'GET', `/reports/kpis?${period}`, as[who]);
      expect({ who, status: res.status, code: res.body.code }).toEqual({
        who,
        status: 403,
        code: 'WRONG_ROLE',
      });
    }
    // Refused before the input is looked at.
    expect((await call(api.url, 'GET', '/reports/kpis', as.cs)).status).toBe(403);
    expect((await call(api.url, 'GET', `/reports/kpis?${period}`, undefined)).status).toBe(401);
  });

  test('400 VALIDATION_FAILED naming the field: missing, not a date, from after to, more than 366 days', async () => {
    const paths = async (query: string) => {
      const res = await call(api.url, 'GET', `/reports/kpis${query}`, as.gm);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      return res.body.details.issues.map((i: { path: string }) => i.path);
    };
    expect(await paths('')).toEqual(['query.from', 'query.to']);
    expect(await paths('?from=2026-11-01')).toEqual(['query.to']);
    expect(await paths('?from=2026-11-31&to=2026-12-01')).toEqual(['query.from']);
    expect(await paths('?from=2026-11-02&to=2026-11-01')).toEqual(['query.from']);
    expect(await paths('?from=2025-01-01&to=2026-01-02')).toEqual(['query.to']);
    expect(
      (await call(api.url, 'GET', '/reports/kpis?from=2024-01-01&to=2024-12-31', as.gm)).status,
    ).toBe(200);
  });
});

describe('GET /metrics', () => {
  test('Prometheus text from loopback without a user token: process metrics, request durations by route template and status, workflow rejections by code', async () => {
    // Only the workflow can refuse what the API's checks let through: two completions of one
    // task sent together both pass the API (the read model still says open); the workflow runs
    // updates one at a time and its validator refuses the second (TASK_NOT_OPEN). A fresh case
    // per try, in case the read model was quicker than the second request.
    const rejections = async () =>
      Number(
        /workflow_update_rejections_total\{code="TASK_NOT_OPEN"\} (\d+)/.exec(
          await (await fetch(`${api.url}/metrics`)).text(),
        )?.[1] ?? 0,
      );
    let task: InboxTask | undefined;
    for (let attempt = 0; attempt < 5 && (await rejections()) === 0; attempt++) {
      const caseNumber = await openCase();
      task = await taskFor(as.cs, caseNumber, 'RegisterComplaint');
      const both = await Promise.all(
        [as.cs, as.csManager].map((s) =>
          call(api.url, 'POST', `/tasks/${task?.taskId}/complete`, s, { command: register }),
        ),
      );
      expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    }
    expect(task).toBeDefined();
    await call(api.url, 'GET', '/no-such-route', as.cs);

    const res = await fetch(`${api.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('process_resident_memory_bytes');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="POST",route="\/tasks\/:taskId\/complete",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/reports\/kpis",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/inbox",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="<unmatched>",status="404"\} 1/,
    );
    expect(text).not.toContain(task?.taskId); // ids never become labels
    expect(text).toMatch(/workflow_update_rejections_total\{code="TASK_NOT_OPEN"\} [1-9]/);
  });
});
