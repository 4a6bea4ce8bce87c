import { seedDemo } from '../tools/seed-demo';
import { call, E2E_PASSWORD, login, type Session } from './support/http';
import { startApi, startWorker, type AppProcess } from './support/stack';
import { taskClient } from './support/tasks';

/**
 * CS follow-up plans (F01, F02, F06, F07; 004 三.(一), 五.(一)–(二); issue 12 item 1) over HTTP:
 * CS registers a new customer (bought Wednesday 2026-09-30), an old one and a key one; the plan
 * shows what is due on a day; a run of the day (what the daily schedule starts) opens one HF
 * case per call, in CS's inbox, once however often it runs; National Day opens nothing.
 * api + worker + Temporal dev server + PostgreSQL, all real; an organisation of its own.
 */
const TASK_QUEUE = `e2e-follow-up-plans-${process.pid}`;
const ORG = `e2e-plans-${process.pid}`;
let api: AppProcess & { url: string };
let worker: AppProcess;
let cs: Session;
let sales: Session;

beforeAll(async () => {
  await seedDemo(process.env.ASO_E2E_DATABASE_URL as string, {
    organisationId: ORG,
    password: E2E_PASSWORD,
  });
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  [cs, sales] = await Promise.all([login(api.url, 'cs-01', ORG), login(api.url, 'sales-01', ORG)]);
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
});

const { taskFor } = taskClient(() => api.url);

