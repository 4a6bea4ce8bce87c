import { DomainError, type Role } from '@aso/domain';
import type { AuthUser } from '../auth/auth-user';

/**
 * Who reads the KPI report (DOMAIN.md "Who uses it"): managers (department managers, the VP in
 * charge, the sales VP, the GM), the GM's office, which reviews closed complaints monthly
 * (001 §28), and auditors. Staff, supervisors and admins are refused: the report spans every
 * department's work.
 */
export const REPORT_ROLES: readonly Role[] = ['manager', 'vp', 'sales_vp', 'gm', 'auditor'];

export function assertMayReadReports(user: AuthUser): void {
  if (user.department === 'gm_office') return;
  if (REPORT_ROLES.some((r) => user.roles.includes(r))) return;
  throw new DomainError('WRONG_ROLE', `Reports need one of the roles: ${REPORT_ROLES.join(', ')}`, {
    userId: user.id,
    requiredRoles: [...REPORT_ROLES],
    actualRoles: [...user.roles],
  });
}
