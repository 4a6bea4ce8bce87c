import { ApiError } from '../common/api-error';

/**
 * F18 004 八.(一)3 新入职的回访人员必须经过专门的培训,经考核合格后方可上崗: what a user was
 * trained and passed for, granted by an admin (PATCH /admin/users/:id). A task type that needs a
 * qualification can only be claimed, completed or handed to someone who holds it.
 */
export const QUALIFICATIONS = ['follow_up_caller'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

export const isQualification = (q: string): q is Qualification =>
  (QUALIFICATIONS as readonly string[]).includes(q);

/** The follow-up call itself (the record's review and the spot check are leads' work). */
const REQUIRED_FOR_TASK: Readonly<Record<string, Qualification>> = {
  follow_up_call: 'follow_up_caller',
};

export const qualificationFor = (taskType: string): Qualification | undefined =>
  REQUIRED_FOR_TASK[taskType];

/** Refuses (403 CALLER_NOT_QUALIFIED) a person without the qualification the task needs. */
export function assertQualifiedFor(
  person: { id: string; qualifications: readonly string[] },
  task: { taskId: string; type: string },
): void {
  const needed = qualificationFor(task.type);
  if (needed === undefined || person.qualifications.includes(needed)) return;
  throw new ApiError(
    'CALLER_NOT_QUALIFIED',
    `Task ${task.taskId} (${task.type}) needs the ${needed} qualification (004 八.(一)3: trained and passed first)`,
    { userId: person.id, taskId: task.taskId, qualification: needed },
  );
}
