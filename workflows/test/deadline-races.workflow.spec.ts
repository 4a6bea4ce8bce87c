import { defaultPayloadConverter } from '@temporalio/common';
import { BASELINE_PATCH, type CaseActor, completeTaskUpdate, type TaskView } from '@aso/contracts';
import { people } from './support/actors';
import { type ComplaintDriver, createHarness, type Harness } from './support/harness';
import { patchesOf } from './support/history-result';
import { sleepUntil } from './support/time';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** a 2 s workflow task timeout: core heartbeats a task whose local activity runs past 1.6 s */
const WFT_TIMEOUT = '2s';
/** how long the deadline's stamp is held (real time): past two heartbeats of the task */
const STAMP_DELAY_MS = 4_000;

/**
 * The loop's next `stampTime` for its deadlines (label 'deadlines') taken at or after `from`
 * waits STAMP_DELAY_MS before our own stamp answers: the case's now stays pending that long.
 */
let held: { from: number; started: () => void } | null = null;

let h: Harness;
beforeAll(async () => {
  h = await createHarness('deadline-races-test', {
    activities: (recorded) => ({
      ...recorded,
      async stampTime(stamp) {
        const hold = held;
        if (hold && stamp.label === 'deadlines' && stamp.at >= hold.from) {
          held = null;
          hold.started();
          await new Promise((r) => setTimeout(r, STAMP_DELAY_MS));
        }
        return recorded.stampTime(stamp);
      },
    }),
  });
});
afterAll(async () => {
  await h?.teardown();
});

/** completeTask as the API sends it: with the request time it stamped (TaskActionInput) */
function answer(c: ComplaintDriver, task: TaskView, actor: CaseActor, requestedAt: number) {
  return c.handle.executeUpdate(completeTaskUpdate, {
    args: [
      {
        taskId: task.taskId,
        actor,
        command: { type: 'RecordFirstResponse', channel: 'phone', summary: 'called back' } as {
          type: string;
        },
        requestedAt: new Date(requestedAt).toISOString(),
      },
    ],
  });
}

/** the first response opened with the case, due the seed's 24 h after the report */
async function firstResponseOf(c: ComplaintDriver): Promise<{ task: TaskView; due: number }> {
  const task = await c.task('first_response');
  const due = Date.parse(task.dueAt as string);
  expect(due - (await c.view()).state.reportedAt).toBe(24 * HOUR);
  return { task, due };
}

/** the task is done, late, and nothing escalates it: no escalation task, no escalation audit */
async function expectDoneWithoutEscalation(c: ComplaintDriver, task: TaskView, at: number) {
  const view = await c.view();
  expect(view.tasks.find((t) => t.taskId === task.taskId)).toMatchObject({
    status: 'completed',
    completedAt: new Date(at).toISOString(),
  });
  expect(view.tasks.filter((t) => t.escalatesTaskId === task.taskId)).toEqual([]);
  // the stage did miss its deadline (answered after it): that mark stays
  expect(view.overdueStages).toContain('firstResponse');
  const audit = h.recorded.auditOf(c.caseNumber);
  const of = (action: string) =>
    audit.filter(
      (a) =>
        a.action === action &&
        (a.data.taskId === task.taskId || a.data.escalatesTaskId === task.taskId),
    );
  expect(of('escalation')).toEqual([]);
  expect(of('task.overdue')).toHaveLength(1);
}

/** history event ids: the update's acceptance and the marker of the deadlines' stamp */
async function orderInHistory(c: ComplaintDriver, from: number) {
  const events = (await c.handle.fetchHistory()).events ?? [];
  const decode = (p: unknown) =>
    p
      ? (defaultPayloadConverter.fromPayload(
          p as Parameters<typeof defaultPayloadConverter.fromPayload>[0],
        ) as Record<string, unknown>)
      : undefined;
  const accepted = events.find((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
  const stamp = events.find((e) => {
    const m = e.markerRecordedEventAttributes;
    if (!m) return false;
    const meta = decode(m.details?.data?.payloads?.[0]);
    const result = decode(m.details?.result?.payloads?.[0]);
    return (
      meta?.activity_type === 'stampTime' &&
      result?.label === 'deadlines' &&
      (result.at as number) >= from
    );
  });
  return { accepted: Number(accepted?.eventId), stamp: Number(stamp?.eventId) };
}

describe('a deadline reached while its task is being completed (C36 001 §24.3(1), DOMAIN.md "Overdue")', () => {
  test('C36 001 §24.3(1): the 24 h first response answered while the case loop, woken by its deadline, still waits for its stampTime opens no escalation for the done task', async () => {
    const c = await h.startComplaint({ workflowTaskTimeout: WFT_TIMEOUT });
    const { task, due } = await firstResponseOf(c);
    const started = new Promise<void>((resolve) => {
      held = { from: due, started: resolve };
    });
    // the timer fires at the due instant; the loop's stamp is then held (real seconds)
    const sleeping = sleepUntil(h, due + MINUTE);
    await started;
    // the salesperson answers now (the API's time, past the deadline): core has kept the workflow
    // task open for the local activity, so the server holds the update until core heartbeats the
    // task (at 80 % of its timeout) and the next task delivers it, while the stamp is pending
    const requestedAt = await h.env.currentTimeMs();
    expect(requestedAt).toBeGreaterThanOrEqual(due);
    await answer(c, task, people.sales, requestedAt);
    await sleeping;

    // the interleaving happened: the update was accepted before the stamp's result was recorded
    const order = await orderInHistory(c, due);
    expect(order.accepted).toBeGreaterThan(0);
    expect(order.stamp).toBeGreaterThan(order.accepted);
    await expectDoneWithoutEscalation(c, task, requestedAt);
    expect(await patchesOf(c.handle)).toContain('deadlines-skip-closed-tasks');
  });

  test('C36 001 §24.3(1): a first response whose request time is past the 24 h deadline but reaches the case before the deadline timer (an API clock a second ahead, or the update and the timer in one activation: core hands over the update first) opens no escalation for the done task', async () => {
    const c = await h.startComplaint();
    const { task, due } = await firstResponseOf(c);
    await sleepUntil(h, due - 1_000);
    await answer(c, task, people.sales, due + 1_000);
    await expectDoneWithoutEscalation(c, task, due + 1_000);
    // and nothing comes of it later: the deadline's instant passes, the task stays unescalated
    await sleepUntil(h, due + MINUTE);
    await expectDoneWithoutEscalation(c, task, due + 1_000);
    expect(await patchesOf(c.handle)).toContain('deadlines-skip-closed-tasks');
  });

  test('the patch marker lands only in a history that hits the case: a first response answered in time leaves none', async () => {
    const c = await h.startComplaint();
    const { task, due } = await firstResponseOf(c);
    await answer(c, task, people.sales, await h.env.currentTimeMs());
    await sleepUntil(h, due + MINUTE);
    const patches = await patchesOf(c.handle);
    expect(patches).toContain(BASELINE_PATCH); // the markers are read (every new case has it)
    expect(patches).not.toContain('deadlines-skip-closed-tasks');
  });
});
