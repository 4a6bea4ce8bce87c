import { seedDemo } from '../tools/seed-demo';
import { call, E2E_PASSWORD, loginAll, type ActorName, type Session } from './support/http';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';
import { taskClient } from './support/tasks';

/**
 * A consignment (DX, DOMAIN.md §4, 002 ch.12; K01–K04) over HTTP only: api + worker + Temporal
 * dev server + PostgreSQL, all real. Sales opens it (POST /consignments: the list with a code per
 * item), the absent customer's signature is recorded, sales are recorded by code on the standing
 * task, the consignor asks for the goods back so the period's report is generated at once, sales
 * sends it, finance settles, the warehouse takes the unsold goods back against the list, closed.
 */
const TASK_QUEUE = `e2e-consignments-${process.pid}`;
const ORG = `e2e-consignments-${process.pid}`;
let api: AppProcess & { url: string };
let worker: AppProcess;
let as: Record<ActorName, Session>;

beforeAll(async () => {
  await seedDemo(process.env.ASO_E2E_DATABASE_URL as string, {
    organisationId: ORG,
    password: E2E_PASSWORD,
  });
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  as = await loginAll(api.url, ORG);
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
});

const { taskFor, complete } = taskClient(() => api.url);

const body = {
  consignor: { name: '李明', surname: '李', phone: '13800000000' },
  customerKind: 'wholesale',
  goods: [
    { item: 'Espresso machine EM-3', quantity: 10, priceFen: 129_900 },
    { item: 'Grinder G-1', quantity: 12, priceFen: 39_900 },
  ],
  terms: { commissionBp: 1500, durationMonths: 12 },
  customerPresent: false,
};

async function post(b: unknown, key: string) {
  const res = await fetch(`${api.url}/consignments`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${as.sales.accessToken}`,
      'idempotency-key': key,
    },
    body: JSON.stringify(b),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (await res.json()) as any };
}

describe('consignment over HTTP (002 ch.12)', () => {
  test('K01 K02 K03 K04 002 ch.12 1–3: opened once per key with pf001李 and pf002李, signed, sales by code, the report on the consignor’s request, settled, the unsold goods back, closed', async () => {
    const key = `consignment-${process.pid}`;
    const opened = await post(body, key);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      status: 'awaiting_signature',
      items: [
        { code: 'pf001李', quantity: 10 },
        { code: 'pf002李', quantity: 12 },
      ],
      labels: [
        { code: 'pf001李', copies: 10 },
        { code: 'pf002李', copies: 12 },
      ],
    });
    const caseNumber = opened.body.caseNumber as string;
    expect(caseNumber).toMatch(/^DX\d{6}-\d{4}$/);
    expect(opened.body.listNumber).toBe(`${caseNumber}-L`);
    // the same key opens nothing new
    expect((await post(body, key)).body.caseNumber).toBe(caseNumber);

    // K03: the customer signs the quantities and the contract
    await complete(as.sales, caseNumber, { type: 'RecordSignature', signatory: '李明' });

    // sales by code on the standing task: a sale, a day's batch, a repeat; refusals are coded
    const sales = await taskFor(as.sales, caseNumber, 'RecordSales');
    const sell = (saleList: unknown[]) =>
      call(api.url, 'POST', `/tasks/${sales.taskId}/complete`, as.sales, {
        command: { type: 'RecordSales', sales: saleList },
      });
    expect((await sell([{ saleId: 'S-1', code: 'pf001李', quantity: 2 }])).status).toBe(200);
    expect(
      (
        await sell([
          { saleId: 'S-2', code: 'pf001李', quantity: 1 },
          { saleId: 'S-3', code: 'pf002李', quantity: 4 },
        ])
      ).status,
    ).toBe(200);
    expect((await sell([{ saleId: 'S-1', code: 'pf001李', quantity: 2 }])).status).toBe(200);
    const unknown = await sell([{ saleId: 'S-4', code: 'pf099李', quantity: 1 }]);
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({
      status: 422,
      code: 'CONSIGNMENT_ITEM_UNKNOWN',
    });
    const over = await sell([{ saleId: 'S-5', code: 'pf001李', quantity: 8 }]);
    expect({ status: over.status, code: over.body.code }).toEqual({
      status: 409,
      code: 'CONSIGNMENT_OVERSOLD',
    });
    const view = await call(api.url, 'GET', `/cases/${caseNumber}`, as.sales);
    expect(view.status).toBe(200);

    // the consignor asks for the goods back: the period's report is generated now
    await complete(as.sales, caseNumber, { type: 'RequestReturn', reason: '客户要求退回未售商品' });
    await complete(as.sales, caseNumber, { type: 'MarkReportSent', period: 1, channel: 'wechat' });
    await complete(as.finance, caseNumber, {
      type: 'SettlePeriod',
      settlement: 1,
      voucherRef: 'V-DX-1',
    });
    const short = await (async () => {
      const task = await taskFor(as.warehouse, caseNumber, 'RecordReturnReceipt');
      return call(api.url, 'POST', `/tasks/${task.taskId}/complete`, as.warehouse, {
        command: { type: 'RecordReturnReceipt', lines: [{ code: 'pf001李', quantity: 7 }] },
      });
    })();
    expect({ status: short.status, code: short.body.code }).toEqual({
      status: 422,
      code: 'QUANTITY_MISMATCH',
    });
    await complete(as.warehouse, caseNumber, {
      type: 'RecordReturnReceipt',
      lines: [
        { code: 'pf001李', quantity: 7 },
        { code: 'pf002李', quantity: 8 },
      ],
    });
    const closed = await eventually(async () => {
      const res = await call(api.url, 'GET', `/cases/${caseNumber}`, as.sales);
      return res.body?.status === 'closed' ? res.body : undefined;
    });
    expect(closed).toMatchObject({ status: 'closed' });
    const docs = await call(api.url, 'GET', `/cases/${caseNumber}/documents`, as.sales);
    expect(docs.status).toBe(200);
    const types = JSON.stringify(docs.body);
    for (const t of [
      'consignment_list',
      'consignment_contract',
      'consignment_sales_report',
      'consignment_settlement',
      'consignment_return_receipt',
    ])
      expect(types).toContain(t);
  });
});
