import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';

/**
 * Recorded histories, kept in git; `npm run replay:record` writes them (replay/record-fixtures.ts).
 * Stored as the protobuf encoding (base64) inside a small JSON envelope: byte-exact, and free of
 * the proto-JSON converter, which does not work inside Jest's module sandbox.
 */
export const FIXTURES = join(__dirname, 'fixtures');
export const NONDETERMINISTIC = join(FIXTURES, 'nondeterministic');

export interface Fixture {
  name: string;
  workflowId: string;
  history: temporal.api.history.v1.IHistory;
}

export function loadFixtures(dir: string): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const { workflowId, historyBase64 } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        workflowId: string;
        historyBase64: string;
      };
      const history = temporal.api.history.v1.History.decode(Buffer.from(historyBase64, 'base64'));
      return { name: file, workflowId, history };
    });
}

export function encodeFixture(
  workflowId: string,
  history: temporal.api.history.v1.IHistory,
): string {
  const bytes = temporal.api.history.v1.History.encode(history).finish();
  return `${JSON.stringify({ workflowId, historyBase64: Buffer.from(bytes).toString('base64') }, null, 1)}\n`;
}
