import type { TaskView } from '@aso/contracts';
import type { TaskEntity } from '../entities/task.entity';
import type { TaskRecord } from '../repositories/tasks.repository';
import { date, dateOrNull, iso, isoOrNull, type SameKeys } from './same-keys';

/** The row's fields that are not the contract's: storage keys and bookkeeping. */
type StorageOnly = 'organisationId' | 'updatedAt';

/** The task of a workflow (contract) → the inbox row to upsert. */
export function toTaskRecord(task: TaskView, organisationId: string): TaskRecord {
  return {
    ...task,
    organisationId,
    dueAt: dateOrNull(task.dueAt),
    createdAt: date(task.createdAt),
    completedAt: dateOrNull(task.completedAt),
  };
}

/** An inbox row → the task as the contracts (and the API) show it. */
export function toTaskView(row: TaskEntity): TaskView {
  const { organisationId: _org, updatedAt: _updated, dueAt, createdAt, completedAt, ...same } = row;
  return {
    ...same,
    dueAt: isoOrNull(dueAt),
    createdAt: iso(createdAt),
    completedAt: isoOrNull(completedAt),
  };
}

const _taskRowMatchesContract: SameKeys<Omit<TaskEntity, StorageOnly>, TaskView> = true;
