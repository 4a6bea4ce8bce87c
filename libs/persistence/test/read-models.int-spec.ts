import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  AuditRepository,
  CaseEntity,
  CasesRepository,
  createDataSource,
  DocumentsRepository,
  PoliciesRepository,
  TaskEntity,
  TasksRepository,
  VISIBLE_TO_STAFF,
  decodeInboxCursor,
  type CaseSnapshotRecord,
  type InboxCursor,
  type TaskRecord,
} from '@aso/persistence';

/** Real PostgreSQL, schema from the migrations (integration global setup). Nothing faked. */
const url = process.env.ASO_INT_DATABASE_URL as string;
let ds: DataSource;

beforeAll(async () => {
  ds = await createDataSource(url).initialize();
});
afterAll(async () => {
  await ds.destroy();
});

const opened = new Date('2026-11-20T02:00:00Z');

const snapshot = (
  caseNumber: string,
  overrides: Partial<CaseSnapshotRecord> = {},
): CaseSnapshotRecord => ({
  organisationId: 'org-a',
  storeId: null,
  caseNumber,
  caseType: 'complaint',
  status: 'awaiting_registration',
  stage: 'registration',
  customerName: '李女士',
  customerPhone: null,
  orderNumber: 'SO-9',
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
  openedAt: opened,
  acceptedAt: null,
  closingDueAt: null,
  closedAt: null,
  closedOnTime: null,
  version: 1,
  updatedAt: opened,
  ...overrides,
});

const task = (caseNumber: string, overrides: Partial<TaskRecord> = {}): TaskRecord => ({
  taskId: `${caseNumber}-T1`,
  organisationId: 'org-a',
  caseNumber,
  type: 'cs_registration',
  stage: 'registration',
  candidateDepartment: 'cs',
  candidateRoles: ['staff', 'manager'],
  assignee: null,
  priority: 2,
  status: 'open',
  commands: ['RegisterComplaint'],
  overdue: false,
  dueAt: new Date('2026-11-21T02:00:00Z'),
  dueProvisional: false,
  escalationLevel: 0,
  escalatesTaskId: null,
  createdAt: opened,
  completedAt: null,
  completedBy: null,
  ...overrides,
});

const inboxOf = (
  tasks: TasksRepository,
  prefix: string,
  scope: 'mine' | 'department' | 'all',
  user = 'cs-01',
) =>
  tasks
    .inbox({
      organisationId: 'org-a',
      department: 'cs',
      roles: ['staff'],
      userId: user,
      scope,
      limit: 100,
      offset: 0,
    })
    .then((r) => r.items.filter((t) => t.caseNumber.startsWith(prefix)).map((t) => t.caseNumber));

