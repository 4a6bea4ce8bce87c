import type { Department, Role } from '@aso/domain';

export type TaskStatus = 'open' | 'claimed' | 'completed' | 'cancelled';

/**
 * A human task as the workflow holds it and the inbox read model mirrors it. Task ids are
 * `<caseNumber>-T<n>`, stable for the life of the case.
 */
export interface TaskView {
  taskId: string;
  caseNumber: string;
  /** e.g. `cs_registration`, `resolution_approval`, `escalation` (see the workflow's task table) */
  type: string;
  /** the policy stage whose deadline this task carries (`registration`, `approval`, …) */
  stage: string;
  candidateDepartment: Department | null;
  candidateRoles: Role[];
  /** who claimed it (or to whom it was delegated); null while unclaimed */
  assignee: string | null;
  /** 1 = most urgent … 3 = routine */
  priority: number;
  status: TaskStatus;
  /** the command types that complete it */
  commands: string[];
  /** ISO-8601 instants */
  dueAt: string | null;
  /** the due instant was computed without a holiday table for its year (recomputed later) */
  dueProvisional: boolean;
  overdue: boolean;
  /** 0 = none; 1 = department manager; 2 = VP in charge (per the policy's ladder) */
  escalationLevel: number;
  /** for escalation tasks: the task that is late */
  escalatesTaskId: string | null;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
}
