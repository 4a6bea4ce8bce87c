import { shared } from './shared';

/** Stops everything the global setups started, newest first; leaves nothing running. */
export default async function globalTeardown(): Promise<void> {
  const s = shared();
  const fns = s.teardown.splice(0).reverse();
  s.postgres = undefined;
  for (const fn of fns) {
    try {
      await fn();
    } catch (e) {
      process.stderr.write(`teardown: ${(e as Error).message}\n`);
    }
  }
}
