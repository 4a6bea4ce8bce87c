import {
  ParentClosePolicy,
  proxyActivities,
  proxyLocalActivities,
  startChild,
} from '@temporalio/workflow';
import {
  type CaseActivities,
  FOLLOW_UP_WORKFLOW_TYPE,
  type FollowUpWorkflowInput,
} from '@aso/contracts';
import type { FollowedCaseType, HolidayTables } from '@aso/domain';
import type { CaseClock } from './clock';
import { isPatched } from './patches';
import type { Recorder } from './recorder';

type StartActivities = Pick<CaseActivities, 'allocateCaseNumber' | 'currentPolicy'>;
const startOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
} as const;
const activities = proxyActivities<StartActivities>(startOptions);
const localActivities = proxyLocalActivities<StartActivities>(startOptions);

/**
 * Since this patch the follow-up's number and policy come from local activities, run in the
 * closing workflow task: histories before it ran them as activities, each an activity task the
 * server dispatches and a workflow task of its own (two of a closing complaint's ~13.5, issue 14).
 * Local is safe for both: `currentPolicy` only reads, and `allocateCaseNumber` draws from a
 * PostgreSQL sequence, so a run repeated after a lost workflow task takes another number — a gap
 * in the HF series, as a retried activity leaves — and the child gets the number history recorded.
 */
export const FOLLOW_UP_LOCAL_START = 'follow-up-local-start';

/** Who the follow-up calls about a closed case (the case type's definition says). */
export interface FollowUpSubject {
  parentCaseType: FollowedCaseType;
  customer: { name: string; phone: string | null };
}

/**
 * DOMAIN.md §5 / 001 §16: when a case closed with `FollowUpRequested`, its follow-up call is a
 * case of its own (`HF`), started here as a child that outlives the closing case
 * (ParentClosePolicy ABANDON) and pins the organisation's current policy. Histories from before
 * the follow-up case existed closed without it: `patched` keeps them replaying as they ran.
 * The closing case's trail names the follow-up it started.
 */
export async function startFollowUp(ctx: {
  organisationId: string;
  storeId: string | null;
  caseNumber: string;
  closedAt: number;
  subject: FollowUpSubject;
  holidayTables?: HolidayTables;
  clock: CaseClock;
  recorder: Recorder;
}): Promise<void> {
  if (!isPatched('follow-up-case')) return;
  const local = isPatched(FOLLOW_UP_LOCAL_START);
  const at = await ctx.clock.now('child number');
  // local: on the case's one queue of local activities (Recorder.serial), like its writes
  const run = <R>(call: (a: StartActivities) => Promise<R>): Promise<R> =>
    local ? ctx.recorder.serial(() => call(localActivities)) : call(activities);
  const number = await run((a) => a.allocateCaseNumber({ prefix: 'HF', at: at.toISOString() }));
  const policy = await run((a) => a.currentPolicy({ organisationId: ctx.organisationId }));
  const input: FollowUpWorkflowInput = {
    organisationId: ctx.organisationId,
    storeId: ctx.storeId,
    caseNumber: number,
    openedAt: at.toISOString(),
    source: {
      kind: 'case_closed',
      parentCaseNumber: ctx.caseNumber,
      parentCaseType: ctx.subject.parentCaseType,
      closedAt: ctx.closedAt,
    },
    customer: ctx.subject.customer,
    openedBy: { userId: 'system' },
    policy,
    ...(ctx.holidayTables ? { holidayTables: ctx.holidayTables } : {}),
  };
  await startChild(FOLLOW_UP_WORKFLOW_TYPE, {
    workflowId: number,
    args: [input],
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
  ctx.recorder.audit('case.follow_up_started', 'system', await ctx.clock.now('child started'), {
    followUpCaseNumber: number,
    policyVersion: policy.version,
  });
  await ctx.recorder.flush();
}
