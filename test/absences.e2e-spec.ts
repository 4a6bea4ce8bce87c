import { Client } from 'pg';
import { seedDemo } from '../tools/seed-demo';
import { proposal, register, report } from './support/complaint-commands';
import { call, E2E_PASSWORD, login, type Session } from './support/http';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';
import { taskClient, type InboxTask } from './support/tasks';

/**
 * Absence and delegation (issue 12 #7) over HTTP against the real api + worker + Temporal +
 * PostgreSQL, in an organisation of its own. The API sweeps absences every 300 ms here, so an
 * absence that starts during the test is handed over by the durable path, not the request.
 */
const TASK_QUEUE = `e2e-absences-${process.pid}`;
const ORG = `e2e-absences-${process.pid}`;
let api: AppProcess & { url: string };
let worker: AppProcess;
let db: Client;
const as: Record<string, Session> = {};

beforeAll(async () => {
  await seedDemo(process.env.ASO_E2E_DATABASE_URL as string, {
    organisationId: ORG,
    password: E2E_PASSWORD,
  });
  db = new Client({ connectionString: process.env.ASO_E2E_DATABASE_URL });
  await db.connect();
  [api, worker] = await Promise.all([
    startApi(TASK_QUEUE, { ABSENCE_SWEEP_MS: '300' }),
    startWorker(TASK_QUEUE),
  ]);
  for (const u of [
    'sales-01',
    'cs-01',
    'cs-02',
    'cs-mgr-01',
    'cs-mgr-02',
    'rnd-01',
    'vp-01',
    'auditor-01',
  ])
    as[u] = await login(api.url, u, ORG);
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await db?.end();
});

const { complete, taskFor } = taskClient(() => api.url);
const s = (u: string) => as[u] as Session;
const id = (u: string) => s(u).user.id;
const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

let serial = 0;
async function openCase(): Promise<string> {
  const res = await call(api.url, 'POST', '/complaints', s('sales-01'), {
    customer: { name: '周九', phone: '13400134000' },
    orderNumber: `SO-ABSENCE-${process.pid}-${++serial}`,
    batchNumber: 'B2612-02',
    shipDate: '2026-11-25',
    defectDescription: '录音笔按键失灵',
    demand: '维修',
    quantity: 3,
    channel: 'phone',
  });
  expect(res.status).toBe(201);
  return res.body.caseNumber as string;
}

/** The user's claimed task of the case (their "mine" inbox), once the read model shows it. */
const heldBy = (u: string, caseNumber: string, command: string) =>
  eventually(async () => {
    const res = await call(api.url, 'GET', `/inbox?scope=mine&caseNumber=${caseNumber}`, s(u));
    return (res.body.items as Array<InboxTask & { assignee: string }>).find(
      (t) => t.commands.includes(command) && t.assignee === id(u),
    );
  });

const absence = (u: string, body: Record<string, unknown>) =>
  call(api.url, 'POST', '/users/me/absences', s(u), body);

const orgEvents = async (action: string) =>
  (
    await db.query(
      `SELECT actor, data FROM audit_events WHERE case_number = $1 AND action = $2 ORDER BY seq`,
      [`org:${ORG}`, action],
    )
  ).rows as Array<{ actor: string; data: Record<string, unknown> }>;

