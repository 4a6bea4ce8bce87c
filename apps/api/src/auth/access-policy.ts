import { ApiError } from '../common/api-error';
import {
  type Actor,
  assertTaskVerdict,
  DomainError,
  type Department,
  fitsTask,
  mayClaim,
  mayHandOn,
  mayReceive,
  mayRelease,
  mayWork,
  type Role,
  type TaskFacts,
} from '@aso/domain';
import type { AuthUser } from './auth-user';

/**
 * Who may do what, before anything happens (the workflow's update validators check again and
 * are the authority for task rules). Pure functions over the authenticated user, so every rule
 * here is unit-tested without a server.
 */

/** DOMAIN.md "Who uses it": auditors read every case and must never change anything. */
export function assertMayWrite(user: AuthUser, action: string): void {
  if (user.roles.includes('auditor')) {
    throw new ApiError('AUDITOR_READ_ONLY', 'Auditors have read-only access', {
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
  // Decision 1: anyone who works takes a complaint (002 ch.14); auditors only read.
  assertMayWrite(user, 'open complaint');
}

/**
 * Repairs and service requests are taken by CS, by phone or document, and written into the
 * service register (001 §7): any working person of the cs department (staff, supervisor,
 * manager, the department's leads). Nobody else opens one; a repair for a complaint is opened
 * by the complaint itself (its child case).
 */
export function assertMayOpenRepair(user: AuthUser): void {
  assertMayWrite(user, 'open repair');
  assertInDepartment(user, 'cs', 'Taking a service request (001 §7)');
}

/**
 * A customer's own return is recorded by the salesperson who takes it (001 篇3 退货流程 1: 由销售员
 * 向主管确认) or by customer service, who answer online and phone after-sales requests (001 篇3
 * 售前客服, 003 §四.3); the sales supervisor then answers and approves it. Nobody else opens one.
 */
export function assertMayOpenReturn(user: AuthUser): void {
  assertMayWrite(user, 'open return');
  if (user.department !== 'sales' && user.department !== 'cs')
    throw new DomainError(
      'WRONG_DEPARTMENT',
      'A customer’s return request is recorded by sales or customer service (001 篇3 退货流程 1)',
      { userId: user.id, requiredDepartment: ['sales', 'cs'], actualDepartment: user.department },
    );
}

/** Sales counts the consigned goods and opens the consignment (002 ch.12 1). */
export function assertMayOpenConsignment(user: AuthUser): void {
  assertMayWrite(user, 'open consignment');
  if (user.department !== 'sales')
    throw new DomainError('WRONG_DEPARTMENT', 'A consignment is opened by sales (002 ch.12 1)', {
      userId: user.id,
      requiredDepartment: 'sales',
      actualDepartment: user.department,
    });
}

/** CS makes the follow-up plans and their calls (004 三.(一)). */
export function assertMayOpenFollowUp(user: AuthUser): void {
  assertMayWrite(user, 'open follow-up');
  assertInDepartment(user, 'cs', 'A planned follow-up call (004 三.(一))');
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
  throw new ApiError('FORBIDDEN', `Your department does not work case ${kase.caseNumber}`, {
    caseNumber: kase.caseNumber,
    userId: user.id,
    department: user.department,
  });
}

/** A task as the API holds it (a read-model row or the live view's task). */
export interface TaskAccessRow {
  taskId: string;
  status: string;
  candidateDepartment: string | null;
  candidateRoles: readonly string[];
  assignee: string | null;
  /** the task's type: what qualification it needs (F18); absent: not said */
  type?: string;
}

/** The row as the task rule book (libs/domain tasks/task-rules) reads it. */
export const taskFactsOf = (task: TaskAccessRow): TaskFacts => ({
  taskId: task.taskId,
  status: task.status as TaskFacts['status'],
  department: task.candidateDepartment as Department | null,
  roles: task.candidateRoles as Role[],
  assignee: task.assignee,
  ...(task.type !== undefined ? { type: task.type } : {}),
});

const actorOf = (user: AuthUser): Actor => ({
  userId: user.id,
  department: user.department,
  roles: user.roles,
});

/**
 * Completing a task: not an auditor, then the task rule book (department, roles, open or
 * claimed by the user) — the same function the workflow's validator asks.
 */
export function assertMayWorkTask(user: AuthUser, task: TaskAccessRow): void {
  assertMayWrite(user, 'complete task');
  assertTaskVerdict(mayWork(taskFactsOf(task), actorOf(user)));
}

/** Claiming a task: not an auditor, then the task rule book (open, department, roles). */
export function assertMayClaimTask(user: AuthUser, task: TaskAccessRow): void {
  assertMayWrite(user, 'claim task');
  assertTaskVerdict(mayClaim(taskFactsOf(task), actorOf(user)));
}

/**
 * Releasing or handing on a task: its assignee, or a lead of the task (TASK_LEADS: supervisor,
 * manager, sales VP of the task's department; VP in charge and GM of any task). Anyone else is
 * refused before the workflow is asked, by the rule book the workflow also asks.
 */
export function assertMayReassignTask(
  user: AuthUser,
  task: TaskAccessRow,
  action: 'unclaim' | 'delegate',
): void {
  assertMayWrite(user, action === 'unclaim' ? 'unclaim task' : 'delegate task');
  const facts = taskFactsOf(task);
  assertTaskVerdict(
    action === 'unclaim' ? mayRelease(facts, actorOf(user)) : mayHandOn(facts, actorOf(user)),
  );
}

/** The delegate must be someone who could work the task (the rule book's `mayReceive`). */
export function assertMayReceiveTask(task: TaskAccessRow, to: Actor): void {
  assertTaskVerdict(mayReceive(taskFactsOf(task), to));
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

/**
 * An absent user's delegate (issue 12 #7) must be able to work every task the absent user
 * could: the same department, and each of the absent user's working roles — asked of the task
 * rule book as a task of that department and role, so "fits" means what claim and complete
 * will check. (Roles are not ranked in the rule book: a manager's task is not a supervisor's.)
 */
export function assertDelegateFits(absent: AuthUser, delegate: Actor): void {
  const working = absent.roles.filter((r) => r !== 'auditor' && r !== 'admin');
  for (const role of working.length > 0 ? working : absent.roles) {
    assertTaskVerdict(
      fitsTask(
        {
          taskId: '(delegation)',
          status: 'open',
          department: absent.department,
          roles: [role],
          assignee: null,
        },
        delegate,
        { absentUserId: absent.id },
      ),
    );
  }
}

/**
 * 001 §28: the monthly complaint review is the GM office's; it (any of its working people) or
 * an admin may start a month's review by hand when the schedule's fire is not to be waited for.
 */
export function assertMayStartMonthlyReview(user: AuthUser): void {
  assertMayWrite(user, 'start monthly review');
  if (user.roles.includes('admin')) return;
  assertInDepartment(user, 'gm_office', 'Starting the monthly complaint review (001 §28)');
}

/**
 * Who reads the monthly reviews and their documents: the GM office (its auditors too), the GM,
 * HR (it publishes the 人事公布单 and applies the 奖罚通知单) and admins.
 */
export function assertMayReadMonthlyReviews(user: AuthUser): void {
  if (
    user.department === 'gm_office' ||
    user.department === 'hr' ||
    user.roles.includes('gm') ||
    user.roles.includes('admin') ||
    user.roles.includes('auditor')
  )
    return;
  throw new DomainError(
    'WRONG_DEPARTMENT',
    'The monthly complaint review (001 §28) is read by the GM office, HR and admins',
    { userId: user.id, requiredDepartment: 'gm_office', actualDepartment: user.department },
  );
}
