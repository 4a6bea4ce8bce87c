import { randomUUID } from 'node:crypto';
import { Client as TemporalClient, type Connection } from '@temporalio/client';
import { Client } from 'pg';
import { loginAll, type ActorName, type Session } from './support/http';
import { startPgOutageProxy, type PgOutageProxy } from './support/pg-outage-proxy';
import { startApi, startWorker, type AppProcess } from './support/stack';
import { connectTestTemporal } from './support/temporal';

/**
 * Opening a case is exactly-once per Idempotency-Key across a PostgreSQL outage (issue 8 #4).
 * The API under test reaches PostgreSQL through a proxy the test cuts at the worst moment —
 * after the workflow was started, before the answer (the old code's COMMIT, the new code's
 * wait for the row) — while the worker and the tier's server stay up. All parts are real.
 */
const TASK_QUEUE = `e2e-open-once-${process.pid}`;
let proxy: PgOutageProxy;
let api: AppProcess & { url: string };
let worker: AppProcess;
let db: Client;
let connection: Connection;
let closeTemporal: (() => Promise<void>) | undefined;
let temporal: TemporalClient;
let as: Record<ActorName, Session>;

beforeAll(async () => {
  const dbUrl = process.env.ASO_E2E_DATABASE_URL as string;
  db = new Client({ connectionString: dbUrl });
  await db.connect();
  proxy = await startPgOutageProxy(dbUrl);
  [api, worker] = await Promise.all([
    startApi(TASK_QUEUE, { DATABASE_URL: proxy.url }),
    startWorker(TASK_QUEUE),
  ]);
  ({ connection, close: closeTemporal } = await connectTestTemporal());
  temporal = new TemporalClient({
    connection,
    namespace: process.env.ASO_E2E_TEMPORAL_NAMESPACE,
  });
  as = await loginAll(api.url);
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await proxy?.close();
  await closeTemporal?.();
  await db?.end();
});

const complaint = (orderNumber: string) => ({
  customer: { name: '赵六', phone: '13600136000' },
  orderNumber,
  batchNumber: 'B2611-ONCE',
  shipDate: '2026-11-10',
  defectDescription: '充电器发烫',
  demand: '退货',
  quantity: 2,
  channel: 'phone',
});

// Response bodies are asserted field by field; typing each adds nothing here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = { status: number; body: any };

async function open(key: string, body: unknown): Promise<Answer> {
  try {
    const res = await fetch(`${api.url}/complaints`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${as.sales.accessToken}`,
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  } catch (e) {
    return { status: 0, body: String(e) };
  }
}

/** What a client does: retry the same request with the same key until a 2xx (bounded). */
async function openWithRetries(key: string, body: unknown) {
  const answers: Answer[] = [];
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await open(key, body);
    answers.push(res);
    if (res.status >= 200 && res.status < 300) return answers;
    if (Date.now() > deadline) throw new Error(`no 2xx: ${JSON.stringify(answers.slice(-3))}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

const rowsOf = async (orderNumber: string) =>
  (
    await db.query<{ case_number: string; opened_by: string; defect_description: string }>(
      `SELECT case_number, opened_by, defect_description FROM cases WHERE order_number = $1`,
      [orderNumber],
    )
  ).rows;

/** Workflows of this suite's task queue whose input names the order (Temporal's own record). */
async function workflowsOf(orderNumber: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const wf of temporal.workflow.list({ query: `TaskQueue = '${TASK_QUEUE}'` })) {
    const history = await temporal.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    const input = JSON.stringify(
      (started?.input?.payloads ?? []).map((p) => Buffer.from(p.data ?? []).toString('utf8')),
    );
    if (input.includes(orderNumber)) ids.push(wf.workflowId);
  }
  return ids;
}

describe('opening a case exactly once', () => {
  test('issue 8 #4: a PostgreSQL outage during POST /complaints → one case, one workflow, one number in every answer', async () => {
    const orderNumber = `SO-ONCE-${randomUUID().slice(0, 8)}`;
    const key = randomUUID();
    // The moment after the workflow started: the old code's COMMIT, or the new wait for the
    // row (its SELECT 1 FROM cases). 3 s without PostgreSQL for the API, then it heals.
    proxy.armCut(/COMMIT|SELECT 1 FROM cases WHERE/, 3_000);
    const answers = await openWithRetries(key, complaint(orderNumber));
    expect(proxy.cuts()).toBe(1);
    expect(answers.length).toBeGreaterThan(1); // the outage did fail a first attempt
    const numbers = new Set(answers.filter((a) => a.status < 300).map((a) => a.body.caseNumber));
    expect(numbers.size).toBe(1);
    const [caseNumber] = [...numbers];

    // The row is there when the 2xx arrives (a GET right after works), written once, by the
    // worker, with who opened it and what they reported.
    expect(await rowsOf(orderNumber)).toEqual([
      { case_number: caseNumber, opened_by: as.sales.user.id, defect_description: '充电器发烫' },
    ]);
    // Give a duplicate (the old code's orphaned workflow writes its row itself) time to show.
    await new Promise((r) => setTimeout(r, 2_000));
    expect((await rowsOf(orderNumber)).map((r) => r.case_number)).toEqual([caseNumber]);
    expect(await workflowsOf(orderNumber)).toEqual([caseNumber]);
    const detail = await fetch(`${api.url}/cases/${caseNumber}`, {
      headers: { authorization: `Bearer ${as.sales.accessToken}` },
    });
    expect(detail.status).toBe(200);
  });

  test('issue 8 #4: the same Idempotency-Key twice concurrently → one case', async () => {
    const orderNumber = `SO-ONCE-${randomUUID().slice(0, 8)}`;
    const key = randomUUID();
    const [a, b] = await Promise.all([
      openWithRetries(key, complaint(orderNumber)),
      openWithRetries(key, complaint(orderNumber)),
    ]);
    const last = (x: typeof a) => x[x.length - 1]!;
    expect(last(a).body.caseNumber).toBe(last(b).body.caseNumber);
    expect((await rowsOf(orderNumber)).map((r) => r.case_number)).toEqual([
      last(a).body.caseNumber,
    ]);
    expect(await workflowsOf(orderNumber)).toEqual([last(a).body.caseNumber]);
  });

  test('issue 8 #4: a retry after the workflow closed answers with the same case number', async () => {
    const orderNumber = `SO-ONCE-${randomUUID().slice(0, 8)}`;
    const key = randomUUID();
    const first = await open(key, complaint(orderNumber));
    expect(first.status).toBe(201);
    const caseNumber = first.body.caseNumber as string;
    await temporal.workflow.getHandle(caseNumber).terminate('test: the case is over');
    // The stored response is gone (expired, or never stored because the API died): the retry
    // runs the opening again and must find the same case, not fail or open another.
    await db.query(`DELETE FROM idempotency_keys WHERE key = $1`, [key]);
    const retry = await open(key, complaint(orderNumber));
    expect(retry).toEqual({ status: 201, body: first.body });
    expect((await rowsOf(orderNumber)).map((r) => r.case_number)).toEqual([caseNumber]);
    expect(await workflowsOf(orderNumber)).toEqual([caseNumber]);
  });
});
