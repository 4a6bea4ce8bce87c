import type { CaseActor, TaskView } from '@aso/contracts';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { register } from './support/complaint-steps';
import { type ComplaintDriver, type Harness, createHarness } from './support/harness';
import { eventually } from './support/poll';

/**
 * The task rule book (libs/domain tasks/task-rules) as the workflow's update validators apply
 * it: every role of the authorization matrix (test/authorization-matrix.e2e-spec.ts, the same
 * table at the API) × claim / complete / unclaim / delegate × a CS task, a sales task and a
 * company-wide task (department null). The expected answers are written out, not computed from
 * the rule book. `ok` cells run on a fresh case each; refused cells share one case per task,
 * since a refused update never reaches history.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness('task-rules-workflow-test');
});
afterAll(async () => {
  await h?.teardown();
});

const who = (userId: string, department: CaseActor['department'], role: CaseActor['roles'][0]) =>
  ({ userId, department, roles: [role] }) satisfies CaseActor;

const ROLES = {
  'sales staff': who('sales-01', 'sales', 'staff'),
  'sales supervisor': who('sales-sup-01', 'sales', 'supervisor'),
  sales_vp: who('svp-01', 'sales', 'sales_vp'),
  'cs staff': who('cs-01', 'cs', 'staff'),
  'cs supervisor': who('cs-sup-01', 'cs', 'supervisor'),
  'cs manager': who('cs-mgr-01', 'cs', 'manager'),
  'rnd staff': who('rnd-01', 'rnd', 'staff'),
  'rnd manager': who('rnd-mgr-01', 'rnd', 'manager'),
  finance: who('fin-01', 'finance', 'staff'),
  warehouse: who('wh-01', 'warehouse', 'staff'),
  tech: who('tech-01', 'tech', 'staff'),
  vp: who('vp-01', 'gm_office', 'vp'),
  gm: who('gm-01', 'gm_office', 'gm'),
  auditor: who('auditor-01', 'gm_office', 'auditor'),
  admin: who('admin-01', 'hr', 'admin'),
} as const;
type Role = keyof typeof ROLES;
const ALL = Object.keys(ROLES) as Role[];

type Action = 'claim' | 'complete' | 'unclaim' | 'delegate';
type Kind = 'cs task' | 'sales task' | 'company-wide task';

interface Fixture {
  /** a fresh case with the task open */
  open: () => Promise<{ c: ComplaintDriver; task: TaskView }>;
  /** the person (not in the table) who holds the claimed task */
  assignee: CaseActor;
  /** who the task is delegated to: someone who could work it */
  delegateTo: CaseActor;
  command: { type: string } & Record<string, unknown>;
}

const FIXTURES: Record<Kind, Fixture> = {
  'cs task': {
    open: async () => {
      const c = await h.startComplaint();
      return { c, task: await openTask(c, 'cs_registration') };
    },
    assignee: who('cs-02', 'cs', 'staff'),
    delegateTo: ROLES['cs staff'],
    command: { type: 'RegisterComplaint', cause: 'product_quality', severity: 'general' },
  },
  'sales task': {
    open: async () => {
      const c = await h.startComplaint();
      return { c, task: await openTask(c, 'first_response') };
    },
    assignee: who('sales-02', 'sales', 'staff'),
    delegateTo: ROLES['sales staff'],
    command: { type: 'RecordFirstResponse', channel: 'phone', summary: 'called the customer' },
  },
  // the VP in charge's review of a severe complaint: candidateDepartment null, roles ['vp']
  'company-wide task': {
    open: async () => {
      const c = await h.startComplaint();
      await openTask(c, 'cs_registration');
      await register(c, 'severe');
      const task = await openTask(c, 'severe_review');
      expect(task).toMatchObject({ candidateDepartment: null, candidateRoles: ['vp'] });
      return { c, task };
    },
    assignee: who('vp-02', 'gm_office', 'vp'),
    delegateTo: ROLES.vp,
    command: { type: 'CompleteSevereReview', remarks: 'reviewed' },
  },
};

/** The case's open task of `type`, once the workflow shows it (a fresh case answers queries at once). */
const openTask = (c: ComplaintDriver, type: string): Promise<TaskView> =>
  eventually(
    async () => (await c.tasks(type)).find((t) => t.status === 'open'),
    `an open ${type} task on ${c.caseNumber}`,
  );

