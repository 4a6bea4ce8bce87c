import { formatLocal, MS_PER_MINUTE } from '@aso/domain';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Harness } from './harness';

/** Move the test server's clock to `at` (it only ever moves forward). */
export async function sleepUntil(h: Harness, at: number | string | Date): Promise<void> {
  await sleepEnvUntil(h.env, at);
}

/**
 * The same for a test file's own environment. A target already past is an error, not a no-op: a
 * test meant to run on that date would run later, on another weekday or after a deadline, and
 * pass or fail by accident (the servers start at TEST_SERVER_START, before the dates we use).
 */
export async function sleepEnvUntil(
  env: Pick<TestWorkflowEnvironment, 'currentTimeMs' | 'sleep'>,
  at: number | string | Date,
): Promise<void> {
  const target = new Date(at).getTime();
  const now = await env.currentTimeMs();
  if (target < now)
    throw new Error(
      `sleepUntil(${new Date(target).toISOString()}): the test server's clock is already at ${new Date(now).toISOString()}`,
    );
  if (target > now) await env.sleep(target - now);
}

/** An instant as a local wall-clock reading to the minute (tests run a few ms after round instants). */
export const local = (at: number | string | Date | null | undefined): string | null =>
  at === null || at === undefined
    ? null
    : formatLocal(Math.floor(new Date(at).getTime() / MS_PER_MINUTE) * MS_PER_MINUTE);
