import {
  parseFollowUpTaskCommand,
  type FollowUpResult,
  type FollowUpWorkflowInput,
} from '@aso/contracts';
import {
  MS_PER_HOUR,
  decideFollowUp,
  evolveFollowUp,
  type FollowUpCommand,
  type FollowUpEvent,
  type FollowUpState,
  type FollowUpWorkItem,
  followUpSettings,
  followUpWorkItems,
} from '@aso/domain';
import { actorOf } from '../shared/actor';
import { type CaseDefinition, type CaseScope, caseSetupOf } from '../shared/case-definition';
import { CaseRuntime } from '../shared/case-runtime';
import { isPatched } from '../shared/patches';
import type { OpenOptions } from '../shared/task-board';
import { parsedTaskCommand } from '../shared/task-command';
import { LinkedComplaint } from './linked-complaint';
import { followUpResult, followUpSnapshot, followUpView } from './follow-up.projection';
import { followUpRecords } from './follow-up.records';

/**
 * The follow-up call, DOMAIN.md §5 (004; 003 §四.4; 001 §14–17): CS calls within 3 working days
 * of the followed case's close (or when a plan says), confirms identity, states the purpose,
 * asks the script and the survey; unreachable → retries, then closed as unreachable; the store
 * head / CS supervisor reviews the record; a dissatisfied customer gets a new complaint linked
 * to the old case (Decision 11); one record in N is re-checked. The state is the domain's
 * FollowUpState, built only by decideFollowUp/evolveFollowUp.
 */
/** patch id: never rename once shipped (running histories carry it). */
export const FOLLOW_UP_CALL_SCRIPT = 'follow-up-call-script';
/** patch id (F16 004 七.(二)): the spot check is drawn at random, not every N-th by number. */
export const FOLLOW_UP_RANDOM_SPOT_CHECK = 'follow-up-random-spot-check';

export async function followUpCase(input: FollowUpWorkflowInput): Promise<FollowUpResult> {
  const r = new CaseRuntime('followUp', caseSetupOf(input, input.openedAt), (scope) =>
    followUpDefinition(input, scope),
  );
  // F14 004 六: a call opened by this code carries the call script; a history recorded before
  // it replays without (its RecordCall had no closingSaid).
  const withCallScript = isPatched(FOLLOW_UP_CALL_SCRIPT);
  // F16 004 七.(二)2 通过电话抽查客户: the record is drawn at random at the policy's rate. The
  // workflow's Math.random is seeded by Temporal (the same draw on every replay); the draw is
  // recorded on the opening event. A history recorded before it keeps the every-N-th rule.
  const spotCheckDraw = isPatched(FOLLOW_UP_RANDOM_SPOT_CHECK) ? Math.random() : undefined;
  await r.open(
    {
      type: 'OpenFollowUp',
      withCallScript,
      ...(spotCheckDraw === undefined ? {} : { spotCheckDraw }),
      actor: 'department' in input.openedBy ? actorOf(input.openedBy) : { userId: 'system' },
      caseNumber: input.caseNumber,
      source: input.source,
      customer: input.customer,
    },
    new Date(input.openedAt),
  );
  return followUpResult(await r.run(new LinkedComplaint(input, r)));
}

function followUpDefinition(
  input: FollowUpWorkflowInput,
  { policy, calendar }: CaseScope<'followUp'>,
): CaseDefinition<'followUp', FollowUpState, FollowUpEvent, FollowUpCommand> {
  const settings = followUpSettings(policy);
  return {
    caseType: 'followUp',
    decide: (s, command, now) => decideFollowUp(s, command, now, policy, calendar),
    evolve: evolveFollowUp,
    parseCommand: (req) => parsedTaskCommand(req, parseFollowUpTaskCommand) as FollowUpCommand,
    workItems: followUpWorkItems,
    // The call's clock runs from the followed case's close (3 working days, §5); a retry from
    // the failed attempt (retryAfter); the review, intake and spot check by reviewWithin.
    taskOptions: (item, s): OpenOptions => {
      const w = item as FollowUpWorkItem;
      if (w.type === 'follow_up_call' && s.attempts.length === 0 && s.call === null) {
        if (s.source.kind === 'case_closed')
          return { start: s.source.closedAt, override: policy.followUp.afterClose };
        // a scheduled plan call: its plan's clock (F06 within N working days of purchase, F07
        // by the end of the quarter or month); a call CS opened by hand: the policy's stage
        return s.source.window
          ? { start: s.source.window.start, override: s.source.window.within }
          : {};
      }
      // F05 004 三.(五): a dispatched problem opens claimed by its owner, due by its deadline
      // (its clock runs from the dispatch, so a late result escalates like any task)
      const problem =
        w.type === 'follow_up_problem'
          ? (s.problems ?? []).find((p) => w.key === `follow_up_problem:${p.ref}`)
          : undefined;
      if (problem)
        return {
          start: problem.dispatchedAt,
          override: {
            amount: (problem.deadline - problem.dispatchedAt) / MS_PER_HOUR,
            unit: 'calendar_hours',
          },
          assignee: problem.ownerId,
        };
      if (w.type === 'follow_up_call' && s.call === null)
        return { override: policy.followUp.retryAfter };
      return { override: settings.reviewWithin };
    },
    records: followUpRecords,
    done: (s) => s.status === 'closed',
    doneReason: 'follow-up closed',
    view: followUpView,
    snapshot: (s, board, version) => followUpSnapshot(input, s, board, version),
  };
}
