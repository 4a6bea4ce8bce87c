import type { CaseSnapshot, DocumentRecord, TaskView } from '@aso/contracts';
import { caseSnapshotSchema, documentRecordSchema, taskViewSchema } from '@aso/contracts';
import type { CaseEntity } from '../entities/case.entity';
import type { DocumentEntity } from '../entities/document.entity';
import type { TaskEntity } from '../entities/task.entity';
import { toCaseSnapshot, toCaseSnapshotRecord } from './case.mapper';
import { toDocumentRecord, toDocumentRow } from './document.mapper';
import { toTaskRecord, toTaskView } from './task.mapper';

const task: TaskView = {
  taskId: 'KS202611-0001-T2',
  caseNumber: 'KS202611-0001',
  type: 'resolution_approval',
  stage: 'approval',
  candidateDepartment: 'cs',
  candidateRoles: ['manager'],
  assignee: null,
  priority: 2,
  status: 'open',
  commands: ['ApproveResolution', 'SendBackResolution'],
  dueAt: '2026-11-03T10:00:00.000Z',
  dueProvisional: false,
  overdue: false,
  escalationLevel: 0,
  escalatesTaskId: null,
  createdAt: '2026-11-02T09:00:00.000Z',
  completedAt: null,
  completedBy: null,
};

const document: DocumentRecord = {
  organisationId: 'org-1',
  caseNumber: 'KS202611-0001',
  docType: 'complaint_form',
  docNumber: 'KS202611-0001',
  revision: 2,
  supersedesRevision: 1,
  status: 'approved',
  content: { method: 'discount', loss: { totalFen: 60000 } },
  distribution: [{ department: 'finance', copy: 2 }],
  signatures: [{ by: 'cs-mgr', role: 'manager', at: '2026-11-03T08:00:00.000Z' }],
  updatedAt: '2026-11-03T08:00:00.000Z',
};

const snapshot: CaseSnapshot = {
  organisationId: 'org-1',
  storeId: null,
  caseNumber: 'KS202611-0001',
  caseType: 'complaint',
  status: 'awaiting_approval',
  stage: 'approval',
  customerName: '王先生',
  customerPhone: '13800138000',
  orderNumber: 'SO-1001',
  quantity: 3,
  lossAmountFen: 60000,
  approvedAmountFen: null,
  classification: 'quality',
  severity: 'general',
  method: 'discount',
  overdue: true,
  overdueStages: ['approval'],
  policyVersion: 2,
  parentCaseNumber: null,
  childCaseNumbers: ['TH202611-0001'],
  openedBy: 'sales-01',
  defectDescription: 'does not power on',
  openedAt: '2026-11-02T08:00:00.000Z',
  acceptedAt: '2026-11-02T09:00:00.000Z',
  closingDueAt: null,
  closedAt: null,
  closedOnTime: null,
  version: 7,
};

/** What TypeORM loads: the row as written, plus the write time. */
const loaded = <T extends object>(row: T): T & { updatedAt: Date } => ({
  updatedAt: new Date('2026-11-03T09:00:00.000Z'),
  ...row,
});

describe('persistence mappers: one per direction between rows and contracts', () => {
  test('a task survives contract → row → contract unchanged', () => {
    const row = toTaskRecord(task, 'org-1');
    expect(row).toMatchObject({ organisationId: 'org-1', dueAt: new Date(task.dueAt!) });
    expect(row.completedAt).toBeNull();
    const back = toTaskView(loaded(row) as TaskEntity);
    expect(back).toEqual(task);
    expect(taskViewSchema.strict().parse(back)).toEqual(task);
  });

  test('a document revision survives contract → row → contract unchanged', () => {
    const row = toDocumentRow(document);
    expect(row.updatedAt).toEqual(new Date(document.updatedAt));
    const back = toDocumentRecord(row as DocumentEntity);
    expect(back).toEqual(document);
    expect(documentRecordSchema.strict().parse(back)).toEqual(document);
  });

  test('a case snapshot survives contract → row → contract unchanged', () => {
    const at = new Date('2026-11-03T09:00:00.000Z');
    const row = toCaseSnapshotRecord(snapshot, at);
    expect(row).toMatchObject({ openedAt: new Date(snapshot.openedAt), updatedAt: at });
    const { caseType, ...rest } = row;
    const back = toCaseSnapshot({ ...rest, type: caseType } as CaseEntity);
    expect(back).toEqual(snapshot);
    expect(caseSnapshotSchema.strict().parse(back)).toEqual(snapshot);
  });

  test('a case a workflow opened itself is recorded as opened by system, with no defect text', () => {
    const { openedBy: _o, defectDescription: _d, ...own } = snapshot;
    expect(toCaseSnapshotRecord(own, new Date())).toMatchObject({
      openedBy: 'system',
      defectDescription: null,
    });
  });
});