/** claim and complete act on an open task; unclaim and delegate on one the assignee claimed. */
const needsClaimed = (a: Action) => a === 'unclaim' || a === 'delegate';

async function fixture(kind: Kind, action: Action) {
  const f = FIXTURES[kind];
  const { c, task } = await f.open();
  if (needsClaimed(action)) await c.claim(task.taskId, f.assignee);
  return { c, taskId: task.taskId };
}

async function run(
  kind: Kind,
  action: Action,
  actor: CaseActor,
  at: { c: ComplaintDriver; taskId: string },
): Promise<string> {
  const { c, taskId } = at;
  const f = FIXTURES[kind];
  const sent =
    action === 'claim'
      ? c.claim(taskId, actor)
      : action === 'unclaim'
        ? c.unclaim(taskId, actor)
        : action === 'delegate'
          ? c.delegate(taskId, actor, f.delegateTo)
          : c.handle.executeUpdate('completeTask', {
              args: [{ taskId, actor, command: f.command }],
            });
  try {
    await sent;
    return 'ok';
  } catch (e) {
    if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure)
      return e.cause.type ?? '(no type)';
    throw e;
  }
}

/** Per task: who may work it (claim, complete), who may hand it on (unclaim, delegate). */
const WORK: Record<Kind, Record<Role, string>> = {
  'cs task': {
    'sales staff': 'WRONG_DEPARTMENT',
    'sales supervisor': 'WRONG_DEPARTMENT',
    sales_vp: 'WRONG_DEPARTMENT',
    'cs staff': 'ok',
    'cs supervisor': 'ok',
    'cs manager': 'ok',
    'rnd staff': 'WRONG_DEPARTMENT',
    'rnd manager': 'WRONG_DEPARTMENT',
    finance: 'WRONG_DEPARTMENT',
    warehouse: 'WRONG_DEPARTMENT',
    tech: 'WRONG_DEPARTMENT',
    vp: 'WRONG_DEPARTMENT',
    gm: 'WRONG_DEPARTMENT',
    auditor: 'WRONG_DEPARTMENT',
    admin: 'WRONG_DEPARTMENT',
  },
  'sales task': {
    'sales staff': 'ok',
    'sales supervisor': 'ok',
    sales_vp: 'ok',
    'cs staff': 'WRONG_DEPARTMENT',
    'cs supervisor': 'WRONG_DEPARTMENT',
    'cs manager': 'WRONG_DEPARTMENT',
    'rnd staff': 'WRONG_DEPARTMENT',
    'rnd manager': 'WRONG_DEPARTMENT',
    finance: 'WRONG_DEPARTMENT',
    warehouse: 'WRONG_DEPARTMENT',
    tech: 'WRONG_DEPARTMENT',
    vp: 'WRONG_DEPARTMENT',
    gm: 'WRONG_DEPARTMENT',
    auditor: 'WRONG_DEPARTMENT',
    admin: 'WRONG_DEPARTMENT',
  },
  'company-wide task': {
    'sales staff': 'WRONG_ROLE',
    'sales supervisor': 'WRONG_ROLE',
    sales_vp: 'WRONG_ROLE',
    'cs staff': 'WRONG_ROLE',
    'cs supervisor': 'WRONG_ROLE',
    'cs manager': 'WRONG_ROLE',
    'rnd staff': 'WRONG_ROLE',
    'rnd manager': 'WRONG_ROLE',
    finance: 'WRONG_ROLE',
    warehouse: 'WRONG_ROLE',
    tech: 'WRONG_ROLE',
    vp: 'ok',
    gm: 'WRONG_ROLE',
    auditor: 'WRONG_ROLE',
    admin: 'WRONG_ROLE',
  },
};

