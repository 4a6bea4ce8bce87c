import type { Department, Role } from './organisation';

export type TaskStatus = 'open' | 'completed' | 'cancelled';
export type TaskType = 'cs_registration' | 'rnd_investigation';

/** A human task as the workflow holds it and as the inbox read model mirrors it. */
export interface TaskView {
  taskId: string;
  caseNumber: string;
  type: TaskType;
  candidateDepartment: Department;
  candidateRole: Role;
  assignee: string | null;
  priority: number;
  status: TaskStatus;
  /** ISO-8601 instant. */
  dueAt: string;
  overdue: boolean;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
}
