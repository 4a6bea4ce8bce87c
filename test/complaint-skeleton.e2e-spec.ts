import { Client } from 'pg';
import { call, actors } from './support/http';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';

/**
 * The walking skeleton over HTTP only: api + worker processes + Temporal dev server +
 * PostgreSQL, all real. Nothing is faked.
 */
const TASK_QUEUE = `e2e-skeleton-${process.pid}`;
let api: AppProcess & { url: string };
let worker: AppProcess;
let db: Client;

beforeAll(async () => {
  db = new Client({ connectionString: process.env.ASO_E2E_DATABASE_URL });
  await db.connect();
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await db?.end();
});

const complaint = {
  customer: { name: '张三', phone: '13800138000' },
  orderNumber: 'SO-20261122-01',
  defectDescription: '收到的录音笔无法开机',
  quantity: 3,
};

async function openCase(): Promise<string> {
  const res = await call(api.url, 'POST', '/complaints', actors.sales, complaint);
  expect(res.status).toBe(201);
  return res.body.caseNumber as string;
}

const caseRow = async (caseNumber: string) =>
  (await db.query('SELECT * FROM cases WHERE case_number = $1', [caseNumber])).rows[0];
const taskRows = async (caseNumber: string) =>
  (
    await db.query('SELECT * FROM tasks WHERE case_number = $1 ORDER BY created_at, task_id', [
      caseNumber,
    ])
  ).rows;

async function registrationTask(caseNumber: string): Promise<{ taskId: string }> {
  return eventually(async () => {
    const inbox = await call(api.url, 'GET', '/inbox', actors.cs);
    return (inbox.body as Array<{ caseNumber: string; taskId: string; type: string }>).find(
      (t) => t.caseNumber === caseNumber && t.type === 'cs_registration',
    );
  });
}

