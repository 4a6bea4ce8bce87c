import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The inbox: one row per human task, mirrored from the workflow that owns it. */
@Entity({ name: 'tasks' })
@Index('tasks_inbox_idx', ['organisationId', 'candidateDepartment', 'status', 'dueAt'])
@Index('tasks_case_idx', ['caseNumber'])
export class TaskEntity {
  @PrimaryColumn({ name: 'task_id', type: 'text' })
  taskId!: string;

  @Column({ name: 'organisation_id', type: 'text' })
  organisationId!: string;

  @Column({ name: 'case_number', type: 'text' })
  caseNumber!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'candidate_department', type: 'text' })
  candidateDepartment!: string;

  @Column({ name: 'candidate_role', type: 'text' })
  candidateRole!: string;

  @Column({ type: 'text', nullable: true })
  assignee!: string | null;

  @Column({ type: 'integer' })
  priority!: number;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'completed_by', type: 'text', nullable: true })
  completedBy!: string | null;
}
