import type { Actor } from '../shared/org';
import {
  mayClaim,
  mayDelegate,
  mayHandOn,
  mayRelease,
  mayWork,
  TASK_LEADS,
  type TaskFacts,
  type TaskVerdict,
} from './task-rules';

const person = (userId: string, department: Actor['department'], ...roles: Actor['roles']) => ({
  userId,
  department,
  roles,
});

const PEOPLE = {
  'cs staff': person('cs-01', 'cs', 'staff'),
  'cs supervisor': person('cs-sup-01', 'cs', 'supervisor'),
  'cs manager': person('cs-mgr-01', 'cs', 'manager'),
  'cs auditor': person('cs-aud-01', 'cs', 'auditor'),
  'sales staff': person('sales-01', 'sales', 'staff'),
  'sales supervisor': person('sales-sup-01', 'sales', 'supervisor'),
  sales_vp: person('svp-01', 'sales', 'sales_vp'),
  'rnd manager': person('rnd-mgr-01', 'rnd', 'manager'),
  vp: person('vp-01', 'gm_office', 'vp'),
  gm: person('gm-01', 'gm_office', 'gm'),
  auditor: person('auditor-01', 'gm_office', 'auditor'),
  admin: person('admin-01', 'hr', 'admin'),
} satisfies Record<string, Actor>;
type Who = keyof typeof PEOPLE;
const WHO = Object.keys(PEOPLE) as Who[];

/** A CS task (any CS role), a sales task, a company-wide task for the VP in charge. */
const csTask: TaskFacts = {
  taskId: 't-cs',
  status: 'claimed',
  department: 'cs',
  roles: [],
  assignee: 'cs-02',
};
const salesTask: TaskFacts = {
  taskId: 't-sales',
  status: 'claimed',
  department: 'sales',
  roles: [],
  assignee: 'sales-02',
};
const companyTask: TaskFacts = {
  taskId: 't-vp',
  status: 'claimed',
  department: null,
  roles: ['vp'],
  assignee: 'vp-02',
};
const open = (t: TaskFacts): TaskFacts => ({ ...t, status: 'open', assignee: null });

const answer = (v: TaskVerdict): string => (v.ok ? 'ok' : v.error.code);
const table = (f: (who: Actor) => TaskVerdict) =>
  Object.fromEntries(WHO.map((w) => [w, answer(f(PEOPLE[w]))]));

