import { seedDemo } from '../tools/seed-demo';
import { call, E2E_PASSWORD, login, type Session } from './support/http';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';
import { taskClient } from './support/tasks';

/**
 * F17 003 §四.4 over HTTP only: a key customer's follow-up call with its 001 §17 survey (arrival
 * time 一般) and a delivery problem sent to the warehouse → the CS manager reads the month's
 * analysis report (GET /reports/follow-up-analysis) → sets an improvement measure from it
 * (POST /improvement-measures: goal, owner wh-01, completion date) → the owner finds it in the
 * inbox, claimed, due 18:00 on the Friday before the Sunday given → records the result → the CS
 * manager checks its effect → the measure is tracked closed, on time, in the report and the
 * audit trail. api + worker + Temporal dev server + PostgreSQL, all real. The suite seeds an
 * organisation of its own, so its month holds only its own call.
 */
const TASK_QUEUE = `e2e-improvement-${process.pid}`;
const ORG = `e2e-improvement-${process.pid}`;
const USERS = {
  cs: 'cs-01',
  csSupervisor: 'cs-sup-01',
  csManager: 'cs-mgr-01',
  cs2: 'cs-02',
  warehouse: 'wh-01',
  sales: 'sales-01',
} as const;
let api: AppProcess & { url: string };
let worker: AppProcess;
let as: Record<keyof typeof USERS, Session>;

beforeAll(async () => {
  await seedDemo(process.env.ASO_E2E_DATABASE_URL as string, {
    organisationId: ORG,
    password: E2E_PASSWORD,
  });
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  const names = Object.keys(USERS) as Array<keyof typeof USERS>;
  const sessions = await Promise.all(names.map((n) => login(api.url, USERS[n], ORG)));
  as = Object.fromEntries(names.map((n, i) => [n, sessions[i]])) as typeof as;
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
});

const { inbox, complete } = taskClient(() => api.url);

/** This month in Shanghai (the call is opened now; the report reads the month it opened in). */
const month = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

