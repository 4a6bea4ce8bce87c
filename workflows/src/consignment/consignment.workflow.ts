import { continueAsNew } from '@temporalio/workflow';
import {
  CONSIGNMENT_OPEN_ENDED_COMMANDS,
  type ConsignmentOutcome,
  type ConsignmentWorkflowInput,
  parseConsignmentTaskCommand,
} from '@aso/contracts';
import {
  type ConsignmentCommand,
  type ConsignmentEvent,
  type ConsignmentState,
  consignmentWorkItems,
  decideConsignment,
  evolveConsignment,
} from '@aso/domain';
import { actorOf } from '../shared/actor';
import {
  type CaseDefinition,
  type CaseLoop,
  type CaseScope,
  caseSetupOf,
} from '../shared/case-definition';
import { CaseRuntime } from '../shared/case-runtime';
import { parsedTaskCommand } from '../shared/task-command';
import { consignmentOutcome, consignmentSnapshot, consignmentView } from './consignment.projection';
import { consignmentRecords } from './consignment.records';

type Runtime = CaseRuntime<'consignment', ConsignmentState, ConsignmentEvent, ConsignmentCommand>;

const SYSTEM = { userId: 'system' } as const;

/**
 * A consignment 代卖·委托代销 (DOMAIN.md §4, 002 ch.12; K01–K04): sales counts the goods and
 * prints the 委托代销清单 with a code per item; an absent customer signs the quantities and the
 * contract (a deadline, reminders every working day); sales records the sales by code on a
 * standing task; at the end of each period (policy: monthly, on the business calendar) the
 * period's report is generated for sales to send and, per the settlement period, a settlement
 * for finance; at the term's end (or on the consignor's request) the warehouse takes the unsold
 * goods back against the list; then it closes.
 *
 * Bounded history: each period's end ends the run and the case continues as new with its state,
 * open tasks, clocks, documents and counters carried (`CaseRuntime.carry`), so one run's
 * history holds one period's sales.
 */
export async function consignmentCase(
  input: ConsignmentWorkflowInput,
): Promise<ConsignmentOutcome> {
  const carried = input.carried;
  const r: Runtime = new CaseRuntime(
    'consignment',
    caseSetupOf(input, carried ? new Date(carried.at).toISOString() : input.openedAt),
    (scope) => consignmentDefinition(input, scope),
  );
  if (carried) await r.resume(carried);
  else
    await r.open(
      {
        type: 'OpenConsignment',
        actor: actorOf(input.openedBy),
        caseNumber: input.caseNumber,
        ...input.open,
      },
      new Date(input.openedAt),
    );
  const loop = new PeriodLoop(r);
  const s = await r.run(loop);
  if (s.status !== 'closed') {
    const { carried: _previous, ...rest } = input;
    void _previous;
    await continueAsNew<typeof consignmentCase>({
      ...rest,
      carried: r.carry((carried?.run ?? 0) + 1),
    });
  }
  return consignmentOutcome(s);
}

/**
 * The case's own wake-ups: the signature reminders (K03) and the period's end (K04). A period's
 * end reports it and ends the run (continue-as-new).
 */
class PeriodLoop implements CaseLoop {
  private ended = false;

  constructor(private readonly r: Runtime) {}

  nextWakeMs(): number | null {
    const s = this.r.current();
    if (s.status === 'awaiting_signature') {
      const next = s.signature.reminders[s.signature.remindersSent];
      return next ?? null;
    }
    return s.status === 'active' ? s.periodTo : null;
  }

  turn(now: Date): undefined {
    const s = this.r.current();
    const t = now.getTime();
    if (s.status === 'awaiting_signature') {
      const due = s.signature.reminders.filter((x) => x <= t).length;
      if (due > s.signature.remindersSent)
        this.r.system({ type: 'SendSignatureReminder', actor: SYSTEM }, now);
    } else if (s.status === 'active' && s.periodTo !== null && t >= s.periodTo) {
      this.r.system({ type: 'ClosePeriod', actor: SYSTEM }, now);
      this.ended = true;
    }
    return undefined;
  }

  ends(): boolean {
    return this.ended && this.r.current().status !== 'closed';
  }
}

function consignmentDefinition(
  input: ConsignmentWorkflowInput,
  { policy, calendar }: CaseScope<'consignment'>,
): CaseDefinition<'consignment', ConsignmentState, ConsignmentEvent, ConsignmentCommand> {
  return {
    caseType: 'consignment',
    storeId: input.storeId,
    decide: (s, command, now) => decideConsignment(s, command, now, policy, calendar),
    evolve: evolveConsignment,
    parseCommand: (req) =>
      parsedTaskCommand(req, parseConsignmentTaskCommand) as ConsignmentCommand,
    workItems: consignmentWorkItems,
    // The standing sales task is due at the period's end, with no clock of its own.
    taskOptions: (item, s) =>
      item.stage === 'sales'
        ? {
            fixedDue: {
              due: s.periodTo === null ? null : new Date(s.periodTo),
              provisional: false,
            },
          }
        : {},
    keepsTaskOpen: (type) => CONSIGNMENT_OPEN_ENDED_COMMANDS.includes(type),
    records: consignmentRecords,
    done: (s) => s.status === 'closed',
    doneReason: 'consignment closed',
    view: consignmentView,
    snapshot: (s, board, version) => consignmentSnapshot(input, s, board, version),
  };
}
