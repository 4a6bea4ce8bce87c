import type { CaseActivities } from '@aso/contracts';

/**
 * What workflow tests fake: only the read-model writers (PostgreSQL is covered by the
 * integration and e2e tiers). Temporal itself is real: the bundle runs on the test server.
 */
export function recordingActivities() {
  const calls: Array<{ name: keyof CaseActivities; arg: unknown }> = [];
  const activities: CaseActivities = {
    async recordTask(task) {
      calls.push({ name: 'recordTask', arg: task });
    },
    async recordCaseProgress(progress) {
      calls.push({ name: 'recordCaseProgress', arg: progress });
    },
  };
  return { activities, calls };
}
