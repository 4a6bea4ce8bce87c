import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { register } from './support/complaint-commands';
import { call, loginAll, type ActorName, type Session } from './support/http';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';

/**
 * A crashed API must not wedge an idempotency key nor turn a retried success into a refusal
 * (issue 8 #5). The API is killed (SIGKILL) after the workflow accepted the command and before
 * the response was stored: ASO_TEST_DELAY_BEFORE_STORE_MS (read by IdempotencyService, set only
 * here) holds the response that long, which makes the window wide and the kill deterministic.
 * A fresh API process then gets the retry. Worker, Temporal and PostgreSQL are real and stay up.
 */
const TASK_QUEUE = `e2e-crash-retry-${process.pid}`;
let api: AppProcess & { url: string };
let worker: AppProcess;
let db: Client;
let as: Record<ActorName, Session>;

beforeAll(async () => {
  db = new Client({ connectionString: process.env.ASO_E2E_DATABASE_URL });
  await db.connect();
  [api, worker] = await Promise.all([
    startApi(TASK_QUEUE, { ASO_TEST_DELAY_BEFORE_STORE_MS: '30000' }),
    startWorker(TASK_QUEUE),
  ]);
  as = await loginAll(api.url);
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await db?.end();
});

const complaint = (orderNumber: string) => ({
  customer: { name: '孙七', phone: '13500135000' },
  orderNumber,
  batchNumber: 'B2611-CRASH',
  shipDate: '2026-11-10',
  defectDescription: '屏幕闪烁',
  demand: '维修',
  quantity: 1,
  channel: 'phone',
});

const taskStatus = async (taskId: string) =>
  (await db.query<{ status: string }>(`SELECT status FROM tasks WHERE task_id = $1`, [taskId]))
    .rows[0]?.status;

/**
 * A fresh complaint's registration task, and its completion as a client sends it: always with
 * the same Idempotency-Key, to whichever API process is up.
 */
async function openRegistration(orderPrefix: string) {
  const opened = await call(
    api.url,
    'POST',
    '/complaints',
    as.sales,
    complaint(`${orderPrefix}-${randomUUID().slice(0, 8)}`),
  );
  expect(opened.status).toBe(201);
  const caseNumber = opened.body.caseNumber as string;
  const task = await eventually(async () => {
    const res = await call(api.url, 'GET', `/inbox?caseNumber=${caseNumber}`, as.cs);
    return (res.body.items as Array<{ taskId: string; commands: string[] }>).find((t) =>
      t.commands.includes('RegisterComplaint'),
    );
  });
  const key = randomUUID();
  const send = (url: string) =>
    fetch(`${url}/tasks/${task.taskId}/complete`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${as.cs.accessToken}`,
        'idempotency-key': key,
      },
      body: JSON.stringify({ command: register }),
    });
  return { caseNumber, task, send };
}

test('issue 8 #5: API killed after the update was accepted, before the response was stored → the retry gets 2xx with the original result within seconds, no ActionRefused', async () => {
  const { caseNumber, task, send } = await openRegistration('SO-CRASH');

  const first = send(api.url).catch((e: unknown) => e); // never answered: the process dies
  // The workflow took the command (the worker wrote its effect) and the API now holds the answer.
  await eventually(async () =>
    (await taskStatus(task.taskId)) === 'completed' ? true : undefined,
  );
  await api.stop('SIGKILL');
  expect(await first).toMatchObject({ message: 'fetch failed' }); // no answer ever came

  api = await startApi(TASK_QUEUE); // a new process, without the delay
  const started = Date.now();
  let retry: Response;
  for (;;) {
    retry = await send(api.url);
    if (retry.status < 300 || Date.now() - started > 30_000) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const elapsedMs = Date.now() - started;
  const body = (await retry.json()) as { taskId: string; events: string[]; status: string };
  expect({ status: retry.status, body }).toEqual({
    status: 200,
    // the registration's own answer, as the workflow gave it to the first request
    body: { taskId: task.taskId, events: ['ComplaintRegistered'], status: expect.any(String) },
  });
  expect(elapsedMs).toBeLessThan(10_000);

  const audit = await call(api.url, 'GET', `/cases/${caseNumber}/audit`, as.cs);
  expect(audit.status).toBe(200);
  const actions = (audit.body as Array<{ action: string; data: Record<string, unknown> }>).map(
    (e) => e.action,
  );
  expect(actions).not.toContain('ActionRefused');
  // Registered once: the retry did not run the command a second time.
  const registered = actions.filter((a) => a === 'complaint.ComplaintRegistered');
  expect(registered).toHaveLength(1);
  // …and a later retry is a plain replay of that answer.
  const again = await send(api.url);
  expect(again.status).toBe(200);
  expect(await again.json()).toEqual(body);
});

test('issue 14 (chaos): a retry that finds its task completed by its own update still running — admitted, its workflow task not done, the read model already written — waits for that update and gets its answer, not 409 TASK_NOT_OPEN', async () => {
  const { caseNumber, task, send } = await openRegistration('SO-INFLIGHT');

  // No worker: the first request's update is admitted by Temporal and waits for a workflow task.
  await worker.stop();
  const first = send(api.url).catch((e: unknown) => e);
  await new Promise((r) => setTimeout(r, 1_500));
  // What a worker writes inside that workflow task before it completes: the task's row.
  await db.query(`UPDATE tasks SET status = 'completed' WHERE task_id = $1`, [task.taskId]);
  await api.stop('SIGKILL');
  expect(await first).toMatchObject({ message: 'fetch failed' });

  api = await startApi(TASK_QUEUE);
  const retried = (async () => {
    const started = Date.now();
    for (;;) {
      const res = await send(api.url);
      // 409 IDEMPOTENCY_IN_PROGRESS while the dead holder's claim lapses; anything else is the answer
      const body = (await res.json()) as { code?: string };
      if (body.code !== 'IDEMPOTENCY_IN_PROGRESS' || Date.now() - started > 30_000)
        return { status: res.status, body };
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  await new Promise((r) => setTimeout(r, 6_000)); // past the claim's 4 s takeover
  worker = await startWorker(TASK_QUEUE);
  const answer = await retried;
  expect(answer).toEqual({
    status: 200,
    body: { taskId: task.taskId, events: ['ComplaintRegistered'], status: expect.any(String) },
  });
  const audit = await call(api.url, 'GET', `/cases/${caseNumber}/audit`, as.cs);
  const actions = (audit.body as Array<{ action: string }>).map((e) => e.action);
  expect(actions).not.toContain('ActionRefused');
  expect(actions.filter((a) => a === 'complaint.ComplaintRegistered')).toHaveLength(1);
});
