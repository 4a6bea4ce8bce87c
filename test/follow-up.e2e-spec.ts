import { Client } from 'pg';
import { call, loginAll, type ActorName, type Session } from './support/http';
import { assignOwner, close, proposal, register, report } from './support/complaint-commands';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';
import { taskClient } from './support/tasks';

/**
 * The follow-up call (HF, DOMAIN.md §5) over HTTP only: a complaint opened by CS (Decision 1)
 * closes → its follow-up case is in CS's inbox → the call is recorded → dissatisfied → the CS
 * manager reviews → CS writes the intake → a new complaint linked to the old case; and a customer
 * unreachable three times. api + worker + Temporal dev server + PostgreSQL, all real.
 */
const TASK_QUEUE = `e2e-follow-up-${process.pid}`;
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

const { inbox, taskFor, complete } = taskClient(() => api.url);

const complaint = {
  customer: { name: '赵六', phone: '13700137000' },
  orderNumber: 'SO-20261201-09',
  batchNumber: 'B2612-01',
  shipDate: '2026-11-20',
  defectDescription: '录音笔电池续航不足',
  demand: '道歉并说明原因',
  quantity: 1,
  channel: 'phone',
};

/** CS takes the complaint by phone (Decision 1) and works it to its close (apology only). */
async function closedComplaint(): Promise<string> {
  const res = await call(api.url, 'POST', '/complaints', as.cs, complaint);
  expect(res.status).toBe(201);
  const caseNumber = res.body.caseNumber as string;
  // Decision 1: the opener is CS, so CS owes the 24 h first response
  await complete(as.cs, caseNumber, {
    type: 'RecordFirstResponse',
    channel: 'phone',
    summary: '已致电客户说明处理流程',
  });
  await complete(as.csManager, caseNumber, assignOwner(as.cs.user.id)); // C11 (policy v2)
  await complete(as.cs, caseNumber, register);
  await complete(as.rnd, caseNumber, report);
  await complete(as.vp, caseNumber, { type: 'ApproveInvestigationReport', remarks: '同意' });
  await complete(as.cs, caseNumber, proposal('apology'));
  await complete(as.csManager, caseNumber, { type: 'ApproveResolution' });
  await complete(as.sales, caseNumber, {
    type: 'RecordCustomerResponse',
    accepted: true,
    via: 'phone',
  });
  await complete(as.cs, caseNumber, close);
  return caseNumber;
}

/** The follow-up case the closed case started (its row names the parent). */
const followUpOf = (parent: string) =>
  eventually(async () => {
    const { rows } = await db.query(
      `SELECT case_number FROM cases WHERE parent_case_number = $1 AND type = 'followUp'`,
      [parent],
    );
    return rows[0]?.case_number as string | undefined;
  });

/**
 * Waits for the call to close; a record drawn for the supervision re-check (every 10th by
 * number, 004 七.(二)) is re-checked first by the CS manager, who did not make the call.
 */
async function closedRow(hf: string) {
  const settled = await eventually(async () => {
    const { rows } = await db.query('SELECT * FROM cases WHERE case_number = $1', [hf]);
    return ['closed', 'spot_check'].includes(rows[0]?.status) ? rows[0] : undefined;
  });
  if (settled.status === 'closed') return settled;
  await complete(as.csManager, hf, { type: 'RecordSpotCheck', consistent: true, note: '回拨一致' });
  return eventually(async () => {
    const { rows } = await db.query('SELECT * FROM cases WHERE case_number = $1', [hf]);
    return rows[0]?.status === 'closed' ? rows[0] : undefined;
  });
}

const survey = (arrival: string) => ({
  attitude: 'very_satisfied',
  skill: 'satisfied',
  arrival_time: arrival,
  promises_kept: 'satisfied',
});

