import { DomainError } from '../errors/domain-error';
import type { Actor, Department, Role } from '../shared/org';

// Who may work, claim, release and delegate a task: the rule book in ./task-rules.ts.

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