test('F17 003 §四.4: the month’s analysis report (1 call, reached, arrival_time 1 of 1 below satisfied, 1 warehouse problem) → a CS manager sets a measure (owner wh-01, goal, 2027-03-14 = due 18:00 Fri 12 Mar 2027) → the owner finds it in the inbox, completes it → checked effective, tracked closed on time in the report and the audit trail', async () => {
  // a key customer's call with the 001 §17 survey; the supervisor sends a delivery problem on
  const opened = await call(api.url, 'POST', '/follow-ups', as.cs, {
    plan: 'key_customer',
    planRef: 'C-1701',
    customer: { name: '钱七', phone: '13600136001' },
  });
  expect(opened.status).toBe(201);
  const hf = opened.body.caseNumber as string;
  await complete(as.cs, hf, {
    type: 'RecordCall',
    identityConfirmed: true,
    purposeStated: true,
    closingSaid: true,
    answers: { usage: '正常使用', needs: '送货慢' },
    survey: {
      attitude: 'satisfied',
      skill: 'very_satisfied',
      arrival_time: 'average',
      promises_kept: 'satisfied',
    },
  });
  await complete(as.csSupervisor, hf, {
    type: 'ReviewCallRecord',
    approve: true,
    problems: [
      {
        category: '配送',
        description: '送货迟到两天',
        department: 'warehouse',
        ownerId: as.warehouse.user.id,
        deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    ],
  });

  // the analysis report: staff may not read it; the CS manager may
  const path = `/reports/follow-up-analysis?month=${month()}`;
  expect((await call(api.url, 'GET', path, as.cs)).body.code).toBe('WRONG_ROLE');
  const bad = await call(api.url, 'GET', '/reports/follow-up-analysis?month=2026-13', as.csManager);
  expect({ status: bad.status, code: bad.body.code }).toEqual({
    status: 400,
    code: 'VALIDATION_FAILED',
  });
  const report = await eventually(async () => {
    const r = await call(api.url, 'GET', path, as.csManager);
    return r.status === 200 && r.body.problems.total === 1 ? r.body : undefined;
  });
  expect(report).toMatchObject({
    month: month(),
    calls: {
      cases: 1,
      attempts: 1,
      reached: 1,
      unreachable: 0,
      pending: 0,
      reachRate: 1,
      bySource: { key_customer: 1 },
    },
    satisfaction: {
      surveyed: 1,
      grades: { very_satisfied: 1, satisfied: 2, average: 1 },
      scoreRate: 12 / 16,
      dissatisfiedCalls: 0,
    },
    shortfalls: [{ item: 'arrival_time', belowSatisfied: 1, answered: 1, rate: 1 }],
    problems: {
      total: 1,
      open: 1,
      resolved: 0,
      byCategory: [{ category: '配送', count: 1, open: 1 }],
      byDepartment: [{ department: 'warehouse', count: 1, open: 1 }],
    },
    complaints: [],
    measures: [],
  });

  // only a CS manager sets a measure; an unknown owner is named
  const body = {
    analysisMonth: month(),
    finding: 'arrival_time: 1 of 1 surveys below satisfied',
    followUps: [hf],
    measure: '送货前一天电话确认到达时间',
    goal: '下月回访"到达时间"无一般及较差',
    owner: { userId: as.warehouse.user.id },
    dueDate: '2027-03-14',
  };
  const byStaff = await call(api.url, 'POST', '/improvement-measures', as.cs, body);
  expect({ status: byStaff.status, code: byStaff.body.code }).toEqual({
    status: 403,
    code: 'WRONG_ROLE',
  });
  const noOwner = await call(api.url, 'POST', '/improvement-measures', as.csManager, {
    ...body,
    owner: { userId: '00000000-0000-4000-8000-000000000000' },
  });
  expect({ status: noOwner.status, code: noOwner.body.code }).toEqual({
    status: 404,
    code: 'USER_NOT_FOUND',
  });
  const past = await call(api.url, 'POST', '/improvement-measures', as.csManager, {
    ...body,
    dueDate: '2026-01-04',
  });
  expect(past.status).toBe(400);
  const res = await call(api.url, 'POST', '/improvement-measures', as.csManager, body);
  expect(res.status).toBe(201);
  const gj = res.body.caseNumber as string;
  expect(gj).toMatch(/^GJ20\d{4}-\d{4,}$/);

  // the owner's inbox holds it, claimed by them, due 18:00 Fri 12 Mar 2027 (the Sunday's Friday)
  const mine = await eventually(async () =>
    (await inbox(as.warehouse, gj)).find((t) => t.commands.includes('RecordImprovementResult')),
  );
  expect(mine).toMatchObject({
    type: 'improvement_measure',
    candidateDepartment: 'warehouse',
    assignee: as.warehouse.user.id,
    status: 'claimed',
    dueAt: '2027-03-12T10:00:00.000Z',
  });
  // another warehouse person does not have it: it is the owner's
  expect((await inbox(as.cs2, gj)).length).toBe(0);
  await complete(as.warehouse, gj, {
    type: 'RecordImprovementResult',
    result: '已实行送货前电话确认, 本月迟到 0 次',
  });
  await complete(as.csManager, gj, {
    type: 'CheckImprovement',
    effective: true,
    note: '目标达成',
  });

  // tracked closed: the case, the report's measures, the audit trail
  const closed = await eventually(async () => {
    const r = await call(api.url, 'GET', path, as.csManager);
    return r.body.measures?.[0]?.status === 'closed' ? r.body : undefined;
  });
  expect(closed.measures).toEqual([
    expect.objectContaining({
      caseNumber: gj,
      status: 'closed',
      department: 'warehouse',
      ownerId: as.warehouse.user.id,
      dueAt: '2027-03-12T10:00:00.000Z',
      overdue: false,
      closedOnTime: true,
    }),
  ]);
  const kase = await call(api.url, 'GET', `/cases/${gj}`, as.csManager);
  expect(kase.status).toBe(200);
  const audit = await call(api.url, 'GET', `/cases/${gj}/audit`, as.csManager);
  const actions = (audit.body as Array<{ action: string }>).map((e) => e.action);
  expect(actions).toEqual(
    expect.arrayContaining([
      'improvement.ImprovementOpened',
      'improvement.ImprovementResultRecorded',
      'improvement.ImprovementChecked',
      'improvement.ImprovementClosed',
    ]),
  );
  const verify = await call(api.url, 'GET', `/cases/${gj}/audit/verify`, as.csManager);
  expect(verify.body).toMatchObject({ valid: true });
});
