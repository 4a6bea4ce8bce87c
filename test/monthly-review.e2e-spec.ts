import { Client } from 'pg';
import { seedDemo } from '../tools/seed-demo';
import { call, E2E_PASSWORD, login, type Session } from './support/http';
import { assignOwner, close, proposal, register, report } from './support/complaint-commands';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';
import { taskClient } from './support/tasks';

/**
 * The monthly complaint review (YS; 001 §28; M01–M03; Decision 6; issue 13 "Monthly review")
 * over HTTP only: last month's closed complaint with an administrative penalty and a bonus
 * deduction → the GM office starts November 2026's review by hand (POST /monthly-reviews, once:
 * a second start finds the same case) → reviews it → HR publishes the 人事公布单 → the GM
 * approves the 奖罚通知单 (approval row bonus-deduction-gm) → HR applies it → both documents
 * read at GET /monthly-reviews/2026-11 and linked in the source complaint's audit trail.
 * api + worker + Temporal dev server + PostgreSQL, all real. The suite seeds an organisation
 * of its own, so its November holds only its own complaint.
 */
const TASK_QUEUE = `e2e-monthly-review-${process.pid}`;
const ORG = `e2e-review-${process.pid}`;
const USERS = {
  sales: 'sales-01',
  cs: 'cs-01',
  csManager: 'cs-mgr-01',
  rnd: 'rnd-01',
  vp: 'vp-01',
  gm: 'gm-01',
  gmo: 'gmo-01',
  hr: 'hr-01',
  admin: 'admin-01',
  auditor: 'auditor-01',
} as const;
let api: AppProcess & { url: string };
let worker: AppProcess;
let db: Client;
let as: Record<keyof typeof USERS, Session>;

beforeAll(async () => {
  await seedDemo(process.env.ASO_E2E_DATABASE_URL as string, {
    organisationId: ORG,
    password: E2E_PASSWORD,
  });
  db = new Client({ connectionString: process.env.ASO_E2E_DATABASE_URL });
  await db.connect();
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  const names = Object.keys(USERS) as Array<keyof typeof USERS>;
  const sessions = await Promise.all(names.map((n) => login(api.url, USERS[n], ORG)));
  as = Object.fromEntries(names.map((n, i) => [n, sessions[i]])) as typeof as;
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await db?.end();
});

const { taskFor, complete } = taskClient(() => api.url);

/**
 * A complaint worked to its close over HTTP whose approved handling form holds a warning
 * (行政处分) and a ¥200 bonus deduction (奖金罚扣) for worker-17; then dated into November 2026
 * (the read model's close instant: the review lists the month's closed complaints by it).
 */
async function novemberComplaint(): Promise<string> {
  const res = await call(api.url, 'POST', '/complaints', as.sales, {
    customer: { name: '周九', phone: '13900139000' },
    orderNumber: 'SO-20261105-01',
    batchNumber: 'B2611-02',
    shipDate: '2026-11-02',
    defectDescription: '录音笔无法开机',
    demand: '道歉并说明原因',
    quantity: 1,
    channel: 'phone',
  });
  expect(res.status).toBe(201);
  const caseNumber = res.body.caseNumber as string;
  await complete(as.sales, caseNumber, {
    type: 'RecordFirstResponse',
    channel: 'phone',
    summary: '已致电客户说明处理流程',
  });
  await complete(as.csManager, caseNumber, assignOwner(as.cs.user.id)); // C11 (policy v2)
  await complete(as.cs, caseNumber, register);
  await complete(as.rnd, caseNumber, report);
  await complete(as.vp, caseNumber, { type: 'ApproveInvestigationReport', remarks: '同意' });
  await complete(
    as.cs,
    caseNumber,
    proposal('apology', {
      penalties: [
        { personId: 'worker-17', kind: 'warning', amountFen: 0 },
        { personId: 'worker-17', kind: 'bonus_deduction', amountFen: 20_000 },
      ],
    }),
  );
  await complete(as.csManager, caseNumber, { type: 'ApproveResolution' });
  // 001 §25.4: a decision with individual penalties also needs the VP in charge
  await complete(as.vp, caseNumber, { type: 'ApproveResolution' });
  await complete(as.sales, caseNumber, {
    type: 'RecordCustomerResponse',
    accepted: true,
    via: 'phone',
  });
  await complete(as.cs, caseNumber, close);
  await eventually(async () => {
    const { rows } = await db.query('SELECT status FROM cases WHERE case_number = $1', [
      caseNumber,
    ]);
    return rows[0]?.status === 'closed' ? true : undefined;
  }, 60_000);
  // the close's last writes (its follow-up call started) land first; then the row is dated,
  // again if a late snapshot write re-dated it
  await eventually(async () => {
    const { rows } = await db.query(
      `SELECT 1 FROM cases WHERE parent_case_number = $1 AND type = 'followUp'`,
      [caseNumber],
    );
    return rows.length > 0 ? true : undefined;
  });
  await eventually(async () => {
    await db.query(`UPDATE cases SET closed_at = '2026-11-20T02:00:00Z' WHERE case_number = $1`, [
      caseNumber,
    ]);
    await new Promise((r) => setTimeout(r, 1500));
    const { rows } = await db.query('SELECT closed_at FROM cases WHERE case_number = $1', [
      caseNumber,
    ]);
    return new Date(rows[0].closed_at).toISOString() === '2026-11-20T02:00:00.000Z'
      ? true
      : undefined;
  });
  return caseNumber;
}