describe('walking skeleton: complaint intake → CS registration → R&D investigation', () => {
  test('001 §21/§25.1: opening a complaint starts the workflow under its KS<yyyymm>-<seq> number and puts a CS task in the inbox', async () => {
    const caseNumber = await openCase();
    expect(caseNumber).toMatch(/^KS20\d{4}-\d{4,}$/);
    expect(await caseRow(caseNumber)).toMatchObject({
      organisation_id: 'e2e-org',
      type: 'complaint',
      stage: 'registration',
      order_number: complaint.orderNumber,
      quantity: 3,
    });
    const task = await registrationTask(caseNumber);
    const detail = await call(api.url, 'GET', `/cases/${caseNumber}`, actors.cs);
    expect(detail.status).toBe(200);
    expect(detail.body.live).toMatchObject({ caseNumber, stage: 'registration' });
    expect(detail.body.tasks.map((t: { taskId: string }) => t.taskId)).toEqual([task.taskId]);
    const [row] = await taskRows(caseNumber);
    expect(row).toMatchObject({
      candidate_department: 'cs',
      candidate_role: 'staff',
      status: 'open',
    });
  });

  test('001 §26.1: CS completes registration over HTTP (a Temporal update) and the case moves on to R&D, in state and in the database', async () => {
    const caseNumber = await openCase();
    const task = await registrationTask(caseNumber);
    const res = await call(api.url, 'POST', `/tasks/${task.taskId}/complete`, actors.cs, {
      payload: { classification: 'quality', severity: 'general' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ taskId: task.taskId, status: 'completed' });

    const detail = await call(api.url, 'GET', `/cases/${caseNumber}`, actors.cs);
    expect(detail.body.live).toMatchObject({ stage: 'investigation', classification: 'quality' });
    const row = await eventually(async () => {
      const r = await caseRow(caseNumber);
      return r.stage === 'investigation' ? r : undefined;
    });
    expect(row).toMatchObject({ classification: 'quality', severity: 'general' });
    expect(row.accepted_at).not.toBeNull();
    const rows = await eventually(async () => {
      const r = await taskRows(caseNumber);
      return r.length === 2 ? r : undefined;
    });
    expect(rows.map((r) => [r.type, r.status, r.completed_by])).toEqual([
      ['cs_registration', 'completed', 'cs-01'],
      ['rnd_investigation', 'open', null],
    ]);

    const again = await call(api.url, 'POST', `/tasks/${task.taskId}/complete`, actors.cs, {
      payload: { classification: 'quality', severity: 'general' },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'TASK_NOT_OPEN' });
  });

  test('invalid input is refused with 400 naming every bad field, and nothing is written', async () => {
    const before = (await db.query('SELECT count(*)::int AS n FROM cases')).rows[0].n;
    const res = await call(api.url, 'POST', '/complaints', actors.sales, {
      customer: { name: '' },
      orderNumber: 42,
      quantity: -1,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const paths = res.body.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.customer.name',
        'body.orderNumber',
        'body.defectDescription',
        'body.quantity',
      ]),
    );
    expect(typeof res.body.requestId).toBe('string');
    expect((await db.query('SELECT count(*)::int AS n FROM cases')).rows[0].n).toBe(before);

    const malformed = await call(api.url, 'POST', '/complaints', actors.sales, '{"customer": ');
    expect(malformed.status).toBe(400);
  });

  test('an invalid registration payload is refused with 400 naming the fields; the task stays open', async () => {
    const caseNumber = await openCase();
    const task = await registrationTask(caseNumber);
    const res = await call(api.url, 'POST', `/tasks/${task.taskId}/complete`, actors.cs, {
      payload: { severity: 'apocalyptic' },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['payload.classification', 'payload.severity']),
    );
    expect((await taskRows(caseNumber))[0].status).toBe('open');
  });

  test('unknown case → 404, malformed case number → 400, unknown task → 404', async () => {
    const unknown = await call(api.url, 'GET', '/cases/KS209912-9999', actors.cs);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('CASE_NOT_FOUND');
    const malformed = await call(api.url, 'GET', '/cases/not-a-case', actors.cs);
    expect(malformed.status).toBe(400);
    const task = await call(api.url, 'POST', '/tasks/KS209912-9999-T1/complete', actors.cs, {
      payload: {},
    });
    expect(task.status).toBe(404);
  });

  test('another department cannot complete a CS task (403) and only sales opens complaints (403); no actor → 401', async () => {
    const caseNumber = await openCase();
    const task = await registrationTask(caseNumber);
    const wrong = await call(api.url, 'POST', `/tasks/${task.taskId}/complete`, actors.rnd, {
      payload: { classification: 'quality', severity: 'general' },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('WRONG_DEPARTMENT');
    expect((await call(api.url, 'POST', '/complaints', actors.cs, complaint)).status).toBe(403);
    expect((await call(api.url, 'POST', '/complaints', undefined, complaint)).status).toBe(401);
    expect((await taskRows(caseNumber))[0].status).toBe('open');
  });

  test('durability: the worker process is killed mid-case, a new one starts, and the case continues', async () => {
    const caseNumber = await openCase();
    const task = await registrationTask(caseNumber);
    await worker.stop('SIGKILL');
    worker = await startWorker(TASK_QUEUE);
    const res = await call(api.url, 'POST', `/tasks/${task.taskId}/complete`, actors.cs, {
      payload: { classification: 'non_quality', severity: 'severe' },
    });
    expect(res.status).toBe(200);
    const row = await eventually(async () => {
      const r = await caseRow(caseNumber);
      return r.stage === 'investigation' ? r : undefined;
    }, 60_000);
    expect(row).toMatchObject({ classification: 'non_quality', severity: 'severe' });
  });

  test('health reports both PostgreSQL and Temporal', async () => {
    const res = await call(api.url, 'GET', '/healthz', undefined);
    expect(res.body).toEqual({ status: 'ok', postgres: 'ok', temporal: 'ok' });
  });
});
