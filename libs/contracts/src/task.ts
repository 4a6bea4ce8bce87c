import { z } from 'zod';
import { departmentSchema, roleSchema } from './organisation';
import { isoInstant, isoInstantOrNull } from './schema/primitives';

export const TASK_STATUSES = ['open', 'claimed', 'completed', 'cancelled'] as const;
export const taskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

/**
 * A human task as the workflow holds it, the inbox read model mirrors it and the API shows it
 * (the one task shape: the persistence row maps to and from it in libs/persistence/src/mappers).
 * Task ids are `<caseNumber>-T<n>`, stable for the life of the case.
 */
export const taskViewSchema = z.object({
  taskId: z.string(),
  caseNumber: z.string(),
  /** e.g. `cs_registration`, `resolution_approval`, `escalation` (see the workflow's task table) */
  type: z.string(),
  /** the policy stage whose deadline this task carries (`registration`, `approval`, …) */
  stage: z.string(),
  candidateDepartment: departmentSchema.nullable(),
  candidateRoles: z.array(roleSchema),
  /** who claimed it (or to whom it was delegated); null while unclaimed */
  assignee: z.string().nullable(),
  /** 1 = most urgent … 3 = routine */
  priority: z.number().int(),
  status: taskStatusSchema,
  commands: z.array(z.string()).describe('the command types that complete the task'),
  dueAt: isoInstantOrNull,
  /** the due instant was computed without a holiday table for its year (recomputed later) */
  dueProvisional: z.boolean(),
  overdue: z.boolean(),
  /** 0 = none; 1 = department manager; 2 = VP in charge (per the policy's ladder) */
  escalationLevel: z.number().int(),
  /** for escalation tasks: the task that is late */
  escalatesTaskId: z.string().nullable(),
  createdAt: isoInstant,
  completedAt: isoInstantOrNull,
  completedBy: z.string().nullable(),
});
export type TaskView = z.infer<typeof taskViewSchema>;
