import { DefaultLogger, Runtime } from '@temporalio/worker';

// Tiers with real servers get generous per-test time (CI machines are small), and the Temporal
// worker logs only warnings so test output stays readable.
jest.setTimeout(180_000);
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed in this worker process by an earlier test file.
}
