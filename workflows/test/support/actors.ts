import type { CaseActor } from '@aso/contracts';

/** The people of the tests, by department and role (DOMAIN.md "Departments and roles"). */
export const people = {
  sales: { userId: 'sales-01', department: 'sales', roles: ['staff'] },
  sales2: { userId: 'sales-02', department: 'sales', roles: ['staff'] },
  salesManager: { userId: 'sales-m', department: 'sales', roles: ['manager'] },
  salesVp: { userId: 'svp-01', department: 'sales', roles: ['sales_vp'] },
  cs: { userId: 'cs-01', department: 'cs', roles: ['staff'] },
  cs2: { userId: 'cs-02', department: 'cs', roles: ['staff'] },
  csManager: { userId: 'cs-m', department: 'cs', roles: ['manager'] },
  rnd: { userId: 'rnd-01', department: 'rnd', roles: ['staff'] },
  vp: { userId: 'vp-01', department: 'gm_office', roles: ['vp'] },
  gm: { userId: 'gm-01', department: 'gm_office', roles: ['gm'] },
  finance: { userId: 'fin-01', department: 'finance', roles: ['staff'] },
  warehouse: { userId: 'wh-01', department: 'warehouse', roles: ['staff'] },
} satisfies Record<string, CaseActor>;
