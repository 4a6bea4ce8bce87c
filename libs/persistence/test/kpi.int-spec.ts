import type { DataSource } from 'typeorm';
import {
  AuditRepository,
  CasesRepository,
  createDataSource,
  KpiRepository,
  RECONCILIATION_MISMATCH_ACTION,
  TasksRepository,
  type CaseSnapshotRecord,
  type TaskRecord,
} from '@aso/persistence';

/**
 * KPI queries on real PostgreSQL (schema from the migrations). Rows are written through the
 * same repositories the worker uses; each test has its own organisation, so figures are exact.
 */
const url = process.env.ASO_INT_DATABASE_URL as string;
let ds: DataSource;
let cases: CasesRepository;
let tasks: TasksRepository;
let audit: AuditRepository;
let kpis: KpiRepository;

beforeAll(async () => {
  ds = await createDataSource(url).initialize();
  cases = new CasesRepository(ds);
  tasks = new TasksRepository(ds);
  audit = new AuditRepository(ds);
  kpis = new KpiRepository(ds);
});
afterAll(async () => {
  await ds.destroy();
});

// November 2026 in Asia/Shanghai: [2026-10-31T16:00Z, 2026-11-30T16:00Z).
const period = (organisationId: string) => ({
  organisationId,
  from: new Date('2026-10-31T16:00:00Z'),
  toExclusive: new Date('2026-11-30T16:00:00Z'),
});
const inNov = new Date('2026-11-10T02:00:00Z');

const snapshot = (
  organisationId: string,
  caseNumber: string,
  o: Partial<CaseSnapshotRecord> = {},
): CaseSnapshotRecord => ({
  organisationId,
  storeId: null,
  caseNumber,
  caseType: 'complaint',
  status: 'investigating',
  stage: 'investigationReport',
  customerName: '客户',
  customerPhone: null,
  orderNumber: 'SO-1',
  quantity: 1,
  lossAmountFen: null,
  approvedAmountFen: null,
  classification: null,
  severity: null,
  method: null,
  overdue: false,
  overdueStages: [],
  policyVersion: 1,
  parentCaseNumber: null,
  childCaseNumbers: [],
  openedBy: 'sales-01',
  openedAt: inNov,
  acceptedAt: null,
  closingDueAt: null,
  closedAt: null,
  closedOnTime: null,
  version: 1,
  updatedAt: inNov,
  ...o,
});

const task = (
  organisationId: string,
  caseNumber: string,
  n: number,
  o: Partial<TaskRecord> = {},
): TaskRecord => ({
  taskId: `${caseNumber}-T${n}`,
  organisationId,
  caseNumber,
  type: 'cs_registration',
  stage: 'registration',
  candidateDepartment: 'cs',
  candidateRoles: [],
  assignee: null,
  priority: 2,
  status: 'open',
  commands: ['RegisterComplaint'],
  overdue: false,
  dueAt: null,
  dueProvisional: false,
  escalationLevel: 0,
  escalatesTaskId: null,
  createdAt: inNov,
  completedAt: null,
  completedBy: null,
  ...o,
});

let serial = 0;
const number = (prefix: 'KS' | 'TH') => `${prefix}202611-${String(7000 + ++serial)}`;

