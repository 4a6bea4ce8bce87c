import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  caseStateQuery,
  COMPLAINT_WORKFLOW_TYPE,
  completeTaskUpdate,
  type Actor,
  type ComplaintInput,
} from '@aso/contracts';
import { workflowBundleOptions } from '@aso/temporal';
import { createTimeSkippingEnv } from '../../tools/provision/temporal-server';
import { recordingActivities } from './support/recording-activities';

const TASK_QUEUE = 'complaint-workflow-test';
const csStaff: Actor = { userId: 'cs-01', department: 'cs', role: 'staff' };

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
const recorded = recordingActivities();

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    ...workflowBundleOptions(),
    activities: recorded.activities,
  });
  running = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

async function openComplaint() {
  const caseNumber = `KS202611-${String(Math.floor(Math.random() * 9000) + 1000)}${randomUUID().slice(0, 4)}`;
  const openedAt = new Date(await env.currentTimeMs()).toISOString();
  const input: ComplaintInput = {
    organisationId: 'test-org',
    caseNumber,
    openedAt,
    openedBy: 'sales-01',
    customer: { name: '王先生' },
    orderNumber: 'SO-1',
    defectDescription: '屏幕闪烁',
    quantity: 2,
  };
  const handle = await env.client.workflow.start(COMPLAINT_WORKFLOW_TYPE, {
    workflowId: caseNumber,
    taskQueue: TASK_QUEUE,
    args: [input],
  });
  return { handle, input };
}

async function rejectionOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}

describe('complaint workflow (time-skipping test server)', () => {
  test('001 §25.1 + 000 §三.6: intake opens a CS registration task due 24 h after the report', async () => {
    const { handle, input } = await openComplaint();
    const state = await handle.query(caseStateQuery);
    expect(state.stage).toBe('registration');
    expect(state.tasks).toHaveLength(1);
    const [task] = state.tasks;
    expect(task).toMatchObject({
      type: 'cs_registration',
      candidateDepartment: 'cs',
      status: 'open',
    });
    expect(new Date(task!.dueAt).getTime() - new Date(input.openedAt).getTime()).toBe(
      24 * 3_600_000,
    );
  });

  test('time skipping: 6 days pass on the server in a moment, and the missed 24 h deadline marks the task overdue', async () => {
    const { handle } = await openComplaint();
    const serverBefore = await env.currentTimeMs();
    const wallBefore = Date.now();
    await env.sleep('6 days');
    const wallMs = Date.now() - wallBefore;
    const serverMs = (await env.currentTimeMs()) - serverBefore;
    process.stdout.write(`time skipping: 6 days of server time took ${wallMs} ms of wall time\n`);
    expect(serverMs).toBeGreaterThanOrEqual(6 * 24 * 3_600_000);
    // Six real days could never pass inside a test run: this only holds if time was skipped.
    expect(wallMs).toBeLessThan(60_000);
    const state = await handle.query(caseStateQuery);
    expect(state.tasks[0]).toMatchObject({
      type: 'cs_registration',
      status: 'open',
      overdue: true,
    });
  });

  test('001 §26.1 + §23: CS registration records classification and acceptance, then R&D investigates', async () => {
    const { handle } = await openComplaint();
    const [task] = (await handle.query(caseStateQuery)).tasks;
    const result = await handle.executeUpdate(completeTaskUpdate, {
      args: [
        {
          taskId: task!.taskId,
          actor: csStaff,
          payload: { classification: 'quality', severity: 'general' },
        },
      ],
    });
    expect(result).toMatchObject({ taskId: task!.taskId, status: 'completed' });
    const state = await handle.query(caseStateQuery);
    expect(state).toMatchObject({
      stage: 'investigation',
      classification: 'quality',
      severity: 'general',
    });
    expect(state.acceptedAt).not.toBeNull();
    expect(state.tasks.map((t) => [t.type, t.candidateDepartment, t.status])).toEqual([
      ['cs_registration', 'cs', 'completed'],
      ['rnd_investigation', 'rnd', 'open'],
    ]);
  });

  test('a task of another department is refused by the update validator, before anything reaches history', async () => {
    const { handle } = await openComplaint();
    const [task] = (await handle.query(caseStateQuery)).tasks;
    const failure = await rejectionOf(
      handle.executeUpdate(completeTaskUpdate, {
        args: [
          {
            taskId: task!.taskId,
            actor: { userId: 'rnd-01', department: 'rnd', role: 'staff' },
            payload: {},
          },
        ],
      }),
    );
    expect(failure.type).toBe('WRONG_DEPARTMENT');
    const history = await handle.fetchHistory();
    const accepted = (history.events ?? []).filter(
      (e) => e.workflowExecutionUpdateAcceptedEventAttributes,
    );
    expect(accepted).toHaveLength(0);
    expect((await handle.query(caseStateQuery)).tasks[0]?.status).toBe('open');
  });

  test('an invalid registration payload is refused with every bad field named', async () => {
    const { handle } = await openComplaint();
    const [task] = (await handle.query(caseStateQuery)).tasks;
    const failure = await rejectionOf(
      handle.executeUpdate(completeTaskUpdate, {
        args: [{ taskId: task!.taskId, actor: csStaff, payload: { classification: 'weather' } }],
      }),
    );
    expect(failure.type).toBe('VALIDATION_FAILED');
    const paths = (failure.details?.[0] as { issues: Array<{ path: string }> }).issues.map(
      (i) => i.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['payload.classification', 'payload.severity']));
  });

  test('completing a task twice is refused: TASK_NOT_OPEN', async () => {
    const { handle } = await openComplaint();
    const [task] = (await handle.query(caseStateQuery)).tasks;
    const complete = () =>
      handle.executeUpdate(completeTaskUpdate, {
        args: [
          {
            taskId: task!.taskId,
            actor: csStaff,
            payload: { classification: 'non_quality', severity: 'general' },
          },
        ],
      });
    await complete();
    expect((await rejectionOf(complete())).type).toBe('TASK_NOT_OPEN');
  });
});
