import { DomainError } from '../errors/domain-error';
import type { ErrorCode } from '../errors/error-codes';
import type { Actor, Department, Role } from '../shared/org';

/**
 * The task rule book: who may work (complete), claim, release (unclaim) and delegate a human
 * task, and to whom. The API (before it asks the workflow) and the workflow's update validators
 * and handlers both ask these functions, so the two can never answer differently. Pure: no
 * clock, no I/O, safe in workflow code.
 *
 * Who may work a task (DOMAIN.md "Who uses it"): a person of the task's department
 * (`department: null` = a company-wide task, any department) holding one of its candidate roles
 * (none listed = any role of the department). Auditors change nothing, so the `auditor` role
 * never works a task. A claimed task is worked only by its assignee.
 *
 * Who may release or delegate someone else's task: a *lead* of the task (README: "the assignee,
 * or a supervisor/manager/VP/GM of the task's department"; issue 9: "supervisor and above of
 * the department"). The one list of leads, decided as:
 *
 *   role        leads the tasks of
 *   supervisor  their own department                      主管
 *   manager     their own department                      部门经理
 *   sales_vp    their own department (sales)              销售副总经理
 *   vp          every department, and company-wide tasks  分管副总经理
 *   gm          every department, and company-wide tasks  总经理
 *
 * The VP in charge and the GM sit in the GM office, yet they are "above" every department:
 * the overdue ladder (DOMAIN.md "Overdue", default policy) escalates any department's late task
 * to its manager, then to the VP in charge, then the GM — an escalation they receive must let
 * them hand the late task on. A company-wide task (the VP's report review, the sales VP's
 * signature) has no department, so only the company-wide leads (vp, gm) lead it; a department
 * supervisor or manager does not. The sales VP leads sales (where the sales VP sits), not the
 * company.
 *
 * Delegation targets must be people who could work the task (same rule as "work", ignoring
 * who holds it now). An unclaimed task is delegated under the same rule as a claimed one: by a
 * lead (someone who could work it claims it instead).
 *
 * Refusal codes (unchanged from what API and workflow already answered): TASK_NOT_OPEN (409,
 * wrong status or claimed by someone else), WRONG_DEPARTMENT and WRONG_ROLE (403; the department
 * is checked first, so the error names what the actor lacks).
 */

export type TaskStatus = 'open' | 'claimed' | 'completed' | 'cancelled';

/** What the rule book needs to know of a task (a read-model row and a live view both have it). */
export interface TaskFacts {
  taskId: string;
  status: TaskStatus;
  /** the department whose inbox holds it; null = a company-wide task */
  department: Department | null;
  /** any of these roles may work it; empty = any (non-auditor) role of the department */
  roles: readonly Role[];
  /** who claimed it (null when open) */
  assignee: string | null;
  /** the task's type (`follow_up_call`): what qualification it needs (F18); absent: none */
  type?: string;
}

/**
 * F18 004 八.(一)3 新入职的回访人员必须经过专门的培训,经考核合格后方可上岗: the task types only a
 * trained, passed person works — the follow-up call itself (its record's review and the spot
 * check are leads' work). Qualifications are granted by an admin (PATCH /admin/users/:id).
 */
export const QUALIFICATIONS = ['follow_up_caller'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];
const QUALIFICATION_FOR_TASK: Readonly<Record<string, Qualification>> = {
  follow_up_call: 'follow_up_caller',
};

export const qualificationForTask = (taskType: string | undefined): Qualification | undefined =>
  taskType === undefined ? undefined : QUALIFICATION_FOR_TASK[taskType];

/** An answer: allowed, or refused with a coded DomainError (throw it, or map it). */
export type TaskVerdict = { ok: true } | { ok: false; error: DomainError };

export type TaskLeadScope = 'department' | 'company';

/** The one list of leads: who may release or hand on someone else's task (see above). */
export const TASK_LEADS: readonly { role: Role; scope: TaskLeadScope }[] = [
  { role: 'supervisor', scope: 'department' },
  { role: 'manager', scope: 'department' },
  { role: 'sales_vp', scope: 'department' },
  { role: 'vp', scope: 'company' },
  { role: 'gm', scope: 'company' },
];

const leadRoles = (scope?: TaskLeadScope): Role[] =>
  TASK_LEADS.filter((l) => scope === undefined || l.scope === scope).map((l) => l.role);

/** Roles that never work a task (read-only). */
const READ_ONLY: readonly Role[] = ['auditor'];

const OK: TaskVerdict = { ok: true };
const refuse = (
  code: ErrorCode,
  message: string,
  details: Record<string, unknown>,
): TaskVerdict => ({
  ok: false,
  error: new DomainError(code, message, details),
});

/** Throws the refusal of a verdict (the API's style; the workflow maps it to an ApplicationFailure). */
export function assertTaskVerdict(verdict: TaskVerdict): void {
  if (!verdict.ok) throw verdict.error;
}

/**
 * Could `person` work this task at all (department, then role), whoever holds it now. Used for
 * the actor of work/claim and for a delegation target.
 */