describe('task rule book', () => {
  it('task 9.3: one list of leads — supervisor, manager, sales VP of their department; VP and GM company-wide', () => {
    expect(TASK_LEADS).toEqual([
      { role: 'supervisor', scope: 'department' },
      { role: 'manager', scope: 'department' },
      { role: 'sales_vp', scope: 'department' },
      { role: 'vp', scope: 'company' },
      { role: 'gm', scope: 'company' },
    ]);
  });

  it('DOMAIN Who uses it: staff never act on tasks outside their department (WRONG_DEPARTMENT)', () => {
    const v = mayWork(open(csTask), PEOPLE['sales staff']);
    expect(v).toMatchObject({
      ok: false,
      error: {
        code: 'WRONG_DEPARTMENT',
        details: { taskId: 't-cs', requiredDepartment: 'cs', actualDepartment: 'sales' },
      },
    });
  });

  it('DOMAIN Who uses it: … or outside their role (WRONG_ROLE); auditors change nothing, even of their own department', () => {
    const rndTask: TaskFacts = { ...open(csTask), roles: ['staff', 'manager'] };
    expect(answer(mayWork(rndTask, PEOPLE['cs auditor']))).toBe('WRONG_ROLE');
    expect(answer(mayWork(open(csTask), PEOPLE['cs auditor']))).toBe('WRONG_ROLE');
    expect(answer(mayWork({ ...rndTask, roles: ['manager'] }, PEOPLE['cs staff']))).toBe(
      'WRONG_ROLE',
    );
  });

  it('DOMAIN Who uses it: a completed, cancelled or someone-else-claimed task cannot be worked (TASK_NOT_OPEN)', () => {
    const cs = PEOPLE['cs staff'];
    expect(answer(mayWork({ ...csTask, status: 'completed' }, cs))).toBe('TASK_NOT_OPEN');
    expect(answer(mayWork({ ...csTask, status: 'cancelled' }, cs))).toBe('TASK_NOT_OPEN');
    expect(answer(mayWork(csTask, cs))).toBe('TASK_NOT_OPEN');
    expect(answer(mayWork({ ...csTask, assignee: 'cs-01' }, cs))).toBe('ok');
    expect(answer(mayWork(open(csTask), cs))).toBe('ok');
  });

  it('DOMAIN Who uses it: a task is claimed once — an already claimed task, even by the actor, is TASK_NOT_OPEN', () => {
    const cs = PEOPLE['cs staff'];
    expect(answer(mayClaim(open(csTask), cs))).toBe('ok');
    expect(answer(mayClaim({ ...csTask, assignee: 'cs-01' }, cs))).toBe('TASK_NOT_OPEN');
    expect(answer(mayClaim({ ...csTask, status: 'completed' }, cs))).toBe('TASK_NOT_OPEN');
  });

  it('DOMAIN Who uses it: a company-wide task (department null) is worked by its role in any department', () => {
    expect(table((a) => mayClaim(open(companyTask), a))).toEqual({
      'cs staff': 'WRONG_ROLE',
      'cs supervisor': 'WRONG_ROLE',
      'cs manager': 'WRONG_ROLE',
      'cs auditor': 'WRONG_ROLE',
      'sales staff': 'WRONG_ROLE',
      'sales supervisor': 'WRONG_ROLE',
      sales_vp: 'WRONG_ROLE',
      'rnd manager': 'WRONG_ROLE',
      vp: 'ok',
      gm: 'WRONG_ROLE',
      auditor: 'WRONG_ROLE',
      admin: 'WRONG_ROLE',
    });
  });

  it('task 9.3: releasing someone else’s CS task — its supervisor or manager, the VP in charge, the GM', () => {
    expect(table((a) => mayRelease(csTask, a))).toEqual({
      'cs staff': 'WRONG_ROLE',
      'cs supervisor': 'ok',
      'cs manager': 'ok',
      'cs auditor': 'WRONG_ROLE',
      'sales staff': 'WRONG_DEPARTMENT',
      'sales supervisor': 'WRONG_DEPARTMENT',
      sales_vp: 'WRONG_DEPARTMENT',
      'rnd manager': 'WRONG_DEPARTMENT',
      vp: 'ok',
      gm: 'ok',
      auditor: 'WRONG_DEPARTMENT',
      admin: 'WRONG_DEPARTMENT',
    });
  });

  it('task 9.3: releasing someone else’s sales task — the sales supervisor, the sales VP, the VP in charge, the GM', () => {
    expect(table((a) => mayRelease(salesTask, a))).toEqual({
      'cs staff': 'WRONG_DEPARTMENT',
      'cs supervisor': 'WRONG_DEPARTMENT',
      'cs manager': 'WRONG_DEPARTMENT',
      'cs auditor': 'WRONG_DEPARTMENT',
      'sales staff': 'WRONG_ROLE',
      'sales supervisor': 'ok',
      sales_vp: 'ok',
      'rnd manager': 'WRONG_DEPARTMENT',
      vp: 'ok',
      gm: 'ok',
      auditor: 'WRONG_DEPARTMENT',
      admin: 'WRONG_DEPARTMENT',
    });
  });

  it('task 9.3: releasing someone else’s company-wide task — only the VP in charge and the GM, no department lead', () => {
    expect(table((a) => mayRelease(companyTask, a))).toEqual({
      'cs staff': 'WRONG_ROLE',
      'cs supervisor': 'WRONG_ROLE',
      'cs manager': 'WRONG_ROLE',
      'cs auditor': 'WRONG_ROLE',
      'sales staff': 'WRONG_ROLE',
      'sales supervisor': 'WRONG_ROLE',
      sales_vp: 'WRONG_ROLE',
      'rnd manager': 'WRONG_ROLE',
      vp: 'ok',
      gm: 'ok',
      auditor: 'WRONG_ROLE',
      admin: 'WRONG_ROLE',
    });
  });

  it('DOMAIN Who uses it: the assignee releases or hands on their own task; only a claimed task is released', () => {
    const cs2 = person('cs-02', 'cs', 'staff');
    expect(answer(mayRelease(csTask, cs2))).toBe('ok');
    expect(answer(mayHandOn(csTask, cs2))).toBe('ok');
    expect(answer(mayRelease(open(csTask), PEOPLE['cs manager']))).toBe('TASK_NOT_OPEN');
    expect(answer(mayRelease({ ...csTask, status: 'completed' }, cs2))).toBe('TASK_NOT_OPEN');
    expect(answer(mayHandOn({ ...csTask, status: 'cancelled' }, cs2))).toBe('TASK_NOT_OPEN');
  });

  it('task 9.3: an unclaimed task is handed on by a lead only (whoever could work it claims it instead)', () => {
    expect(answer(mayHandOn(open(csTask), PEOPLE['cs staff']))).toBe('WRONG_ROLE');
    expect(answer(mayHandOn(open(csTask), PEOPLE['cs supervisor']))).toBe('ok');
  });

  it('DOMAIN Who uses it: the delegate must be someone who could work the task', () => {
    const sup = PEOPLE['cs supervisor'];
    expect(answer(mayDelegate(csTask, sup, PEOPLE['cs staff']))).toBe('ok');
    const toRnd = mayDelegate(csTask, sup, person('rnd-01', 'rnd', 'staff'));
    expect(toRnd).toMatchObject({
      ok: false,
      error: { code: 'WRONG_DEPARTMENT', details: { delegateTo: 'rnd-01' } },
    });
    expect(answer(mayDelegate(csTask, sup, PEOPLE['cs auditor']))).toBe('WRONG_ROLE');
    expect(answer(mayDelegate(companyTask, PEOPLE.gm, person('vp-02', 'gm_office', 'vp')))).toBe(
      'ok',
    );
    expect(answer(mayDelegate(companyTask, PEOPLE.gm, PEOPLE['cs manager']))).toBe('WRONG_ROLE');
    // the actor's side is checked first
    expect(answer(mayDelegate(csTask, PEOPLE['cs staff'], person('rnd-01', 'rnd', 'staff')))).toBe(
      'WRONG_ROLE',
    );
  });

  it('DOMAIN Overdue: whoever the ladder escalates a late department task to (manager, VP in charge, GM) may hand it on', () => {
    for (const who of ['cs manager', 'vp', 'gm'] as const)
      expect(answer(mayDelegate(csTask, PEOPLE[who], PEOPLE['cs staff']))).toBe('ok');
  });
});

