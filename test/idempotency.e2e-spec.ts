import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { call, login, loginAll, type ActorName, type Session } from './support/http';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';

/**
 * Idempotency-Key over HTTP: api + worker processes + Temporal dev server + PostgreSQL, all
 * real. Effects are counted in the database (case rows by order number).
 */
const TASK_QUEUE = `e2e-idempotency-${process.pid}`;
let api: AppProcess & { url: string };
let worker: AppProcess;
let db: Client;
let as: Record<ActorName, Session>;

beforeAll(async () => {
  db = new Client({ connectionString: process.env.ASO_E2E_DATABASE_URL });
  await db.connect();
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  as = await loginAll(api.url);
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await db?.end();
});

interface Reply {
  status: number;
  // Response bodies are asserted field by field; typing each adds nothing here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  replayed: boolean;
}

/** A JSON command with an Idempotency-Key. */
async function command(
  s: Session,
  method: string,
  path: string,
  key: string | undefined,
  body?: unknown,
): Promise<Reply> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    authorization: `Bearer ${s.accessToken}`,
  };
  if (key !== undefined) headers['idempotency-key'] = key;
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? JSON.parse(text) : undefined,
    replayed: res.headers.get('idempotent-replayed') === 'true',
  };
}

const complaint = (orderNumber: string) => ({
  customer: { name: '王五', phone: '13700137000' },
  orderNumber,
  batchNumber: 'B2611-IDEM',
  shipDate: '2026-11-10',
  defectDescription: '录音笔按键失灵',
  demand: '换货',
  quantity: 1,
  channel: 'phone',
});

const casesWithOrder = async (orderNumber: string): Promise<string[]> =>
  (
    await db.query<{ case_number: string }>(
      `SELECT case_number FROM cases WHERE order_number = $1`,
      [orderNumber],
    )
  ).rows.map((r) => r.case_number);

describe('Idempotency-Key on POST /complaints', () => {
  test('10 concurrent duplicates: one case, one workflow; every response carries its number', async () => {
    const order = `SO-IDEM-${randomUUID().slice(0, 8)}`;
    const key = `open-${randomUUID()}`;
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        command(as.sales, 'POST', '/complaints', key, complaint(order)),
      ),
    );
    // Our design: a duplicate waits for the first to finish and gets its response (no 409
    // unless the first takes longer than the wait window, which a complaint never does).
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(201));
    const numbers = new Set(replies.map((r) => r.body.caseNumber as string));
    expect(numbers.size).toBe(1);
    expect(replies.filter((r) => !r.replayed)).toHaveLength(1);
    const [caseNumber] = [...numbers];
    expect(await casesWithOrder(order)).toEqual([caseNumber]);
    // The one workflow is running: its live state answers.
    const detail = await call(api.url, 'GET', `/cases/${caseNumber}`, as.sales);
    expect(detail.status).toBe(200);
    expect(detail.body.live).not.toBeNull();
  });

  test('a retry after completion gets the first response again and creates nothing', async () => {
    const order = `SO-IDEM-${randomUUID().slice(0, 8)}`;
    const key = randomUUID();
    const first = await command(as.sales, 'POST', '/complaints', key, complaint(order));
    expect(first.status).toBe(201);
    // Same JSON with another key order is the same request.
    const { customer, ...rest } = complaint(order);
    const again = await command(as.sales, 'POST', '/complaints', key, { ...rest, customer });
    expect(again).toEqual({ status: 201, body: first.body, replayed: true });
    expect(await casesWithOrder(order)).toEqual([first.body.caseNumber]);
  });

  test('the same key with another body is refused (422 IDEMPOTENCY_KEY_REUSED), nothing created', async () => {
    const key = randomUUID();
    const order = `SO-IDEM-${randomUUID().slice(0, 8)}`;
    const first = await command(as.sales, 'POST', '/complaints', key, complaint(order));
    expect(first.status).toBe(201);
    const other = `SO-IDEM-${randomUUID().slice(0, 8)}`;
    const reused = await command(as.sales, 'POST', '/complaints', key, complaint(other));
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await casesWithOrder(other)).toEqual([]);
  });

  test('keys belong to their user: another user may use the same key for their own request', async () => {
    const key = randomUUID();
    const a = `SO-IDEM-${randomUUID().slice(0, 8)}`;
    const b = `SO-IDEM-${randomUUID().slice(0, 8)}`;
    const supervisor = await login(api.url, 'sales-sup-01');
    const [mine, theirs] = await Promise.all([
      command(as.sales, 'POST', '/complaints', key, complaint(a)),
      command(supervisor, 'POST', '/complaints', key, complaint(b)),
    ]);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(mine.body.caseNumber).not.toBe(theirs.body.caseNumber);
  });

  test('an invalid request stays invalid on retry (4xx is stored); a malformed key is 400', async () => {
    const key = randomUUID();
    const bad = { ...complaint(`SO-IDEM-${randomUUID().slice(0, 8)}`), quantity: -1 };
    const first = await command(as.sales, 'POST', '/complaints', key, bad);
    expect(first.status).toBe(400);
    const again = await command(as.sales, 'POST', '/complaints', key, bad);
    // The very same body, request id included: it is the stored response.
    expect(again).toEqual({ status: 400, body: first.body, replayed: true });

    const malformed = await command(as.sales, 'POST', '/complaints', 'no spaces allowed', bad);
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    const tooLong = await command(as.sales, 'POST', '/complaints', 'k'.repeat(129), bad);
    expect(tooLong.status).toBe(400);
  });

  test('task commands: a retried claim answers like the first instead of 409 TASK_NOT_OPEN', async () => {
    const opened = await command(
      as.sales,
      'POST',
      '/complaints',
      undefined,
      complaint(`SO-IDEM-${randomUUID().slice(0, 8)}`),
    );
    expect(opened.status).toBe(201);
    const task = await eventually(async () => {
      const res = await call(api.url, 'GET', `/inbox?caseNumber=${opened.body.caseNumber}`, as.cs);
      return (res.body.items as Array<{ taskId: string; commands: string[] }>).find((t) =>
        t.commands.includes('RegisterComplaint'),
      );
    });
    const key = randomUUID();
    const path = `/tasks/${task.taskId}/claim`;
    const first = await command(as.cs, 'POST', path, key);
    expect(first.status).toBe(200);
    const retry = await command(as.cs, 'POST', path, key);
    expect(retry).toEqual({ status: 200, body: first.body, replayed: true });
    // Without the key, the second claim is a second command, and the workflow refuses it.
    const unkeyed = await command(as.cs, 'POST', path, undefined);
    expect(unkeyed.status).toBe(409);
    // The same key on another path is another request.
    const elsewhere = await command(as.cs, 'POST', `/tasks/${task.taskId}/unclaim`, key);
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  test('reads ignore the header', async () => {
    const res = await command(as.sales, 'GET', '/cases', randomUUID());
    expect(res.status).toBe(200);
    expect(res.replayed).toBe(false);
  });
});

