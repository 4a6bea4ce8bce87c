import { DomainError, type Role } from '@aso/domain';
import { assertMayWrite } from '../auth/access-policy';
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

/**
 * X10 (000 §六.1): the monthly sales volume, the complaint rate's denominator, is recorded by
 * sales (any role of the department) or an admin; auditors only read.
 */
export function assertMayRecordSales(user: AuthUser): void {
  assertMayWrite(user, 'record the sales volume');
  if (user.department === 'sales' || user.roles.includes('admin')) return;
  throw new DomainError(
    'WRONG_DEPARTMENT',
    'The sales volume is recorded by the sales department',
    {
      userId: user.id,
      requiredDepartment: 'sales',
      actualDepartment: user.department,
    },
  );
}
