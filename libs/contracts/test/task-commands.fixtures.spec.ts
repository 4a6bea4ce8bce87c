import {
  COMPLAINT_WORKFLOW_TYPE,
  CONSIGNMENT_WORKFLOW_TYPE,
  parseConsignmentTaskCommand,
  FOLLOW_UP_WORKFLOW_TYPE,
  IMPROVEMENT_WORKFLOW_TYPE,
  MONTHLY_REVIEW_WORKFLOW_TYPE,
  parseComplaintTaskCommand,
  parseFollowUpTaskCommand,
  parseImprovementTaskCommand,
  parseRepairTaskCommand,
  parseReturnTaskCommand,
  parseReviewTaskCommand,
  REPAIR_WORKFLOW_TYPE,
  RETURN_WORKFLOW_TYPE,
} from '@aso/contracts';
import { FIXTURES, loadFixtures } from '../../../workflows/test/replay/fixtures';

/**
 * The workflow parses completeTask commands with the contract's parsers: every command a
 * recorded history accepted must still parse, and parse to itself (no transform, nothing
 * dropped), so wiring the parsers in cannot change what a replayed case decides.
 */
const parsers: Record<string, (raw: unknown) => { ok: boolean }> = {
  [COMPLAINT_WORKFLOW_TYPE]: parseComplaintTaskCommand,
  [RETURN_WORKFLOW_TYPE]: parseReturnTaskCommand,
  [REPAIR_WORKFLOW_TYPE]: parseRepairTaskCommand,
  [FOLLOW_UP_WORKFLOW_TYPE]: parseFollowUpTaskCommand,
  [CONSIGNMENT_WORKFLOW_TYPE]: parseConsignmentTaskCommand,
  [MONTHLY_REVIEW_WORKFLOW_TYPE]: parseReviewTaskCommand,
  [IMPROVEMENT_WORKFLOW_TYPE]: parseImprovementTaskCommand,
};

const recordedCommands = () =>
  loadFixtures(FIXTURES).flatMap((f) => {
    const events = f.history.events ?? [];
    const workflowType = events[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name;
    return events.flatMap((e) => {
      const input = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input;
      const payload = input?.args?.payloads?.[0]?.data;
      if (input?.name !== 'completeTask' || !payload) return [];
      const { command } = JSON.parse(Buffer.from(payload).toString('utf8')) as {
        command: unknown;
      };
      return [{ fixture: f.name, workflowType: workflowType ?? '?', command }];
    });
  });

describe('task command parsers against the recorded replay histories', () => {
  const recorded = recordedCommands();

  test('the fixtures hold completeTask commands of every case type', () => {
    const types = new Set(recorded.map((r) => r.workflowType));
    expect([...types].sort()).toEqual(
      [
        COMPLAINT_WORKFLOW_TYPE,
        RETURN_WORKFLOW_TYPE,
        REPAIR_WORKFLOW_TYPE,
        FOLLOW_UP_WORKFLOW_TYPE,
        CONSIGNMENT_WORKFLOW_TYPE,
        MONTHLY_REVIEW_WORKFLOW_TYPE,
        IMPROVEMENT_WORKFLOW_TYPE,
      ].sort(),
    );
    expect(recorded.length).toBeGreaterThan(20);
  });

  test('every recorded command parses, to exactly what was recorded', () => {
    const outcomes = recorded.map(({ fixture, workflowType, command }) => {
      const parse = parsers[workflowType];
      return { fixture, command, parsed: parse ? parse(command) : { ok: false } };
    });
    expect(outcomes).toEqual(
      outcomes.map(({ fixture, command }) => ({
        fixture,
        command,
        parsed: { ok: true, command },
      })),
    );
  });
});
