import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { BASELINE_PATCH } from '@aso/contracts';
import { people } from './support/actors';
import {
  close,
  firstResponse,
  investigate,
  register,
  toExecution,
} from './support/complaint-steps';
import { type Harness, createHarness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('history-shape-workflow-test');
});
afterAll(async () => {
  await h?.teardown();
});

type Event = temporal.api.history.v1.IHistoryEvent;

const patchIds = (events: Event[]): string[] =>
  events
    .filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')
    .map(
      (e) =>
        defaultPayloadConverter.fromPayload<{ id: string }>(
          e.markerRecordedEventAttributes!.details!['patch-data']!.payloads![0]!,
        ).id,
    );

/** the instant each TimerStarted event arms its timer for (event time + start-to-fire) */
const armedFor = (events: Event[]): number[] =>
  events
    .filter((e) => e.timerStartedEventAttributes)
    .map(
      (e) =>
        Number(e.eventTime!.seconds) * 1000 +
        Math.round((e.eventTime!.nanos ?? 0) / 1e6) +
        Number(e.timerStartedEventAttributes!.startToFireTimeout!.seconds) * 1000 +
        Math.round((e.timerStartedEventAttributes!.startToFireTimeout!.nanos ?? 0) / 1e6),
    );

test('issue 14: a new case records one patch marker for the patches of its time (the baseline), not one marker and search-attribute upsert each', async () => {
  const c = await h.startComplaint();
  await firstResponse(c);
  await register(c);
  const events = (await c.handle.fetchHistory()).events ?? [];
  expect(patchIds(events)).toEqual([BASELINE_PATCH]);
  expect(events.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes)).toHaveLength(1);
  // and the patched behaviour is there: the form opens at intake (C39 001 §25.1)
  expect(h.recorded.documentsOf(c.caseNumber, 'complaint_form').length).toBeGreaterThan(0);
});

test('issue 14: a person’s step that leaves the next deadline where it was keeps the armed timer (no TimerCanceled + TimerStarted per step); a step that moves it re-arms, and the kept timer still fires the escalation', async () => {
  const c = await h.startComplaint();
  await firstResponse(c);
  await register(c);
  const task = await c.task('rnd_investigation');
  await c.claim(task.taskId, people.rnd);
  let events = (await c.handle.fetchHistory()).events ?? [];
  const updates = events.filter((e) => e.workflowExecutionUpdateCompletedEventAttributes).length;
  expect(updates).toBe(3);
  const armed = armedFor(events);
  // every timer armed is for another instant than the one before it: none re-armed for nothing
  for (let i = 1; i < armed.length; i++) expect(armed[i]).not.toBe(armed[i - 1]);
  // fewer timers than waits: at least one step kept the timer it found
  expect(armed.length).toBeLessThan(updates + 1);

  // the investigation's deadline passes: the kept timer wakes the case, which escalates (R&D
  // manager first, DOMAIN.md's ladder)
  await h.env.sleep('4 days');
  const escalations = (await c.view()).tasks.filter((t) => t.type === 'escalation');
  expect(escalations.length).toBeGreaterThan(0);
  events = (await c.handle.fetchHistory()).events ?? [];
  expect(events.some((e) => e.timerFiredEventAttributes)).toBe(true);
  await investigate(c);
});

test('issue 14: a closing complaint takes its follow-up’s number and policy by local activities in its closing workflow task (patch follow-up-local-start): no activity task in its history, and the HF case starts with the number history recorded', async () => {
  const c = await h.startComplaint();
  await toExecution(c, 'apology');
  await close(c);
  await c.handle.result();
  const events = (await c.handle.fetchHistory()).events ?? [];
  expect(patchIds(events)).toEqual([BASELINE_PATCH, 'follow-up-local-start']);
  expect(events.filter((e) => e.activityTaskScheduledEventAttributes)).toHaveLength(0);
  const child = events.find(
    (e) => e.startChildWorkflowExecutionInitiatedEventAttributes,
  )?.startChildWorkflowExecutionInitiatedEventAttributes;
  expect(child?.workflowId).toMatch(/^HF202612-\d{4}$/);
  const started = h.recorded
    .auditOf(c.caseNumber)
    .find((a) => a.action === 'case.follow_up_started');
  expect(started?.data.followUpCaseNumber).toBe(child?.workflowId);
  // after the close update is accepted, one workflow task more: the one the child's start wakes
  // (before the patch three: each activity's completion woke one too)
  const lastAccepted = events
    .map((e, at) => (e.workflowExecutionUpdateAcceptedEventAttributes ? at : -1))
    .reduce((a, b) => Math.max(a, b), -1);
  const afterClose = events.slice(lastAccepted + 1);
  expect(afterClose.filter((e) => e.workflowTaskCompletedEventAttributes)).toHaveLength(1);
});