describe('CS follow-up plans over HTTP (004 三.(一), 五.(一)–(二))', () => {
  test('F06 004 五.(一) F07 004 五.(二): a new customer bought 2026-09-30 → the run of 2026-10-08 opens the first call (due 18:00 Sat 10 Oct, the make-up working day) and the old and key customers’ calls; once; National Day opens nothing', async () => {
    const save = (body: Record<string, unknown>) =>
      call(api.url, 'POST', '/follow-up-plans/customers', cs, body);
    const created = await save({
      customerRef: 'C-NEW-1',
      name: '孙八',
      phone: '13900139001',
      kind: 'new',
      purchaseDate: '2026-09-30',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      created: true,
      customer: {
        customerRef: 'C-NEW-1',
        name: '孙八',
        phone: '139****9001',
        kind: 'new',
        purchaseDate: '2026-09-30',
        storeId: null,
      },
    });
    expect((await save({ customerRef: 'C-OLD-1', name: '李四', kind: 'old' })).status).toBe(201);
    expect((await save({ customerRef: 'C-KEY-1', name: '周五', kind: 'old' })).status).toBe(201);
    // CS corrects an entry: the same customer, now a key customer
    const updated = await save({ customerRef: 'C-KEY-1', name: '周五', kind: 'key' });
    expect(updated.body).toMatchObject({ created: false, customer: { kind: 'key' } });

    const plan = await call(api.url, 'GET', '/follow-up-plans?date=2026-10-08', cs);
    expect(plan.status).toBe(200);
    expect(plan.body.rules).toMatchObject({
      newCustomer: {
        firstCall: { amount: 3, unit: 'working_days' },
        secondCall: { amount: 14, unit: 'calendar_days' },
      },
      oldCustomer: { everyMonths: 3 },
      keyCustomer: { everyMonths: 1 },
      source: 'default',
    });
    expect(plan.body).toMatchObject({ date: '2026-10-08', workingDay: true });
    expect(plan.body.customers).toHaveLength(3);
    expect(plan.body.due).toEqual([
      { customerRef: 'C-KEY-1', plan: 'key_customer', period: '2026-10', dueDate: '2026-10-31' },
      {
        customerRef: 'C-NEW-1',
        plan: 'new_customer',
        period: 'first:2026-09-30',
        dueDate: '2026-10-10',
      },
      { customerRef: 'C-OLD-1', plan: 'old_customer', period: '2026-Q4', dueDate: '2026-12-31' },
    ]);

    const holiday = await call(api.url, 'POST', '/follow-up-plans/runs', cs, {
      date: '2026-10-01',
    });
    expect(holiday.status).toBe(201);
    expect(holiday.body).toEqual({
      date: '2026-10-01',
      workingDay: false,
      opened: [],
      alreadyOpen: [],
    });

    const run = await call(api.url, 'POST', '/follow-up-plans/runs', cs, { date: '2026-10-08' });
    expect(run.status).toBe(201);
    expect(run.body.opened.map((o: { customerRef: string }) => o.customerRef)).toEqual([
      'C-KEY-1',
      'C-NEW-1',
      'C-OLD-1',
    ]);
    const numberOf = (ref: string) =>
      (run.body.opened as Array<{ caseNumber: string; customerRef: string }>).find(
        (o) => o.customerRef === ref,
      )!.caseNumber;
    // a second run of the day (a double fire, another CS person): the same cases, nothing new
    const again = await call(api.url, 'POST', '/follow-up-plans/runs', cs, { date: '2026-10-08' });
    expect(again.body.opened).toEqual([]);
    expect([...again.body.alreadyOpen].sort()).toEqual(
      run.body.opened.map((o: { caseNumber: string }) => o.caseNumber).sort(),
    );

    // the new customer's call is CS's, due 3 working days after the purchase day
    const hf = numberOf('C-NEW-1');
    const task = await taskFor(cs, hf, 'RecordCall');
    expect(task.candidateDepartment).toBe('cs');
    const view = await call(api.url, 'GET', `/cases/${hf}`, cs);
    expect(view.status).toBe(200);
    const callTask = (view.body.tasks as Array<{ type: string; dueAt: string }>).find(
      (t) => t.type === 'follow_up_call',
    );
    expect(callTask?.dueAt).toBe('2026-10-10T10:00:00.000Z');

    // sales neither keeps the register nor runs the plan
    const refused = await call(api.url, 'POST', '/follow-up-plans/runs', sales, {
      date: '2026-10-08',
    });
    expect(refused.status).toBe(403);
  });

  test('F02 004 三.(一)2: 长期未消费客户 — a customer whose last purchase was 2026-06-01 (180 days, ours) is due a long-inactive call on Mon 30 Nov 2026 (due 18:00 Fri 4 Dec, 5 working days); the run opens it once, in CS’s inbox', async () => {
    const saved = await call(api.url, 'POST', '/follow-up-plans/customers', cs, {
      customerRef: 'C-INACTIVE-1',
      name: '吴九',
      phone: '13900139002',
      kind: 'old',
      lastPurchaseOn: '2026-06-01',
    });
    expect(saved.status).toBe(201);
    expect(saved.body.customer).toMatchObject({ lastPurchaseOn: '2026-06-01' });
    const plan = await call(api.url, 'GET', '/follow-up-plans?date=2026-11-30', cs);
    expect(plan.status).toBe(200);
    expect(plan.body.inactiveCustomers).toMatchObject({
      afterDays: 180,
      callWithin: { amount: 5, unit: 'working_days' },
      source: 'default',
    });
    expect(plan.body.due).toContainEqual({
      customerRef: 'C-INACTIVE-1',
      plan: 'inactive_customer',
      period: 'inactive:2026-06-01:1',
      dueDate: '2026-12-04',
    });
    const run = await call(api.url, 'POST', '/follow-up-plans/runs', cs, { date: '2026-11-30' });
    expect(run.status).toBe(201);
    const opened = (
      run.body.opened as Array<{ caseNumber: string; customerRef: string; plan: string }>
    ).find((o) => o.plan === 'inactive_customer');
    expect(opened).toMatchObject({ customerRef: 'C-INACTIVE-1', period: 'inactive:2026-06-01:1' });
    const task = await taskFor(cs, opened!.caseNumber, 'RecordCall');
    expect(task.candidateDepartment).toBe('cs');
    const view = await call(api.url, 'GET', `/cases/${opened!.caseNumber}`, cs);
    const callTask = (view.body.tasks as Array<{ type: string; dueAt: string }>).find(
      (t) => t.type === 'follow_up_call',
    );
    expect(callTask?.dueAt).toBe('2026-12-04T10:00:00.000Z');
    const again = await call(api.url, 'POST', '/follow-up-plans/runs', cs, { date: '2026-12-01' });
    expect(
      (again.body.opened as Array<{ plan: string }>).filter((o) => o.plan === 'inactive_customer'),
    ).toEqual([]);
    expect(again.body.alreadyOpen).toContain(opened!.caseNumber);
  });
});
