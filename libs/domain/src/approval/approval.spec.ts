import fc from 'fast-check';
import { yuanToFen } from '../money/money';
import { defaultPolicy } from '../policy/default-policy';
import { parsePolicy } from '../policy/parse-policy';
import type { Actor } from '../shared/org';
import { APPROVAL_ACTIONS } from './approval-actions';
import { assertMayApprove, nextApprovalStep } from './four-eyes';
import { routeApproval } from './route-approval';

const roles = (r: ReturnType<typeof routeApproval>) =>
  r.steps.map((s) => (s.department ? `${s.department}.${s.role}` : s.role));
const csManager: Actor = { userId: 'u-csm', department: 'cs', roles: ['manager'] };
const vp: Actor = { userId: 'u-vp', department: 'gm_office', roles: ['vp'] };

describe('approval matrix 核决权限 (001 §27)', () => {
  it('C20 001 §27: handling decisions ≤ ¥5,000 go to the CS manager (boundary included)', () => {
    expect(roles(routeApproval(defaultPolicy, 'handling_decision', yuanToFen('5000')))).toEqual([
      'cs.manager',
    ]);
  });

  it('C20 001 §27: handling decisions above ¥5,000 and ≤ ¥50,000 go to the VP in charge', () => {
    expect(roles(routeApproval(defaultPolicy, 'handling_decision', yuanToFen('5000.01')))).toEqual([
      'vp',
    ]);
    expect(roles(routeApproval(defaultPolicy, 'handling_decision', yuanToFen('50000')))).toEqual([
      'vp',
    ]);
  });

  it('C20 001 §27: handling decisions above ¥50,000 go to the GM', () => {
    expect(roles(routeApproval(defaultPolicy, 'handling_decision', yuanToFen('50000.01')))).toEqual(
      ['gm'],
    );
  });

  it('R01 C26 001 §29.1: discount certificates and return slips always need the sales VP', () => {
    for (const action of ['discount_certificate', 'return_slip'] as const) {
      for (const amount of [0, 100, 10_000_000])
        expect(roles(routeApproval(defaultPolicy, action, amount))).toContain('sales_vp');
    }
  });

  it('001 §29.1: the sales VP stays mandatory even when a policy routes slips by amount', () => {
    const p = parsePolicy({
      ...defaultPolicy,
      approvalMatrix: {
        ...defaultPolicy.approvalMatrix,
        rows: defaultPolicy.approvalMatrix.rows.map((r) =>
          r.action === 'return_slip'
            ? { ...r, chain: [{ role: 'manager', department: 'sales', checkLimit: false }] }
            : r,
        ),
      },
    });
    const route = routeApproval(p, 'return_slip', 100);
    expect(roles(route)).toEqual(['sales.manager', 'sales_vp']);
    expect(route.explanation.mandatoryAdded).toEqual([
      expect.objectContaining({ role: 'sales_vp' }),
    ]);
  });

  it('C18 001 §25.4: individual penalties need the VP in charge; 001 §28.2: bonus-deduction notices the GM', () => {
    expect(roles(routeApproval(defaultPolicy, 'individual_penalty', 0))).toEqual(['vp']);
    expect(roles(routeApproval(defaultPolicy, 'bonus_deduction_notice', 20_000))).toEqual(['gm']);
  });

  it("001 §12: out-of-town service needs the requester's department manager", () => {
    expect(
      roles(
        routeApproval(defaultPolicy, 'out_of_town_service', 0, { requesterDepartment: 'tech' }),
      ),
    ).toEqual(['tech.manager']);
    expect(() => routeApproval(defaultPolicy, 'out_of_town_service', 0)).toThrow(
      expect.objectContaining({ code: 'COMMAND_INVALID' }),
    );
  });

  it('task §4: the explanation records inputs, policy version and the matched row', () => {
    const route = routeApproval(defaultPolicy, 'handling_decision', 1_234_500, {
      caseNumber: 'KS202603-0001',
      method: 'compensation',
    });
    expect(route.explanation).toMatchObject({
      inputs: {
        action: 'handling_decision',
        amountFen: 1_234_500,
        amount: '¥12,345.00',
        context: { caseNumber: 'KS202603-0001' },
      },
      policyVersion: 1,
      matchedRow: { id: 'handling-vp' },
      bracket: { aboveFen: 500_000, upToFen: 5_000_000 },
    });
  });

  it('task §4 property: the required approval level never decreases as the amount grows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...APPROVAL_ACTIONS),
        fc.nat({ max: 1e10 }),
        fc.nat({ max: 1e10 }),
        (action, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const ctx = { requesterDepartment: 'cs' as const };
          return (
            routeApproval(defaultPolicy, action, lo, ctx).requiredLevel <=
            routeApproval(defaultPolicy, action, hi, ctx).requiredLevel
          );
        },
      ),
    );
  });
});

