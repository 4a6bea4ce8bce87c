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
import { isPatched } from '../shared/patches';
import { parsedTaskCommand } from '../shared/task-command';
import { returnOutcome, returnSnapshot, returnView } from './return.projection';
import { returnRecords } from './return.records';

/**
 * Since this patch a complaint-origin return opens with sales' slip task (R02); histories
 * recorded before it issued the slip at the start (workflows/test/replay).
 */
const RETURN_SLIP_BY_SALES = 'return-slip-by-sales';
const SYSTEM = { userId: 'system' } as const;

/**
 * A return / exchange case of a customer's own request (DOMAIN.md §2, 001 篇3, 002 ch.11), or a
 * return / exchange / rework case started from a complaint decision (the complaint-origin path
 * of 001 §29): the return slip is approved by the sales VP, the warehouse
 * receives and checks the goods while finance holds the reconciliation task (its clock waits for
 * the goods), finance reconciles approved vs returned quantity — a mismatch goes back to sales
 * with the difference — and a match books the voucher, then the refund (or the reshipment).
 * The state is the domain's ReturnState, built only by decideReturn/evolveReturn.
 */
export async function returnCase(input: ReturnWorkflowInput): Promise<ReturnOutcome> {
  const r = new CaseRuntime('return', caseSetupOf(input, input.openedAt), (scope) =>
    returnDefinition(input, scope),
  );
  if (input.standalone) {
    // 1. A customer's own request (001 篇3 退货流程 1–2): the rules are evaluated as it is
    // recorded; the supervisor answers the problem first (R10), then confirms or refuses it;
    // the goods come back (an on-site return's slip is signed first, R25), are checked and
    // reconciled; finance refunds or the exchange is reshipped; a price difference or shipping
    // claim is settled by finance alone.
    const { request, eligibility, priceDifference, shippingClaim } = input.standalone;
    await r.open(
      {
        type: 'RequestReturn',
        actor: actorOf(input.openedBy),
        caseNumber: input.caseNumber,
        request,
        ...(eligibility ? { eligibility } : {}),
        ...(priceDifference ? { priceDifference } : {}),
        ...(shippingClaim ? { shippingClaim } : {}),
      },
      new Date(input.openedAt),
    );
    return returnOutcome(await r.run());
  }
  const { parentCaseNumber, approvedQuantity } = input;
  if (parentCaseNumber === null || approvedQuantity === null) {
    throw ApplicationFailure.create({
      type: 'COMMAND_INVALID',
      message: 'A return case needs its parent complaint and the approved quantity, or a request',
      nonRetryable: true,
    });
  }
  if (isPatched(RETURN_SLIP_BY_SALES)) {
    // 3. From a complaint (R02 001 §29.1(2)): the case opens with the decision's method and
    // approved quantity, and sales fills in the return slip (reason, handling method, basis)
    // as a task; the slip then goes to the sales VP.
    await r.open(
      {
        type: 'RequestReturnSlip',
        actor: SYSTEM,
        caseNumber: input.caseNumber,
        parentCaseNumber,
        method: input.method,
        approvedQuantity,
      },
      new Date(input.openedAt),
    );
    return returnOutcome(await r.run());
  }
  // Before the patch: the slip was issued at once in the complaint reporter's name.
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
  const standalone = input.standalone;
  return {
    caseType: 'return',
    storeId: input.storeId,
    // A customer's own return closes with its follow-up call (DOMAIN.md §5); a complaint's
    // return is followed up with the complaint.
    ...(standalone
      ? {
          followUpSubject: () => ({
            parentCaseType: 'return' as const,
            customer: { name: input.customerName, phone: standalone.customerPhone },
          }),
        }
      : {}),
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
