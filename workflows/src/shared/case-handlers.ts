import { setHandler } from '@temporalio/workflow';
import {
  type CaseView,
  type CompleteTaskInput,
  type CompleteTaskResult,
  caseViewQuery,
  claimTaskUpdate,
  completeTaskUpdate,
  delegateTaskUpdate,
  unclaimTaskUpdate,
} from '@aso/contracts';
import type { CaseType } from '@aso/domain';
import type { CaseClock } from './clock';
import type { Recorder } from './recorder';
import type { TaskBoard } from './task-board';

/** The part of the runtime the handlers work on. */
interface HandledCase<T extends CaseType> {
  readonly board: TaskBoard<T>;
  readonly recorder: Recorder;
  readonly clock: CaseClock;
  /** a task changed without a domain event: wake the loop */
  touched(): void;
}

/** What completing a task means for this case (the runtime's decide → record → reconcile). */
interface CaseCommands {
  view(): CaseView;
  complete(req: CompleteTaskInput): Promise<CompleteTaskResult>;
  /** throws the refusal the update would meet (the validator: nothing reaches history) */
  prepare(req: CompleteTaskInput, now: Date): void;
}

/**
 * The caseView query and the claimTask / unclaimTask / delegateTask / completeTask updates, the
 * same for every case type. Validators refuse before anything reaches history; handlers take
 * their "now" from the case clock (label `task:<id> <action>`, which tools/chaos/history.ts
 * reads) and await their writes so the API sees the effect when the update returns.
 */
export function registerCaseHandlers<T extends CaseType>(
  c: HandledCase<T>,
  commands: CaseCommands,
): void {
  const { board, recorder, clock } = c;
  setHandler(caseViewQuery, () => commands.view());
  setHandler(
    claimTaskUpdate,
    async ({ taskId, actor, requestedAt }) => {
      const now = await clock.requested(requestedAt, `task:${taskId} claim`);
      board.assertMayClaim(board.get(taskId), actor);
      const task = board.claim(taskId, actor, now);
      c.touched();
      await recorder.flush();
      return { ...task };
    },
    { validator: ({ taskId, actor }) => board.assertMayClaim(board.get(taskId), actor) },
  );
  setHandler(
    unclaimTaskUpdate,
    async ({ taskId, actor, requestedAt }) => {
      const now = await clock.requested(requestedAt, `task:${taskId} unclaim`);
      board.assertMayReassign(board.get(taskId), actor, 'unclaim');
      const task = board.unclaim(taskId, actor, now);
      c.touched();
      await recorder.flush();
      return { ...task };
    },
    {
      validator: ({ taskId, actor }) =>
        board.assertMayReassign(board.get(taskId), actor, 'unclaim'),
    },
  );
  setHandler(
    delegateTaskUpdate,
    async ({ taskId, actor, to, requestedAt }) => {
      const now = await clock.requested(requestedAt, `task:${taskId} delegate`);
      const current = board.get(taskId);
      board.assertMayReassign(current, actor, 'delegate');
      board.assertMayDelegateTo(current, to);
      const task = board.delegate(taskId, actor, to, now);
      c.touched();
      await recorder.flush();
      return { ...task };
    },
    {
      validator: ({ taskId, actor, to }) => {
        const task = board.get(taskId);
        board.assertMayReassign(task, actor, 'delegate');
        board.assertMayDelegateTo(task, to);
      },
    },
  );
  setHandler(completeTaskUpdate, (req) => commands.complete(req), {
    validator: (req) => commands.prepare(req, new Date()),
  });
}
