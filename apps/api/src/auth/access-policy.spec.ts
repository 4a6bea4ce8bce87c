import { isCodedError } from '../common/api-error';
import {
  assertAdmin,
  assertDelegateFits,
  assertMayOpenComplaint,
  assertMayOpenRepair,
  assertMayReadCase,
  assertMayReassignTask,
  assertMayWrite,
  assertWithinPersonalLimit,
} from './access-policy';
import type { AuthUser } from './auth-user';

const user = (over: Partial<AuthUser> = {}): AuthUser => ({
  id: 'u-1',
  organisationId: 'demo',
  username: 'cs-01',
  displayName: 'CS',
  department: 'cs',
  roles: ['staff'],
  approvalLimitFen: null,
  qualifications: [],
  ...over,
});

const codeOf = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return isCodedError(e) ? e.code : 'not a coded error';
  }
};

describe('access policy', () => {
  test('auditors are read-only, whatever else they are', () => {
    expect(codeOf(() => assertMayWrite(user({ roles: ['auditor'] }), 'x'))).toBe(
      'AUDITOR_READ_ONLY',
    );
    expect(codeOf(() => assertMayWrite(user({ roles: ['admin', 'auditor'] }), 'x'))).toBe(
      'AUDITOR_READ_ONLY',
    );
    expect(codeOf(() => assertMayWrite(user(), 'x'))).toBeUndefined();
  });

  test('admin endpoints need the admin role', () => {
    expect(codeOf(() => assertAdmin(user({ roles: ['gm'] }), 'x'))).toBe('WRONG_ROLE');
    expect(codeOf(() => assertAdmin(user({ roles: ['admin'], department: 'hr' }), 'x'))).toBe(
      undefined,
    );
  });

  test('C03 Decision 1: anyone who works opens a complaint; auditors only read', () => {
    expect(codeOf(() => assertMayOpenComplaint(user()))).toBeUndefined();
    expect(codeOf(() => assertMayOpenComplaint(user({ department: 'cs' })))).toBeUndefined();
    expect(codeOf(() => assertMayOpenComplaint(user({ department: 'sales' })))).toBeUndefined();
    expect(
      codeOf(() => assertMayOpenComplaint(user({ department: 'sales', roles: ['auditor'] }))),
    ).toBe('AUDITOR_READ_ONLY');
  });

  test('P02 001 §7: service requests are taken by CS only (staff, supervisor, manager; never an auditor)', () => {
    expect(codeOf(() => assertMayOpenRepair(user()))).toBeUndefined();
    expect(codeOf(() => assertMayOpenRepair(user({ roles: ['manager'] })))).toBeUndefined();
    expect(codeOf(() => assertMayOpenRepair(user({ roles: ['supervisor'] })))).toBeUndefined();
    expect(
      codeOf(() => assertMayOpenRepair(user({ department: 'tech', roles: ['manager'] }))),
    ).toBe('WRONG_DEPARTMENT');
    expect(
      codeOf(() => assertMayOpenRepair(user({ department: 'gm_office', roles: ['gm'] }))),
    ).toBe('WRONG_DEPARTMENT');
    expect(codeOf(() => assertMayOpenRepair(user({ roles: ['auditor'] })))).toBe(
      'AUDITOR_READ_ONLY',
    );
  });

  test('a case is read by its opener, departments with a task on it, auditors and the GM office', () => {
    const kase = { caseNumber: 'KS202611-0001', openedBy: 'u-sales' };
    expect(codeOf(() => assertMayReadCase(user(), kase, ['cs']))).toBeUndefined();
    expect(codeOf(() => assertMayReadCase(user({ department: 'warehouse' }), kase, ['cs']))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(() => assertMayReadCase(user({ id: 'u-sales', department: 'sales' }), kase, [])),
    ).toBeUndefined();
    expect(
      codeOf(() =>
        assertMayReadCase(user({ department: 'finance', roles: ['auditor'] }), kase, []),
      ),
    ).toBeUndefined();
    expect(
      codeOf(() => assertMayReadCase(user({ department: 'gm_office', roles: ['vp'] }), kase, [])),
    ).toBeUndefined();
  });

  test("releasing or delegating: the assignee, or a lead of the task's department (the task rule book)", () => {
    const task = {
      taskId: 'T1',
      status: 'claimed',
      candidateDepartment: 'cs',
      candidateRoles: [],
      assignee: 'u-1',
    };
    for (const action of ['unclaim', 'delegate'] as const) {
      expect(codeOf(() => assertMayReassignTask(user(), task, action))).toBeUndefined();
      expect(codeOf(() => assertMayReassignTask(user({ id: 'u-2' }), task, action))).toBe(
        'WRONG_ROLE',
      );
      for (const roles of [['supervisor'], ['manager']] as const)
        expect(
          codeOf(() => assertMayReassignTask(user({ id: 'u-3', roles: [...roles] }), task, action)),
        ).toBeUndefined();
      expect(
        codeOf(() =>
          assertMayReassignTask(
            user({ id: 'u-4', department: 'rnd', roles: ['manager'] }),
            task,
            action,
          ),
        ),
      ).toBe('WRONG_DEPARTMENT');
      expect(
        codeOf(() =>
          assertMayReassignTask(
            user({ id: 'u-5', department: 'gm_office', roles: ['vp'] }),
            task,
            action,
          ),
        ),
      ).toBeUndefined();
      expect(
        codeOf(() =>
          assertMayReassignTask(user({ id: 'u-6', roles: ['manager', 'auditor'] }), task, action),
        ),
      ).toBe('AUDITOR_READ_ONLY');
    }
  });

  test('a personal approval limit below the amount refuses; no limit or no amount defers to the workflow', () => {
    expect(
      codeOf(() => assertWithinPersonalLimit(user({ approvalLimitFen: 50_000 }), 92_000)),
    ).toBe('APPROVAL_LIMIT_EXCEEDED');
    expect(
      codeOf(() => assertWithinPersonalLimit(user({ approvalLimitFen: 92_000 }), 92_000)),
    ).toBeUndefined();
    expect(codeOf(() => assertWithinPersonalLimit(user(), 92_000))).toBeUndefined();
    expect(
      codeOf(() => assertWithinPersonalLimit(user({ approvalLimitFen: 1 }), null)),
    ).toBeUndefined();
  });

  test('issue 12 #7: an absent user’s delegate fits their department and each of their working roles', () => {
    const actor = (department: AuthUser['department'], roles: AuthUser['roles']) => ({
      userId: 'u-2',
      department,
      roles,
    });
    const staff = user();
    expect(codeOf(() => assertDelegateFits(staff, actor('cs', ['staff'])))).toBeUndefined();
    expect(
      codeOf(() => assertDelegateFits(staff, actor('cs', ['manager', 'staff']))),
    ).toBeUndefined();
    expect(codeOf(() => assertDelegateFits(staff, actor('rnd', ['staff'])))).toBe(
      'WRONG_DEPARTMENT',
    );
    // roles are not ranked: a manager does not work a staff task, nor an auditor any
    expect(codeOf(() => assertDelegateFits(staff, actor('cs', ['manager'])))).toBe('WRONG_ROLE');
    expect(codeOf(() => assertDelegateFits(staff, actor('cs', ['auditor'])))).toBe('WRONG_ROLE');
    // every working role of the absent user, not just one of them
    const both = user({ roles: ['staff', 'supervisor'] });
    expect(codeOf(() => assertDelegateFits(both, actor('cs', ['staff'])))).toBe('WRONG_ROLE');
    expect(
      codeOf(() => assertDelegateFits(both, actor('cs', ['supervisor', 'staff']))),
    ).toBeUndefined();
    const admin = user({ department: 'hr', roles: ['admin'] });
    expect(codeOf(() => assertDelegateFits(admin, actor('hr', ['admin'])))).toBeUndefined();
    expect(codeOf(() => assertDelegateFits(admin, actor('hr', ['staff'])))).toBe('WRONG_ROLE');
  });
});
