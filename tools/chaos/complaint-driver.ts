import {
  assignOwner,
  close,
  firstResponse,
  proposal,
  register,
  report,
} from '../../test/support/complaint-commands';
import type { ActorName, Session } from '../../test/support/http';
import type { ChaosClient, CommandRecord } from './http-client';

type Command = { type: string } & Record<string, unknown>;
export type Method = 'apology' | 'discount';

/**
 * A whole complaint (DOMAIN.md §1) under the current policy (v2), step by step: who completes
 * which task with what. `ownerId`: whom the CS manager names as the owner (C11).
 */
export function planOf(
  method: Method,
  caseNumber: string,
  ownerId = 'cs-owner',
): Array<[ActorName, Command]> {
  const head: Array<[ActorName, Command]> = [
    // The first-response task exists from intake on; doing it first makes every case identical
    // (and v2 refuses a close without it, Decision 3).
    ['sales', firstResponse],
    ['csManager', assignOwner(ownerId)],
    ['cs', register],
    ['rnd', report],
    ['vp', { type: 'ApproveInvestigationReport', remarks: 'chaos' }],
    ['cs', proposal(method)],
    ['csManager', { type: 'ApproveResolution' }],
    ['sales', { type: 'RecordCustomerResponse', accepted: true, via: 'phone' }],
  ];
  const certificate: Array<[ActorName, Command]> = [
    [
      'sales',
      {
        type: 'IssueDiscountCertificate',
        certificateNumber: `ZK-${caseNumber}`,
        amountFen: 90_000,
      },
    ],
    ['salesVp', { type: 'SignDiscountCertificate' }],
    ['sales', { type: 'RecordCertificateCustomerSignature' }],
    ['finance', { type: 'BookDiscountCertificate' }],
  ];
  return [...head, ...(method === 'discount' ? certificate : []), ['cs', close]];
}

export const stepsOf = (method: Method): number => planOf(method, 'KS000000-0000').length + 1;

export interface CaseRun {
  ref: string;
  orderNumber: string;
  method: Method;
  caseNumber?: string;
  closedByClient: boolean;
  failure?: string;
}

export interface DriverContext {
  client: ChaosClient;
  sessions: Record<ActorName, Session>;
  runId: string;
  /** how long to wait for a task to show in an inbox before calling the case stuck */
  taskWaitMs: number;
  onStep: () => void;
}

const complaintBody = (orderNumber: string) => ({
  customer: { name: '混沌测试', phone: '13800138000' },
  orderNumber,
  batchNumber: 'B-CHAOS',
  shipDate: '2026-11-10',
  defectDescription: 'chaos: 无法开机',
  demand: '退货或折价',
  quantity: 3,
  channel: 'phone',
});

/** Opens the complaint (one Idempotency-Key) and completes every task until it closes. */
export async function driveComplaint(ctx: DriverContext, run: CaseRun): Promise<void> {
  const { client, sessions } = ctx;
  const opened = await client.command(
    sessions.sales,
    '/complaints',
    complaintBody(run.orderNumber),
    `${ctx.runId}-${run.ref}-open`,
    { label: 'open', caseRef: run.ref },
  );
  if (opened.status !== 201) {
    run.failure = `open: ${describe(opened)}`;
    return;
  }
  const caseNumber = opened.body.caseNumber as string;
  run.caseNumber = caseNumber;
  ctx.onStep();
  const plan = planOf(run.method, caseNumber, sessions.cs.user.id);
  for (const [index, [actor, command]] of plan.entries()) {
    const outcome = await completeStep(ctx, run, caseNumber, actor, command, index);
    if (outcome !== 'done') {
      run.failure = `${command.type}: ${outcome}`;
      return;
    }
    ctx.onStep();
  }
  run.closedByClient = true;
}

/**
 * One step: find the task in the person's inbox and complete it with a fresh key. A final
 * refusal is recorded (the checks judge it); if the task is then still open the step is tried
 * again with a new key, at most twice, so one refusal does not hide later findings of the case.
 */
async function completeStep(
  ctx: DriverContext,
  run: CaseRun,
  caseNumber: string,
  actor: ActorName,
  command: Command,
  index: number,
): Promise<string> {
  const session = ctx.sessions[actor];
  for (let round = 0; round < 3; round++) {
    const taskId = await waitForTask(ctx, session, caseNumber, command.type);
    if (!taskId) return round === 0 ? 'task never showed in the inbox' : 'done';
    const key = `${ctx.runId}-${run.ref}-s${index}${round ? `-r${round}` : ''}`;
    const res = await ctx.client.command(session, `/tasks/${taskId}/complete`, { command }, key, {
      label: command.type,
      caseRef: run.ref,
    });
    if (res.status === 200) return 'done';
    if (res.gaveUp) return `no final answer (${describe(res)})`;
    // A refusal: did the command take effect anyway (the task is gone from the inbox)?
    const still = await findTask(ctx, session, caseNumber, command.type);
    if (!still) return 'done';
  }
  return 'refused three times';
}

async function findTask(
  ctx: DriverContext,
  session: Session,
  caseNumber: string,
  commandType: string,
): Promise<string | undefined> {
  const res = await ctx.client.read(session, `/inbox?caseNumber=${caseNumber}`);
  if (res.status !== 200) return undefined;
  const items = (res.body?.items ?? []) as Array<{ taskId: string; commands: string[] }>;
  return items.find((t) => t.commands.includes(commandType))?.taskId;
}

async function waitForTask(
  ctx: DriverContext,
  session: Session,
  caseNumber: string,
  commandType: string,
): Promise<string | undefined> {
  const deadline = Date.now() + ctx.taskWaitMs;
  for (;;) {
    const taskId = await findTask(ctx, session, caseNumber, commandType);
    if (taskId || Date.now() > deadline) return taskId;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const describe = (r: CommandRecord): string =>
  r.gaveUp
    ? `gave up after ${r.attempts.length} attempts, last ${JSON.stringify(r.attempts.at(-1))}`
    : `${r.status} ${r.body?.code ?? ''}`;
