import { seedDemo } from '../tools/seed-demo';
import { call, E2E_PASSWORD, login, loginAll, type ActorName, type Session } from './support/http';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';
import { taskClient } from './support/tasks';

/**
 * A customer's own return / exchange (TH, DOMAIN.md §2; 001 篇3 退货流程 and 退换货; 002 ch.11)
 * over HTTP only: api + worker processes + Temporal dev server + PostgreSQL, all real. Sales
 * records the request (POST /returns), the answer says which rule decided; the sales supervisor
 * answers the problem first (R10) and approves or refuses; the warehouse checks, finance
 * reconciles and refunds, or the exchange is reshipped.
 */
const TASK_QUEUE = `e2e-returns-${process.pid}`;
const ORG = `e2e-returns-${process.pid}`;
let api: AppProcess & { url: string };
let worker: AppProcess;
let as: Record<ActorName, Session>;
let supervisor: Session;

beforeAll(async () => {
  await seedDemo(process.env.ASO_E2E_DATABASE_URL as string, {
    organisationId: ORG,
    password: E2E_PASSWORD,
  });
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  as = await loginAll(api.url, ORG);
  supervisor = await login(api.url, 'sales-sup-01', ORG);
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
});

const { taskFor, complete } = taskClient(() => api.url);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A retail no-reason return of one recorder, delivered `daysAgo` days ago, asked now. */
const request = (daysAgo: number, over: Record<string, unknown> = {}) => ({
  kind: 'return',
  orderNumber: 'TB-20261201-77',
  serialNumber: 'SN-DVR-7701',
  reason: 'no_reason',
  reasonText: '不想要了',
  requestedAt: iso(Date.now() - 60_000),
  deliveredAt: iso(Date.now() - daysAgo * DAY),
  customer: { account: 'wangwang:zhao_liu', name: '赵六', phone: '13900000001' },
  customerKind: 'retail',
  channel: 'online',
  quantity: 1,
  poweredOn: false,
  partsReturned: ['packaging', 'accessories', 'warranty_card', 'unit'],
  ...over,
});

/** POST /returns as sales, with an Idempotency-Key when given. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function post(body: unknown, key?: string): Promise<{ status: number; body: any }> {
  if (!key) return call(api.url, 'POST', '/returns', as.sales, body);
  const res = await fetch(`${api.url}/returns`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${as.sales.accessToken}`,
      'idempotency-key': key,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function open(body: unknown, key?: string) {
  const res = await post(body, key);
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
  return res.body as {
    caseNumber: string;
    eligibility: { decision: string; decidedBy: { rule: string }; missingParts: string[] };
  };
}

/** R10: the supervisor answered, the customer still wants it back. */
const answerUnresolved = (caseNumber: string) =>
  complete(supervisor, caseNumber, {
    type: 'RecordSupervisorAnswer',
    answer: '解释了使用方法, 客户仍要退货',
    resolved: false,
  });

async function approveRefused(caseNumber: string) {
  const task = await taskFor(supervisor, caseNumber, 'ApproveReturnRequest');
  return call(api.url, 'POST', `/tasks/${task.taskId}/complete`, supervisor, {
    command: { type: 'ApproveReturnRequest' },
  });
}

const statusOf = (caseNumber: string, status: string) =>
  eventually(async () => {
    const res = await call(api.url, 'GET', `/cases/${caseNumber}`, as.sales);
    return res.status === 200 && res.body.status === status ? res.body : undefined;
  });

async function goodsBack(caseNumber: string) {
  await complete(as.warehouse, caseNumber, {
    type: 'ReceiveGoods',
    quantity: 1,
    complete: true,
    undamaged: true,
  });
  await complete(as.finance, caseNumber, { type: 'Reconcile', voucherNumber: 'PZ-77' });
}

