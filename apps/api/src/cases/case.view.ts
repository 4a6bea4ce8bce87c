import type { CaseEntity, DocumentEntity, TaskEntity } from '@aso/persistence';

/** What the API shows of a case: never the ORM entity itself. */
export interface CaseView {
  caseNumber: string;
  type: string;
  status: string;
  stage: string;
  storeId: string | null;
  customer: { name: string; phone: string | null };
  orderNumber: string;
  defectDescription: string | null;
  quantity: number | null;
  classification: string | null;
  severity: string | null;
  method: string | null;
  lossAmountFen: number | null;
  approvedAmountFen: number | null;
  overdue: boolean;
  overdueStages: string[];
  policyVersion: number;
  parentCaseNumber: string | null;
  childCaseNumbers: string[];
  openedBy: string;
  openedAt: string;
  acceptedAt: string | null;
  closingDueAt: string | null;
  closedAt: string | null;
  closedOnTime: boolean | null;
  tasks: TaskRow[];
}

export interface TaskRow {
  taskId: string;
  caseNumber: string;
  type: string;
  stage: string;
  candidateDepartment: string | null;
  candidateRoles: string[];
  assignee: string | null;
  priority: number;
  status: string;
  commands: string[];
  overdue: boolean;
  escalationLevel: number;
  escalatesTaskId: string | null;
  dueAt: string | null;
  dueProvisional: boolean;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
}

export interface DocumentView {
  docType: string;
  docNumber: string;
  revision: number;
  supersedesRevision: number | null;
  status: string;
  content: Record<string, unknown>;
  distribution: Array<{ department: string; copy: number }>;
  signatures: Array<{ by: string; role: string; at: string }>;
  updatedAt: string;
}

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export const toTaskRow = (t: TaskEntity): TaskRow => ({
  taskId: t.taskId,
  caseNumber: t.caseNumber,
  type: t.type,
  stage: t.stage,
  candidateDepartment: t.candidateDepartment,
  candidateRoles: t.candidateRoles,
  assignee: t.assignee,
  priority: t.priority,
  status: t.status,
  commands: t.commands,
  overdue: t.overdue,
  escalationLevel: t.escalationLevel,
  escalatesTaskId: t.escalatesTaskId,
  dueAt: iso(t.dueAt),
  dueProvisional: t.dueProvisional,
  createdAt: t.createdAt.toISOString(),
  completedAt: iso(t.completedAt),
  completedBy: t.completedBy,
});

export const toCaseView = (c: CaseEntity, tasks: TaskEntity[]): CaseView => ({
  caseNumber: c.caseNumber,
  type: c.type,
  status: c.status,
  stage: c.stage,
  storeId: c.storeId,
  customer: { name: c.customerName, phone: c.customerPhone },
  orderNumber: c.orderNumber,
  defectDescription: c.defectDescription,
  quantity: c.quantity,
  classification: c.classification,
  severity: c.severity,
  method: c.method,
  lossAmountFen: c.lossAmountFen,
  approvedAmountFen: c.approvedAmountFen,
  overdue: c.overdue,
  overdueStages: c.overdueStages,
  policyVersion: c.policyVersion,
  parentCaseNumber: c.parentCaseNumber,
  childCaseNumbers: c.childCaseNumbers,
  openedBy: c.openedBy,
  openedAt: c.openedAt.toISOString(),
  acceptedAt: iso(c.acceptedAt),
  closingDueAt: iso(c.closingDueAt),
  closedAt: iso(c.closedAt),
  closedOnTime: c.closedOnTime,
  tasks: tasks.map(toTaskRow),
});

export const toDocumentView = (d: DocumentEntity): DocumentView => ({
  docType: d.docType,
  docNumber: d.docNumber,
  revision: d.revision,
  supersedesRevision: d.supersedesRevision,
  status: d.status,
  content: d.content,
  distribution: d.distribution,
  signatures: d.signatures,
  updatedAt: d.updatedAt.toISOString(),
});
