import type { CaseSnapshot, TaskView } from '@aso/contracts';
import {
  AuditRepository,
  CasesRepository,
  createDataSource,
  DocumentsRepository,
  PoliciesRepository,
  TasksRepository,
} from '@aso/persistence';
import type { DataSource } from 'typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { createCaseActivities } from '../src/activities/case.activities';
import { classifyWriteFailure } from '../src/activities/write-rejection';

/**
 * The worker's activities against real PostgreSQL (integration tier): Temporal retries
 * activities, so each one is run twice here and must leave exactly one effect.
 */
const url = process.env.ASO_INT_DATABASE_URL as string;
let ds: DataSource;
let activities: ReturnType<typeof createCaseActivities>;

beforeAll(async () => {
  ds = await createDataSource(url).initialize();
  activities = createCaseActivities({
    cases: new CasesRepository(ds),
    tasks: new TasksRepository(ds),
    documents: new DocumentsRepository(ds),
    audit: new AuditRepository(ds),
    policies: new PoliciesRepository(ds),
  });
});
afterAll(async () => {
  await ds.destroy();
});

/** The first revision of a case's complaint form, as a workflow records it. */
const complaintForm = (
  caseNumber: string,
  content: Record<string, unknown>,
  updatedAt: string,
) => ({
  organisationId: 'org-act',
  caseNumber,
  docType: 'complaint_form',
  docNumber: caseNumber,
  revision: 1,
  supersedesRevision: null,
  status: 'pending',
  content,
  distribution: [],
  signatures: [],
  updatedAt,
});

const CASE = 'KS202611-8801';
const snapshot: CaseSnapshot = {
  organisationId: 'org-act',
  storeId: 'store-1',
  caseNumber: CASE,
  caseType: 'complaint',
  status: 'investigating',
  stage: 'investigationReport',
  customerName: '赵先生',
  customerPhone: '13900001111',
  orderNumber: 'SO-77',
  quantity: 4,
  lossAmountFen: 123_450,
  approvedAmountFen: null,
  classification: 'quality',
  severity: 'general',
  method: null,
  overdue: true,
  overdueStages: ['registration'],
  policyVersion: 1,
  parentCaseNumber: null,
  childCaseNumbers: ['TH202611-0001'],
  openedAt: '2026-11-20T02:00:00.000Z',
  acceptedAt: '2026-11-20T03:00:00.000Z',
  closingDueAt: '2026-11-30T09:00:00.000Z',
  closedAt: null,
  closedOnTime: null,
  version: 7,
};
const task: TaskView = {
  taskId: `${CASE}-T3`,
  caseNumber: CASE,
  type: 'rnd_investigation',
  stage: 'investigationReport',
  candidateDepartment: 'rnd',
  candidateRoles: ['staff'],
  assignee: null,
  priority: 2,
  status: 'open',
  commands: ['SubmitInvestigationReport'],
  dueAt: '2026-11-25T09:00:00.000Z',
  dueProvisional: false,
  overdue: false,
  escalationLevel: 0,
  escalatesTaskId: null,
  createdAt: '2026-11-20T03:00:00.000Z',
  completedAt: null,
  completedBy: null,
};
const count = async (sql: string, ...params: unknown[]) =>
  (await ds.query(sql, params))[0].n as number;