describe('KPI queries', () => {
  test('an organisation with no cases: every ratio has a 0 denominator and no rate (not 0 %)', async () => {
    const f = await kpis.figures(period('kpi-empty'));
    expect(f.complaintResolution).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(f.onTimeClosing.rate).toBeNull();
    expect(f.firstResponse).toEqual({ totalHours: 0, responded: 0, pending: 0, meanHours: null });
    expect(f.overdue).toEqual({
      byDepartment: [],
      openOverdueTasks: 0,
      casesWithOverdueStages: { numerator: 0, denominator: 0, rate: null },
    });
    expect(f.returnReconciliationMismatch).toEqual({
      numerator: 0,
      denominator: 0,
      rate: null,
      mismatchEvents: 0,
    });
  });

  test('X08 X09 003 §五.1: resolution, on-time closing, overdue by department, first response and return mismatches, exact, scoped by organisation and period', async () => {
    const org = 'kpi-a';
    const closedOnTime = number('KS');
    const closedLate = number('KS');
    const open = number('KS');
    const beforePeriod = number('KS');
    const ret1 = number('TH');
    const ret2 = number('TH');
    // Opened in the period: 3 complaints, two closed (one late), one open with overdue stages.
    await cases.recordSnapshot(
      snapshot(org, closedOnTime, {
        status: 'closed',
        stage: 'closed',
        closedAt: new Date('2026-11-12T02:00:00Z'),
        closedOnTime: true,
      }),
    );
    await cases.recordSnapshot(
      snapshot(org, closedLate, {
        status: 'closed',
        stage: 'closed',
        overdueStages: ['close'],
        closedAt: new Date('2026-11-25T02:00:00Z'),
        closedOnTime: false,
      }),
    );
    await cases.recordSnapshot(
      snapshot(org, open, { overdue: true, overdueStages: ['investigationReport'] }),
    );
    // Opened the day before the period (Shanghai), closed on time inside it: counts for on-time
    // closing (closed in the period) but not for resolution (opened before it).
    await cases.recordSnapshot(
      snapshot(org, beforePeriod, {
        openedAt: new Date('2026-10-31T15:59:59Z'),
        status: 'closed',
        closedAt: new Date('2026-11-01T01:00:00Z'),
        closedOnTime: true,
      }),
    );
    // Another organisation's identical case never counts.
    await cases.recordSnapshot(
      snapshot('kpi-b', number('KS'), { status: 'closed', closedAt: inNov, closedOnTime: false }),
    );

    const at = (h: number) => new Date(inNov.getTime() + h * 3_600_000);
    await tasks.upsertMany([
      // first responses: 2 h and 6 h → mean 4 h; one still pending
      task(org, closedOnTime, 1, {
        type: 'first_response',
        candidateDepartment: 'sales',
        status: 'completed',
        completedAt: at(2),
      }),
      task(org, closedLate, 1, {
        type: 'first_response',
        candidateDepartment: 'sales',
        status: 'completed',
        completedAt: at(6),
      }),
      task(org, open, 1, { type: 'first_response', candidateDepartment: 'sales', overdue: true }),
      // overdue open work: rnd ×2 (one claimed), a company-wide VP escalation; a completed
      // overdue task and an overdue task of a case opened before the period do not count
      task(org, open, 2, { candidateDepartment: 'rnd', overdue: true }),
      task(org, open, 3, { candidateDepartment: 'rnd', overdue: true, status: 'claimed' }),
      task(org, open, 4, { candidateDepartment: null, candidateRoles: ['vp'], overdue: true }),
      task(org, open, 5, { candidateDepartment: 'cs', overdue: true, status: 'completed' }),
      task(org, beforePeriod, 1, { candidateDepartment: 'cs', overdue: true }),
    ]);

    // Returns opened in the period: one reconciled twice with a mismatch each time, one matched.
    await cases.recordSnapshot(snapshot(org, ret1, { caseType: 'return', status: 'refunding' }));
    await cases.recordSnapshot(snapshot(org, ret2, { caseType: 'return', status: 'completed' }));
    const event = (caseNumber: string, key: string, action: string) =>
      audit.appendKeyed({
        organisationId: org,
        caseNumber,
        key,
        occurredAt: inNov,
        actor: 'fin-01',
        action,
        data: {},
        policyVersion: 1,
      });
    await event(ret1, 'wf:1', RECONCILIATION_MISMATCH_ACTION);
    await event(ret1, 'wf:2', RECONCILIATION_MISMATCH_ACTION);
    await event(ret2, 'wf:1', 'return.ReconciliationMatched');

    const f = await kpis.figures(period(org));
    expect(f.complaintResolution).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(f.onTimeClosing).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(f.overdue).toEqual({
      byDepartment: [
        { department: 'rnd', openOverdueTasks: 2 },
        { department: 'sales', openOverdueTasks: 1 },
        { department: null, openOverdueTasks: 1 },
      ],
      openOverdueTasks: 4,
      casesWithOverdueStages: { numerator: 2, denominator: 3, rate: 2 / 3 },
    });
    expect(f.firstResponse).toEqual({ totalHours: 8, responded: 2, pending: 1, meanHours: 4 });
    expect(f.returnReconciliationMismatch).toEqual({
      numerator: 1,
      denominator: 2,
      rate: 0.5,
      mismatchEvents: 2,
    });

    // The period before: only the case opened on 31 October (Shanghai) is in it.
    const october = await kpis.figures({
      organisationId: org,
      from: new Date('2026-09-30T16:00:00Z'),
      toExclusive: new Date('2026-10-31T16:00:00Z'),
    });
    expect(october.complaintResolution).toEqual({ numerator: 1, denominator: 1, rate: 1 });
    expect(october.onTimeClosing.denominator).toBe(0);
    expect(october.overdue.byDepartment).toEqual([{ department: 'cs', openOverdueTasks: 1 }]);
  });

  test('the closed-at index exists (migration 1763800500000)', async () => {
    const rows: Array<{ indexdef: string }> = await ds.query(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'cases_org_closed_idx'`,
    );
    expect(rows[0]?.indexdef).toContain('(organisation_id, closed_at)');
  });
});
