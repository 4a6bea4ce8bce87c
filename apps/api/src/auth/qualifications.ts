import { DomainError, QUALIFICATIONS, type Qualification, qualificationForTask } from '@aso/domain';

/**
 * F18 004 八.(一)3 新入职的回访人员必须经过专门的培训,经考核合格后方可上崗: what a user was
 * trained and passed for, granted by an admin (PATCH /admin/users/:id). A task type that needs a
 * qualification can only be claimed, completed or handed to someone who holds it. The list and
 * the task types are the task rule book's (libs/domain task-rules.ts), which the workflows ask too.
 */
export { QUALIFICATIONS, type Qualification };

export const isQualification = (q: string): q is Qualification =>
  (QUALIFICATIONS as readonly string[]).includes(q);

export const qualificationFor = (taskType: string): Qualification | undefined =>
  qualificationForTask(taskType);

/** Refuses (403 CALLER_NOT_QUALIFIED) a person without the qualification the task needs. */
export function assertQualifiedFor(
  person: { id: string; qualifications: readonly string[] },
  task: { taskId: string; type: string },
): void {
  const needed = qualificationFor(task.type);
  if (needed === undefined || person.qualifications.includes(needed)) return;
  throw new DomainError(
    'CALLER_NOT_QUALIFIED',
    `Task ${task.taskId} (${task.type}) needs the ${needed} qualification (004 八.(一)3: trained and passed first)`,
    { userId: person.id, taskId: task.taskId, qualification: needed },
  );
}