describe('the follow-up call over HTTP (DOMAIN.md §5)', () => {
  test('F08 F11 Decision 11: a closed complaint → HF in CS’s inbox (due 3 working days after the close) → dissatisfied → the CS manager reviews → a new complaint linked to the old case, CS owes its first response', async () => {
    const parent = await closedComplaint();
    const hf = await followUpOf(parent);
    expect(hf).toMatch(/^HF20\d{4}-\d{4,}$/);
    const call1 = await taskFor(as.cs, hf, 'RecordCall');
    expect(call1.candidateDepartment).toBe('cs');
    // not in sales' inbox: the follow-up is CS's (004)
    expect((await inbox(as.sales, hf)).length).toBe(0);

    const detail = await call(api.url, 'GET', `/cases/${hf}`, as.cs);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ type: 'followUp', parentCaseNumber: parent });

    // a bad survey grade names the rule
    const bad = await call(api.url, 'POST', `/tasks/${call1.taskId}/complete`, as.cs, {
      command: {
        type: 'RecordCall',
        identityConfirmed: true,
        purposeStated: true,
        closingSaid: true,
        answers: { result: '不满意', process: '慢', handler: '一般' },
        survey: { ...survey('poor'), skill: 'great' },
      },
    });
    expect({ status: bad.status, code: bad.body.code }).toEqual({
      status: 422,
      code: 'SURVEY_INVALID',
    });
    await complete(as.cs, hf, {
      type: 'RecordCall',
      identityConfirmed: true,
      purposeStated: true,
      closingSaid: true,
      answers: { result: '不满意', process: '慢', handler: '一般' },
      survey: survey('poor'),
    });
    // F04: the caller's own record is reviewed by the CS manager, not by a colleague
    expect((await inbox(as.cs2, hf)).some((t) => t.commands.includes('ReviewCallRecord'))).toBe(
      false,
    );
    await complete(as.csManager, hf, { type: 'ReviewCallRecord', approve: true });
    await complete(as.cs, hf, {
      type: 'OpenLinkedComplaint',
      intake: {
        customerName: '赵六',
        orderNumber: complaint.orderNumber,
        batchNumber: complaint.batchNumber,
        shipDate: complaint.shipDate,
        defectiveQuantity: 1,
        demand: '重新处理',
        reasons: `回访 ${hf}: 到达时间 较差`,
        channel: 'phone',
        attachments: [],
        salesOpinion: '',
      },
    });
    await closedRow(hf);
    const closed = (await call(api.url, 'GET', `/cases/${hf}`, as.cs)).body;
    const [linked] = closed.live.childCaseNumbers as string[];
    expect(linked).toMatch(/^KS20\d{4}-\d{4,}$/);
    const first = await taskFor(as.cs, linked!, 'RecordFirstResponse');
    expect(first.candidateDepartment).toBe('cs');
    // the worker started it on the organisation's current policy: the newest built-in (v2)
    expect((await call(api.url, 'GET', `/cases/${linked}`, as.cs)).body.policyVersion).toBe(2);
    const audit = await call(api.url, 'GET', `/cases/${hf}/audit/verify`, as.auditor);
    expect(audit.status).toBe(200);
    expect(audit.body).toMatchObject({ valid: true });
  });

  test('F12 DOMAIN.md §5: the customer unreachable three times → the follow-up closes as unreachable', async () => {
    const parent = await closedComplaint();
    const hf = await followUpOf(parent);
    for (const note of ['无人接听', '关机', '空号'])
      await complete(as.cs, hf, { type: 'RecordCallAttempt', note });
    const row = await eventually(async () => {
      const { rows } = await db.query('SELECT * FROM cases WHERE case_number = $1', [hf]);
      return rows[0]?.status === 'closed' ? rows[0] : undefined;
    });
    expect(row).toMatchObject({ method: 'unreachable', parent_case_number: parent });
  });

  test('F07 004 五.(二): CS opens a key customer’s monthly plan call; the plan script is asked, the survey optional; the CS supervisor reviews; sales may not open one', async () => {
    const refused = await call(api.url, 'POST', '/follow-ups', as.sales, {
      plan: 'key_customer',
      planRef: 'C-0088',
      customer: { name: '孙八' },
    });
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 403,
      code: 'WRONG_DEPARTMENT',
    });
    const res = await call(api.url, 'POST', '/follow-ups', as.cs, {
      plan: 'key_customer',
      planRef: 'C-0088',
      customer: { name: '孙八', phone: '13600136000' },
    });
    expect(res.status).toBe(201);
    const hf = res.body.caseNumber as string;
    expect(hf).toMatch(/^HF20\d{4}-\d{4,}$/);
    await complete(as.cs2, hf, {
      type: 'RecordCall',
      identityConfirmed: true,
      purposeStated: true,
      closingSaid: true,
      answers: { usage: '正常使用', needs: '希望增加配件' },
    });
    await complete(as.csSupervisor, hf, { type: 'ReviewCallRecord', approve: true });
    const row = await closedRow(hf);
    expect(row).toMatchObject({ method: 'satisfied', classification: 'key_customer' });
  });

  test('F15 X11 004 七.(一): the follow-up KPIs count the calls of the period (completion, record quality, satisfaction by grade)', async () => {
    const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const res = await call(
      api.url,
      'GET',
      `/reports/follow-up-kpis?from=${day}&to=${day}`,
      as.csManager,
    );
    expect(res.status).toBe(200);
    // this suite's two calls at least: one dissatisfied (reviewed first time), one unreachable
    expect(res.body.total.dissatisfied).toBeGreaterThanOrEqual(1);
    expect(res.body.total.unreachable).toBeGreaterThanOrEqual(1);
    expect(res.body.total.satisfaction.poor).toBeGreaterThanOrEqual(1);
    expect(res.body.total.recordQualityRate).not.toBeNull();
    expect(res.body.byMonth.map((m: { month: string }) => m.month)).toContain(day.slice(0, 7));
  });
});