describe('a task the workflow shows before its row exists', () => {
  test('issue 8 #12: completing a task the live view shows but the read model lacks → 200, not 404 TASK_NOT_FOUND', async () => {
    const opened = await command(
      as.sales,
      'POST',
      '/complaints',
      undefined,
      complaint(`SO-GAP-${randomUUID().slice(0, 8)}`),
    );
    expect(opened.status).toBe(201);
    const caseNumber = opened.body.caseNumber as string;
    // The task as the live view (the workflow query) shows it.
    const task = await eventually(async () => {
      const res = await call(api.url, 'GET', `/cases/${caseNumber}`, as.cs);
      const tasks = (res.body?.live?.tasks ?? []) as Array<{ taskId: string; commands: string[] }>;
      return tasks.find((t) => t.commands.includes('RegisterComplaint'));
    });
    // The read model lags (its write is slow, retried or not yet run): the row is not there.
    await db.query(`DELETE FROM tasks WHERE task_id = $1`, [task.taskId]);
    const key = randomUUID();
    const path = `/tasks/${task.taskId}/complete`;
    const body = {
      command: { type: 'RegisterComplaint', cause: 'product_quality', severity: 'general' },
    };
    // Access is still checked, against the live task: another department may not complete it.
    const other = await command(as.rnd, 'POST', path, randomUUID(), body);
    expect(other.status).toBe(403);
    const res = await command(as.cs, 'POST', path, key, body);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 200, code: undefined });
    expect(res.body.taskId).toBe(task.taskId);
  });

  test('issue 8 #12: a 404 TASK_NOT_FOUND is not stored as the answer for the key', async () => {
    const missing = 'KS209912-9999-T1';
    const key = randomUUID();
    const first = await command(as.cs, 'POST', `/tasks/${missing}/claim`, key);
    expect(first.status).toBe(404);
    const again = await command(as.cs, 'POST', `/tasks/${missing}/claim`, key);
    expect({ status: again.status, replayed: again.replayed }).toEqual({
      status: 404,
      replayed: false,
    });
  });
});
