import { Client } from 'pg';
import { policyV2Input } from '@aso/domain';
import { call, loginAll, OTHER_ORG, type ActorName, type Session } from './support/http';
import { serviceRequest, slotIn, withEntry } from './support/repair-commands';
import { eventually, startApi, startWorker, type AppProcess } from './support/stack';

/**
 * Bad input at every command endpoint, as a table: each case must be a 400 naming the
 * offending field (`body.…`, `query.…`, `params.…`), never a 500, and nothing may change
 * behind it: the organisation's case, task, audit-event and user rows and the live workflow
 * view of the cases involved are compared before and after every request. The suite works in
 * the second seeded organisation, so other suites' writes cannot move the counts.
 */
const TASK_QUEUE = `e2e-bad-input-${process.pid}`;
const ORG = OTHER_ORG;
let api: AppProcess & { url: string };
let worker: AppProcess;
let db: Client;
let as: Record<ActorName, Session>;

beforeAll(async () => {
  db = new Client({ connectionString: process.env.ASO_E2E_DATABASE_URL });
  await db.connect();
  [api, worker] = await Promise.all([startApi(TASK_QUEUE), startWorker(TASK_QUEUE)]);
  as = await loginAll(api.url, ORG);
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await db?.end();
});

const HUGE = 'x'.repeat(10_000);
const complaint = {
  customer: { name: '王五', phone: '13700137000' },
  orderNumber: 'SO-BAD-INPUT-01',
  batchNumber: 'B2611-09',
  shipDate: '2026-11-10',
  defectDescription: '录音笔无法开机',
  demand: '换货',
  quantity: 2,
  channel: 'phone',
};
const register = { type: 'RegisterComplaint', cause: 'product_quality', severity: 'general' };
const proposal = {
  type: 'ProposeResolution',
  responsibleUnit: '装配车间',
  responsiblePersons: ['worker-17'],
  method: 'discount',
  trackImprovement: false,
  humanNegligence: false,
  lossBasis: {
    unitCostFen: 30_000,
    quantity: 2,
    freightFen: 0,
    handlingFen: 0,
    compensationFen: 0,
  },
  penalties: [],
};
const newUser = {
  username: 'bad-input-new',
  displayName: 'New',
  password: 'long-enough-password',
  department: 'cs',
  roles: ['staff'],
};

interface Task {
  taskId: string;
  commands: string[];
}
const taskFor = (s: Session, caseNumber: string, command: string): Promise<Task> =>
  eventually(async () => {
    const res = await call(api.url, 'GET', `/inbox?caseNumber=${caseNumber}`, s);
    return (res.body.items as Task[]).find((t) => t.commands.includes(command));
  });
async function openCase(): Promise<string> {
  const res = await call(api.url, 'POST', '/complaints', as.sales, complaint);
  expect(res.status).toBe(201);
  return res.body.caseNumber as string;
}
async function complete(s: Session, caseNumber: string, command: { type: string }) {
  const task = await taskFor(s, caseNumber, command.type);
  const res = await call(api.url, 'POST', `/tasks/${task.taskId}/complete`, s, { command });
  expect({ command: command.type, status: res.status }).toEqual({
    command: command.type,
    status: 200,
  });
}

