import { DomainError } from '../errors/domain-error';
import type { Actor, Department, Role } from '../shared/org';

export type TaskStatus = 'open' | 'claimed' | 'completed' | 'cancelled';

/** What the domain needs to know about a human task to say who may work it. */
export interface TaskAccess {
  taskId: string;
  status: TaskStatus;
  department: Department;
  /** any of these roles may work it; empty = any role of the department */
  roles: readonly Role[];
  claimedBy?: string | null;
}

/**
 * DOMAIN.md "Who uses it": staff work their department's inbox and must never act on tasks
 * outside their department/role; a task is worked once, by whoever claimed it.
 */
export function assertMayWorkTask(task: TaskAccess, actor: Actor): void {
  if (task.status !== 'open' && task.status !== 'claimed') {
    throw new DomainError('TASK_NOT_OPEN', `Task ${task.taskId} is ${task.status}`, {
      taskId: task.taskId,
      status: task.status,
    });
  }
  if (task.status === 'claimed' && task.claimedBy && task.claimedBy !== actor.userId) {
    throw new DomainError('TASK_NOT_OPEN', `Task ${task.taskId} is claimed by someone else`, {
      taskId: task.taskId,
      status: task.status,
      claimedBy: task.claimedBy,
    });
  }
  assertActorFits(actor, task.department, task.roles, { taskId: task.taskId });
}

/** Department first (the inbox), then role: the error names what the actor lacks. */
export function assertActorFits(
  actor: Actor,
  department: Department | null,
  roles: readonly Role[],
  context: Record<string, unknown> = {},
): void {
  if (department !== null && actor.department !== department) {
    throw new DomainError('WRONG_DEPARTMENT', `Only the ${department} department may do this`, {
      ...context,
      userId: actor.userId,
      requiredDepartment: department,
      actualDepartment: actor.department,
    });
  }
  if (roles.length > 0 && !roles.some((r) => actor.roles.includes(r))) {
    throw new DomainError('WRONG_ROLE', `This needs one of the roles: ${roles.join(', ')}`, {
      ...context,
      userId: actor.userId,
      requiredRoles: [...roles],
      actualRoles: [...actor.roles],
    });
  }
}
