import {
  parseImprovementTaskCommand,
  type ImprovementResult,
  type ImprovementWorkflowInput,
} from '@aso/contracts';
import {
  MS_PER_HOUR,
  decideImprovement,
  evolveImprovement,
  type ImprovementCommand,
  type ImprovementEvent,
  type ImprovementState,
  improvementWorkItems,
} from '@aso/domain';
import { actorOf } from '../shared/actor';
import { type CaseDefinition, type CaseScope, caseSetupOf } from '../shared/case-definition';
import { CaseRuntime } from '../shared/case-runtime';
import type { OpenOptions } from '../shared/task-board';
import { parsedTaskCommand } from '../shared/task-command';
import { improvementResult, improvementSnapshot, improvementView } from './improvement.projection';
import { improvementRecords } from './improvement.records';

/**
 * An improvement measure, F17 003 §四.4 改进措施制定与实施: a CS manager sets it from the
 * follow-up analysis report (GET /reports/follow-up-analysis) with its goal, owner and
 * completion date; the owner's task opens claimed by them, due 18:00 on the last working day
 * on or before the date, escalated when overdue (CS manager, then the VP in charge); the owner
 * records the result; the CS manager checks its effect (跟踪评估) and closes it, or sends it
 * back with a new date. A workflow type of its own on the case runtime: tasks, deadlines,
 * escalations, audit and the read model as every case type has them.
 */
export async function improvementMeasure(
  input: ImprovementWorkflowInput,
): Promise<ImprovementResult> {
  const r = new CaseRuntime('improvement', caseSetupOf(input, input.openedAt), (scope) =>
    improvementDefinition(input, scope),
  );
  await r.open(
    {
      type: 'OpenImprovement',
      actor: actorOf(input.openedBy),
      caseNumber: input.caseNumber,
      source: input.source,
      measure: input.measure,
      goal: input.goal,
      department: input.owner.department,
      ownerId: input.owner.userId,
      dueDate: input.dueDate,
    },
    new Date(input.openedAt),
  );
  return improvementResult(await r.run());
}

function improvementDefinition(
  input: ImprovementWorkflowInput,
  { policy, calendar }: CaseScope<'improvement'>,
): CaseDefinition<'improvement', ImprovementState, ImprovementEvent, ImprovementCommand> {
  return {
    caseType: 'improvement',
    decide: (s, command, now) => decideImprovement(s, command, now, policy, calendar),
    evolve: evolveImprovement,
    parseCommand: (req) =>
      parsedTaskCommand(req, parseImprovementTaskCommand) as ImprovementCommand,
    workItems: improvementWorkItems,
    // the owner's task: claimed by the owner, its clock from the round's start to the
    // completion date (so an overdue measure escalates like any task); CS's check by its stage
    taskOptions: (item, s): OpenOptions => {
      const round = s.rounds[s.rounds.length - 1];
      if (item.stage !== 'measure' || !round) return {};
      return {
        start: round.startedAt,
        override: {
          amount: (round.due - round.startedAt) / MS_PER_HOUR,
          unit: 'calendar_hours',
        },
        assignee: s.ownerId,
      };
    },
    records: improvementRecords,
    done: (s) => s.status === 'closed',
    doneReason: 'improvement measure closed',
    view: improvementView,
    snapshot: (s, board, version) => improvementSnapshot(input, s, board, version),
  };
}
