import type { TaskStatus } from '@aso/contracts';
import type { Department, Role } from '@aso/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The inbox: one row per human task, mirrored from the workflow that owns it. The row of the
 * contract's TaskView (libs/contracts task.ts) plus its organisation and write time; the mappers
 * (mappers/task.mapper.ts) check at compile time that the two keep the same fields.
 */
@Entity({ name: 'tasks' })
export class TaskEntity {
  @PrimaryColumn({ name: 'task_id', type: 'text' })
  taskId!: string;

  @Column({ name: 'organisation_id', type: 'text' })
  organisationId!: string;

  @Column({ name: 'case_number', type: 'text' })
  caseNumber!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  stage!: string;

  @Column({ name: 'candidate_department', type: 'text', nullable: true })
  candidateDepartment!: Department | null;

  @Column({ name: 'candidate_roles', type: 'text', array: true })
  candidateRoles!: Role[];

  @Column({ type: 'text', nullable: true })
  assignee!: string | null;

  @Column({ type: 'integer' })
  priority!: number;

  @Column({ type: 'text' })
  status!: TaskStatus;

  @Column({ type: 'text', array: true })
  commands!: string[];

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'due_provisional', type: 'boolean', default: false })
  dueProvisional!: boolean;

  @Column({ name: 'escalation_level', type: 'integer', default: 0 })
  escalationLevel!: number;

  @Column({ name: 'escalates_task_id', type: 'text', nullable: true })
  escalatesTaskId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'completed_by', type: 'text', nullable: true })
  completedBy!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