describe('read models on PostgreSQL', () => {
  test('the migrations ran: tables, the inbox index and the number sequences exist; synchronize is off', async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const tables = await client.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
      );
      expect(tables.rows.map((r) => r.tablename)).toEqual(
        expect.arrayContaining([
          'cases',
          'tasks',
          'documents',
          'policy_versions',
          'audit_events',
          'migrations',
        ]),
      );
      const idx = await client.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'tasks'`);
      expect(idx.rows.map((r) => r.indexname)).toEqual(
        expect.arrayContaining(['tasks_inbox_idx', 'tasks_assignee_idx']),
      );
      const seqs = await client.query(`SELECT sequencename FROM pg_sequences ORDER BY 1`);
      expect(seqs.rows.map((r) => r.sequencename)).toEqual(
        expect.arrayContaining(['case_number_seq_ks', 'case_number_seq_th', 'case_number_seq_wx']),
      );
    } finally {
      await client.end();
    }
    expect(ds.options.synchronize).toBe(false);
  });

  test('001 §21: case numbers come from a PostgreSQL sequence, strictly increasing', async () => {
    const cases = new CasesRepository(ds);
    const a = await cases.nextSequence('KS');
    const b = await cases.nextSequence('KS');
    expect(b).toBe(a + 1);
  });

  test('recording a case snapshot is idempotent and never moves the case backwards', async () => {
    const cases = new CasesRepository(ds);
    const later = snapshot('KS202611-9201', {
      status: 'investigating',
      stage: 'investigationReport',
      version: 5,
    });
    await cases.recordSnapshot(snapshot('KS202611-9201'));
    await cases.recordSnapshot(later);
    await cases.recordSnapshot(later); // a retried activity
    await cases.recordSnapshot(snapshot('KS202611-9201', { version: 3 })); // a late, older one
    const rows = await ds.getRepository(CaseEntity).findBy({ caseNumber: 'KS202611-9201' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'investigating',
      stage: 'investigationReport',
      version: 5,
    });
  });

  test("issue 14: a case write's tasks and snapshot in one statement — both written; an older snapshot stays unwritten while its tasks are; no tasks: the snapshot alone", async () => {
    const tasks = new TasksRepository(ds);
    const cases = new CasesRepository(ds);
    // a record without overdue and escalationLevel (as older recorded tasks): the columns' defaults
    const t1 = {
      ...task('KS202611-9401', { taskId: 'KS202611-9401-T1' }),
      overdue: undefined,
      escalationLevel: undefined,
    } as unknown as TaskRecord;
    await tasks.upsertWithSnapshot([t1], snapshot('KS202611-9401', { version: 4 }));
    expect(await tasks.findOne('org-a', 'KS202611-9401-T1')).toMatchObject({
      status: 'open',
      overdue: false,
      escalationLevel: 0,
    });
    expect(await cases.findOne('org-a', 'KS202611-9401')).toMatchObject({ version: 4 });
    // a late write: its snapshot is older, so the case row keeps version 4; its tasks still land
    await tasks.upsertWithSnapshot(
      [
        { ...t1, status: 'claimed', assignee: 'cs-02' },
        task('KS202611-9401', { taskId: 'KS202611-9401-T2' }),
      ],
      snapshot('KS202611-9401', { version: 2, status: 'closed' }),
    );
    expect(await cases.findOne('org-a', 'KS202611-9401')).toMatchObject({
      version: 4,
      status: 'awaiting_registration',
    });
    expect(
      (await tasks.forCase('org-a', 'KS202611-9401')).map((t) => [t.taskId, t.status, t.assignee]),
    ).toEqual([
      ['KS202611-9401-T1', 'claimed', 'cs-02'],
      ['KS202611-9401-T2', 'open', null],
    ]);
    await tasks.upsertWithSnapshot([], snapshot('KS202611-9401', { version: 5, status: 'closed' }));
    expect(await cases.findOne('org-a', 'KS202611-9401')).toMatchObject({
      version: 5,
      status: 'closed',
    });
  });

  test('another organisation can never overwrite a case row', async () => {
    const cases = new CasesRepository(ds);
    await cases.recordSnapshot(snapshot('KS202611-9202'));
    await cases.recordSnapshot(
      snapshot('KS202611-9202', { organisationId: 'org-b', status: 'closed', version: 9 }),
    );
    expect(await cases.findOne('org-a', 'KS202611-9202')).toMatchObject({
      status: 'awaiting_registration',
    });
    expect(await cases.findOne('org-b', 'KS202611-9202')).toBeNull();
  });

  test('recording a task is idempotent: the same activity run twice leaves one row', async () => {
    const tasks = new TasksRepository(ds);
    await tasks.upsert(task('KS202611-9001'));
    await tasks.upsert(task('KS202611-9001'));
    expect(await tasks.forCase('org-a', 'KS202611-9001')).toHaveLength(1);
    await tasks.upsert(
      task('KS202611-9001', { status: 'completed', completedBy: 'cs-01', completedAt: new Date() }),
    );
    const rows = await tasks.forCase('org-a', 'KS202611-9001');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'completed', completedBy: 'cs-01' });
  });

  test('the inbox: my department’s unclaimed tasks for my roles, overdue first then by due instant; never another organisation’s', async () => {
    const tasks = new TasksRepository(ds);
    await tasks.upsertMany([
      task('KS202611-9101', {
        taskId: 'KS202611-9101-T1',
        dueAt: new Date('2026-11-25T00:00:00Z'),
      }),
      task('KS202611-9102', {
        taskId: 'KS202611-9102-T1',
        dueAt: new Date('2026-11-23T00:00:00Z'),
      }),
      task('KS202611-9103', {
        taskId: 'KS202611-9103-T1',
        dueAt: new Date('2026-11-30T00:00:00Z'),
        overdue: true,
      }),
      task('KS202611-9104', {
        taskId: 'KS202611-9104-T1',
        organisationId: 'org-b',
        dueAt: new Date('2026-11-01T00:00:00Z'),
      }),
      task('KS202611-9105', { taskId: 'KS202611-9105-T1', candidateRoles: ['manager'] }),
      task('KS202611-9106', { taskId: 'KS202611-9106-T1', assignee: 'cs-01', status: 'claimed' }),
      task('KS202611-9107', { taskId: 'KS202611-9107-T1', assignee: 'cs-02', status: 'claimed' }),
      task('KS202611-9108', { taskId: 'KS202611-9108-T1', status: 'completed' }),
      // no candidate roles = any working role of the department
      task('KS202611-9109', {
        taskId: 'KS202611-9109-T1',
        candidateRoles: [],
        dueAt: new Date('2026-12-01T00:00:00Z'),
      }),
    ]);
    expect(await inboxOf(tasks, 'KS202611-91', 'department')).toEqual([
      'KS202611-9103',
      'KS202611-9102',
      'KS202611-9101',
      'KS202611-9109',
    ]);
    const auditorView = await tasks.inbox({
      organisationId: 'org-a',
      department: 'cs',
      roles: ['auditor'],
      userId: 'aud-01',
      scope: 'all',
      limit: 100,
      offset: 0,
    });
    expect(auditorView.items.filter((t) => t.caseNumber.startsWith('KS202611-91'))).toEqual([]);
    expect(await inboxOf(tasks, 'KS202611-91', 'mine')).toEqual(['KS202611-9106']);
    // 9106 (claimed by me) is due 2026-11-21, before 9102 and 9101.
    expect(await inboxOf(tasks, 'KS202611-91', 'all')).toEqual([
      'KS202611-9103',
      'KS202611-9106',
      'KS202611-9102',
      'KS202611-9101',
      'KS202611-9109',
    ]);
  });

  test('issue 14 #3: the inbox pages by keyset — each page starts after the last row of the one before, in inbox order, with no row twice or lost; the count is capped and a bad-cursor is not ours', async () => {
    const tasks = new TasksRepository(ds);
    // 7 queue tasks, 2 held by cs-09, 1 role-only (vp), 1 without a deadline, 1 tie on due
    const due = (d: string) => new Date(`2026-11-${d}T00:00:00Z`);
    await tasks.upsertMany([
      task('KS202611-9201', {
        taskId: 'KS202611-9201-T1',
        organisationId: 'org-k',
        dueAt: due('25'),
      }),
      task('KS202611-9202', {
        taskId: 'KS202611-9202-T1',
        organisationId: 'org-k',
        dueAt: due('22'),
        overdue: true,
      }),
      task('KS202611-9203', { taskId: 'KS202611-9203-T1', organisationId: 'org-k', dueAt: null }),
      task('KS202611-9204', {
        taskId: 'KS202611-9204-T1',
        organisationId: 'org-k',
        dueAt: due('24'),
      }),
      task('KS202611-9205', {
        taskId: 'KS202611-9205-T1',
        organisationId: 'org-k',
        dueAt: due('24'),
      }),
      task('KS202611-9206', {
        taskId: 'KS202611-9206-T1',
        organisationId: 'org-k',
        dueAt: due('26'),
        assignee: 'cs-09',
        status: 'claimed',
      }),
      task('KS202611-9207', {
        taskId: 'KS202611-9207-T1',
        organisationId: 'org-k',
        dueAt: due('20'),
        assignee: 'cs-09',
        status: 'claimed',
        overdue: true,
      }),
      task('KS202611-9208', {
        taskId: 'KS202611-9208-T1',
        organisationId: 'org-k',
        dueAt: due('23'),
        candidateDepartment: null,
        candidateRoles: ['staff'],
      }),
      task('KS202611-9209', {
        taskId: 'KS202611-9209-T1',
        organisationId: 'org-k',
        dueAt: due('21'),
        status: 'completed',
      }),
    ]);
    const query = {
      organisationId: 'org-k',
      department: 'cs' as const,
      roles: ['staff'],
      userId: 'cs-09',
      scope: 'all' as const,
      limit: 3,
      offset: 0,
    };
    const seen: string[] = [];
    let after: InboxCursor | undefined;
    for (let page = 1; page <= 4; page++) {
      const r = await tasks.inbox({ ...query, ...(after ? { after } : {}) });
      expect(r.total).toBe(8);
      expect(r.totalCapped).toBe(false);
      seen.push(...r.items.map((t) => t.caseNumber.slice(-4)));
      if (!r.nextCursor) break;
      after = decodeInboxCursor(r.nextCursor) ?? undefined;
      expect(after).toBeDefined();
    }
    // overdue first (9207 on the 20th, 9202 on the 22nd), then by due, ties by task id, none last
    expect(seen).toEqual(['9207', '9202', '9208', '9204', '9205', '9201', '9206', '9203']);
    // the same order as one big page
    const whole = await tasks.inbox({ ...query, limit: 50 });
    expect(whole.items.map((t) => t.caseNumber.slice(-4))).toEqual(seen);
    expect(whole.nextCursor).toBeNull();
    expect(decodeInboxCursor('not-a-cursor')).toBeNull();
    expect(decodeInboxCursor(Buffer.from('[1,2]').toString('base64url'))).toBeNull();
  });

  test('issue 14 #3: an inbox row and its case are the entities TypeORM itself reads for them (transformers applied: bigint fen as numbers)', async () => {
    const tasks = new TasksRepository(ds);
    const cases = new CasesRepository(ds);
    await cases.recordSnapshot(
      snapshot('KS202611-9301', {
        lossAmountFen: 1_234_567_890_123,
        approvedAmountFen: 50_000,
        overdueStages: ['registration'],
      }),
    );
    await tasks.upsertMany([
      task('KS202611-9301', {
        taskId: 'KS202611-9301-T1',
        dueAt: new Date('2026-11-02T00:00:00Z'),
      }),
      task('KS202611-9302', {
        taskId: 'KS202611-9302-T1',
        dueAt: new Date('2026-11-02T00:00:01Z'),
      }),
    ]);
    const page = await tasks.inbox({
      organisationId: 'org-a',
      department: 'cs',
      roles: ['staff'],
      userId: 'cs-03',
      scope: 'department',
      limit: 100,
      offset: 0,
    });
    const row = (id: string) => page.items.find((t) => t.taskId === id);
    const withCase = row('KS202611-9301-T1');
    const { case: kase, ...taskPart } = withCase!;
    expect(taskPart).toEqual(
      await ds.getRepository(TaskEntity).findOneByOrFail({ taskId: 'KS202611-9301-T1' }),
    );
    expect(kase).toBeInstanceOf(CaseEntity);
    expect(kase).toEqual(
      await ds
        .getRepository(CaseEntity)
        .findOneByOrFail({ organisationId: 'org-a', caseNumber: 'KS202611-9301' }),
    );
    expect(kase?.lossAmountFen).toBe(1_234_567_890_123);
    expect(row('KS202611-9302-T1')?.case).toBeNull(); // no case row written yet
    // the task row of a task command, read by the same plan, scoped by organisation
    expect(await tasks.findOne('org-a', 'KS202611-9301-T1')).toEqual(taskPart);
    expect(await tasks.findOne('org-a', 'KS202611-9301-T1')).toBeInstanceOf(TaskEntity);
    expect(await tasks.findOne('org-b', 'KS202611-9301-T1')).toBeNull();
  });

  test('documents are keyed by case, type, number and revision: rewriting a revision updates it, revisions link back', async () => {
    const docs = new DocumentsRepository(ds);
    const base = {
      organisationId: 'org-a',
      caseNumber: 'KS202611-9301',
      docType: 'complaint_form',
      docNumber: 'KS202611-9301',
      status: 'pending',
      content: { method: 'discount' },
      distribution: [{ department: 'cs', copy: 1 }],
      signatures: [],
      updatedAt: opened,
    };
    await docs.upsertMany([{ ...base, revision: 1, supersedesRevision: null }]);
    await docs.upsertMany([
      { ...base, revision: 1, supersedesRevision: null, status: 'rejected_by_customer' },
    ]);
    await docs.upsertMany([{ ...base, revision: 2, supersedesRevision: 1 }]);
    const rows = await docs.forCase('org-a', 'KS202611-9301');
    expect(rows.map((r) => [r.revision, r.supersedesRevision, r.status])).toEqual([
      [1, null, 'rejected_by_customer'],
      [2, 1, 'pending'],
    ]);
  });

  test("issue 14: a case write's documents, tasks and snapshot in one statement — jsonb arrays, objects and strings as TypeORM wrote them; a rewrite updates the revision", async () => {
    const docs = new DocumentsRepository(ds);
    const tasks = new TasksRepository(ds);
    const cases = new CasesRepository(ds);
    const doc = {
      organisationId: 'org-a',
      caseNumber: 'KS202611-9402',
      docType: 'discount_certificate',
      docNumber: 'YH-9402',
      revision: 1,
      supersedesRevision: null,
      status: 'issued',
      // a string that looks like JSON, unicode, an empty array, nesting: stored as given
      content: { note: '{"not":"parsed"}', customer: '张三', items: [], nested: { n: 1.5 } },
      distribution: [
        { department: 'cs', copy: 1 },
        { department: 'finance', copy: 2 },
      ],
      signatures: [{ by: 'cs-01', role: 'cs_staff', at: '2026-11-20T02:00:00.000Z' }],
      updatedAt: opened,
    };
    await tasks.upsertWithSnapshot(
      [task('KS202611-9402', { taskId: 'KS202611-9402-T1' })],
      snapshot('KS202611-9402', { version: 2 }),
      docs.upsertSql([doc], 0),
    );
    expect(await docs.forCase('org-a', 'KS202611-9402')).toEqual([doc]);
    expect(await tasks.findOne('org-a', 'KS202611-9402-T1')).toMatchObject({ status: 'open' });
    expect(await cases.findOne('org-a', 'KS202611-9402')).toMatchObject({ version: 2 });
    // a retry of a later write: the revision is updated in place, no tasks this time
    await tasks.upsertWithSnapshot(
      [],
      snapshot('KS202611-9402', { version: 3 }),
      docs.upsertSql([{ ...doc, status: 'redeemed', signatures: [] }], 0),
    );
    expect(await docs.forCase('org-a', 'KS202611-9402')).toEqual([
      { ...doc, status: 'redeemed', signatures: [] },
    ]);
    expect(await cases.findOne('org-a', 'KS202611-9402')).toMatchObject({ version: 3 });
  });

  test("issue 14 #3: a staff member's case list — the cases they opened or their department has a task on, newest first, never another organisation's; the task check is probed per case, not hashed over the department's tasks", async () => {
    const tasks = new TasksRepository(ds);
    const cases = new CasesRepository(ds);
    const org = 'org-list';
    const at = (h: number) => new Date(Date.UTC(2026, 10, 22, h));
    const kase = (n: string, h: number, openedBy: string, organisationId = org) =>
      cases.recordSnapshot(snapshot(n, { organisationId, openedBy, openedAt: at(h) }));
    await kase('KS202611-9501', 1, 'cs-07'); // opened by them, no CS task
    await kase('KS202611-9502', 2, 'sales-01'); // a CS task on it
    await kase('KS202611-9503', 3, 'sales-01'); // only an R&D task
    await kase('KS202611-9504', 4, 'sales-01', 'org-list-other'); // a CS task, another org
    await kase('KS202611-9505', 5, 'sales-01'); // a completed CS task still counts
    await tasks.upsertMany([
      task('KS202611-9502', { organisationId: org }),
      task('KS202611-9503', { organisationId: org, candidateDepartment: 'rnd' }),
      task('KS202611-9504', { organisationId: 'org-list-other' }),
      task('KS202611-9505', { organisationId: org, status: 'completed' }),
    ]);
    const q = {
      organisationId: org,
      visibleTo: { userId: 'cs-07', department: 'cs' },
      limit: 50,
      offset: 0,
    };
    const listed = await cases.list(q);
    expect(listed.rows.map((r) => r.caseNumber)).toEqual([
      'KS202611-9505',
      'KS202611-9502',
      'KS202611-9501',
    ]);
    expect(listed).toMatchObject({ total: 3, totalCapped: false });
    expect(
      (await cases.list({ ...q, visibleTo: { userId: 'rnd-01', department: 'rnd' } })).rows.map(
        (r) => r.caseNumber,
      ),
    ).toEqual(['KS202611-9503']);
    // the shape of the plan, whatever the table sizes: OFFSET 0 in the EXISTS rules out a
    // hashed subplan, which would read every task of the department before the first case
    const plan = (await ds.query(
      `EXPLAIN SELECT c.case_number FROM cases c WHERE c.organisation_id = $1 AND ${VISIBLE_TO_STAFF.replace(':uid', '$2').replace(':dept', '$3')}
       ORDER BY c.opened_at DESC LIMIT 50`,
      [org, 'cs-07', 'cs'],
    )) as Array<{ 'QUERY PLAN': string }>;
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('SubPlan');
    expect(text).not.toContain('hashed SubPlan');
  });

  test('policy versions are added, never overwritten; the latest is found', async () => {
    const policies = new PoliciesRepository(ds);
    expect(await policies.add('org-p', 1, { version: 1 }, 'admin')).toBe(true);
    expect(await policies.add('org-p', 1, { version: 1, edited: true }, 'admin')).toBe(false);
    expect(await policies.add('org-p', 2, { version: 2 }, 'admin')).toBe(true);
    expect((await policies.latest('org-p'))?.version).toBe(2);
    expect(await policies.latestVersion('org-p')).toBe(2);
    expect(await policies.latestVersion('org-none')).toBeNull();
    expect((await policies.find('org-p', 1))?.content).toEqual({ version: 1 });
  });

  test("issue 14: exists (the opening's wait for its row) says whether the organisation's case has its row", async () => {
    const cases = new CasesRepository(ds);
    expect(await cases.exists('org-a', 'KS202611-9391')).toBe(false);
    await cases.recordSnapshot(snapshot('KS202611-9391'));
    expect(await cases.exists('org-a', 'KS202611-9391')).toBe(true);
    expect(await cases.exists('org-b', 'KS202611-9391')).toBe(false);
  });

  test('keyed audit appends: a retry with the same key writes nothing; two writers interleave into one valid chain', async () => {
    const audit = new AuditRepository(ds);
    const ev = (key: string, action: string) => ({
      organisationId: 'org-a',
      caseNumber: 'KS202611-9401',
      key,
      occurredAt: opened,
      actor: 'cs-01',
      action,
      data: { key },
      policyVersion: 1,
    });
    const first = await audit.appendKeyed(ev('wf:1', 'ComplaintReported'));
    const retry = await audit.appendKeyed(ev('wf:1', 'ComplaintReported'));
    expect(retry).toMatchObject({ outcome: 'already_recorded', seq: first.seq });
    await Promise.all([
      audit.appendKeyed(ev('wf:2', 'TaskOpened')),
      audit.appendKeyed(ev('api:req-1', 'CommandRefused')),
      audit.appendKeyed(ev('wf:3', 'TaskClaimed')),
    ]);
    const history = await audit.history('org-a', 'KS202611-9401');
    expect(history.map((h) => h.seq)).toEqual([1, 2, 3, 4]);
    expect(await audit.verify('org-a', 'KS202611-9401')).toEqual({ valid: true, count: 4 });
  });
});
