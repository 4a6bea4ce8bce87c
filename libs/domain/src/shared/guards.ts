import { DomainError } from '../errors/domain-error';
import type { PolicyDocument } from '../policy/policy.schema';
import { assertActorFits } from '../tasks/task-access';
import type { Actor, Department, Role } from './org';

/** A running case is decided under the policy version it pinned at start, never a newer one. */
export function assertPinnedPolicy(
  pinned: number,
  policy: PolicyDocument,
  caseNumber: string,
): void {
  if (pinned !== policy.version) {
    throw new DomainError(
      'POLICY_VERSION_MISMATCH',
      `Case ${caseNumber} runs under policy v${pinned}, not v${policy.version}`,
      {
        caseNumber,
        pinnedVersion: pinned,
        givenVersion: policy.version,
      },
    );
  }
}

/** The actor belongs to one of `departments` and holds one of `roles` (empty = any role). */
export function assertActorIn(
  actor: Actor,
  departments: readonly Department[],
  roles: readonly Role[] = [],
  context: Record<string, unknown> = {},
): void {
  const dept = departments.includes(actor.department) ? actor.department : (departments[0] ?? null);
  if (departments.length > 1 && !departments.includes(actor.department)) {
    throw new DomainError('WRONG_DEPARTMENT', `Only ${departments.join(' or ')} may do this`, {
      ...context,
      userId: actor.userId,
      requiredDepartments: [...departments],
      actualDepartment: actor.department,
    });
  }
  assertActorFits(actor, dept, roles, context);
}

/** Company-wide roles (VP in charge, sales VP, GM) are checked without a department. */
export const assertRole = (
  actor: Actor,
  roles: readonly Role[],
  context: Record<string, unknown> = {},
): void => assertActorFits(actor, null, roles, context);

export function assertNotSelf(
  actorId: string,
  authorId: string | null,
  what: string,
  context: Record<string, unknown> = {},
): void {
  if (authorId !== null && actorId === authorId) {
    throw new DomainError(
      'SELF_APPROVAL',
      `${actorId} authored this ${what} and cannot approve it`,
      { ...context, userId: actorId, authorId },
    );
  }
}

export const nonEmpty = (value: string, field: string): string => {
  if (typeof value !== 'string' || value.trim() === '')
    throw new DomainError('COMMAND_INVALID', `${field} is required`, { field });
  return value;
};

export const positiveInt = (value: number, field: string): number => {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new DomainError(
      'QUANTITY_INVALID',
      `${field} must be a positive whole number, got ${value}`,
      { field, value },
    );
  return value;
};