describe('absence and delegation', () => {
  test('the delegate must fit the absent user’s department and roles, be active, and not be away', async () => {
    const period = { startsAt: hours(100), endsAt: hours(124) };
    expect(await absence('cs-01', { ...period, delegateUserId: id('rnd-01') })).toMatchObject({
      status: 403,
      body: { code: 'WRONG_DEPARTMENT' },
    });
    // a CS manager does not hold cs-01's role (staff): the rule book ranks no roles
    expect(await absence('cs-01', { ...period, delegateUserId: id('cs-mgr-01') })).toMatchObject({
      status: 403,
      body: { code: 'WRONG_ROLE' },
    });
    expect(
      await absence('cs-01', {
        ...period,
        delegateUserId: '00000000-0000-4000-8000-000000000001',
      }),
    ).toMatchObject({ status: 404, body: { code: 'USER_NOT_FOUND' } });
    expect(await absence('auditor-01', { ...period, delegateUserId: id('cs-01') })).toMatchObject({
      status: 403,
      body: { code: 'AUDITOR_READ_ONLY' },
    });
    const rows = await db.query(
      `SELECT count(*)::int AS n FROM absences WHERE organisation_id = $1`,
      [ORG],
    );
    expect(rows.rows[0].n).toBe(0);
  });

  test('an absence that has started: the claimed task is handed to the delegate in the request (audited delegation), new candidate tasks reach the delegate, overlaps are refused', async () => {
    const caseNumber = await openCase();
    const registration = await taskFor(s('cs-01'), caseNumber, 'RegisterComplaint');
    expect(
      (await call(api.url, 'POST', `/tasks/${registration.taskId}/claim`, s('cs-01'), {})).status,
    ).toBe(200);
    await heldBy('cs-01', caseNumber, 'RegisterComplaint');

    const recorded = await absence('cs-01', {
      startsAt: hours(-1),
      endsAt: hours(48),
      delegateUserId: id('cs-02'),
      reason: '年假',
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      userId: id('cs-01'),
      delegateUserId: id('cs-02'),
      state: 'active',
      handedOver: [{ taskId: registration.taskId, caseNumber }],
    });
    expect(recorded.body.handedOverAt).not.toBeNull();

    // the delegate holds it now and completes it as themself
    await heldBy('cs-02', caseNumber, 'RegisterComplaint');
    await complete(s('cs-02'), caseNumber, register);

    // audited: the case's trail has the delegation by the absent user to the delegate
    const trail = await call(api.url, 'GET', `/cases/${caseNumber}/audit`, s('auditor-01'));
    expect(trail.body).toContainEqual(
      expect.objectContaining({
        action: 'task.delegated',
        actor: id('cs-01'),
        data: expect.objectContaining({
          taskId: registration.taskId,
          previousAssignee: id('cs-01'),
          assignee: id('cs-02'),
        }),
      }),
    );
    expect(await orgEvents('AbsenceTaskHandedOver')).toContainEqual({
      actor: id('cs-01'),
      data: expect.objectContaining({
        absenceId: recorded.body.id,
        taskId: registration.taskId,
        from: id('cs-01'),
        to: id('cs-02'),
      }),
    });

    // while it lasts, a task cs-01 would claim is offered to the delegate
    const next = await openCase();
    const offered = await taskFor(s('cs-02'), next, 'RegisterComplaint');
    expect(offered.candidateDepartment).toBe('cs');

    // the delegate sees whom they stand in for
    const mine = await call(api.url, 'GET', '/users/me/absences', s('cs-02'));
    expect(mine.body.standingInFor).toEqual([
      expect.objectContaining({ id: recorded.body.id, userId: id('cs-01') }),
    ]);

    // a second absence overlapping the first, or a delegate who is away: 409
    expect(
      await absence('cs-01', {
        startsAt: hours(24),
        endsAt: hours(72),
        delegateUserId: id('cs-02'),
      }),
    ).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    expect(
      await absence('cs-02', { startsAt: hours(1), endsAt: hours(5), delegateUserId: id('cs-01') }),
    ).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
  });

  test('an absence starting later is handed over by the sweep once it starts; the delegate’s approval is checked against the delegate’s own limit (¥500), never the absent manager’s', async () => {
    const caseNumber = await openCase();
    await complete(s('cs-02'), caseNumber, register);
    await complete(s('rnd-01'), caseNumber, report);
    await complete(s('vp-01'), caseNumber, { type: 'ApproveInvestigationReport', remarks: '同意' });
    // 3 × ¥300 + ¥20 + ¥10 = ¥930: within the CS manager role's ¥5,000, above cs-mgr-02's ¥500
    await complete(s('cs-02'), caseNumber, proposal('discount'));
    const approval = await taskFor(s('cs-mgr-01'), caseNumber, 'ApproveResolution');
    expect(
      (await call(api.url, 'POST', `/tasks/${approval.taskId}/claim`, s('cs-mgr-01'), {})).status,
    ).toBe(200);
    await heldBy('cs-mgr-01', caseNumber, 'ApproveResolution');

    const startsAt = new Date(Date.now() + 5_000).toISOString();
    const recorded = await absence('cs-mgr-01', {
      startsAt,
      endsAt: hours(24),
      delegateUserId: id('cs-mgr-02'),
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ state: 'scheduled', handedOver: [], handedOverAt: null });
    // not before it starts
    expect(
      (await call(api.url, 'GET', `/inbox?scope=mine&caseNumber=${caseNumber}`, s('cs-mgr-02')))
        .body.items,
    ).toEqual([]);

    const handed = await heldBy('cs-mgr-02', caseNumber, 'ApproveResolution');
    expect(handed.taskId).toBe(approval.taskId);
    const row = await eventually(async () => {
      const r = await db.query(`SELECT handed_over_at FROM absences WHERE id = $1`, [
        recorded.body.id,
      ]);
      return r.rows[0]?.handed_over_at ? r.rows[0] : undefined;
    });
    expect(new Date(row.handed_over_at).getTime()).toBeGreaterThanOrEqual(Date.parse(startsAt));

    const refused = await call(
      api.url,
      'POST',
      `/tasks/${approval.taskId}/complete`,
      s('cs-mgr-02'),
      {
        command: { type: 'ApproveResolution' },
      },
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'APPROVAL_LIMIT_EXCEEDED',
      details: { userId: id('cs-mgr-02'), amountFen: 93_000, limitFen: 50_000 },
    });
  });

  test('cancel: one’s own scheduled absence only, once; the list shows it cancelled', async () => {
    const recorded = await absence('cs-02', {
      startsAt: hours(200),
      endsAt: hours(220),
      delegateUserId: id('cs-01'),
    });
    expect(recorded.status).toBe(201);
    const path = `/users/me/absences/${recorded.body.id}/cancel`;
    expect(await call(api.url, 'POST', path, s('cs-01'), {})).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
    const cancelled = await call(api.url, 'POST', path, s('cs-02'), {});
    expect(cancelled).toMatchObject({ status: 200, body: { state: 'cancelled' } });
    expect(await call(api.url, 'POST', path, s('cs-02'), {})).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT' },
    });
    const list = await call(api.url, 'GET', '/users/me/absences', s('cs-02'));
    expect(list.body.mine).toContainEqual(
      expect.objectContaining({ id: recorded.body.id, state: 'cancelled' }),
    );
    expect(await orgEvents('AbsenceCancelled')).toEqual([
      { actor: id('cs-02'), data: { absenceId: recorded.body.id } },
    ]);
  });
});