const HAND_ON: Record<Kind, Record<Role, string>> = {
  'cs task': {
    'sales staff': 'WRONG_DEPARTMENT',
    'sales supervisor': 'WRONG_DEPARTMENT',
    sales_vp: 'WRONG_DEPARTMENT',
    'cs staff': 'WRONG_ROLE',
    'cs supervisor': 'ok',
    'cs manager': 'ok',
    'rnd staff': 'WRONG_DEPARTMENT',
    'rnd manager': 'WRONG_DEPARTMENT',
    finance: 'WRONG_DEPARTMENT',
    warehouse: 'WRONG_DEPARTMENT',
    tech: 'WRONG_DEPARTMENT',
    vp: 'ok',
    gm: 'ok',
    auditor: 'WRONG_DEPARTMENT',
    admin: 'WRONG_DEPARTMENT',
  },
  'sales task': {
    'sales staff': 'WRONG_ROLE',
    'sales supervisor': 'ok',
    sales_vp: 'ok',
    'cs staff': 'WRONG_DEPARTMENT',
    'cs supervisor': 'WRONG_DEPARTMENT',
    'cs manager': 'WRONG_DEPARTMENT',
    'rnd staff': 'WRONG_DEPARTMENT',
    'rnd manager': 'WRONG_DEPARTMENT',
    finance: 'WRONG_DEPARTMENT',
    warehouse: 'WRONG_DEPARTMENT',
    tech: 'WRONG_DEPARTMENT',
    vp: 'ok',
    gm: 'ok',
    auditor: 'WRONG_DEPARTMENT',
    admin: 'WRONG_DEPARTMENT',
  },
  'company-wide task': {
    'sales staff': 'WRONG_ROLE',
    'sales supervisor': 'WRONG_ROLE',
    sales_vp: 'WRONG_ROLE',
    'cs staff': 'WRONG_ROLE',
    'cs supervisor': 'WRONG_ROLE',
    'cs manager': 'WRONG_ROLE',
    'rnd staff': 'WRONG_ROLE',
    'rnd manager': 'WRONG_ROLE',
    finance: 'WRONG_ROLE',
    warehouse: 'WRONG_ROLE',
    tech: 'WRONG_ROLE',
    vp: 'ok',
    gm: 'ok',
    auditor: 'WRONG_ROLE',
    admin: 'WRONG_ROLE',
  },
};

const EXPECTED: Record<Action, Record<Kind, Record<Role, string>>> = {
  claim: WORK,
  complete: WORK,
  unclaim: HAND_ON,
  delegate: HAND_ON,
};

const CELLS = (['claim', 'complete', 'unclaim', 'delegate'] as const).flatMap((action) =>
  (['cs task', 'sales task', 'company-wide task'] as const).map((kind) => [action, kind] as const),
);

describe('task 9.3: the task rule book in the workflow (update validators), every role of the matrix', () => {
  test.each(CELLS)('%s a %s', async (action, kind) => {
    const expected = EXPECTED[action][kind];
    let shared: Promise<{ c: ComplaintDriver; taskId: string }> | undefined;
    const actual: Record<string, string> = {};
    for (const role of ALL) {
      // sequential: the time-skipping server runs one test's cases at a time anyway
      const at =
        expected[role] === 'ok'
          ? await fixture(kind, action)
          : await (shared ??= fixture(kind, action));
      actual[role] = await run(kind, action, ROLES[role], at);
    }
    expect(actual).toEqual(expected);
  });

  test('a refused hand-on leaves the task as it was: still claimed by its assignee, nothing in history', async () => {
    const at = await fixture('cs task', 'unclaim');
    const before = await at.c.acceptedUpdates();
    expect(await run('cs task', 'unclaim', ROLES['cs staff'], at)).toBe('WRONG_ROLE');
    expect(await run('cs task', 'delegate', ROLES['sales supervisor'], at)).toBe(
      'WRONG_DEPARTMENT',
    );
    expect(await at.c.acceptedUpdates()).toBe(before);
    expect((await at.c.task('cs_registration')).assignee).toBe('cs-02');
  });

  test('the delegate must be someone who could work the task; an unclaimed task is handed on by a lead only', async () => {
    const at = await fixture('cs task', 'delegate');
    const rnd = who('rnd-01', 'rnd', 'staff');
    const csAuditor = who('cs-aud-01', 'cs', 'auditor');
    const delegate = (actor: CaseActor, to: CaseActor) =>
      at.c.delegate(at.taskId, actor, to).then(
        () => 'ok',
        (e: WorkflowUpdateFailedError) => (e.cause as ApplicationFailure).type,
      );
    expect(await delegate(ROLES['cs supervisor'], rnd)).toBe('WRONG_DEPARTMENT');
    expect(await delegate(ROLES['cs supervisor'], csAuditor)).toBe('WRONG_ROLE');
    const open = await FIXTURES['cs task'].open();
    expect(
      await run('cs task', 'delegate', ROLES['cs staff'], { c: open.c, taskId: open.task.taskId }),
    ).toBe('WRONG_ROLE');
  });
});
