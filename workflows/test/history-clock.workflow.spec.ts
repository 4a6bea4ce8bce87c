import { Worker } from '@temporalio/worker';
import { completeTaskUpdate } from '@aso/contracts';
import { CaseHistory, workflowBundleOptions } from '@aso/temporal';
import { people } from './support/actors';
import { firstResponse, investigate, register } from './support/complaint-steps';
import { type Harness, createHarness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('history-clock-workflow-test');
});
afterAll(async () => {
  await h?.teardown();
});

test('issue 8 #6: every time a case stores is a "now" its history records (stampTime markers), not the workflow task clock', async () => {
  const c = await h.startComplaint();
  await firstResponse(c);
  await h.env.sleep('3 days'); // the registration deadline passes: escalations are timer-driven
  await register(c);
  const task = await c.task('rnd_investigation');
  await c.claim(task.taskId, people.rnd);
  await investigate(c);

  const stamps = await new CaseHistory(h.env.client).stamps(c.caseNumber);
  const labels = stamps.map((s) => s.label);
  expect(labels).toContain('deadlines');
  expect(labels).toContain(`task:${task.taskId} claim`);
  expect(labels).toContain(`task:${task.taskId} complete`);

  const recorded = new Set(stamps.map((s) => s.at));
  const reportedAt = (await c.view()).state.reportedAt;
  const audit = h.recorded.auditOf(c.caseNumber);
  expect(audit.length).toBeGreaterThan(5);
  const unrecorded = audit
    .map((a) => ({ key: a.key, action: a.action, at: Date.parse(a.occurredAt) }))
    .filter((a) => !recorded.has(a.at) && a.at !== reportedAt);
  expect(unrecorded).toEqual([]);
  // the investigation's completion is stored at the time its handler stamped
  const completedAt = stamps.find((s) => s.label === `task:${task.taskId} complete`)?.at;
  const row = (await c.view()).tasks.find((t) => t.taskId === task.taskId);
  expect(row?.completedAt && Date.parse(row.completedAt)).toBe(completedAt);
});

test('issue 8 #6: an update delivered in the first workflow task (no worker yet) sees the intake’s first task, not an empty board', async () => {
  const taskQueue = 'history-clock-late-worker';
  const c = await h.startComplaint({ taskQueue });
  const { handle, caseNumber } = c;
  // sent before any worker polls the queue: the update travels in the first workflow task
  const update = handle.executeUpdate(completeTaskUpdate, {
    args: [
      {
        taskId: `${caseNumber}-T1`,
        actor: people.sales,
        command: {
          type: 'RecordFirstResponse',
          channel: 'phone',
          summary: 'called the customer',
        } as { type: string },
      },
    ],
  });
  await new Promise((r) => setTimeout(r, 500));
  const worker = await Worker.create({
    connection: h.env.nativeConnection,
    taskQueue,
    ...workflowBundleOptions(),
    activities: h.recorded.activities,
  });
  const result = await worker.runUntil(update);
  expect(result).toMatchObject({ taskId: `${caseNumber}-T1` });
});

test('issue 14 #2: a person’s step takes its "now" from the request time the update carries (no stampTime for it), never earlier than the last recorded now', async () => {
  const c = await h.startComplaint();
  const firstResponseTask = `${c.caseNumber}-T1`;
  const at = new Date((await h.env.currentTimeMs()) + 1_234);
  await c.handle.executeUpdate(completeTaskUpdate, {
    args: [
      {
        taskId: firstResponseTask,
        actor: people.sales,
        command: {
          type: 'RecordFirstResponse',
          channel: 'phone',
          summary: 'called the customer',
        } as { type: string },
        requestedAt: at.toISOString(),
      },
    ],
  });
  const labels = (await new CaseHistory(h.env.client).stamps(c.caseNumber)).map((s) => s.label);
  expect(labels).not.toContain(`task:${firstResponseTask} complete`);
  const done = (await c.view()).tasks.find((t) => t.taskId === firstResponseTask);
  expect(done?.completedAt).toBe(at.toISOString());
  expect(h.recorded.auditOf(c.caseNumber).some((a) => a.occurredAt === at.toISOString())).toBe(
    true,
  );

  // a request stamped a minute before the case's last recorded now (a skewed API clock) is
  // stored at that last now: the trail's times only move forward
  const registration = await c.task('cs_registration');
  await c.handle.executeUpdate(completeTaskUpdate, {
    args: [
      {
        taskId: registration.taskId,
        actor: people.cs,
        command: { type: 'RegisterComplaint', cause: 'product_quality', severity: 'general' } as {
          type: string;
        },
        requestedAt: new Date(at.getTime() - 60_000).toISOString(),
      },
    ],
  });
  const registered = (await c.view()).tasks.find((t) => t.taskId === registration.taskId);
  expect(registered?.completedAt).toBe(at.toISOString());
});
