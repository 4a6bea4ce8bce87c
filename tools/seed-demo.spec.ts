import { BUILT_IN_POLICIES, type PolicyDocument } from '@aso/domain';
import { DEMO_USERS } from './seed-demo';

/**
 * Issue 12 #6: the demo organisation holds someone for every role a process of the default
 * policy asks for — every approver of the approval matrix, every escalation target of every
 * stage deadline (the stage owner's manager, the VP, the GM) and every stage owner's staff —
 * so each path can be completed with the demo users alone.
 */
type Need = { role: string; department?: string; why: string };

function needsOf(policy: PolicyDocument): Need[] {
  const needs: Need[] = [];
  for (const row of policy.approvalMatrix.rows)
    for (const a of row.chain) {
      // `requester` = the proposer's department: the out-of-town request is CS's (001 §12)
      // and the repair technicians' manager's; both are checked below as stage owners' managers.
      if (a.department === 'requester') continue;
      needs.push({ role: a.role, department: a.department, why: `approval ${row.id}` });
    }
  for (const m of policy.approvalMatrix.mandatory)
    needs.push({ role: m.approver.role, department: m.approver.department, why: m.action });
  for (const [caseType, stages] of Object.entries(policy.deadlines))
    for (const [stage, d] of Object.entries(
      stages as Record<string, PolicyDocument['deadlines']['complaint']['close']>,
    )) {
      needs.push({ role: 'staff', department: d.owner, why: `${caseType}.${stage} owner` });
      for (const step of d.escalation)
        needs.push({
          role: step.to.role,
          department: step.to.department === 'owner' ? d.owner : step.to.department,
          why: `${caseType}.${stage} escalation`,
        });
    }
  return needs;
}

describe('demo users', () => {
  test.each(BUILT_IN_POLICIES.map((p) => [p.version, p] as const))(
    'issue 12 #6: someone for every approver, escalation target and stage owner of built-in policy v%i',
    (_version, policy) => {
      const missing = needsOf(policy).filter(
        (n) =>
          !DEMO_USERS.some(
            (u) =>
              u.roles.includes(n.role) &&
              (n.department === undefined || u.department === n.department),
          ),
      );
      expect(missing).toEqual([]);
    },
  );

  test('the petition (001 §25.8) has its sales manager, the follow-up record its store head / CS supervisor, the monthly review its GM-office reviewer', () => {
    const has = (department: string, role: string) =>
      DEMO_USERS.some((u) => u.department === department && u.roles.includes(role));
    expect({
      salesManager: has('sales', 'manager'),
      storeHead: has('cs', 'supervisor'),
      gmOffice: has('gm_office', 'staff'),
      warehouseManager: has('warehouse', 'manager'),
      financeManager: has('finance', 'manager'),
      techManager: has('tech', 'manager'),
      hr: has('hr', 'staff'),
    }).toEqual({
      salesManager: true,
      storeHead: true,
      gmOffice: true,
      warehouseManager: true,
      financeManager: true,
      techManager: true,
      hr: true,
    });
  });

  test('usernames are unique and valid for the users table', () => {
    const names = DEMO_USERS.map((u) => u.username);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z0-9][a-z0-9._-]{0,63}$/);
  });
});