describe('four-eyes and limits', () => {
  const route = routeApproval(defaultPolicy, 'handling_decision', yuanToFen('3000'));
  const step = route.steps[0]!;

  it('DOMAIN Approvals: a proposer never approves their own proposal (SELF_APPROVAL)', () => {
    expect(() =>
      assertMayApprove({
        policy: defaultPolicy,
        route,
        step,
        approver: csManager,
        proposerId: 'u-csm',
        approvals: [],
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'SELF_APPROVAL',
        details: expect.objectContaining({ proposerId: 'u-csm' }),
      }),
    );
  });

  it('DOMAIN Approvals: nobody appears twice in a chain (APPROVER_REPEATED)', () => {
    const two = routeApproval(defaultPolicy, 'return_slip', 0);
    const dual: Actor = { userId: 'u-x', department: 'sales', roles: ['manager', 'sales_vp'] };
    expect(() =>
      assertMayApprove({
        policy: defaultPolicy,
        route: two,
        step: two.steps[0]!,
        approver: dual,
        proposerId: 'u-p',
        approvals: [{ stepIndex: 9, userId: 'u-x' }],
      }),
    ).toThrow(expect.objectContaining({ code: 'APPROVER_REPEATED' }));
  });

  it('DOMAIN Approvals: the step role and department are enforced (WRONG_ROLE, WRONG_DEPARTMENT)', () => {
    expect(() =>
      assertMayApprove({
        policy: defaultPolicy,
        route,
        step,
        approver: vp,
        proposerId: 'u-p',
        approvals: [],
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'WRONG_ROLE',
        details: expect.objectContaining({ requiredRole: 'manager' }),
      }),
    );
    const salesManager: Actor = { userId: 'u-sm', department: 'sales', roles: ['manager'] };
    expect(() =>
      assertMayApprove({
        policy: defaultPolicy,
        route,
        step,
        approver: salesManager,
        proposerId: 'u-p',
        approvals: [],
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'WRONG_DEPARTMENT',
        details: expect.objectContaining({ requiredDepartment: 'cs' }),
      }),
    );
  });

  it("task §4: an approver's limit is checked against the amount (APPROVAL_LIMIT_EXCEEDED)", () => {
    expect(() =>
      assertMayApprove({
        policy: defaultPolicy,
        route,
        step,
        approver: csManager,
        proposerId: 'u-p',
        approvals: [],
      }),
    ).not.toThrow();
    expect(() =>
      assertMayApprove({
        policy: defaultPolicy,
        route,
        step,
        approver: { ...csManager, personalLimitFen: yuanToFen('2000') },
        proposerId: 'u-p',
        approvals: [],
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'APPROVAL_LIMIT_EXCEEDED',
        details: expect.objectContaining({ limit: '¥2,000.00', amount: '¥3,000.00' }),
      }),
    );
    // a policy that lowers the VP's limit below its own bracket is caught at signing time
    const tight = parsePolicy({
      ...defaultPolicy,
      approvalMatrix: {
        ...defaultPolicy.approvalMatrix,
        limits: [
          { role: 'vp', maxFen: 1_000_000 },
          { role: 'gm', maxFen: null },
        ],
      },
    });
    const big = routeApproval(tight, 'handling_decision', yuanToFen('20000'));
    expect(() =>
      assertMayApprove({
        policy: tight,
        route: big,
        step: big.steps[0]!,
        approver: vp,
        proposerId: 'u-p',
        approvals: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'APPROVAL_LIMIT_EXCEEDED' }));
  });

  it('nextApprovalStep walks the chain in order', () => {
    const two = routeApproval(
      parsePolicy({
        ...defaultPolicy,
        approvalMatrix: {
          ...defaultPolicy.approvalMatrix,
          rows: defaultPolicy.approvalMatrix.rows.map((r) =>
            r.action === 'return_slip'
              ? { ...r, chain: [{ role: 'manager', department: 'sales', checkLimit: false }] }
              : r,
          ),
        },
      }),
      'return_slip',
      0,
    );
    expect(nextApprovalStep(two, [])?.role).toBe('manager');
    expect(nextApprovalStep(two, [{ stepIndex: 0, userId: 'a' }])?.role).toBe('sales_vp');
    expect(
      nextApprovalStep(two, [
        { stepIndex: 0, userId: 'a' },
        { stepIndex: 1, userId: 'b' },
      ]),
    ).toBeUndefined();
  });
});