describe('the monthly complaint review over HTTP (001 §28)', () => {
  test('M01 M02 M03 001 §28 M04 001 §15: November 2026 started by the GM office (once), due 18:00 Wed 9 Dec; 人事公布单 published by HR; 奖罚通知单 approved by the GM (bonus-deduction-gm), applied by HR; both linked in the complaint’s trail; the follow-up survey of the November complaint rates its CS staff in the appraisal; M06 003 §五.2: and in the service appraisal by month, quarter and year', async () => {
    const ks = await novemberComplaint();
    // M04 001 §15: CS calls the customer back about the November complaint (its HF case) and
    // records the 001 §17 survey rating the service staff who handled it
    const { rows: hfRows } = await db.query<{ case_number: string }>(
      `SELECT case_number FROM cases WHERE parent_case_number = $1 AND type = 'followUp'`,
      [ks],
    );
    const hf = hfRows[0]!.case_number;
    await complete(as.cs, hf, {
      type: 'RecordCall',
      identityConfirmed: true,
      purposeStated: true,
      closingSaid: true,
      answers: { result: '满意', process: '较快', handler: '耐心' },
      survey: {
        attitude: 'very_satisfied',
        skill: 'satisfied',
        arrival_time: 'average',
        promises_kept: 'very_satisfied',
      },
    });

    const first = await call(api.url, 'POST', '/monthly-reviews', as.gmo, { month: '2026-11' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ month: '2026-11', started: true });
    const ys = first.body.caseNumber as string;
    expect(ys).toMatch(/^YS20\d{4}-\d{4,}$/);
    // a second start (an admin, or the schedule's fire on 1 December) finds the same review
    const again = await call(api.url, 'POST', '/monthly-reviews', as.admin, { month: '2026-11' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ caseNumber: ys, month: '2026-11', started: false });

    const listed = await call(api.url, 'GET', '/monthly-reviews?month=2026-11', as.gmo);
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0]).toMatchObject({
      caseNumber: ys,
      month: '2026-11',
      status: 'reviewing',
      stage: 'review',
      sourceComplaints: [ks],
      // Decision 6: 18:00 on the last working day before the 10th: Wednesday 9 December 2026
      dueAt: '2026-12-09T10:00:00.000Z',
    });
    expect(listed.body[0].openedBy).toBe(as.gmo.user.id);

    // the GM office's review: the warning for the 人事公布单, the deduction assigned by cause
    const reviewTask = await taskFor(as.gmo, ys, 'ConfirmReview');
    expect(reviewTask.candidateDepartment).toBe('gm_office');
    await complete(as.gmo, ys, {
      type: 'ConfirmReview',
      administrative: [{ ref: `${ks}#0`, confirm: true }],
      deductions: [{ ref: `${ks}#1`, responsibleUnit: '装配车间' }],
    });

    // the VP is not the GM: the notice's approval row bonus-deduction-gm names the GM
    const approval = await taskFor(as.gm, ys, 'ApproveNotice');
    const byVp = await call(api.url, 'POST', `/tasks/${approval.taskId}/complete`, as.vp, {
      command: { type: 'ApproveNotice', approve: true },
    });
    expect(byVp.status).toBe(403);
    expect(byVp.body.code).toBe('WRONG_ROLE');
    await complete(as.gm, ys, { type: 'ApproveNotice', approve: true });
    await complete(as.hr, ys, { type: 'PublishAnnouncement', note: '已在公告栏公布' });
    await complete(as.hr, ys, { type: 'ApplyDeductions', payrollRef: '2026-12 工资表' });

    const review = await eventually(async () => {
      const res = await call(api.url, 'GET', '/monthly-reviews/2026-11', as.gmo);
      return res.status === 200 && res.body.status === 'closed' ? res.body : undefined;
    });
    // M05 000 §六.2: the month's appraisal data is read with its review (due before the 10th);
    // M04 001 §15: the customer's survey rates the CS staff who worked the complaint
    expect(review.appraisal.basis).toContain('000 §六.2');
    const rating = (review.appraisal.staffRatings as Array<Record<string, unknown>>).find(
      (r) => r.staffId === as.cs.user.id,
    );
    expect(rating).toEqual({
      staffId: as.cs.user.id,
      calls: 1,
      // (4 + 3 + 2 + 4) / 16 = 0.8125 with the grades 非常满意 4 … 较差 1, to three places
      scoreRate: 0.813,
      items: {
        attitude: { very_satisfied: 1 },
        skill: { satisfied: 1 },
        arrival_time: { average: 1 },
        promises_kept: { very_satisfied: 1 },
      },
      followUps: [hf],
    });
    // M06 003 §五.2 "服务考核按月、季、年度进行": the same survey rates the CS person in November,
    // in the fourth quarter and in the year 2026, and in no other month or quarter
    const yearly = await call(api.url, 'GET', '/reports/service-appraisal?year=2026', as.gm);
    expect(yearly.status).toBe(200);
    const staffIn = (p: { staff: Array<{ staffId: string }> }) =>
      p.staff.find((x) => x.staffId === as.cs.user.id);
    const periods = [...yearly.body.months, ...yearly.body.quarters] as Array<{
      period: string;
      staff: Array<{ staffId: string }>;
    }>;
    expect(periods.filter((p) => staffIn(p)).map((p) => p.period)).toEqual(['2026-11', '2026-Q4']);
    expect(yearly.body.months).toHaveLength(12);
    expect(yearly.body.quarters).toHaveLength(4);
    for (const p of [periods.find((x) => x.period === '2026-11')!, yearly.body.total]) {
      expect(staffIn(p)).toMatchObject({ staffId: as.cs.user.id, calls: 1, scoreRate: 0.813 });
    }
    expect(yearly.body.timeZone).toBe('Asia/Shanghai');
    expect(review).toMatchObject({
      caseNumber: ys,
      stage: 'closed',
      // reviewed now: on time while now is before the due instant (the suite may run after it)
      reviewedOnTime: Date.now() <= Date.parse('2026-12-09T10:00:00.000Z'),
      totalDeductionFen: 20_000,
      approvedDeductionFen: 20_000,
    });
    const doc = (type: string) =>
      (review.documents as Array<Record<string, unknown>>).find((d) => d.docType === type);
    expect(doc('personnel_announcement')).toMatchObject({
      docNumber: `${ys}-P`,
      status: 'published',
      distribution: [
        { department: 'hr', copy: 1 },
        { department: 'gm_office', copy: 2 },
      ],
      content: expect.objectContaining({
        sourceComplaints: [ks],
        lines: [expect.objectContaining({ ref: `${ks}#0`, kind: 'warning' })],
      }),
    });
    expect(doc('reward_penalty_notice')).toMatchObject({
      docNumber: `${ys}-N1`,
      status: 'applied',
      content: expect.objectContaining({
        totalFen: 20_000,
        responsibleUnits: ['装配车间'],
        sourceComplaints: [ks],
        payrollRef: '2026-12 工资表',
      }),
    });
    const signers = (type: string) =>
      (doc(type)?.signatures as Array<{ by: string; role: string }>).map((s) => [s.by, s.role]);
    expect(signers('reward_penalty_notice')).toEqual([
      [as.gmo.user.id, 'issuer'],
      [as.gm.user.id, 'gm'],
      [as.hr.user.id, 'hr'],
    ]);
    // HR reads the documents it publishes; sales does not
    expect((await call(api.url, 'GET', '/monthly-reviews/2026-11', as.hr)).status).toBe(200);
    expect((await call(api.url, 'GET', '/monthly-reviews/2026-11', as.sales)).status).toBe(403);
    expect((await call(api.url, 'GET', '/monthly-reviews/2026-10', as.gmo)).status).toBe(404);

    // each document in the source complaint's own audit trail (issue 13 Monthly review 3)
    const trail = await eventually(async () => {
      const res = await call(api.url, 'GET', `/cases/${ks}/audit`, as.auditor);
      expect(res.status).toBe(200);
      const items = (res.body.items ?? res.body) as Array<{
        action: string;
        data: Record<string, unknown>;
      }>;
      const links = items.filter((e) => e.action === 'review.document_linked');
      return links.length === 2 ? links : undefined;
    });
    expect(trail.map((e) => [e.data.docType, e.data.docNumber, e.data.reviewCaseNumber])).toEqual([
      ['personnel_announcement', `${ys}-P`, ys],
      ['reward_penalty_notice', `${ys}-N1`, ys],
    ]);
  });
});