describe('a customer’s own return over HTTP (TH, DOMAIN.md §2)', () => {
  test('R08 R09 R17 001 篇3 退货流程 1–4: a retail no-reason return 3 days after delivery is inside the 7 days — opened once per Idempotency-Key, answered, approved, received, reconciled, refunded', async () => {
    const body = request(3);
    const opened = await open(body, 'e2e-return-inside-1');
    expect(opened.caseNumber).toMatch(/^TH20\d{4}-\d{4,}$/);
    expect(opened.eligibility).toMatchObject({ decision: 'accept', decidedBy: { rule: 'R17' } });
    const again = await post(body, 'e2e-return-inside-1');
    expect(again.body.caseNumber).toBe(opened.caseNumber);
    const { caseNumber } = opened;
    // the supervisor's task is not the clerk's
    expect(
      (await call(api.url, 'GET', `/inbox?caseNumber=${caseNumber}`, as.sales)).body.items,
    ).toEqual([]);
    await answerUnresolved(caseNumber);
    await complete(supervisor, caseNumber, { type: 'ApproveReturnRequest' });
    await goodsBack(caseNumber);
    await complete(as.finance, caseNumber, { type: 'RecordRefund', amountFen: 39_900 });
    const closed = await statusOf(caseNumber, 'completed');
    expect(closed).toMatchObject({ type: 'return', parentCaseNumber: null });
  });

  test('R17 001 篇3 退换货 7: 8 days after delivery the no-reason window is over — approval is 422 RETURN_WINDOW_EXPIRED, the supervisor refuses', async () => {
    const { caseNumber, eligibility } = await open(request(8));
    expect(eligibility).toMatchObject({ decision: 'may_refuse', decidedBy: { rule: 'R17' } });
    await answerUnresolved(caseNumber);
    const refused = await approveRefused(caseNumber);
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 422,
      code: 'RETURN_WINDOW_EXPIRED',
    });
    await complete(supervisor, caseNumber, {
      type: 'RejectReturnRequest',
      reason: '超出七天无理由退换货范围',
    });
    await statusOf(caseNumber, 'rejected');
  });

  test('R15 001 篇3 退换货 5: a powered-on recorder loses the 7-day right — approval is 422 RETURN_NOT_ELIGIBLE naming R15', async () => {
    const { caseNumber, eligibility } = await open(request(2, { poweredOn: true }));
    expect(eligibility).toMatchObject({ decision: 'may_refuse', decidedBy: { rule: 'R15' } });
    await answerUnresolved(caseNumber);
    const refused = await approveRefused(caseNumber);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'RETURN_NOT_ELIGIBLE',
      details: expect.objectContaining({ rule: 'R15' }),
    });
  });

  test('Decision 8 / R11 001 篇3 退换货 1: a confirmed quality return missing its warranty card is accepted; the slip records the missing card and the company pays shipping', async () => {
    const { caseNumber, eligibility } = await open(
      request(20, {
        reason: 'quality_problem',
        reasonText: '无法开机',
        qualityProblemConfirmed: true,
        poweredOn: true,
        partsReturned: ['packaging', 'accessories', 'unit'],
      }),
    );
    expect(eligibility).toMatchObject({
      decision: 'accept',
      decidedBy: { rule: 'R11' },
      missingParts: ['warranty_card'],
    });
    await answerUnresolved(caseNumber);
    await complete(supervisor, caseNumber, { type: 'ApproveReturnRequest' });
    const slip = await eventually(async () => {
      const docs = await call(api.url, 'GET', `/cases/${caseNumber}/documents`, as.sales);
      return (docs.body as Array<{ docType: string; content: Record<string, unknown> }>).find(
        (d) => d.docType === 'return_slip',
      );
    });
    expect(slip.content).toMatchObject({
      missingParts: ['warranty_card'],
      shippingPaidBy: 'company',
    });
  });

  test('R07 001 篇3 退货流程 4: an exchange for a quality problem — received, reconciled, then the warehouse reships the replacement', async () => {
    const { caseNumber } = await open(
      request(4, {
        kind: 'exchange',
        reason: 'quality_problem',
        reasonText: '画面花屏',
        qualityProblemConfirmed: true,
      }),
    );
    await answerUnresolved(caseNumber);
    await complete(supervisor, caseNumber, { type: 'ApproveReturnRequest' });
    await goodsBack(caseNumber);
    await complete(as.warehouse, caseNumber, {
      type: 'RecordReshipment',
      shipmentNumber: 'SF1234567890',
    });
    expect(await statusOf(caseNumber, 'completed')).toMatchObject({ method: 'exchange' });
  });

  test('R21 002 ch.11 1(1) 自己提货的不能退换: a wholesale customer’s self-collected goods are refused (422 RETURN_NOT_ELIGIBLE naming R21)', async () => {
    const { caseNumber, eligibility } = await open(
      request(1, {
        customerKind: 'wholesale',
        reason: 'quality_problem',
        qualityProblemConfirmed: true,
        videoChecked: true,
        selfPickup: true,
      }),
    );
    expect(eligibility).toMatchObject({ decision: 'refuse', decidedBy: { rule: 'R21' } });
    await answerUnresolved(caseNumber);
    const refused = await approveRefused(caseNumber);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'RETURN_NOT_ELIGIBLE',
      details: expect.objectContaining({ rule: 'R21' }),
    });
  });

  test('R09 001 篇3 一般售后 1: a request time (申请售后的时间) an hour in the future is 400 VALIDATION_FAILED naming body.requestedAt', async () => {
    const res = await post(request(1, { requestedAt: iso(Date.now() + 3_600_000) }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: 'body.requestedAt', message: 'must not be in the future' }] },
    });
  });
});
