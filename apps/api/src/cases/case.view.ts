import type { CaseEntity, TaskEntity } from '@aso/persistence';

/** What the API shows of a case: never the ORM entity itself. */
export interface CaseView {
  caseNumber: string;
  type: string;
  status: string;
  stage: string;
  customer: { name: string; phone: string | null };
  orderNumber: string;
  defectDescription: string;
  quantity: number;
  classification: string | null;
  severity: string | null;
  openedAt: string;
  acceptedAt: string | null;
  tasks: TaskRow[];
}

export interface TaskRow {
  taskId: string;
  caseNumber: string;
  type: string;
  candidateDepartment: string;
  candidateRole: string;
  assignee: string | null;
  status: string;
  overdue: boolean;
  dueAt: string;
  completedAt: string | null;
  completedBy: string | null;
}

export const toTaskRow = (t: TaskEntity): TaskRow => ({
  taskId: t.taskId,
  caseNumber: t.caseNumber,
  type: t.type,
  candidateDepartment: t.candidateDepartment,
  candidateRole: t.candidateRole,
  assignee: t.assignee,
  status: t.status,
  overdue: t.overdue,
  dueAt: t.dueAt.toISOString(),
  completedAt: t.completedAt?.toISOString() ?? null,
  completedBy: t.completedBy,
});

export const toCaseView = (c: CaseEntity, tasks: TaskEntity[]): CaseView => ({
  caseNumber: c.caseNumber,
  type: c.type,
  status: c.status,
  stage: c.stage,
  customer: { name: c.customerName, phone: c.customerPhone },
  orderNumber: c.orderNumber,
  defectDescription: c.defectDescription,
  quantity: c.quantity,
  classification: c.classification,
  severity: c.severity,
  openedAt: c.openedAt.toISOString(),
  acceptedAt: c.acceptedAt?.toISOString() ?? null,
  tasks: tasks.map(toTaskRow),
});
