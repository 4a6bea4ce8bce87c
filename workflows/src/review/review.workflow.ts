import {
  parseReviewTaskCommand,
  type MonthlyReviewResult,
  type MonthlyReviewWorkflowInput,
} from '@aso/contracts';
import {
  MS_PER_HOUR,
  decideReview,
  evolveReview,
  type ReviewCommand,
  type ReviewEvent,
  type ReviewState,
  reviewWorkItems,
} from '@aso/domain';
import { actorOf } from '../shared/actor';
import { type CaseDefinition, type CaseScope, caseSetupOf } from '../shared/case-definition';
import { CaseRuntime } from '../shared/case-runtime';
import type { OpenOptions } from '../shared/task-board';
import { parsedTaskCommand } from '../shared/task-command';
import { ReviewLinks } from './review.links';
import { reviewResult, reviewSnapshot, reviewView } from './review.projection';
import { reviewRecords } from './review.records';

/**
 * The monthly complaint review, DOMAIN.md §1 "Monthly" (001 §28; M01–M03; Decision 6): the GM
 * office reviews last month's closed complaints by 18:00 on the last working day before the
 * 10th (late: escalated to the GM); administrative penalties it confirms become the personnel
 * announcement 人事公布单 HR publishes; bonus deductions, their responsible unit assigned by
 * cause, become the reward/penalty notice 奖罚通知单 the GM approves and HR applies. Each
 * document is linked in its source complaints' audit trails. Started by the organisation's
 * schedule on the 1st (review-start.workflow.ts), once per month.
 */
export async function monthlyReview(
  input: MonthlyReviewWorkflowInput,
): Promise<MonthlyReviewResult> {
  const r = new CaseRuntime('review', caseSetupOf(input, input.openedAt), (scope) =>
    reviewDefinition(input, scope),
  );
  await r.open(
    {
      type: 'OpenReview',
      actor: 'department' in input.openedBy ? actorOf(input.openedBy) : { userId: 'system' },
      caseNumber: input.caseNumber,
      month: input.month,
      complaints: input.complaints,
      ...(input.annual ? { annual: input.annual } : {}),
    },
    new Date(input.openedAt),
  );
  const links = new ReviewLinks(
    {
      organisationId: input.organisationId,
      caseNumber: input.caseNumber,
      policyVersion: input.policy.version,
    },
    r,
  );
  return reviewResult(await r.run(links));
}

function reviewDefinition(
  input: MonthlyReviewWorkflowInput,
  { policy, calendar }: CaseScope<'review'>,
): CaseDefinition<'review', ReviewState, ReviewEvent, ReviewCommand> {
  return {
    caseType: 'review',
    decide: (s, command, now) => decideReview(s, command, now, policy, calendar),
    evolve: evolveReview,
    parseCommand: (req) => parsedTaskCommand(req, parseReviewTaskCommand) as ReviewCommand,
    workItems: reviewWorkItems,
    // Decision 6: the first round's review is due at the decision's instant (its clock runs
    // from the opening to it, so a late review escalates to the GM); a round after the GM sent
    // the notice back, within the notice's approval time; the other stages by their policy
    // deadlines, from now.
    // M05: the annual appraisal is due at its own instant (18:00 on the last working day on or
    // before 15 January), escalated to the GM like the review when late.
    taskOptions: (item, s): OpenOptions =>
      item.type === 'annual_appraisal' && s.annual
        ? {
            start: Math.min(s.openedAt, s.annual.due),
            override: {
              amount: (s.annual.due - Math.min(s.openedAt, s.annual.due)) / MS_PER_HOUR,
              unit: 'calendar_hours',
            },
          }
        : item.stage !== 'review'
          ? {}
          : s.round === 1
            ? {
                // opened after its due instant (a late start): due then, overdue at once
                start: Math.min(s.openedAt, s.due),
                override: {
                  amount: (s.due - Math.min(s.openedAt, s.due)) / MS_PER_HOUR,
                  unit: 'calendar_hours',
                },
              }
            : {
                override: {
                  amount: policy.deadlines.review.noticeApproval.amount,
                  unit: policy.deadlines.review.noticeApproval.unit,
                },
              },
    records: reviewRecords,
    done: (s) => s.status === 'closed',
    doneReason: 'review closed',
    view: reviewView,
    snapshot: (s, board, version) => reviewSnapshot(input, s, board, version),
  };
}
