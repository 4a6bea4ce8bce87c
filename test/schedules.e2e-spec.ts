import { Client as TemporalClient, type Connection } from '@temporalio/client';
import { Client } from 'pg';
import { seedDemo } from '../tools/seed-demo';
import { E2E_PASSWORD } from './support/http';
import { E2E_SCHEDULE_TASK_QUEUE, eventually, startWorker } from './support/stack';
import { connectTestTemporal } from './support/temporal';

/**
 * issue 13 Monthly review 1: the organisations' Temporal Schedules are created idempotently at
 * worker start (apps/worker SchedulesService over libs/temporal schedules.ts), on the real
 * Temporal dev server (`temporal server start-dev`, started by the e2e tier's setup) and real
 * PostgreSQL: a worker started twice leaves one monthly-review schedule per organisation, with
 * the spec of 001 §28 / Decision 6 — the 1st of every month, 00:05 Asia/Shanghai.
 */
const TASK_QUEUE = `e2e-schedules-${process.pid}`;
const ORG = `e2e-schedules-${process.pid}`;
let db: Client;
let connection: Connection;
let closeTemporal: (() => Promise<void>) | undefined;
let temporal: TemporalClient;

beforeAll(async () => {
  await seedDemo(process.env.ASO_E2E_DATABASE_URL as string, {
    organisationId: ORG,
    password: E2E_PASSWORD,
  });
  db = new Client({ connectionString: process.env.ASO_E2E_DATABASE_URL });
  await db.connect();
  ({ connection, close: closeTemporal } = await connectTestTemporal());
  temporal = new TemporalClient({
    connection,
    namespace: process.env.ASO_E2E_TEMPORAL_NAMESPACE ?? 'default',
  });
});

afterAll(async () => {
  await closeTemporal?.();
  await db?.end();
});

/** The ids of the monthly-review schedules on the server (listing is eventually consistent). */
async function reviewScheduleIds(): Promise<string[]> {
  const ids: string[] = [];
  for await (const s of temporal.schedule.list()) {
    if (s.scheduleId.startsWith('monthly-review:')) ids.push(s.scheduleId);
  }
  return ids.sort();
}

/** Starts a worker, waits for its "schedules:" log line naming ORG's schedule, stops it. */
async function workerStart(taskQueue = TASK_QUEUE): Promise<string> {
  const worker = await startWorker(taskQueue);
  try {
    return await eventually(async () => {
      const line = worker
        .output()
        .split('\n')
        .find((l) => l.includes('schedules:') && l.includes(`monthly-review:${ORG}`));
      return line;
    }, 60_000);
  } finally {
    await worker.stop();
  }
}

describe('the organisations’ schedules on the Temporal dev server (libs/temporal schedules.ts)', () => {
  test('M01 001 §28.1 M05 000 §六.2 F07 004 五.(二): worker start twice → one monthly-review and one follow-up-plan schedule per organisation, fired on the 1st (the monthly appraisal in the first ten days of the next month) at 00:05 Asia/Shanghai', async () => {
    const first = await workerStart();
    // another suite's worker may have written it first (every worker ensures every organisation's)
    expect(first).toMatch(new RegExp(`monthly-review:${ORG} (created|updated|unchanged)`));
    const second = await workerStart();
    // the second start finds it with the same definition: no second schedule, no write
    expect(second).toContain(`monthly-review:${ORG} unchanged`);
    expect(second).toContain(`follow-up-plan:${ORG} unchanged`);

    const { rows } = await db.query<{ id: string }>('SELECT id FROM organisations ORDER BY id');
    const expected = rows.map((r) => `monthly-review:${r.id}`).sort();
    const listed = await eventually(async () => {
      const ids = await reviewScheduleIds();
      return expected.every((id) => ids.includes(id)) ? ids : undefined;
    }, 60_000);
    // one per organisation, each once
    expect(listed.filter((id) => expected.includes(id))).toEqual(expected);
    expect(new Set(listed).size).toBe(listed.length);

    const described = await temporal.schedule.getHandle(`monthly-review:${ORG}`).describe();
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    expect(described.spec.calendars).toEqual([
      expect.objectContaining({
        dayOfMonth: [{ start: 1, end: 1, step: 1 }],
        hour: [{ start: 0, end: 0, step: 1 }],
        minute: [{ start: 5, end: 5, step: 1 }],
        month: [{ start: 'JANUARY', end: 'DECEMBER', step: 1 }],
      }),
    ]);
    expect(described.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'monthlyReviewStart',
      args: [{ organisationId: ORG }],
    });
    expect(described.policies).toMatchObject({ overlap: 'SKIP' });
    expect(described.state.paused).toBe(false);
    // F01 F06 F07 (004 三.(一)): the follow-up plans run daily at 08:30 Shanghai; the run itself
    // keeps to the business calendar (holidays off, make-up working days on)
    const plans = await temporal.schedule.getHandle(`follow-up-plan:${ORG}`).describe();
    expect(plans.spec.timezone).toBe('Asia/Shanghai');
    expect(plans.spec.calendars).toEqual([
      expect.objectContaining({
        hour: [{ start: 8, end: 8, step: 1 }],
        minute: [{ start: 30, end: 30, step: 1 }],
        dayOfMonth: [{ start: 1, end: 31, step: 1 }],
      }),
    ]);
    expect(plans.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'followUpPlanRun',
      args: [{ organisationId: ORG }],
    });
    const planFire = new Date(plans.info.nextActionTimes[0]!.getTime() + 8 * 3_600_000);
    expect(planFire.toISOString().slice(11, 16)).toBe('08:30');

    // the next fires: the 1st of each month, 00:05 in Shanghai (16:05 UTC the day before)
    const next = described.info.nextActionTimes.slice(0, 2).map((d) => d.toISOString());
    expect(next).toHaveLength(2);
    for (const t of next) {
      const local = new Date(Date.parse(t) + 8 * 3_600_000).toISOString();
      expect(local.slice(8, 16)).toBe('01T00:05');
    }
  });

  test('the schedules converge whichever worker starts last: workers on task queues of their own, started together, leave every schedule on the deployment’s schedule queue', async () => {
    // two workers with different queues (as suites running in parallel, or a second
    // deployment's worker) start at once; before the fix the last one took the schedules along
    const [a, b] = await Promise.all([
      workerStart(`${TASK_QUEUE}-a`),
      workerStart(`${TASK_QUEUE}-b`),
    ]);
    for (const line of [a, b]) expect(line).toMatch(new RegExp(`monthly-review:${ORG} \\w+`));
    for (const id of [`monthly-review:${ORG}`, `follow-up-plan:${ORG}`]) {
      const d = await temporal.schedule.getHandle(id).describe();
      expect({ id, taskQueue: d.action.taskQueue }).toEqual({
        id,
        taskQueue: E2E_SCHEDULE_TASK_QUEUE,
      });
    }
    // and a later start, on yet another queue, changes nothing
    const later = await workerStart(`${TASK_QUEUE}-c`);
    expect(later).toContain(`monthly-review:${ORG} unchanged`);
    expect(later).toContain(`follow-up-plan:${ORG} unchanged`);
  });
});