/** Everything a bad request could have moved, in this organisation. */
async function snapshot(caseNumbers: string[]) {
  const count = async (table: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE organisation_id = $1`, [ORG]))
      .rows[0].n as number;
  const rows = async (sql: string) => (await db.query(sql, [ORG, caseNumbers])).rows;
  const live = await Promise.all(
    caseNumbers.map(async (n) => (await call(api.url, 'GET', `/cases/${n}`, as.cs)).body.live),
  );
  return {
    counts: {
      cases: await count('cases'),
      tasks: await count('tasks'),
      audit_events: await count('audit_events'),
      users: await count('users'),
      policy_versions: await count('policy_versions'),
      absences: await count('absences'),
      webhook_endpoints: await count('webhook_endpoints'),
    },
    cases: await rows(
      'SELECT * FROM cases WHERE organisation_id = $1 AND case_number = ANY($2) ORDER BY case_number',
    ),
    tasks: await rows(
      'SELECT * FROM tasks WHERE organisation_id = $1 AND case_number = ANY($2) ORDER BY task_id',
    ),
    users: (
      await db.query(
        'SELECT id, username, display_name, department, roles, approval_limit_fen, active, token_version, updated_at FROM users WHERE organisation_id = $1 ORDER BY id',
        [ORG],
      )
    ).rows,
    live,
  };
}

interface BadCase {
  name: string;
  method: 'POST' | 'PATCH' | 'PUT' | 'GET';
  path: string;
  as?: ActorName;
  body?: unknown;
  /** the issue path that must be named */
  field: string;
  /** VALIDATION_FAILED unless said otherwise (e.g. COMMAND_INVALID: valid shape, wrong task) */
  code?: string;
}

async function expectRefused(table: BadCase[], caseNumbers: string[]): Promise<void> {
  const before = await snapshot(caseNumbers);
  for (const c of table) {
    const res = await call(api.url, c.method, c.path, c.as ? as[c.as] : undefined, c.body);
    const paths = ((res.body?.details?.issues ?? []) as Array<{ path: string }>).map((i) => i.path);
    expect({
      case: c.name,
      status: res.status,
      code: res.body?.code,
      names: paths.includes(c.field) ? c.field : paths,
    }).toEqual({ case: c.name, status: 400, code: c.code ?? 'VALIDATION_FAILED', names: c.field });
    expect({ case: c.name, after: await snapshot(caseNumbers) }).toEqual({
      case: c.name,
      after: before,
    });
  }
}

const withComplaint = (patch: Record<string, unknown>) => ({ ...complaint, ...patch });
const withCustomer = (patch: Record<string, unknown>) =>
  withComplaint({ customer: { ...complaint.customer, ...patch } });

describe('bad input is a 400 naming the field, and nothing moves', () => {
  let registration: string; // a case waiting for CS registration (T1 first response open too)
  let proposing: string; // a case waiting for CS's resolution proposal
  let registerTask: Task;
  let firstResponseTask: Task;
  let proposeTask: Task;

  beforeAll(async () => {
    [registration, proposing] = await Promise.all([openCase(), openCase()]);
    await complete(as.cs, proposing, register);
    await complete(as.rnd, proposing, {
      type: 'SubmitInvestigationReport',
      report: {
        cause: 'product_quality',
        findings: '电池触点虚焊',
        qualityClaimVerified: true,
        responsibleUnit: '装配车间',
        responsiblePersons: ['worker-17'],
        correctiveAction: '加强焊接检验',
        externalParty: null,
      },
    } as { type: string });
    await complete(as.vp, proposing, { type: 'ApproveInvestigationReport' });
    [registerTask, firstResponseTask, proposeTask] = await Promise.all([
      taskFor(as.cs, registration, 'RegisterComplaint'),
      taskFor(as.sales, registration, 'RecordFirstResponse'),
      taskFor(as.cs, proposing, 'ProposeResolution'),
    ]);
  });

  test('POST /complaints: missing fields, wrong types, bad quantities, unknown enums, overlong text', async () => {
    const post = (name: string, body: unknown, field: string): BadCase => ({
      name,
      method: 'POST',
      path: '/complaints',
      as: 'sales',
      body,
      field,
    });
    const { quantity: _q, ...noQuantity } = complaint;
    await expectRefused(
      [
        post('empty body', {}, 'body.customer'),
        post('an array', [complaint], 'body'),
        post('missing quantity', noQuantity, 'body.quantity'),
        post('missing customer name', withCustomer({ name: undefined }), 'body.customer.name'),
        post('quantity 0', withComplaint({ quantity: 0 }), 'body.quantity'),
        post('quantity -1', withComplaint({ quantity: -1 }), 'body.quantity'),
        post('quantity 10^9', withComplaint({ quantity: 1e9 }), 'body.quantity'),
        post('quantity 1.5', withComplaint({ quantity: 1.5 }), 'body.quantity'),
        post('quantity as text', withComplaint({ quantity: '2' }), 'body.quantity'),
        post('order number as number', withComplaint({ orderNumber: 42 }), 'body.orderNumber'),
        post('unknown channel', withComplaint({ channel: 'pigeon' }), 'body.channel'),
        post(
          '10k-char defect',
          withComplaint({ defectDescription: HUGE }),
          'body.defectDescription',
        ),
        post('10k-char demand', withComplaint({ demand: HUGE }), 'body.demand'),
        post('10k-char name', withCustomer({ name: HUGE }), 'body.customer.name'),
        post('NUL in name', withCustomer({ name: 'a\u0000b' }), 'body.customer.name'),
        post('not a phone', withCustomer({ phone: 'call me' }), 'body.customer.phone'),
        post('no such date', withComplaint({ shipDate: '2026-02-30' }), 'body.shipDate'),
        post('not a date', withComplaint({ shipDate: 'yesterday' }), 'body.shipDate'),
        // C02 (001 §24.1(1)): the problem occurred after shipping and before the report
        post(
          'occurredAt in the future',
          withComplaint({ occurredAt: '2999-01-01T00:00:00Z' }),
          'body.occurredAt',
        ),
        post(
          'occurredAt before the ship date',
          withComplaint({ occurredAt: '2026-11-09T23:59:00+08:00' }),
          'body.occurredAt',
        ),
        post(
          'occurredAt not an instant',
          withComplaint({ occurredAt: '2026-11-12' }),
          'body.occurredAt',
        ),
        post('blank product spec', withComplaint({ productSpec: '  ' }), 'body.productSpec'),
        post('attachments not a list', withComplaint({ attachments: 'a.jpg' }), 'body.attachments'),
        post(
          '51 attachments',
          withComplaint({ attachments: Array.from({ length: 51 }, (_, i) => `a${i}.jpg`) }),
          'body.attachments',
        ),
        post('10k-char store id', withComplaint({ storeId: HUGE }), 'body.storeId'),
      ],
      [registration],
    );
  });

  test('POST /tasks/:id/complete: bad commands of several types name body.command.…', async () => {
    const to = (task: Task, who: ActorName) => (name: string, body: unknown, field: string) =>
      ({
        name,
        method: 'POST',
        path: `/tasks/${task.taskId}/complete`,
        as: who,
        body,
        field,
      }) as BadCase;
    const reg = to(registerTask, 'cs');
    const first = to(firstResponseTask, 'sales');
    const prop = to(proposeTask, 'cs');
    const propose = (patch: Record<string, unknown>) => ({ command: { ...proposal, ...patch } });
    const basis = (patch: Record<string, unknown>) =>
      propose({ lossBasis: { ...proposal.lossBasis, ...patch } });
    const cmd = (command: Record<string, unknown>) => ({ command });
    await expectRefused(
      [
        reg('no command', {}, 'body.command'),
        reg('command as text', { command: 'RegisterComplaint' }, 'body.command'),
        reg('unknown command type', cmd({ type: 'MakeItGoAway' }), 'body.command.type'),
        reg('command type as number', cmd({ type: 42 }), 'body.command.type'),
        reg('unknown cause', cmd({ ...register, cause: 'weather' }), 'body.command.cause'),
        reg('unknown severity', cmd({ ...register, severity: 'medium' }), 'body.command.severity'),
        reg(
          'missing severity',
          cmd({ type: 'RegisterComplaint', cause: 'transport' }),
          'body.command.severity',
        ),
        reg(
          'negative deadline',
          cmd({
            ...register,
            formDeadlines: { registration: { amount: -1, unit: 'working_days' } },
          }),
          'body.command.formDeadlines.registration.amount',
        ),
        reg(
          'unknown deadline unit',
          cmd({ ...register, formDeadlines: { registration: { amount: 1, unit: 'fortnights' } } }),
          'body.command.formDeadlines.registration.unit',
        ),
        reg(
          'deadline for an unknown stage',
          cmd({
            ...register,
            formDeadlines: { investigation: { amount: 1, unit: 'working_days' } },
          }),
          'body.command.formDeadlines.investigation',
        ),
        reg('10k-char comment', { command: register, comment: HUGE }, 'body.comment'),
        {
          ...reg(
            'a well-formed command this task does not take',
            cmd({ type: 'CloseComplaint' }),
            'body.command.type',
          ),
          code: 'COMMAND_INVALID',
        },
        first(
          'unknown channel',
          cmd({ type: 'RecordFirstResponse', channel: 'fax', summary: 'ok' }),
          'body.command.channel',
        ),
        first(
          'empty summary',
          cmd({ type: 'RecordFirstResponse', channel: 'phone', summary: '' }),
          'body.command.summary',
        ),
        first(
          '10k-char summary',
          cmd({ type: 'RecordFirstResponse', channel: 'phone', summary: HUGE }),
          'body.command.summary',
        ),
        prop(
          'negative unit cost',
          basis({ unitCostFen: -1 }),
          'body.command.lossBasis.unitCostFen',
        ),
        prop('1e20 unit cost', basis({ unitCostFen: 1e20 }), 'body.command.lossBasis.unitCostFen'),
        prop('fractional fen', basis({ freightFen: 0.5 }), 'body.command.lossBasis.freightFen'),
        prop('amount as text', basis({ handlingFen: '100' }), 'body.command.lossBasis.handlingFen'),
        prop('loss quantity 10^9', basis({ quantity: 1e9 }), 'body.command.lossBasis.quantity'),
        prop('missing loss basis', propose({ lossBasis: undefined }), 'body.command.lossBasis'),
        prop(
          'return quantity 0',
          propose({ method: 'return', approvedReturnQuantity: 0 }),
          'body.command.approvedReturnQuantity',
        ),
        prop(
          'return quantity 10^9',
          propose({ method: 'return', approvedReturnQuantity: 1e9 }),
          'body.command.approvedReturnQuantity',
        ),
        prop('unknown method', propose({ method: 'teleport' }), 'body.command.method'),
        prop(
          'persons as text',
          propose({ responsiblePersons: 'worker-17' }),
          'body.command.responsiblePersons',
        ),
        prop(
          'unknown penalty kind',
          propose({ penalties: [{ personId: 'worker-17', kind: 'flogging', amountFen: 100 }] }),
          'body.command.penalties.0.kind',
        ),
        prop(
          'negative penalty',
          propose({ penalties: [{ personId: 'worker-17', kind: 'fine', amountFen: -1 }] }),
          'body.command.penalties.0.amountFen',
        ),
        prop('10k-char notes', propose({ notes: HUGE }), 'body.command.notes'),
        prop(
          '10k-char responsible unit',
          propose({ responsibleUnit: HUGE }),
          'body.command.responsibleUnit',
        ),
        // payloads of other command types are checked by shape before the task is consulted
        prop(
          'certificate amount -1',
          cmd({ type: 'IssueDiscountCertificate', certificateNumber: 'ZK-1', amountFen: -1 }),
          'body.command.amountFen',
        ),
        prop(
          'certificate amount 1e20',
          cmd({ type: 'IssueDiscountCertificate', certificateNumber: 'ZK-1', amountFen: 1e20 }),
          'body.command.amountFen',
        ),
        prop(
          'certificate amount 0',
          cmd({ type: 'IssueDiscountCertificate', certificateNumber: 'ZK-1', amountFen: 0 }),
          'body.command.amountFen',
        ),
        prop(
          '10k-char certificate number',
          cmd({ type: 'IssueDiscountCertificate', certificateNumber: HUGE, amountFen: 100 }),
          'body.command.certificateNumber',
        ),
        prop(
          'customer response via pigeon',
          cmd({ type: 'RecordCustomerResponse', accepted: true, via: 'pigeon' }),
          'body.command.via',
        ),
        prop(
          'accepted as text',
          cmd({ type: 'RecordCustomerResponse', accepted: 'yes', via: 'phone' }),
          'body.command.accepted',
        ),
        prop('report missing', cmd({ type: 'SubmitInvestigationReport' }), 'body.command.report'),
        prop(
          '10k-char remarks',
          cmd({ type: 'ApproveInvestigationReport', remarks: HUGE }),
          'body.command.remarks',
        ),
        prop(
          'petition decision unknown',
          cmd({ type: 'DecidePetition', decision: 'maybe' }),
          'body.command.decision',
        ),
        prop('refund -1', cmd({ type: 'RecordRefund', amountFen: -1 }), 'body.command.amountFen'),
        prop(
          'received 10^9',
          cmd({ type: 'ReceiveGoods', quantity: 1e9, complete: true, undamaged: true }),
          'body.command.quantity',
        ),
        prop(
          'received complete as text',
          cmd({ type: 'ReceiveGoods', quantity: 1, complete: 'yes', undamaged: true }),
          'body.command.complete',
        ),
        prop(
          'repair outcome empty',
          cmd({ type: 'RecordRepairCompleted', outcome: '' }),
          'body.command.outcome',
        ),
        prop(
          'repair outcome missing',
          cmd({ type: 'RecordRepairCompleted' }),
          'body.command.outcome',
        ),
      ],
      [registration, proposing],
    );
  });

  test('claim / unclaim / delegate / complete: malformed task ids name params.taskId; bad delegates name body.to…', async () => {
    const table: BadCase[] = [];
    for (const action of ['claim', 'unclaim', 'delegate', 'complete'] as const) {
      for (const [name, id] of [
        ['not a task id', 'not-a-task'],
        ['a case number', registration],
        ['month 13', 'KS202613-0001-T1'],
        ['task 0', `${registration}-T0`],
        ['10k chars', HUGE],
      ] as const) {
        table.push({
          name: `${action}: ${name}`,
          method: 'POST',
          path: `/tasks/${encodeURIComponent(id)}/${action}`,
          as: 'cs',
          body:
            action === 'complete'
              ? { command: register }
              : action === 'delegate'
                ? { to: { userId: as.cs2.user.id } }
                : {},
          field: 'params.taskId',
        });
      }
    }
    const delegate = (name: string, body: unknown, field: string): BadCase => ({
      name: `delegate: ${name}`,
      method: 'POST',
      path: `/tasks/${registerTask.taskId}/delegate`,
      as: 'cs',
      body,
      field,
    });
    table.push(
      delegate('no body', {}, 'body.to'),
      delegate('to as text', { to: 'cs-02' }, 'body.to'),
      delegate('user id not a uuid', { to: { userId: 'cs-02' } }, 'body.to.userId'),
      delegate('10k-char user id', { to: { userId: HUGE } }, 'body.to.userId'),
    );
    await expectRefused(table, [registration]);
  });

  test('POST /admin/users and PATCH /admin/users/:id', async () => {
    const create = (name: string, patch: Record<string, unknown>, field: string): BadCase => ({
      name: `create: ${name}`,
      method: 'POST',
      path: '/admin/users',
      as: 'admin',
      body: { ...newUser, ...patch },
      field,
    });
    const target = as.cs2.user.id;
    const update = (name: string, body: unknown, field: string, id = target): BadCase => ({
      name: `update: ${name}`,
      method: 'PATCH',
      path: `/admin/users/${encodeURIComponent(id)}`,
      as: 'admin',
      body,
      field,
    });
    await expectRefused(
      [
        { ...create('empty', {}, 'body.username'), body: {} },
        create('username with spaces', { username: 'bad name!' }, 'body.username'),
        create('10k-char username', { username: HUGE }, 'body.username'),
        create('short password', { password: 'short' }, 'body.password'),
        create('10k-char display name', { displayName: HUGE }, 'body.displayName'),
        create('unknown department', { department: 'space' }, 'body.department'),
        create('no roles', { roles: [] }, 'body.roles'),
        create('unknown role', { roles: ['emperor'] }, 'body.roles.0'),
        create('limit -1', { approvalLimitFen: -1 }, 'body.approvalLimitFen'),
        create('limit 1e20', { approvalLimitFen: 1e20 }, 'body.approvalLimitFen'),
        create('limit as text', { approvalLimitFen: '500' }, 'body.approvalLimitFen'),
        update('id not a uuid', { roles: ['manager'] }, 'params.id', 'not-a-uuid'),
        update('10k-char id', { roles: ['manager'] }, 'params.id', HUGE),
        update('nothing to change', {}, 'body'),
        update('roles as text', { roles: 'manager' }, 'body.roles'),
        update('unknown role', { roles: ['emperor'] }, 'body.roles.0'),
        update('limit -1', { approvalLimitFen: -1 }, 'body.approvalLimitFen'),
        update('limit 1e20', { approvalLimitFen: 1e20 }, 'body.approvalLimitFen'),
        update('unknown department', { department: 'space' }, 'body.department'),
        update('10k-char password', { password: HUGE }, 'body.password'),
      ],
      [registration],
    );
  });

  test('issue 11 Notifications: POST /webhooks, POST /webhooks/:id/disable, GET /webhooks/:id/deliveries', async () => {
    const hook = { url: 'https://hooks.example.com/aso', events: ['case.closed'] };
    const create = (name: string, patch: Record<string, unknown>, field: string): BadCase => ({
      name: `webhook: ${name}`,
      method: 'POST',
      path: '/webhooks',
      as: 'admin',
      body: { ...hook, ...patch },
      field,
    });
    await expectRefused(
      [
        { ...create('empty', {}, 'body.url'), body: {} },
        create('url not a URL', { url: 'hooks.example.com' }, 'body.url'),
        create('ftp url', { url: 'ftp://hooks.example.com/x' }, 'body.url'),
        create('url with credentials', { url: 'https://u:p@hooks.example.com/' }, 'body.url'),
        // production default: loopback and private addresses are refused (WEBHOOK_ALLOW_PRIVATE_URLS)
        create('loopback url', { url: 'http://127.0.0.1:9/hook' }, 'body.url'),
        create('localhost url', { url: 'http://localhost/hook' }, 'body.url'),
        create('private url', { url: 'http://10.1.2.3/hook' }, 'body.url'),
        create('link-local url', { url: 'http://169.254.169.254/latest' }, 'body.url'),
        create('IPv6 loopback url', { url: 'http://[::1]/hook' }, 'body.url'),
        create('10k-char url', { url: `https://hooks.example.com/${HUGE}` }, 'body.url'),
        create('no events', { events: [] }, 'body.events'),
        create('unknown event', { events: ['case.opened'] }, 'body.events.0'),
        create('event twice', { events: ['case.closed', 'case.closed'] }, 'body.events'),
        create('unknown field', { secret: 'mine' }, 'body.secret'),
        {
          name: 'disable: id not a uuid',
          method: 'POST',
          path: '/webhooks/not-a-uuid/disable',
          as: 'admin',
          body: {},
          field: 'params.id',
        },
        {
          name: 'deliveries: id not a uuid',
          method: 'GET',
          path: '/webhooks/not-a-uuid/deliveries',
          as: 'admin',
          field: 'params.id',
        },
        {
          name: 'deliveries: limit 0',
          method: 'GET',
          path: '/webhooks/00000000-0000-4000-8000-000000000000/deliveries?limit=0',
          as: 'admin',
          field: 'query.limit',
        },
      ],
      [registration],
    );
  });

  test('001 §28: POST /monthly-reviews and GET /monthly-reviews(/:month) name the field', async () => {
    const start = (name: string, body: unknown, field: string): BadCase => ({
      name: `monthly review: ${name}`,
      method: 'POST',
      path: '/monthly-reviews',
      as: 'gm',
      body,
      field,
    });
    await expectRefused(
      [
        start('no month', {}, 'body.month'),
        start('month not a month', { month: '2026-13' }, 'body.month'),
        start('a day, not a month', { month: '2026-11-01' }, 'body.month'),
        start('month a number', { month: 202611 }, 'body.month'),
        // the month must have ended: the schedule reviews last month on the 1st
        start('a month still running', { month: '2999-01' }, 'body.month'),
        start('unknown field', { month: '2026-01', year: 2026 }, 'body.year'),
        {
          name: 'monthly review: list month not a month',
          method: 'GET',
          path: '/monthly-reviews?month=November',
          as: 'gm',
          field: 'query.month',
        },
        {
          name: 'monthly review: path month not a month',
          method: 'GET',
          path: '/monthly-reviews/2026-00',
          as: 'gm',
          field: 'params.month',
        },
      ],
      [registration],
    );
  });

  test('F01 F06 004 三.(一), 五.(一): the follow-up plan routes name the field', async () => {
    const customer = (name: string, body: unknown, field: string): BadCase => ({
      name: `plan customer: ${name}`,
      method: 'POST',
      path: '/follow-up-plans/customers',
      as: 'cs',
      body,
      field,
    });
    const base = { customerRef: 'C-BAD-1', name: '钱七', kind: 'new', purchaseDate: '2026-10-08' };
    const runOf = (name: string, body: unknown, field: string): BadCase => ({
      name: `plan run: ${name}`,
      method: 'POST',
      path: '/follow-up-plans/runs',
      as: 'cs',
      body,
      field,
    });
    await expectRefused(
      [
        ...(
          [
            ['dueDate', { dueDate: '2027/03/14' }, 'body.dueDate'],
            ['analysisMonth', { analysisMonth: '2026-13' }, 'body.analysisMonth'],
            ['goal', { goal: '  ' }, 'body.goal'],
            ['owner', { owner: undefined }, 'body.owner'],
            ['owner id (no user id)', { owner: { userId: 'wh-01' } }, 'body.owner.userId'],
            ['dueDate (no such day)', { dueDate: '2027-02-30' }, 'body.dueDate'],
          ] as const
        ).map(([what, change, field]): BadCase => ({
          name: `F17 003 §四.4: an improvement measure with a bad ${what}`,
          method: 'POST',
          path: '/improvement-measures',
          as: 'csManager',
          body: {
            analysisMonth: '2026-11',
            finding: 'arrival_time below satisfied',
            measure: '送货前电话确认',
            goal: '到达时间无一般及较差',
            owner: { userId: '00000000-0000-4000-8000-000000000000' },
            dueDate: '2027-03-14',
            ...change,
          },
          field,
        })),
        {
          name: 'F13 001 §14: a survey campaign over a customer not in the register',
          method: 'POST',
          path: '/follow-up-plans/campaigns',
          as: 'csManager',
          body: { campaignId: 'BAD-F13', customerRefs: ['NOT-IN-REGISTER'] },
          field: 'body.customerRefs',
        },
        {
          name: 'F13 001 §14: a survey campaign id with a space',
          method: 'POST',
          path: '/follow-up-plans/campaigns',
          as: 'csManager',
          body: { campaignId: 'BAD F13', customerRefs: ['C-BAD-1'] },
          field: 'body.campaignId',
        },
        {
          name: 'F13 001 §14: a survey campaign without customers',
          method: 'POST',
          path: '/follow-up-plans/campaigns',
          as: 'csManager',
          body: { campaignId: 'BAD-F13', customerRefs: [] },
          field: 'body.customerRefs',
        },
        customer('a kind that does not exist', { ...base, kind: 'vip' }, 'body.kind'),
        // F06: a new customer's calls count from the purchase
        customer(
          'a new customer without the purchase date',
          { ...base, purchaseDate: undefined },
          'body.purchaseDate',
        ),
        customer(
          'purchase 2026-02-30',
          { ...base, purchaseDate: '2026-02-30' },
          'body.purchaseDate',
        ),
        customer(
          'a purchase to come',
          { ...base, purchaseDate: '2999-01-04' },
          'body.purchaseDate',
        ),
        // F02 004 三.(一)2: the last purchase a long-inactive call counts from
        customer(
          'last purchase 2026-02-30',
          { ...base, lastPurchaseOn: '2026-02-30' },
          'body.lastPurchaseOn',
        ),
        customer(
          'a last purchase to come',
          { ...base, lastPurchaseOn: '2999-01-04' },
          'body.lastPurchaseOn',
        ),
        customer('no name', { ...base, name: '' }, 'body.name'),
        customer('unknown field', { ...base, tier: 'gold' }, 'body.tier'),
        runOf('no date', {}, 'body.date'),
        runOf('a day to come', { date: '2999-01-04' }, 'body.date'),
        runOf('a month, not a day', { date: '2026-10' }, 'body.date'),
        {
          name: 'plan: date not a date',
          method: 'GET',
          path: '/follow-up-plans?date=tomorrow',
          as: 'cs',
          field: 'query.date',
        },
      ],
      [registration],
    );
  });

  test('POST /auth/login and POST /auth/refresh; malformed case numbers and query parameters', async () => {
    const login = (name: string, body: unknown, field: string): BadCase => ({
      name: `login: ${name}`,
      method: 'POST',
      path: '/auth/login',
      body,
      field,
    });
    const refresh = (name: string, body: unknown, field: string): BadCase => ({
      name: `refresh: ${name}`,
      method: 'POST',
      path: '/auth/refresh',
      body,
      field,
    });
    const creds = { organisation: ORG, username: 'cs-01', password: 'e2e-demo-password' };
    await expectRefused(
      [
        login('empty', {}, 'body.organisation'),
        login('missing password', { organisation: ORG, username: 'cs-01' }, 'body.password'),
        login('password as number', { ...creds, password: 42 }, 'body.password'),
        login('10k-char username', { ...creds, username: HUGE }, 'body.username'),
        login('10k-char organisation', { ...creds, organisation: HUGE }, 'body.organisation'),
        refresh('empty', {}, 'body.refreshToken'),
        refresh('token as number', { refreshToken: 42 }, 'body.refreshToken'),
        refresh('10k-char token', { refreshToken: HUGE }, 'body.refreshToken'),
        {
          name: 'case number month 13',
          method: 'GET',
          path: '/cases/KS202613-0001',
          as: 'cs',
          field: 'params.caseNumber',
        },
        {
          name: 'case number 10k chars',
          method: 'GET',
          path: `/cases/${HUGE}/audit`,
          as: 'cs',
          field: 'params.caseNumber',
        },
        {
          name: 'list limit 0',
          method: 'GET',
          path: '/cases?limit=0',
          as: 'cs',
          field: 'query.limit',
        },
        {
          name: 'list limit not a number',
          method: 'GET',
          path: '/cases?limit=many',
          as: 'cs',
          field: 'query.limit',
        },
        {
          name: 'inbox unknown scope',
          method: 'GET',
          path: '/inbox?scope=everything',
          as: 'cs',
          field: 'query.scope',
        },
        {
          name: 'inbox offset -1',
          method: 'GET',
          path: '/inbox?offset=-1',
          as: 'cs',
          field: 'query.offset',
        },
        {
          name: 'inbox cursor that is not a nextCursor',
          method: 'GET',
          path: '/inbox?after=eyJub3QiOiJhIGN1cnNvciJ9',
          as: 'cs',
          field: 'query.after',
        },
      ],
      [registration],
    );
  });

  test('issue 8 #2: NUL in login, the case list, the inbox and admin user fields → 400 naming the field (was 500)', async () => {
    const NUL = 'bad\u0000text';
    const creds = { organisation: ORG, username: 'cs-01', password: 'e2e-demo-password' };
    const login = (field: keyof typeof creds): BadCase => ({
      name: `login ${field}`,
      method: 'POST',
      path: '/auth/login',
      body: { ...creds, [field]: NUL },
      field: `body.${field}`,
    });
    const get = (path: string, field: string): BadCase => ({
      name: `GET ${path}`,
      method: 'GET',
      path,
      as: 'cs',
      field,
    });
    const admin = (
      name: string,
      method: 'POST' | 'PATCH',
      path: string,
      body: unknown,
      field: string,
    ): BadCase => ({
      name,
      method,
      path,
      as: 'admin',
      body,
      field,
    });
    const userPath = `/admin/users/${as.cs2.user.id}`;
    await expectRefused(
      [
        login('organisation'),
        login('username'),
        login('password'),
        get('/cases?status=%00', 'query.status'),
        get('/cases?status=open%00', 'query.status'),
        get('/inbox?type=%00', 'query.type'),
        get('/inbox?caseNumber=%00', 'query.caseNumber'),
        admin(
          'create: username',
          'POST',
          '/admin/users',
          { ...newUser, username: NUL },
          'body.username',
        ),
        admin(
          'create: displayName',
          'POST',
          '/admin/users',
          { ...newUser, displayName: NUL },
          'body.displayName',
        ),
        admin(
          'create: password',
          'POST',
          '/admin/users',
          { ...newUser, password: `${NUL}-long-enough` },
          'body.password',
        ),
        admin('update: displayName', 'PATCH', userPath, { displayName: NUL }, 'body.displayName'),
        admin(
          'update: password',
          'PATCH',
          userPath,
          { password: `${NUL}-long-enough` },
          'body.password',
        ),
        admin(
          'update: displayName, lone surrogate',
          'PATCH',
          userPath,
          { displayName: 'bad \ud800' },
          'body.displayName',
        ),
      ],
      [registration],
    );
  });

  test('issue 8 #3: JSON nested past 32 levels, with an Idempotency-Key → 400 BODY_TOO_DEEP on every route, nothing written (was 500)', async () => {
    const before = await snapshot([registration]);
    // ~98 KB: under the body-size limit, 50,000 levels deep.
    const deepArray = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    let deepObject: unknown = 'leaf';
    for (let i = 0; i < 33; i++) deepObject = { a: deepObject };
    const routes: Array<{ path: string; as?: ActorName }> = [
      { path: '/complaints', as: 'sales' },
      { path: '/repairs', as: 'cs' },
      { path: '/returns', as: 'sales' },
      { path: '/consignments', as: 'sales' },
      { path: `/tasks/${registerTask.taskId}/complete`, as: 'cs' },
      { path: '/admin/users', as: 'admin' },
      { path: '/policies', as: 'admin' },
      { path: '/users/me/absences', as: 'cs' },
      { path: '/auth/login' },
      { path: '/auth/refresh' },
    ];
    const seen: unknown[] = [];
    for (const route of routes)
      for (const [shape, body] of [
        ['array', deepArray],
        ['object', JSON.stringify({ ...complaint, extra: deepObject })],
      ] as const) {
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          'idempotency-key': `deep-${shape}-${route.path.replace(/\W/g, '')}`,
        };
        if (route.as) headers.authorization = `Bearer ${as[route.as].accessToken}`;
        const res = await fetch(`${api.url}${route.path}`, { method: 'POST', headers, body });
        const json = (await res.json()) as {
          code: string;
          details: { issues?: Array<{ path: string }> };
        };
        seen.push({
          route: route.path,
          shape,
          status: res.status,
          code: json.code,
          namesBody: json.details.issues?.[0]?.path.startsWith('body') ?? false,
        });
      }
    expect(seen).toEqual(
      routes.flatMap((r) =>
        ['array', 'object'].map((shape) => ({
          route: r.path,
          shape,
          status: 400,
          code: 'BODY_TOO_DEEP',
          namesBody: true,
        })),
      ),
    );
    expect(await snapshot([registration])).toEqual(before);
    // 31 levels of nesting are no problem (zod strips the unknown key; the login works).
    let nested: unknown = 'leaf';
    for (let i = 0; i < 30; i++) nested = { a: nested };
    const ok = await call(api.url, 'POST', '/auth/login', undefined, {
      organisation: ORG,
      username: 'cs-01',
      password: 'e2e-demo-password',
      extra: nested,
    });
    expect(ok.status).toBe(200);
  });

  test('issue 8 #14: limit/offset take decimal digits only; from/to and shipDate must be real calendar days', async () => {
    const get = (path: string, field: string, who: ActorName = 'cs'): BadCase => ({
      name: `GET ${path}`,
      method: 'GET',
      path,
      as: who,
      field,
    });
    await expectRefused(
      [
        get('/cases?limit=0.0', 'query.limit'),
        // a day that is no date at all (an Invalid Date) is a 400, never a 500 (found by the fuzz tier)
        get('/cases?from=2026-13-45', 'query.from'),
        get('/cases?to=0000-00-00', 'query.to'),
        get('/cases?limit=1e1', 'query.limit'),
        get('/cases?limit=0x10', 'query.limit'),
        get('/cases?limit=%205', 'query.limit'),
        get('/cases?offset=1.5', 'query.offset'),
        get('/inbox?limit=1e1', 'query.limit'),
        get('/inbox?offset=0x10', 'query.offset'),
        get('/inbox?offset=0.0', 'query.offset'),
        get('/reports/kpis?from=2026-02-30&to=2026-03-01', 'query.from', 'gm'),
        get('/reports/kpis?from=2026-02-01&to=2026-02-29', 'query.to', 'gm'),
        get('/reports/repair-kpis?from=2026-02-30&to=2026-03-01', 'query.from', 'gm'),
        get('/reports/repair-kpis?from=2026-03-02&to=2026-03-01', 'query.from', 'techManager'),
        get('/reports/repair-kpis?from=2025-01-01&to=2026-12-31', 'query.to', 'gm'),
        get('/reports/repair-kpis?to=2026-03-01', 'query.from', 'gm'),
        get('/reports/follow-up-kpis?from=2026-02-30&to=2026-03-01', 'query.from', 'gm'),
        {
          name: 'X10 sales volume: a month that does not exist',
          method: 'PUT',
          path: '/reports/sales-volumes/2026-13',
          as: 'sales',
          body: { units: 10 },
          field: 'params.month',
        },
        {
          name: 'X10 sales volume: a fractional unit count',
          method: 'PUT',
          path: '/reports/sales-volumes/2026-11',
          as: 'sales',
          body: { units: 1.5 },
          field: 'body.units',
        },
        {
          name: 'a follow-up plan that does not exist',
          method: 'POST',
          path: '/follow-ups',
          as: 'cs',
          body: { plan: 'weekly', planRef: 'C-1', customer: { name: '钱七' } },
          field: 'body.plan',
        },
        {
          name: 'a follow-up without its customer',
          method: 'POST',
          path: '/follow-ups',
          as: 'cs',
          body: { plan: 'key_customer', planRef: 'C-1', customer: { name: '' } },
          field: 'body.customer.name',
        },
        get('/reports/follow-up-kpis?from=2025-01-01&to=2026-12-31', 'query.to', 'csManager'),
        get('/reports/service-appraisal?year=26', 'query.year', 'gm'),
        get('/reports/service-appraisal', 'query.year', 'csManager'),
        get('/reports/follow-up-analysis?month=2026-13', 'query.month', 'csManager'),
        get('/reports/follow-up-analysis', 'query.month', 'gm'),
        get('/reports/supervision-ledger?month=2026-1', 'query.month', 'csManager'),
        get('/reports/supervision-ledger', 'query.month', 'gm'),
        {
          name: 'shipDate 2026-02-30',
          method: 'POST',
          path: '/complaints',
          as: 'sales',
          body: withComplaint({ shipDate: '2026-02-30' }),
          field: 'body.shipDate',
        },
      ],
      [registration],
    );
    // Decimal digits still work, leading zeros included.
    for (const path of ['/cases?limit=10&offset=0', '/inbox?limit=007&offset=00'])
      expect({ path, status: (await call(api.url, 'GET', path, as.cs)).status }).toEqual({
        path,
        status: 200,
      });
  });

  test('POST /repairs and the repair commands: the register entry (001 §7) and dispatch payloads name the field', async () => {
    const opened = await call(api.url, 'POST', '/repairs', as.cs, serviceRequest);
    expect(opened.status).toBe(201);
    const repair = opened.body.caseNumber as string;
    const dispatchTask = await taskFor(as.techManager, repair, 'DispatchTechnician');
    const post = (name: string, body: unknown, field: string): BadCase => ({
      name: `POST /repairs: ${name}`,
      method: 'POST',
      path: '/repairs',
      as: 'cs',
      body,
      field,
    });
    const dispatch = (name: string, command: Record<string, unknown>, field: string): BadCase => ({
      name: `dispatch: ${name}`,
      method: 'POST',
      path: `/tasks/${dispatchTask.taskId}/complete`,
      as: 'techManager',
      body: { command },
      field,
    });
    const good = {
      type: 'DispatchTechnician',
      technicianId: as.tech.user.id,
      slot: slotIn(2),
      outOfTown: false,
    };
    const { problem: _p, ...noProblem } = serviceRequest.entry;
    await expectRefused(
      [
        post('empty body', {}, 'body.entry'),
        post('entry as a list', { entry: [serviceRequest.entry] }, 'body.entry'),
        post('missing problem', { entry: noProblem }, 'body.entry.problem'),
        post('empty problem', withEntry({ problem: '' }), 'body.entry.problem'),
        post('10k-char problem', withEntry({ problem: HUGE }), 'body.entry.problem'),
        post('10k-char address', withEntry({ address: HUGE }), 'body.entry.address'),
        post(
          'NUL in customer name',
          withEntry({ customerName: 'a\u0000b' }),
          'body.entry.customerName',
        ),
        // P01 001 §6: four service kinds A–D
        post('service kind E', withEntry({ serviceKind: 'E' }), 'body.entry.serviceKind'),
        post('unknown channel', withEntry({ channel: 'pigeon' }), 'body.entry.channel'),
        // a complaint's repair is its child case, never opened by hand
        post('channel complaint', withEntry({ channel: 'complaint' }), 'body.entry.channel'),
        // P02 001 §7: name, address, phone, model, spec, purchase date and place
        post('A without customer', withEntry({ customerName: '' }), 'body.entry.customerName'),
        post(
          'C without address',
          withEntry({ serviceKind: 'C', address: ' ' }),
          'body.entry.address',
        ),
        post(
          'B without purchase place',
          withEntry({ serviceKind: 'B', purchasePlace: '' }),
          'body.entry.purchasePlace',
        ),
        post('no model', withEntry({ productModel: '' }), 'body.entry.productModel'),
        post('not a phone', withEntry({ phone: 'call me' }), 'body.entry.phone'),
        post(
          'no such purchase date',
          withEntry({ purchaseDate: '2026-02-30' }),
          'body.entry.purchaseDate',
        ),
        post(
          'purchase date as words',
          withEntry({ purchaseDate: 'last May' }),
          'body.entry.purchaseDate',
        ),
        post(
          'D with a bad purchase date',
          withEntry({ serviceKind: 'D', purchaseDate: '2026-13-01' }),
          'body.entry.purchaseDate',
        ),
        post('10k-char store id', { ...serviceRequest, storeId: HUGE }, 'body.storeId'),
        dispatch(
          'no technician',
          { ...good, technicianId: undefined },
          'body.command.technicianId',
        ),
        dispatch('empty technician', { ...good, technicianId: '' }, 'body.command.technicianId'),
        {
          ...dispatch(
            'a CS person as technician',
            { ...good, technicianId: as.cs.user.id },
            'body.command.technicianId',
          ),
          code: 'COMMAND_INVALID',
        },
        {
          ...dispatch(
            'an unknown technician',
            { ...good, technicianId: 'no-such-user' },
            'body.command.technicianId',
          ),
          code: 'COMMAND_INVALID',
        },
        dispatch('slot as text', { ...good, slot: 'tomorrow 2pm' }, 'body.command.slot'),
        dispatch(
          'slot start -1',
          { ...good, slot: { start: -1, end: 1 } },
          'body.command.slot.start',
        ),
        dispatch(
          'slot end fractional',
          { ...good, slot: { start: 1, end: 1.5 } },
          'body.command.slot.end',
        ),
        dispatch('outOfTown as text', { ...good, outOfTown: 'no' }, 'body.command.outOfTown'),
        dispatch(
          'workshop item without class',
          {
            type: 'AcceptWorkshopItem',
            receiptNumber: 'SR-1',
            itemCode: 'IT-1',
            itemClass: '',
            partToRepair: '扣环',
            customerName: '张先生',
            photo: 'a.jpg',
          },
          'body.command.itemClass',
        ),
        dispatch(
          'visit fee -1',
          {
            type: 'RecordVisit',
            actualStart: 1,
            actualEnd: 2,
            content: 'x',
            resolvedOnSite: true,
            feeFen: -1,
          },
          'body.command.feeFen',
        ),
        dispatch(
          'out-of-town estimate 1.5 fen',
          { type: 'ApplyOutOfTown', destination: '苏州', reason: '客户', estimatedCostFen: 1.5 },
          'body.command.estimatedCostFen',
        ),
        dispatch(
          'cash received 1e20',
          { type: 'ConfirmCashAndMailInvoice', receivedFen: 1e20, invoiceNumber: 'FP-1' },
          'body.command.receivedFen',
        ),
        {
          ...dispatch(
            'a well-formed command this task does not take',
            { type: 'CloseRepair' },
            'body.command.type',
          ),
          code: 'COMMAND_INVALID',
        },
      ],
      [registration, repair],
    );
    // the well-formed dispatch goes through
    const ok = await call(
      api.url,
      'POST',
      `/tasks/${dispatchTask.taskId}/complete`,
      as.techManager,
      {
        command: good,
      },
    );
    expect(ok.status).toBe(200);
  });

  test('issue 12 #5, #7: policy versions and absences — bad documents, versions, periods and delegates name the field', async () => {
    // the organisation holds the built-in versions 1 and 2: the next is 3
    const v3 = { ...policyV2Input, version: 3, name: 'bad-input v3' };
    const publish = (name: string, body: unknown, field: string): BadCase => ({
      name: `publish: ${name}`,
      method: 'POST',
      path: '/policies',
      as: 'admin',
      body,
      field,
    });
    const absence = (name: string, patch: Record<string, unknown>, field: string): BadCase => ({
      name: `absence: ${name}`,
      method: 'POST',
      path: '/users/me/absences',
      as: 'cs',
      body: {
        startsAt: '2030-01-07T09:00:00+08:00',
        endsAt: '2030-01-08T18:00:00+08:00',
        delegateUserId: as.cs2.user.id,
        ...patch,
      },
      field,
    });
    const get = (path: string, field: string, who: ActorName = 'admin'): BadCase => ({
      name: `GET ${path}`,
      method: 'GET',
      path,
      as: who,
      field,
    });
    await expectRefused(
      [
        publish('empty', {}, 'body.version'),
        publish('an array', [v3], 'body'),
        publish('version 2 again (never edited in place)', { ...v3, version: 2 }, 'body.version'),
        publish('version 7 (skips)', { ...v3, version: 7 }, 'body.version'),
        publish('version as text', { ...v3, version: '3' }, 'body.version'),
        publish('unknown top-level field', { ...v3, colour: 'red' }, 'body.colour'),
        publish(
          'negative close deadline',
          {
            ...v3,
            deadlines: {
              ...v3.deadlines,
              complaint: {
                ...v3.deadlines.complaint,
                close: { ...v3.deadlines.complaint.close, amount: -6 },
              },
            },
          },
          'body.deadlines.complaint.close.amount',
        ),
        publish('10k-char name', { ...v3, name: HUGE }, 'body.name'),
        publish('NUL in name', { ...v3, name: 'a\u0000b' }, 'body.name'),
        get('/policies/abc', 'params.version'),
        get('/policies/0', 'params.version'),
        get('/policies/1.5', 'params.version'),
        get(`/policies/${HUGE}`, 'params.version'),
        get('/policies/1/diff/x', 'params.b'),
        get('/policies/-1/diff/2', 'params.a'),
        absence(
          'empty',
          { startsAt: undefined, endsAt: undefined, delegateUserId: undefined },
          'body.startsAt',
        ),
        absence('not an instant', { startsAt: 'next monday' }, 'body.startsAt'),
        absence('no offset', { startsAt: '2030-01-07T09:00:00' }, 'body.startsAt'),
        absence('ends before it starts', { endsAt: '2030-01-06T09:00:00+08:00' }, 'body.endsAt'),
        absence(
          'ended already',
          { startsAt: '2020-01-01T00:00:00Z', endsAt: '2020-01-02T00:00:00Z' },
          'body.endsAt',
        ),
        absence('two years', { endsAt: '2032-01-08T18:00:00+08:00' }, 'body.endsAt'),
        absence('delegate not a uuid', { delegateUserId: 'cs-02' }, 'body.delegateUserId'),
        absence('delegate myself', { delegateUserId: as.cs.user.id }, 'body.delegateUserId'),
        absence('10k-char reason', { reason: HUGE }, 'body.reason'),
        absence('unknown field', { colour: 'red' }, 'body.colour'),
        {
          name: 'cancel: id not a uuid',
          method: 'POST',
          path: '/users/me/absences/not-a-uuid/cancel',
          as: 'cs',
          field: 'params.id',
        },
      ],
      [registration],
    );
    // A document with several faults names every one of them in one answer.
    const res = await call(api.url, 'POST', '/policies', as.admin, {
      ...v3,
      version: 9,
      colour: 'red',
      followUp: { ...v3.followUp, maxAttempts: 0 },
    });
    expect(res.status).toBe(400);
    expect((res.body.details.issues as Array<{ path: string }>).map((i) => i.path).sort()).toEqual([
      'body.colour',
      'body.followUp.maxAttempts',
      'body.version',
    ]);
  });

  test('POST /consignments: a consignment (002 ch.12 1, K01 K02) names the field', async () => {
    const good = {
      consignor: { name: '李明', surname: '李' },
      customerKind: 'wholesale',
      goods: [{ item: 'Espresso machine EM-3', quantity: 2, priceFen: 129_900 }],
      terms: { commissionBp: 1500, durationMonths: 3 },
      customerPresent: false,
    };
    const post = (name: string, patch: Record<string, unknown>, field: string): BadCase => ({
      name: `POST /consignments: ${name}`,
      method: 'POST',
      path: '/consignments',
      as: 'sales',
      body: { ...good, ...patch },
      field,
    });
    await expectRefused(
      [
        post(
          'a surname in Latin letters (K02)',
          { consignor: { name: 'Li', surname: 'Li' } },
          'body.consignor.surname',
        ),
        post('an unknown customer kind', { customerKind: 'retail' }, 'body.customerKind'),
        post('no goods', { goods: [] }, 'body.goods'),
        post(
          'quantity 0',
          { goods: [{ item: 'EM-3', quantity: 0, priceFen: 100 }] },
          'body.goods.0.quantity',
        ),
        post(
          'a price in yuan',
          { goods: [{ item: 'EM-3', quantity: 1, priceFen: 12.5 }] },
          'body.goods.0.priceFen',
        ),
        post(
          'commission over 100 %',
          { terms: { commissionBp: 10_001, durationMonths: 3 } },
          'body.terms.commissionBp',
        ),
        post(
          'an unknown report period',
          { terms: { commissionBp: 1500, durationMonths: 3, reportPeriod: 'weekly' } },
          'body.terms.reportPeriod',
        ),
        post('no duration', { terms: { commissionBp: 1500 } }, 'body.terms.durationMonths'),
        post('presence as text', { customerPresent: 'no' }, 'body.customerPresent'),
      ],
      [registration],
    );
  });

  test('POST /returns: a customer’s own return request (001 篇3 退货流程 1–2, R08 R09) names the field', async () => {
    const good = {
      kind: 'return',
      orderNumber: 'TB-BAD-1',
      serialNumber: 'SN-BAD-1',
      reason: 'no_reason',
      reasonText: '不想要了',
      // in the past: a request time in the future is refused (POST /returns)
      requestedAt: '2026-11-20T10:00:00+08:00',
      deliveredAt: '2026-11-16T10:00:00+08:00',
      customer: { account: 'wangwang:bad', name: '周九' },
      customerKind: 'retail',
      channel: 'online',
      quantity: 1,
      partsReturned: ['packaging', 'accessories', 'warranty_card', 'unit'],
    };
    const post = (name: string, patch: Record<string, unknown>, field: string): BadCase => ({
      name: `POST /returns: ${name}`,
      method: 'POST',
      path: '/returns',
      as: 'sales',
      body: { ...good, ...patch },
      field,
    });
    await expectRefused(
      [
        post('no order number', { orderNumber: '' }, 'body.orderNumber'),
        post('a return without its SN (R09)', { serialNumber: '' }, 'body.serialNumber'),
        post('a return without its delivery', { deliveredAt: undefined }, 'body.deliveredAt'),
        post(
          'delivered after the request',
          { deliveredAt: '2026-11-21T10:00:00+08:00' },
          'body.deliveredAt',
        ),
        post('request time as words', { requestedAt: 'yesterday' }, 'body.requestedAt'),
        post(
          'a request time in the future',
          { requestedAt: new Date(Date.now() + 86_400_000).toISOString() },
          'body.requestedAt',
        ),
        post('an unknown reason', { reason: 'bored' }, 'body.reason'),
        post('an unknown customer kind', { customerKind: 'vip' }, 'body.customerKind'),
        post('an unknown channel', { channel: 'pigeon' }, 'body.channel'),
        post('an unknown part', { partsReturned: ['box'] }, 'body.partsReturned.0'),
        post('powered-on as text', { poweredOn: 'no' }, 'body.poweredOn'),
        post('quantity 0', { quantity: 0 }, 'body.quantity'),
        post(
          'no customer account',
          { customer: { account: '', name: '周九' } },
          'body.customer.account',
        ),
        post('NUL in the reason', { reasonText: 'a\u0000b' }, 'body.reasonText'),
        post(
          'a franchise return without its contract ratio (R24)',
          { customerKind: 'franchise' },
          'body.franchise',
        ),
        post(
          'a price difference without its prices (R19)',
          { kind: 'price_difference' },
          'body.priceDifference',
        ),
        post(
          'a shipping claim without its facts (R13)',
          { kind: 'shipping_claim' },
          'body.shippingClaim',
        ),
        post(
          'a negative paid price',
          {
            kind: 'price_difference',
            priceDifference: { paidUnitFen: -1, newUnitFen: 0, handedToCarrier: false },
          },
          'body.priceDifference.paidUnitFen',
        ),
      ],
      [registration],
    );
  });

  test('issue 12 #4, policy v2: the owner, store-result and supplier-coordination commands name the field (400); a severe decision by phone (422 LETTER_REQUIRED), C19 001 §25.4: a penalty outside the basis (a ¥600 fine, the general basis ¥0–¥500: 422 PENALTY_OUTSIDE_BASIS), a close without the first response (409 FIRST_RESPONSE_REQUIRED) — nothing moves but the refusal in the trail', async () => {
    // Cases of this organisation pin policy v2 (the newest built-in).
    const opened = async (patch: Record<string, unknown> = {}) => {
      const res = await call(api.url, 'POST', '/complaints', as.sales, withComplaint(patch));
      expect({ status: res.status, policyVersion: res.body.policyVersion }).toEqual({
        status: 201,
        policyVersion: 2,
      });
      return res.body.caseNumber as string;
    };
    const owner = (n: string) =>
      complete(as.csManager, n, { type: 'AssignComplaintOwner', ownerId: as.cs.user.id } as {
        type: string;
      });
    const investigated = async (n: string, severity: string, externalParty: string | null) => {
      await owner(n);
      await complete(as.cs, n, { ...register, severity } as { type: string });
      if (severity === 'severe')
        await complete(as.vp, n, { type: 'CompleteSevereReview', remarks: '函告客户' } as {
          type: string;
        });
      await complete(as.rnd, n, {
        type: 'SubmitInvestigationReport',
        report: {
          cause: 'product_quality',
          findings: '电池触点虚焊',
          qualityClaimVerified: true,
          responsibleUnit: '装配车间',
          responsiblePersons: ['worker-17'],
          correctiveAction: '加强焊接检验',
          externalParty,
        },
      } as { type: string });
      await complete(as.vp, n, { type: 'ApproveInvestigationReport' });
    };
    /** … → an apology approved by the CS manager: the case waits for the customer's answer. */
    const decided = async (n: string, severity: string) => {
      await investigated(n, severity, null);
      await complete(as.cs, n, { ...proposal, method: 'apology' } as { type: string });
      await complete(as.csManager, n, { type: 'ApproveResolution' });
    };
    const [store, supplier, severe, closing] = await Promise.all([
      opened({ channel: 'store', orderNumber: 'SO-BAD-V2-STORE' }),
      opened({ orderNumber: 'SO-BAD-V2-SUPPLIER' }),
      opened({ orderNumber: 'SO-BAD-V2-SEVERE' }),
      opened({ orderNumber: 'SO-BAD-V2-CLOSING' }),
    ]);
    await Promise.all([
      investigated(supplier, 'general', '深圳电源配件厂 (供应商)'),
      decided(severe, 'severe'),
      (async () => {
        // no first response recorded: the customer accepts, the close is the only step left
        await decided(closing, 'general');
        await complete(as.sales, closing, {
          type: 'RecordCustomerResponse',
          accepted: true,
          via: 'phone',
        } as { type: string });
      })(),
    ]);
    const [ownerTask, storeTask, supplierTask, letterTask, closeTask] = await Promise.all([
      taskFor(as.csManager, registration, 'AssignComplaintOwner'),
      taskFor(as.sales, store, 'RecordStoreResult'),
      taskFor(as.cs, supplier, 'RecordSupplierCoordination'),
      taskFor(as.sales, severe, 'RecordCustomerResponse'),
      taskFor(as.cs, closing, 'CloseComplaint'),
    ]);
    const to = (task: Task, who: ActorName) => (name: string, command: unknown, field: string) =>
      ({
        name,
        method: 'POST',
        path: `/tasks/${task.taskId}/complete`,
        as: who,
        body: { command },
        field,
      }) as BadCase;
    const own = to(ownerTask, 'csManager');
    const st = to(storeTask, 'sales');
    const sup = to(supplierTask, 'cs');
    const cases = [registration, store, supplier, severe, closing, proposing];
    await expectRefused(
      [
        own(
          'owner id empty',
          { type: 'AssignComplaintOwner', ownerId: '' },
          'body.command.ownerId',
        ),
        own('owner id missing', { type: 'AssignComplaintOwner' }, 'body.command.ownerId'),
        own(
          '10k-char owner id',
          { type: 'AssignComplaintOwner', ownerId: HUGE },
          'body.command.ownerId',
        ),
        st(
          'store result by fax',
          { type: 'RecordStoreResult', channel: 'fax', summary: 'ok' },
          'body.command.channel',
        ),
        st(
          'store result without summary',
          { type: 'RecordStoreResult', channel: 'store', summary: '' },
          'body.command.summary',
        ),
        st(
          '10k-char store result',
          { type: 'RecordStoreResult', channel: 'store', summary: HUGE },
          'body.command.summary',
        ),
        sup(
          'coordination outcome empty',
          { type: 'RecordSupplierCoordination', outcome: '' },
          'body.command.outcome',
        ),
        sup(
          'coordination outcome missing',
          { type: 'RecordSupplierCoordination' },
          'body.command.outcome',
        ),
        sup(
          '10k-char coordination outcome',
          { type: 'RecordSupplierCoordination', outcome: HUGE },
          'body.command.outcome',
        ),
      ],
      cases,
    );

    // Well-formed commands the domain refuses under v2: the status and code, the case and its
    // tasks and live view unchanged; the only new row is the refusal in the case's trail.
    const refusals: Array<{
      name: string;
      task: Task;
      caseNumber: string;
      as: ActorName;
      command: Record<string, unknown>;
      status: number;
      code: string;
      details: Record<string, unknown>;
    }> = [
      {
        name: 'C09 Decision 4 001 §18: a severe decision relayed by phone',
        task: letterTask,
        caseNumber: severe,
        as: 'sales',
        command: { type: 'RecordCustomerResponse', accepted: true, via: 'phone' },
        status: 422,
        code: 'LETTER_REQUIRED',
        details: { field: 'command.via', allowed: ['letter'] },
      },
      {
        name: 'C19 Decision 10 001 §25.4: a ¥600 fine, outside the general basis (¥0–¥500)',
        task: proposeTask,
        caseNumber: proposing,
        as: 'cs',
        command: {
          ...proposal,
          penalties: [{ personId: 'worker-17', kind: 'fine', amountFen: 60_000 }],
        },
        status: 422,
        code: 'PENALTY_OUTSIDE_BASIS',
        details: { field: 'command.penalties.0', kind: 'fine', amountFen: 60_000 },
      },
      {
        name: 'C30 Decision 3 000 §三.6: a close without the first response',
        task: closeTask,
        caseNumber: closing,
        as: 'cs',
        command: {
          type: 'CloseComplaint',
          summary: '电池触点虚焊',
          preventiveMeasure: '焊接工序首件检验',
        },
        status: 409,
        code: 'FIRST_RESPONSE_REQUIRED',
        details: { waitingFor: 'first_response' },
      },
    ];
    for (const r of refusals) {
      const before = await snapshot(cases);
      const res = await call(api.url, 'POST', `/tasks/${r.task.taskId}/complete`, as[r.as], {
        command: r.command,
      });
      expect({ case: r.name, status: res.status, code: res.body?.code }).toEqual({
        case: r.name,
        status: r.status,
        code: r.code,
      });
      expect(res.body.details).toMatchObject(r.details);
      const after = await snapshot(cases);
      expect({ case: r.name, ...after, counts: { ...after.counts, audit_events: 0 } }).toEqual({
        case: r.name,
        ...before,
        counts: { ...before.counts, audit_events: 0 },
      });
      expect(after.counts.audit_events).toBe(before.counts.audit_events + 1);
      const last = (
        await db.query(
          `SELECT action, data FROM audit_events WHERE organisation_id = $1 AND case_number = $2
            ORDER BY seq DESC LIMIT 1`,
          [ORG, r.caseNumber],
        )
      ).rows[0];
      expect({ case: r.name, action: last.action, code: last.data.code }).toEqual({
        case: r.name,
        action: 'ActionRefused',
        code: r.code,
      });
    }
  });

  test('the well-formed commands still go through (the edge is not stricter than the domain)', async () => {
    await complete(as.sales, registration, {
      type: 'RecordFirstResponse',
      channel: 'phone',
      summary: '已致电客户',
    } as { type: string });
    await complete(as.cs, registration, {
      ...register,
      formDeadlines: { investigationReport: { amount: 3, unit: 'working_days' } },
    } as { type: string });
    await complete(as.cs, proposing, proposal);
  });
});
