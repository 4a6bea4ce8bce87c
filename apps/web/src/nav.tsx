import { Link, useLocation } from 'react-router-dom';
import type { MessageKey } from './i18n/messages';
import { useApp } from './session';

type Roles = readonly string[];
const LEADS = ['supervisor', 'manager', 'sales_vp', 'vp', 'gm'];
const REPORT_READERS = ['manager', 'vp', 'sales_vp', 'gm', 'auditor'];
// Who works consignments (002 ch.12: sales, finance settles, the warehouse takes goods back)
// and who reads the monthly reviews (the API's assertMayReadMonthlyReviews).
const CONSIGNMENT_DEPARTMENTS = ['sales', 'finance', 'warehouse', 'gm_office'];
const any = (roles: Roles, of: readonly string[]) => roles.some((r) => of.includes(r));

/** The pages beside the inbox, by who uses them (each one click from the inbox). */
export const NAV: Array<{
  path: string;
  key: MessageKey;
  shows: (u: { roles: Roles; department: string }) => boolean;
}> = [
  // Opening a case: everyone who works (auditors only read); the page offers what the API lets them.
  { path: '/open', key: 'newCase', shows: (u) => !u.roles.includes('auditor') },
  { path: '/cases', key: 'caseSearch', shows: () => true },
  { path: '/approvals', key: 'approvals', shows: (u) => any(u.roles, LEADS) },
  { path: '/escalations', key: 'escalations', shows: (u) => any(u.roles, LEADS) },
  { path: '/board', key: 'board', shows: (u) => any(u.roles, LEADS) },
  {
    path: '/kpis',
    key: 'kpis',
    shows: (u) => any(u.roles, REPORT_READERS) || u.department === 'gm_office',
  },
  {
    path: '/consignments',
    key: 'consignments',
    shows: (u) =>
      CONSIGNMENT_DEPARTMENTS.includes(u.department) ||
      any(u.roles, ['auditor', 'admin', 'gm', 'vp', 'sales_vp']),
  },
  {
    path: '/monthly-reviews',
    key: 'monthlyReviews',
    shows: (u) =>
      u.department === 'gm_office' ||
      u.department === 'hr' ||
      any(u.roles, ['gm', 'admin', 'auditor']),
  },
  { path: '/admin/users', key: 'users', shows: (u) => u.roles.includes('admin') },
  { path: '/admin/webhooks', key: 'webhooks', shows: (u) => u.roles.includes('admin') },
];

/** Plain links in the header (an antd Menu would weigh on the login + inbox budget). */
export function NavMenu() {
  const { user, t } = useApp();
  const { pathname } = useLocation();
  if (!user) return null;
  return (
    <nav aria-label={t('nav')} style={{ display: 'flex', gap: 20, flexWrap: 'wrap' }}>
      {NAV.filter((n) => n.shows(user)).map((n) => (
        <Link
          key={n.path}
          to={n.path}
          data-testid={`nav-${n.key}`}
          aria-current={pathname.startsWith(n.path) ? 'page' : undefined}
          style={{
            color: '#fff',
            fontWeight: pathname.startsWith(n.path) ? 600 : 400,
            textDecoration: pathname.startsWith(n.path) ? 'underline' : 'none',
          }}
        >
          {t(n.key)}
        </Link>
      ))}
    </nav>
  );
}
