import type { WorkflowHandle } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, type Duration } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  type CaseActor,
  type CaseView,
  COMPLAINT_WORKFLOW_TYPE,
  type ComplaintOutcome,
  type ComplaintTaskCommand,
  type ComplaintWorkflowInput,
  type CompleteTaskResult,
  type TaskView,
  caseViewQuery,
  claimTaskUpdate,
  completeTaskUpdate,
  delegateTaskUpdate,
  unclaimTaskUpdate,
} from '@aso/contracts';
import {
  type ComplaintState,
  type HolidayTables,
  type PolicyDocument,
  type ReturnState,
  caseNumberAt,
  defaultPolicy,
} from '@aso/domain';
import { workflowBundleOptions } from '@aso/temporal';
import { createTimeSkippingEnv } from '../../../tools/provision/temporal-server';
import { people } from './actors';
import { type RecordingActivities, recordingActivities } from './recording-activities';

/**
 * One time-skipping test server and one worker (one workflow bundle) per test file; the
 * activities are the in-memory recorders of recording-activities.ts.
 */
export interface Harness {
  env: TestWorkflowEnvironment;
  /** the worker's task queue (for workflows a support file starts itself) */
  taskQueue: string;
  recorded: RecordingActivities;
  startComplaint(options?: StartOptions): Promise<CaseDriver<ComplaintState>>;
  driver<S>(caseNumber: string): CaseDriver<S>;
  now(): Promise<Date>;
  teardown(): Promise<void>;
}

export interface StartOptions {
  policy?: PolicyDocument;
  holidayTables?: HolidayTables;
  reportedAt?: Date;
  quantity?: number;
  /** the customer's name (e.g. poison text the database refuses) */
  customerName?: string;
  /** the intake channel (default phone; `store` for Decision 3's 48 h result) */
  channel?: 'phone' | 'email' | 'online' | 'store';
  /** who opens it (default sales; Decision 1: anyone who works may) */
  reportedBy?: CaseActor;
  /** another task queue than the harness worker's (a test that brings its own worker later) */
  taskQueue?: string;
  /** the workflow task timeout (a long local activity heartbeats the task at 80 % of it) */
  workflowTaskTimeout?: Duration;
}

export interface HarnessOptions {
  /** the worker's activities built on the recorders (e.g. our own stampTime, delayed) */
  activities?: (recorded: RecordingActivities['activities']) => RecordingActivities['activities'];
}

export async function createHarness(
  taskQueue: string,
  options: HarnessOptions = {},
): Promise<Harness> {
  const env = await createTimeSkippingEnv();
  const recorded = recordingActivities();
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    ...workflowBundleOptions(),
    activities: options.activities?.(recorded.activities) ?? recorded.activities,
  });
  const running = worker.run();
  let seq = 0;
  const driver = <S>(caseNumber: string) =>
    new CaseDriver<S>(env.client.workflow.getHandle(caseNumber), caseNumber);
  return {
    env,
    taskQueue,
    recorded,
    driver,
    now: async () => new Date(await env.currentTimeMs()),
    async startComplaint(options = {}) {
      const reportedAt = options.reportedAt ?? new Date(await env.currentTimeMs());
      const caseNumber = caseNumberAt('KS', reportedAt, ++seq);
      const input: ComplaintWorkflowInput = {
        organisationId: 'org-test',
        storeId: null,
        caseNumber,
        reportedAt: reportedAt.toISOString(),
        reportedBy: options.reportedBy ?? people.sales,
        customer: { name: options.customerName ?? '王先生', phone: '13800138000' },
        intake: {
          customerName: options.customerName ?? '王先生',
          orderNumber: 'SO-1001',
          batchNumber: 'B2611',
          shipDate: '2026-11-01',
          defectiveQuantity: options.quantity ?? 3,
          demand: 'replace or refund',
          reasons: 'recorder does not power on',
          channel: options.channel ?? 'phone',
          attachments: ['photo-1.jpg'],
          salesOpinion: 'plausible, batch B2611',
        },
        policy: options.policy ?? defaultPolicy,
        ...(options.holidayTables ? { holidayTables: options.holidayTables } : {}),
      };
      await env.client.workflow.start(COMPLAINT_WORKFLOW_TYPE, {
        workflowId: caseNumber,
        taskQueue: options.taskQueue ?? taskQueue,
        ...(options.workflowTaskTimeout
          ? { workflowTaskTimeout: options.workflowTaskTimeout }
          : {}),
        args: [input],
      });
      return driver<ComplaintState>(caseNumber);
    },
    async teardown() {
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
}

export class CaseDriver<S> {
  constructor(
    readonly handle: WorkflowHandle,
    readonly caseNumber: string,
  ) {}

  view(): Promise<CaseView<S>> {
    return this.handle.query(caseViewQuery) as Promise<CaseView<S>>;
  }

  async tasks(type?: string): Promise<TaskView[]> {
    return (await this.view()).tasks.filter((t) => type === undefined || t.type === type);
  }

  /** the one open task of a type (fails the test when there is none) */
  async task(type: string): Promise<TaskView> {
    const openOf = async () =>
      (await this.tasks(type)).filter((t) => t.status === 'open' || t.status === 'claimed');
    let open = await openOf();
    // A query can be answered while the case's first change still waits for its clock stamp
    // (the state is there, its tasks not yet): a case that has just started settles briefly.
    for (let i = 0; i < 20 && open.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      open = await openOf();
    }
    if (open.length !== 1)
      throw new Error(
        `expected one open ${type} task on ${this.caseNumber}, found ${open.length}: ${JSON.stringify((await this.view()).tasks.map((t) => [t.type, t.status]))}`,
      );
    return open[0] as TaskView;
  }

  async complete(
    type: string,
    actor: CaseActor,
    command: ComplaintTaskCommand | { type: string; [k: string]: unknown },
    comment?: string,
  ): Promise<CompleteTaskResult> {
    const task = await this.task(type);
    return this.handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: task.taskId, actor, command, ...(comment ? { comment } : {}) }],
    });
  }

  claim(taskId: string, actor: CaseActor): Promise<TaskView> {
    return this.handle.executeUpdate(claimTaskUpdate, { args: [{ taskId, actor }] });
  }

  unclaim(taskId: string, actor: CaseActor): Promise<TaskView> {
    return this.handle.executeUpdate(unclaimTaskUpdate, { args: [{ taskId, actor }] });
  }

  delegate(taskId: string, actor: CaseActor, to: CaseActor): Promise<TaskView> {
    return this.handle.executeUpdate(delegateTaskUpdate, {
      args: [
        {
          taskId,
          actor,
          to: {
            userId: to.userId,
            department: to.department,
            roles: to.roles,
            ...(to.qualifications ? { qualifications: to.qualifications } : {}),
          },
        },
      ],
    });
  }

  result(): Promise<ComplaintOutcome> {
    return this.handle.result() as Promise<ComplaintOutcome>;
  }

  /** how many updates the workflow accepted (a refused one never reaches history) */
  async acceptedUpdates(): Promise<number> {
    const history = await this.handle.fetchHistory();
    return (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)
      .length;
  }
}

export type ComplaintDriver = CaseDriver<ComplaintState>;
export type ReturnDriver = CaseDriver<ReturnState>;

/** The coded refusal of an update (its ApplicationFailure), failing the test if it succeeded. */
export async function refusalOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}
