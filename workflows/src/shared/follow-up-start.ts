import { ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import {
  type CaseActivities,
  FOLLOW_UP_WORKFLOW_TYPE,
  type FollowUpWorkflowInput,
} from '@aso/contracts';
import type { FollowedCaseType, HolidayTables } from '@aso/domain';
import type { CaseClock } from './clock';
import { isPatched } from './patches';
import type { Recorder } from './recorder';

const activities = proxyActivities<Pick<CaseActivities, 'allocateCaseNumber' | 'currentPolicy'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

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
  const at = await ctx.clock.now('child number');
  const number = await activities.allocateCaseNumber({ prefix: 'HF', at: at.toISOString() });
  const policy = await activities.currentPolicy({ organisationId: ctx.organisationId });
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