describe('trained callers (F18)', () => {
  const call: TaskFacts = {
    taskId: 't-call',
    status: 'open',
    department: 'cs',
    roles: [],
    assignee: null,
    type: 'follow_up_call',
  };
  const cs = (qualifications?: string[]) => ({
    ...person('cs-09', 'cs', 'staff'),
    ...(qualifications ? { qualifications } : {}),
  });
  const lead = person('cs-mgr-01', 'cs', 'manager');
  const codeOf = (v: TaskVerdict) => (v.ok ? 'ok' : v.error.code);

  it('F18 004 八.(一)3: a follow-up call is claimed, worked or received only by a follow_up_caller; unstated qualifications (actors recorded before F18) are not checked', () => {
    expect(codeOf(mayClaim(call, cs([])))).toBe('CALLER_NOT_QUALIFIED');
    expect(codeOf(mayWork(call, cs([])))).toBe('CALLER_NOT_QUALIFIED');
    expect(codeOf(mayDelegate(call, lead, cs([])))).toBe('CALLER_NOT_QUALIFIED');
    expect(codeOf(mayDelegate(call, lead, cs(['follow_up_caller'])))).toBe('ok');
    expect(codeOf(mayClaim(call, cs()))).toBe('ok');
    // the record's review is a lead's work: no qualification
    expect(codeOf(mayClaim({ ...call, type: 'follow_up_review' }, cs([])))).toBe('ok');
  });
});
