import type { CaseActor } from '@aso/contracts';
import type { Department, Role } from '@aso/domain';
import type { TaskEntity, UserEntity } from '@aso/persistence';
import type { Request } from 'express';
import { isQualification, type Qualification } from './qualifications';

/**
 * The authenticated user of a request, read from the users table on every request (the token
 * only names the user and the organisation), so a deactivation or a role change takes effect
 * at once and nothing about who acts ever comes from the request itself.
 */
export interface AuthUser {
  id: string;
  organisationId: string;
  username: string;
  displayName: string;
  department: Department;
  roles: Role[];
  approvalLimitFen: number | null;
  /** F18 004 八.(一)3: what the user was trained and passed for (an admin grants it) */
  qualifications: Qualification[];
}

/**
 * `taskRow`: on a route with a `:taskId`, the task row the guard read with the user (null: the
 * organisation has no such task; absent: not read), for the task command not to read it again.
 */
export type AuthedRequest = Request & { id?: string; user?: AuthUser; taskRow?: TaskEntity | null };

export const toAuthUser = (u: UserEntity): AuthUser => ({
  id: u.id,
  organisationId: u.organisationId,
  username: u.username,
  displayName: u.displayName,
  department: u.department as Department,
  roles: u.roles as Role[],
  approvalLimitFen: u.approvalLimitFen,
  qualifications: (u.qualifications ?? []).filter(isQualification),
});

/** What a workflow is told about who acts: the user record, never request input. */
export const toCaseActor = (u: AuthUser): CaseActor => ({
  userId: u.id,
  department: u.department,
  roles: [...u.roles],
  displayName: u.displayName,
  approvalLimitFen: u.approvalLimitFen,
});

export interface UserView {
  id: string;
  organisation: string;
  username: string;
  displayName: string;
  department: Department;
  roles: Role[];
  approvalLimitFen: number | null;
  qualifications: Qualification[];
}

export const toUserView = (u: AuthUser): UserView => ({
  id: u.id,
  organisation: u.organisationId,
  username: u.username,
  displayName: u.displayName,
  department: u.department,
  roles: u.roles,
  approvalLimitFen: u.approvalLimitFen,
  qualifications: [...u.qualifications],
});
