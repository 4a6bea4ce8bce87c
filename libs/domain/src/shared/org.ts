/** Department and role code names exactly as DOMAIN.md lists them ("Departments and roles"). */
export const DEPARTMENTS = [
  'sales',
  'rnd',
  'cs',
  'finance',
  'warehouse',
  'tech',
  'gm_office',
  'hr',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const ROLES = [
  'staff',
  'supervisor',
  'manager',
  'vp',
  'sales_vp',
  'gm',
  'auditor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Rank of the approving roles, used to say that one approval "level" is higher than another
 * (the matrix property: the required level never decreases as the amount grows).
 * sales_vp and vp share a rank: both are vice-presidents, neither outranks the other.
 */
export const ROLE_RANK: Readonly<Record<Role, number>> = {
  auditor: 0,
  admin: 0,
  staff: 1,
  supervisor: 2,
  manager: 3,
  vp: 4,
  sales_vp: 4,
  gm: 5,
};

/** Who issues a command: the domain never looks a user up, the caller says who acts. */
export interface Actor {
  userId: string;
  department: Department;
  roles: readonly Role[];
  /**
   * F18 004 八.(一)3: what the person was trained and passed for (`follow_up_caller`), as the
   * user record holds it. Absent: not said (actors recorded before it, the system) — then the
   * task rule book does not check it, so histories recorded without it replay unchanged.
   */
  qualifications?: readonly string[];
}
