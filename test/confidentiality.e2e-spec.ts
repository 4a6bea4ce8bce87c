import { call, loginAll, type ActorName, type Session } from './support/http';
import { proposal, register, report } from './support/complaint-commands';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';
import { taskClient } from './support/tasks';

/**
 * The customer-facing view after a decision exists (001 §25.6, DOMAIN.md "Confidentiality"):
 * api + worker + Temporal + PostgreSQL, all real. Amounts are chosen so that the internal loss
 * total and the remedy granted to the customer are distinct numbers that cannot be confused.
 */
const TASK_QUEUE = `e2e-confidentiality-${process.pid}`;
let api: AppProcess & { url: string };
let worker: AppProcess;
let as: Record<ActorName, Session>;

beforeAll(async () => {
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  as = await loginAll(api.url);
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
});

const { complete } = taskClient(() => api.url);

/** 3 × ¥250 + ¥30 freight + ¥26.55 handling + ¥123.45 compensation = ¥930 loss. */
const LOSS_FEN = 93_000;
const COMPENSATION_FEN = 12_345;
const lossBasis = {
  unitCostFen: 25_000,
  quantity: 3,
  freightFen: 3_000,
  handlingFen: 2_655,
  compensationFen: COMPENSATION_FEN,
};

/** Every way the loss total or its lines could be spelled in a JSON body. */
const lossSpellings = ['93000', '930.00', '75000', '2655', 'lossAmount', 'lossBasis', 'penalt'];

async function decidedCase(method: string): Promise<string> {
  const res = await call(api.url, 'POST', '/complaints', as.sales, {
    customer: { name: '王五', phone: '13600136000' },
    orderNumber: `SO-CONF-${process.pid}`,
    batchNumber: 'B2611-09',
    shipDate: '2026-11-10',
    defectDescription: '外壳开裂',
    demand: '赔偿',
    quantity: 3,
    channel: 'phone',
  });
  expect(res.status).toBe(201);
  const caseNumber = res.body.caseNumber as string;
  await complete(as.cs, caseNumber, register);
  await complete(as.rnd, caseNumber, report);
  await complete(as.vp, caseNumber, { type: 'ApproveInvestigationReport', remarks: '同意' });
  await complete(as.cs, caseNumber, proposal(method, { lossBasis }));
  await complete(as.csManager, caseNumber, { type: 'ApproveResolution' });
  return caseNumber;
}

const customerView = async (caseNumber: string) => {
  const res = await call(api.url, 'GET', `/cases/${caseNumber}/customer-view`, as.sales);
  expect(res.status).toBe(200);
  return res.body;
};

describe('confidentiality of the customer-facing view', () => {
  test('X04 001 §25.6 (issue 8 #11): after a decision the customer view shows the compensation granted (¥123.45), never the ¥930 loss, or its lines', async () => {
    const caseNumber = await decidedCase('compensation');
    // the internal view holds the loss: the values are really there to leak
    const internal = await eventually(async () => {
      const r = await call(api.url, 'GET', `/cases/${caseNumber}`, as.cs);
      return r.body.approvedAmountFen === LOSS_FEN ? r.body : undefined;
    });
    expect(internal.lossAmountFen).toBe(LOSS_FEN);

    const view = await eventually(async () => {
      const v = await customerView(caseNumber);
      return v.decision ? v : undefined;
    });
    expect(view.progress).toBe('decided');
    expect(view.decision).toEqual({ method: 'compensation', amountFen: COMPENSATION_FEN });
    const text = JSON.stringify(view);
    for (const leak of lossSpellings)
      expect({ leak, found: text.includes(leak) }).toEqual({ leak, found: false });
  });

  test('C33 002 服务流程 3; 003 §四.3; 000 §三.7: the customer view lists what the customer was told — the process and expected time at acceptance, then each stage — with when and on which channel, never the loss', async () => {
    const caseNumber = await decidedCase('compensation');
    const view = await eventually(async () => {
      const v = await customerView(caseNumber);
      return v.notices?.length === 3 ? v : undefined;
    });
    const notices = view.notices as Array<Record<string, unknown>>;
    expect(notices.map((n) => [n.stage, n.channel])).toEqual([
      ['accepted', 'phone'],
      ['investigation_done', 'phone'],
      ['decision_ready', 'phone'],
    ]);
    expect(String(notices[0]!.message)).toContain('处理流程');
    expect(typeof notices[0]!.expectedBy).toBe('string');
    for (const n of notices) expect(Number.isNaN(Date.parse(String(n.at)))).toBe(false);
    const text = JSON.stringify(notices);
    for (const leak of lossSpellings)
      expect({ leak, found: text.includes(leak) }).toEqual({ leak, found: false });
  });

  test('X04 001 §25.6 (issue 8 #11): a discount decision shows no amount until the certificate is issued, then its face value, never the loss', async () => {
    const caseNumber = await decidedCase('discount');
    const decided = await eventually(async () => {
      const v = await customerView(caseNumber);
      return v.decision ? v : undefined;
    });
    expect(decided.decision).toEqual({ method: 'discount', amountFen: null });
    await complete(as.sales, caseNumber, {
      type: 'RecordCustomerResponse',
      accepted: true,
      via: 'phone',
    });
    await complete(as.sales, caseNumber, {
      type: 'IssueDiscountCertificate',
      certificateNumber: `ZK-${caseNumber}`,
      amountFen: 55_500,
    });
    const issued = await eventually(async () => {
      const v = await customerView(caseNumber);
      return v.decision?.amountFen === 55_500 ? v : undefined;
    });
    const text = JSON.stringify(issued);
    for (const leak of lossSpellings)
      expect({ leak, found: text.includes(leak) }).toEqual({ leak, found: false });
  });
});
