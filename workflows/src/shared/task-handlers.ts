import { setHandler } from '@temporalio/workflow';
import { claimTaskUpdate, delegateTaskUpdate, unclaimTaskUpdate } from '@aso/contracts';
import type { CaseType } from '@aso/domain';
import type { CaseClock } from './clock';
import type { Recorder } from './recorder';
import type { TaskBoard } from './task-board';

/**
 * claimTask / unclaimTask / delegateTask, the same for every case type. Validators refuse before
 * anything reaches history; handlers await their writes so the API sees the effect when the
 * update returns.
 */
export function registerTaskHandlers<T extends CaseType>(
  board: TaskBoard<T>,
  recorder: Recorder,
  onChange: () => void,
  clock: CaseClock,
): void {
  setHandler(
    claimTaskUpdate,
    async ({ taskId, actor }) => {
      const now = await clock.now(`task:${taskId} claim`);
      board.assertMayClaim(board.get(taskId), actor);
      const task = board.claim(taskId, actor, now);
      onChange();
      await recorder.flush();
      return { ...task };
    },
    { validator: ({ taskId, actor }) => board.assertMayClaim(board.get(taskId), actor) },
  );
  setHandler(
    unclaimTaskUpdate,
    async ({ taskId, actor }) => {
      const now = await clock.now(`task:${taskId} unclaim`);
      board.assertMayReassign(board.get(taskId), actor, 'unclaim');
      const task = board.unclaim(taskId, actor, now);
      onChange();
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
    async ({ taskId, actor, to }) => {
      const now = await clock.now(`task:${taskId} delegate`);
      const current = board.get(taskId);
      board.assertMayReassign(current, actor, 'delegate');
      board.assertMayDelegateTo(current, to);
      const task = board.delegate(taskId, actor, to, now);
      onChange();
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
}
