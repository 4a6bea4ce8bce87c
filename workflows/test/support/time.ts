import { formatLocal, MS_PER_MINUTE } from '@aso/domain';
import type { Harness } from './harness';

/** Move the test server's clock to `at` (it only ever moves forward). */
export async function sleepUntil(h: Harness, at: number | string | Date): Promise<void> {
  const target = new Date(at).getTime();
  const now = await h.env.currentTimeMs();
  if (target > now) await h.env.sleep(target - now);
}

/** An instant as a local wall-clock reading to the minute (tests run a few ms after round instants). */
export const local = (at: number | string | Date | null | undefined): string | null =>
  at === null || at === undefined
    ? null
    : formatLocal(Math.floor(new Date(at).getTime() / MS_PER_MINUTE) * MS_PER_MINUTE);
