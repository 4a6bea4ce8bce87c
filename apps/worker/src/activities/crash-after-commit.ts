import { existsSync, writeFileSync } from 'node:fs';
import type { CaseChanges } from '@aso/contracts';

/**
 * TEST-ONLY fault injection (issue 8 #6 e2e): `ASO_TEST_CRASH_AFTER_COMMIT=<file>:<audit action>`
 * makes the worker SIGKILL itself right after a recordChanges whose audit events include that
 * action has committed — the workflow task then fails after its write is in the database, as
 * when a worker is killed in production. `<file>` is created first, so it happens once across
 * worker restarts. Unset (always, outside tests): returns undefined and costs nothing.
 */
export function crashAfterCommitHook(
  setting: string | undefined,
): ((changes: CaseChanges) => void) | undefined {
  if (!setting) return undefined;
  const at = setting.lastIndexOf(':');
  const file = setting.slice(0, at);
  const action = setting.slice(at + 1);
  return (changes) => {
    if (existsSync(file) || !changes.audit.some((e) => e.action === action)) return;
    writeFileSync(file, `${changes.snapshot.caseNumber} ${action}\n`);
    process.kill(process.pid, 'SIGKILL');
  };
}