describe('worker activities are idempotent on PostgreSQL', () => {
  test('recordCase twice → one row with the snapshot', async () => {
    await activities.recordCase(snapshot);
    await activities.recordCase(snapshot);
    expect(await count(`SELECT count(*)::int AS n FROM cases WHERE case_number = $1`, CASE)).toBe(
      1,
    );
    const row = await new CasesRepository(ds).findOne('org-act', CASE);
    expect(row).toMatchObject({
      status: 'investigating',
      lossAmountFen: 123_450,
      overdueStages: ['registration'],
      childCaseNumbers: ['TH202611-0001'],
      version: 7,
    });
  });

  test('recordTasks twice → one row per task', async () => {
    await activities.recordTasks({ organisationId: 'org-act', tasks: [task] });
    await activities.recordTasks({ organisationId: 'org-act', tasks: [task] });
    expect(
      await count(`SELECT count(*)::int AS n FROM tasks WHERE task_id = $1`, task.taskId),
    ).toBe(1);
  });

  test('recordDocuments twice → one row per revision', async () => {
    const doc = {
      organisationId: 'org-act',
      caseNumber: CASE,
      docType: 'complaint_form',
      docNumber: CASE,
      revision: 1,
      supersedesRevision: null,
      status: 'pending',
      content: { method: 'discount' },
      distribution: [{ department: 'cs', copy: 1 }],
      signatures: [],
      updatedAt: '2026-11-20T05:00:00.000Z',
    };
    await activities.recordDocuments([doc]);
    await activities.recordDocuments([doc]);
    expect(
      await count(`SELECT count(*)::int AS n FROM documents WHERE case_number = $1`, CASE),
    ).toBe(1);
  });

  test('appendAudit twice (a retried activity) → each event once, and the chain verifies', async () => {
    const events = [1, 2, 3].map((n) => ({
      organisationId: 'org-act',
      caseNumber: CASE,
      key: `wf:${n}`,
      occurredAt: '2026-11-20T05:00:00.000Z',
      actor: 'cs-01',
      action: `Event${n}`,
      data: { n },
      policyVersion: 1,
    }));
    await activities.appendAudit(events);
    await activities.appendAudit(events);
    expect(
      await count(`SELECT count(*)::int AS n FROM audit_events WHERE case_number = $1`, CASE),
    ).toBe(3);
    expect(await new AuditRepository(ds).verify('org-act', CASE)).toEqual({
      valid: true,
      count: 3,
    });
  });

  test('recordChanges (what a workflow writes per change) twice → one audit event each, one task, one document, one case row', async () => {
    const caseNumber = 'KS202611-8802';
    const changes = {
      organisationId: 'org-act',
      audit: [1, 2].map((n) => ({
        organisationId: 'org-act',
        caseNumber,
        key: `wf:${n}`,
        occurredAt: '2026-11-20T06:00:00.000Z',
        actor: 'cs-01',
        action: `complaint.Event${n}`,
        data: { n },
        policyVersion: 1,
      })),
      documents: [complaintForm(caseNumber, {}, '2026-11-20T06:00:00.000Z')],
      tasks: [{ ...task, taskId: `${caseNumber}-T1`, caseNumber }],
      snapshot: { ...snapshot, caseNumber, version: 2 },
    };
    await activities.recordChanges(changes);
    await activities.recordChanges(changes);
    const one = (table: string) =>
      count(`SELECT count(*)::int AS n FROM ${table} WHERE case_number = $1`, caseNumber);
    expect(await one('audit_events')).toBe(2);
    expect(await one('documents')).toBe(1);
    expect(await one('tasks')).toBe(1);
    expect(await one('cases')).toBe(1);
    expect(await new AuditRepository(ds).verify('org-act', caseNumber)).toEqual({
      valid: true,
      count: 2,
    });
  });

  test('X03 001 §21 客诉表单编号原则: allocateCaseNumber formats <prefix><yyyymm>-<seq> — KS, TH, WX, DX, HF — in the Shanghai month, from a rising PostgreSQL sequence', async () => {
    // 2026-11-30 20:00 UTC is already December in Asia/Shanghai.
    expect(
      await activities.allocateCaseNumber({ prefix: 'TH', at: '2026-11-30T20:00:00.000Z' }),
    ).toMatch(/^TH202612-\d{4}$/);
    // 2026-11-30 15:59 UTC is still November there (23:59)
    expect(
      await activities.allocateCaseNumber({ prefix: 'TH', at: '2026-11-30T15:59:00.000Z' }),
    ).toMatch(/^TH202611-\d{4}$/);
    for (const prefix of ['KS', 'TH', 'WX', 'DX', 'HF'] as const) {
      const first = await activities.allocateCaseNumber({ prefix, at: '2026-12-03T02:00:00.000Z' });
      const second = await activities.allocateCaseNumber({
        prefix,
        at: '2026-12-03T02:00:00.000Z',
      });
      expect(first).toMatch(new RegExp(`^${prefix}202612-\\d{4}$`));
      expect(Number(second.split('-')[1])).toBeGreaterThan(Number(first.split('-')[1]));
    }
  });
});

