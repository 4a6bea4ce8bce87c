import type { CaseActivities } from '@aso/contracts';
import type { CasesRepository, TasksRepository } from '@aso/persistence';

/** Read-model writers. Each is a keyed upsert, so Temporal's retries never duplicate a row. */
export function createCaseActivities(deps: {
  cases: CasesRepository;
  tasks: TasksRepository;
}): CaseActivities {
  return {
    async recordTask(task) {
      await deps.tasks.upsert({
        ...task,
        dueAt: new Date(task.dueAt),
        createdAt: new Date(task.createdAt),
        completedAt: task.completedAt ? new Date(task.completedAt) : null,
      });
    },
    async recordCaseProgress(p) {
      await deps.cases.recordProgress({
        ...p,
        acceptedAt: p.acceptedAt ? new Date(p.acceptedAt) : null,
        updatedAt: new Date(p.updatedAt),
      });
    },
  };
}
