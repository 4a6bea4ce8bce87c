import { DomainError, type Department, type Role } from '@aso/domain';
import type { AuthUser } from './auth-user';

/**
 * Who may do what, before anything happens (the workflow's update validators check again and
 * are the authority for task rules). Pure functions over the authenticated user, so every rule
 * here is unit-tested without a server.
 */

/** DOMAIN.md "Who uses it": auditors read every case and must never change anything. */
export function assertMayWrite(user: AuthUser, action: string): void {
  if (user.roles.includes('auditor')) {
    throw new DomainError('AUDITOR_READ_ONLY', 'Auditors have read-only access', {
      userId: user.id,
      action,
    });
  }
}

export function assertHasRole(user: AuthUser, roles: readonly Role[], action: string): void {
  if (!roles.some((r) => user.roles.includes(r))) {
    throw new DomainError('WRONG_ROLE', `${action} needs one of the roles: ${roles.join(', ')}`, {
      userId: user.id,
      requiredRoles: [...roles],
      actualRoles: [...user.roles],
    });
  }
}

export function assertInDepartment(user: AuthUser, department: Department, action: string): void {
  if (user.department !== department) {
    throw new DomainError('WRONG_DEPARTMENT', `${action} is done by the ${department} department`, {
      userId: user.id,
      requiredDepartment: department,
      actualDepartment: user.department,
    });
  }
}

/** Users, departments, roles and limits are managed by admins only (DOMAIN.md "admins"). */
export function assertAdmin(user: AuthUser, action: string): void {
  assertMayWrite(user, action);
  assertHasRole(user, ['admin'], action);
}

/** Complaints are opened by sales (001 §25.1). */
export function assertMayOpenComplaint(user: AuthUser): void {
  assertMayWrite(user, 'open complaint');
  assertInDepartment(user, 'sales', 'Opening a complaint (001 §25.1)');
}

/** Sees every case of the organisation: auditors (full history) and the GM's office. */
export const seesAllCases = (user: AuthUser): boolean =>
  user.roles.includes('auditor') || user.roles.includes('gm') || user.department === 'gm_office';

/**
 * DOMAIN.md "Confidentiality": personal data is shown only to those who work the case: whoever
 * opened it, and the departments that have (or had) a task on it.
 */
export function assertMayReadCase(
  user: AuthUser,
  kase: { caseNumber: string; openedBy: string },
  taskDepartments: readonly (string | null)[],
): void {
  if (seesAllCases(user) || kase.openedBy === user.id) return;
  if (taskDepartments.includes(user.department)) return;
  throw new DomainError('FORBIDDEN', `Your department does not work case ${kase.caseNumber}`, {
    caseNumber: kase.caseNumber,
    userId: user.id,
    department: user.department,
  });
}

const LEADS: readonly Role[] = ['supervisor', 'manager', 'vp', 'sales_vp', 'gm'];

/**
 * Releasing or handing on a claimed task: its assignee, or a lead (supervisor and up) of the
 * task's department. Anyone else is refused before the workflow is asked.
 */
export function assertMayReassignTask(
  user: AuthUser,
  task: { taskId: string; candidateDepartment: string | null; assignee: string | null },
  action: string,
): void {
  assertMayWrite(user, action);
  if (task.assignee === user.id) return;
  if (task.candidateDepartment !== null) {
    assertInDepartment(user, task.candidateDepartment as Department, action);
  }
  assertHasRole(user, LEADS, `${action} of someone else's task`);
}

/**
 * A personal approval limit (admin-set) below the amount refuses the approval up front; the
 * workflow applies the same limit (with the role's limit from the pinned policy) again.
 */
export function assertWithinPersonalLimit(user: AuthUser, amountFen: number | null): void {
  if (amountFen === null || user.approvalLimitFen === null) return;
  if (amountFen > user.approvalLimitFen) {
    throw new DomainError(
      'APPROVAL_LIMIT_EXCEEDED',
      `The amount exceeds your personal approval limit`,
      { userId: user.id, amountFen, limitFen: user.approvalLimitFen },
    );
  }
}