describe('a write PostgreSQL refuses for good fails fast and non-retryable (issue 8 #1b)', () => {
  let poisoned = 0;
  const poisonCase = (n: number) => `KS202611-87${String(n).padStart(2, '0')}`;
  const changesWith = (
    n: number,
    poison: {
      data?: Record<string, unknown>;
      customerName?: string;
      orderNumber?: string;
      documentContent?: Record<string, unknown>;
    },
  ) => {
    const caseNumber = poisonCase(n);
    return {
      organisationId: 'org-act',
      audit: [
        {
          organisationId: 'org-act',
          caseNumber,
          key: 'wf:1',
          occurredAt: '2026-11-20T05:00:00.000Z',
          actor: 'cs-01',
          action: 'complaint.Reported',
          data: poison.data ?? { note: 'fine' },
          policyVersion: 1,
        },
      ],
      documents: poison.documentContent
        ? [complaintForm(caseNumber, poison.documentContent, '2026-11-20T05:00:00.000Z')]
        : [],
      tasks: [],
      snapshot: {
        ...snapshot,
        caseNumber,
        customerName: poison.customerName ?? snapshot.customerName,
        orderNumber: poison.orderNumber ?? snapshot.orderNumber,
        version: 1,
      },
    };
  };

  test.each([
    ['NUL in jsonb audit data', { data: { comment: 'a\u0000b' } }, /^22P05$/],
    ['a lone surrogate in jsonb audit data', { data: { reasons: 'bad \ud800' } }, /^22P0[25]$/],
    ['NUL in a text column (customer name)', { customerName: 'x\u0000y' }, /^22021$/],
    // sent in the same statement as the tasks and the snapshot (issue 14): refused as a whole
    ['NUL in jsonb document content', { documentContent: { note: 'a\u0000b' } }, /^22P05$/],
  ])(
    'issue 8 #1b: %s → ApplicationFailure WRITE_REJECTED, non-retryable, with the SQLSTATE',
    async (_name, poison, code) => {
      const rejected: Array<{ caseNumber: string; code: string }> = [];
      const logged = createCaseActivities({
        cases: new CasesRepository(ds),
        tasks: new TasksRepository(ds),
        documents: new DocumentsRepository(ds),
        audit: new AuditRepository(ds),
        policies: new PoliciesRepository(ds),
        onWriteRejected: (r) => rejected.push(r),
      });
      const changes = changesWith(++poisoned, poison);
      const failure = await logged.recordChanges(changes).then(
        () => null,
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(ApplicationFailure);
      const f = failure as ApplicationFailure;
      expect(f.type).toBe('WRITE_REJECTED');
      expect(f.nonRetryable).toBe(true);
      expect((f.details?.[0] as { code: string }).code).toMatch(code);
      expect(rejected).toEqual([
        expect.objectContaining({ caseNumber: changes.snapshot.caseNumber }),
      ]);
      expect(rejected[0]?.code).toMatch(code);
    },
  );

  test('issue 8 #1b: transient PostgreSQL failures (lock timeout, connection terminated) stay retryable', () => {
    const lockTimeout = Object.assign(new Error('canceling statement due to lock timeout'), {
      code: '55P03',
    });
    expect(classifyWriteFailure(lockTimeout)).toBe(lockTimeout);
    const outage = Object.assign(new Error('terminating connection'), { code: '57P01' });
    expect(classifyWriteFailure(outage)).toBe(outage);
  });
});

describe('a retried write whose content differs (workflow task retried after its write committed) ends with the last attempt (issue 8 #6)', () => {
  test('issue 8 #6: recordChanges twice with the same keys but another clock → one correction event, the chain verifies, snapshot and tasks equal the second', async () => {
    const caseNumber = 'KS202611-8601';
    const attempt = (at: string) => ({
      organisationId: 'org-act',
      audit: [
        {
          organisationId: 'org-act',
          caseNumber,
          key: 'wf:1',
          occurredAt: at,
          actor: 'system',
          action: 'complaint.CaseClosed',
          data: { at },
          policyVersion: 1,
        },
      ],
      documents: [],
      tasks: [{ ...task, taskId: `${caseNumber}-T1`, caseNumber, createdAt: at }],
      snapshot: { ...snapshot, caseNumber, status: 'closed', closedAt: at, version: 1 },
    });
    await activities.recordChanges(attempt('2026-11-20T05:00:00.100Z'));
    await activities.recordChanges(attempt('2026-11-20T05:00:13.900Z'));
    const audit = new AuditRepository(ds);
    const rows = await audit.history('org-act', caseNumber);
    expect(rows.map((r) => r.action)).toEqual(['complaint.CaseClosed', 'AuditCorrected']);
    expect(await audit.verify('org-act', caseNumber)).toEqual({ valid: true, count: 2 });
    const row = await new CasesRepository(ds).findOne('org-act', caseNumber);
    expect(row?.closedAt?.toISOString()).toBe('2026-11-20T05:00:13.900Z');
    const t = await new TasksRepository(ds).findOne('org-act', `${caseNumber}-T1`);
    expect(t?.createdAt.toISOString()).toBe('2026-11-20T05:00:13.900Z');
  });
});
