import { ApplicationFailure } from '@temporalio/workflow';
import {
  parseReturnTaskCommand,
  type ReturnOutcome,
  type ReturnWorkflowInput,
} from '@aso/contracts';
import {
  type ReturnCommand,
  type ReturnEvent,
  type ReturnState,
  decideReturn,
  evolveReturn,
  returnWorkItems,
} from '@aso/domain';
import { actorOf } from '../shared/actor';
import { type CaseDefinition, type CaseScope, caseSetupOf } from '../shared/case-definition';
import { CaseRuntime } from '../shared/case-runtime';
import { parsedTaskCommand } from '../shared/task-command';
import { returnOutcome, returnSnapshot, returnView } from './return.projection';
import { returnRecords } from './return.records';

/**
 * A return / exchange / rework case started from a complaint decision (DOMAIN.md §2, the
 * complaint-origin path of 001 §29): the return slip is approved by the sales VP, the warehouse
 * receives and checks the goods while finance holds the reconciliation task (its clock waits for
 * the goods), finance reconciles approved vs returned quantity — a mismatch goes back to sales
 * with the difference — and a match books the voucher, then the refund (or the reshipment).
 * The state is the domain's ReturnState, built only by decideReturn/evolveReturn.
 */
export async function returnCase(input: ReturnWorkflowInput): Promise<ReturnOutcome> {
  const r = new CaseRuntime('return', caseSetupOf(input, input.openedAt), (scope) =>
    returnDefinition(input, scope),
  );
  const { parentCaseNumber, approvedQuantity } = input;
  if (parentCaseNumber === null || approvedQuantity === null) {
    // A customer's own request needs its SN, account and eligibility facts, which
    // ReturnWorkflowInput does not carry yet: only the complaint-origin path runs here.
    throw ApplicationFailure.create({
      type: 'COMMAND_INVALID',
      message: 'A return case needs its parent complaint and the approved quantity',
      nonRetryable: true,
    });
  }

  // 3. From a complaint: sales issues the return slip (reason, method, basis) for the sales VP.
  await r.open(
    {
      type: 'IssueReturnSlip',
      actor: actorOf(input.openedBy),
      caseNumber: input.caseNumber,
      parentCaseNumber,
      reason: input.reason,
      method: input.method,
      basis: `complaint ${parentCaseNumber} handling decision (001 §29.1)`,
      approvedQuantity,
    },
    new Date(input.openedAt),
  );
  // 4–7. The sales VP approves, the warehouse receives, finance reconciles and refunds (or the
  // goods are reshipped): tasks from the domain's work items, until completed or rejected.
  return returnOutcome(await r.run());
}

function returnDefinition(
  input: ReturnWorkflowInput,
  { policy, calendar }: CaseScope<'return'>,
): CaseDefinition<'return', ReturnState, ReturnEvent, ReturnCommand> {
  return {
    caseType: 'return',
    decide: (s, command, now) => decideReturn(s, command, now, policy, calendar),
    evolve: evolveReturn,
    // The payload parsed by the contract's schemas, with the actor the API vouches for.
    parseCommand: (req) => parsedTaskCommand(req, parseReturnTaskCommand) as ReturnCommand,
    workItems: returnWorkItems,
    records: (e, s) => returnRecords(e, s, input.caseNumber),
    done: (s) => s.status === 'completed' || s.status === 'rejected',
    doneReason: 'case completed',
    view: (s) => returnView(input, s),
    snapshot: (s, board, version) => returnSnapshot(input, s, board, version),
  };
}