export function fitsTask(
  task: TaskFacts,
  person: Actor,
  context: Record<string, unknown> = {},
): TaskVerdict {
  const details = { taskId: task.taskId, ...context, userId: person.userId };
  if (task.department !== null && person.department !== task.department)
    return refuse('WRONG_DEPARTMENT', `Only the ${task.department} department may do this`, {
      ...details,
      requiredDepartment: task.department,
      actualDepartment: person.department,
    });
  const working = person.roles.filter((r) => !READ_ONLY.includes(r));
  const fits =
    task.roles.length === 0 ? working.length > 0 : task.roles.some((r) => working.includes(r));
  if (!fits)
    return refuse(
      'WRONG_ROLE',
      task.roles.length === 0
        ? 'Auditors have read-only access'
        : `This needs one of the roles: ${task.roles.join(', ')}`,
      { ...details, requiredRoles: [...task.roles], actualRoles: [...person.roles] },
    );
  // F18: a person whose qualifications are known and lack the task's is refused (unknown, as in
  // actors recorded before F18 reached the workflow: not checked here; the API checks them)
  const needed = qualificationForTask(task.type);
  if (needed && person.qualifications !== undefined && !person.qualifications.includes(needed))
    return refuse(
      'CALLER_NOT_QUALIFIED',
      `Task ${task.taskId} (${task.type}) needs the ${needed} qualification (004 八.(一)3: trained and passed first)`,
      { ...details, qualification: needed },
    );
  return OK;
}

const notOpen = (task: TaskFacts, message: string): TaskVerdict =>
  refuse('TASK_NOT_OPEN', message, {
    taskId: task.taskId,
    status: task.status,
    assignee: task.assignee,
  });

const isLive = (task: TaskFacts): boolean => task.status === 'open' || task.status === 'claimed';

/** Work (complete) a task: it is open or claimed by the actor, and the actor fits it. */
export function mayWork(task: TaskFacts, actor: Actor): TaskVerdict {
  if (!isLive(task)) return notOpen(task, `Task ${task.taskId} is ${task.status}`);
  if (task.status === 'claimed' && task.assignee !== null && task.assignee !== actor.userId)
    return {
      ok: false,
      error: new DomainError('TASK_NOT_OPEN', `Task ${task.taskId} is claimed by someone else`, {
        taskId: task.taskId,
        status: task.status,
        assignee: task.assignee,
        claimedBy: task.assignee,
      }),
    };
  return fitsTask(task, actor);
}

/** Claim a task: it is open (not claimed by anyone, the actor included), and the actor fits it. */
export function mayClaim(task: TaskFacts, actor: Actor): TaskVerdict {
  if (task.status !== 'open') return notOpen(task, `Task ${task.taskId} is ${task.status}`);
  return fitsTask(task, actor);
}

/**
 * Is the actor a lead of this task (TASK_LEADS): a company-wide lead (vp, gm) of any task, or a
 * department lead (supervisor, manager, sales_vp) of a task of their own department.
 */
export function leadsTask(
  task: TaskFacts,
  actor: Actor,
  context: Record<string, unknown> = {},
): TaskVerdict {
  const details = { taskId: task.taskId, ...context, userId: actor.userId };
  if (actor.roles.some((r) => leadRoles('company').includes(r))) return OK;
  if (task.department === null)
    return refuse(
      'WRONG_ROLE',
      `Only a ${leadRoles('company').join(' or ')} leads a company-wide task`,
      {
        ...details,
        assignee: task.assignee,
        requiredRoles: leadRoles('company'),
        actualRoles: [...actor.roles],
      },
    );
  if (actor.department !== task.department)
    return refuse(
      'WRONG_DEPARTMENT',
      `Only a lead of the ${task.department} department may do this`,
      {
        ...details,
        assignee: task.assignee,
        requiredDepartment: task.department,
        actualDepartment: actor.department,
      },
    );
  if (!actor.roles.some((r) => leadRoles().includes(r)))
    return refuse(
      'WRONG_ROLE',
      `Only the assignee or a ${leadRoles().join('/')} of ${task.department} may do this`,
      {
        ...details,
        assignee: task.assignee,
        requiredRoles: leadRoles(),
        actualRoles: [...actor.roles],
      },
    );
  return OK;
}

/** Release (unclaim) a task: it is claimed, and the actor is its assignee or a lead of it. */
export function mayRelease(task: TaskFacts, actor: Actor): TaskVerdict {
  if (task.status !== 'claimed')
    return notOpen(
      task,
      isLive(task) ? `Task ${task.taskId} is not claimed` : `Task ${task.taskId} is ${task.status}`,
    );
  if (task.assignee === actor.userId) return OK;
  return leadsTask(task, actor, { action: 'unclaim' });
}

/** Hand a task on (the actor's side of delegation): it is live, and the actor is its assignee or a lead. */
export function mayHandOn(task: TaskFacts, actor: Actor): TaskVerdict {
  if (!isLive(task)) return notOpen(task, `Task ${task.taskId} is ${task.status}`);
  if (task.assignee !== null && task.assignee === actor.userId) return OK;
  return leadsTask(task, actor, { action: 'delegate' });
}

/** The delegate's side: a person who could work the task. */
export const mayReceive = (task: TaskFacts, to: Actor): TaskVerdict =>
  fitsTask(task, to, { delegateTo: to.userId });

/** Delegate a task to `to`: the actor may hand it on, and `to` could work it. */
export function mayDelegate(task: TaskFacts, actor: Actor, to: Actor): TaskVerdict {
  const handOn = mayHandOn(task, actor);
  return handOn.ok ? mayReceive(task, to) : handOn;
}
