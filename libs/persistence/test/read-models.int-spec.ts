import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { CaseEntity, CasesRepository, createDataSource, TasksRepository, type TaskRecord } from '@aso/persistence';

/** Real PostgreSQL, schema from the migrations (integration global setup). Nothing faked. */
const url = process.env.ASO_INT_DATABASE_URL as string;
let ds: DataSource;

beforeAll(async () => {
  ds = await createDataSource(url).initialize();
});
afterAll(async () => {
  await ds.destroy();
});

async function insertCase(caseNumber: string): Promise<void> {
  const now = new Date('2026-11-20T02:00:00Z');
  await ds.getRepository(CaseEntity).insert({
    caseNumber,
    organisationId: 'org-a',
    type: 'complaint',
    status: 'open',
    stage: 'registration',
    customerName: '李女士',
    customerPhone: null,
    orderNumber: 'SO-9',
    defectDescription: '外壳破损',
    quantity: 1,
    classification: null,
    severity: null,
    openedBy: 'sales-01',
    openedAt: now,
    acceptedAt: null,
    updatedAt: now,
  });
}

const task = (caseNumber: string, overrides: Partial<TaskRecord> = {}): TaskRecord => ({
  taskId: `${caseNumber}-T1`,
  organisationId: 'org-a',
  caseNumber,
  type: 'cs_registration',
  candidateDepartment: 'cs',
  candidateRole: 'staff',
  assignee: null,
  priority: 2,
  status: 'open',
  overdue: false,
  dueAt: new Date('2026-11-21T02:00:00Z'),
  createdAt: new Date('2026-11-20T02:00:00Z'),
  completedAt: null,
  completedBy: null,
  ...overrides,
});

describe('read models on PostgreSQL', () => {
  test('the migrations ran: tables, the inbox index and the number sequences exist; synchronize is off', async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const tables = await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
      expect(tables.rows.map((r) => r.tablename)).toEqual(expect.arrayContaining(['cases', 'tasks', 'migrations']));
      const idx = await client.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'tasks'`);
      expect(idx.rows.map((r) => r.indexname)).toContain('tasks_inbox_idx');
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

  test('recording a task is idempotent: the same activity run twice leaves one row', async () => {
    await insertCase('KS202611-9001');
    const tasks = new TasksRepository(ds);
    await tasks.upsert(task('KS202611-9001'));
    await tasks.upsert(task('KS202611-9001'));
    const rows = await tasks.forCase('org-a', 'KS202611-9001');
    expect(rows).toHaveLength(1);
    await tasks.upsert(task('KS202611-9001', { status: 'completed', completedBy: 'cs-01', completedAt: new Date() }));
    const [row] = await tasks.forCase('org-a', 'KS202611-9001');
    expect(row).toMatchObject({ status: 'completed', completedBy: 'cs-01' });
    expect(await tasks.forCase('org-a', 'KS202611-9001')).toHaveLength(1);
  });

  test('the inbox lists a department’s open tasks, overdue first then by due instant, and never another organisation’s', async () => {
    for (const n of ['9101', '9102', '9103', '9104']) await insertCase(`KS202611-${n}`);
    const tasks = new TasksRepository(ds);
    await tasks.upsert(task('KS202611-9101', { dueAt: new Date('2026-11-25T00:00:00Z') }));
    await tasks.upsert(task('KS202611-9102', { dueAt: new Date('2026-11-23T00:00:00Z') }));
    await tasks.upsert(task('KS202611-9103', { dueAt: new Date('2026-11-30T00:00:00Z'), overdue: true }));
    await tasks.upsert(task('KS202611-9104', { organisationId: 'org-b', dueAt: new Date('2026-11-01T00:00:00Z') }));
    const inbox = (await tasks.openForDepartment('org-a', 'cs')).filter((t) => t.caseNumber.startsWith('KS202611-91'));
    expect(inbox.map((t) => t.caseNumber)).toEqual(['KS202611-9103', 'KS202611-9102', 'KS202611-9101']);
  });

  test('a replayed, older progress update never moves the case backwards', async () => {
    await insertCase('KS202611-9201');
    const cases = new CasesRepository(ds);
    const later = new Date('2026-11-20T05:00:00Z');
    await cases.recordProgress({ caseNumber: 'KS202611-9201', stage: 'investigation', classification: 'quality', severity: 'general', acceptedAt: later, updatedAt: later });
    await cases.recordProgress({ caseNumber: 'KS202611-9201', stage: 'registration', classification: null, severity: null, acceptedAt: null, updatedAt: new Date('2026-11-20T03:00:00Z') });
    const row = await cases.findOne('org-a', 'KS202611-9201');
    expect(row).toMatchObject({ stage: 'investigation', classification: 'quality' });
  });
});
