import { assertMayWorkTask } from './task-access';

const task = {
  taskId: 't1',
  status: 'open' as const,
  department: 'rnd' as const,
  roles: ['staff', 'manager'] as const,
};

describe('task access', () => {
  it('DOMAIN Who uses it: staff never act on tasks outside their department (WRONG_DEPARTMENT)', () => {
    expect(() =>
      assertMayWorkTask(task, { userId: 'u', department: 'sales', roles: ['staff'] }),
    ).toThrow(
      expect.objectContaining({
        code: 'WRONG_DEPARTMENT',
        details: expect.objectContaining({ requiredDepartment: 'rnd', actualDepartment: 'sales' }),
      }),
    );
  });

  it('DOMAIN Who uses it: … or outside their role (WRONG_ROLE); auditors change nothing', () => {
    expect(() =>
      assertMayWorkTask(task, { userId: 'u', department: 'rnd', roles: ['auditor'] }),
    ).toThrow(expect.objectContaining({ code: 'WRONG_ROLE' }));
  });

  it('a completed, cancelled or someone-else-claimed task cannot be worked (TASK_NOT_OPEN)', () => {
    const rnd = { userId: 'u', department: 'rnd' as const, roles: ['staff' as const] };
    expect(() => assertMayWorkTask({ ...task, status: 'completed' }, rnd)).toThrow(
      expect.objectContaining({ code: 'TASK_NOT_OPEN' }),
    );
    expect(() =>
      assertMayWorkTask({ ...task, status: 'claimed', claimedBy: 'other' }, rnd),
    ).toThrow(expect.objectContaining({ code: 'TASK_NOT_OPEN' }));
    expect(() =>
      assertMayWorkTask({ ...task, status: 'claimed', claimedBy: 'u' }, rnd),
    ).not.toThrow();
  });
});
