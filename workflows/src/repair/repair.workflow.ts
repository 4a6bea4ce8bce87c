import {
  parseRepairTaskCommand,
  type RepairOutcome,
  type RepairWorkflowInput,
} from '@aso/contracts';
import {
  decideRepair,
  evolveRepair,
  type RepairCommand,
  type RepairEvent,
  type RepairState,
  type RepairWorkItem,
  repairWorkItems,
} from '@aso/domain';
import { actorOf } from '../shared/actor';
import { type CaseDefinition, type CaseScope, caseSetupOf } from '../shared/case-definition';
import { CaseRuntime } from '../shared/case-runtime';
import type { OpenOptions } from '../shared/task-board';
import { parsedTaskCommand } from '../shared/task-command';
import { repairOutcome, repairSnapshot, repairView } from './repair.projection';
import { repairRecords } from './repair.records';
import { RepairWakeUps } from './repair.wake-ups';

/**
 * The repair / service-dispatch case, DOMAIN.md §3 (001 §6–13, §16; 002 ch.10): CS registers
 * the request and draws the service voucher; the tech department manager dispatches a
 * technician (carried over to first priority at the end of an undispatched working day); the
 * technician visits (out of town only after the manager approved the application), resolves it
 * on the spot or the item goes to the workshop or the external repairer; the voucher collects its
 * signatures and is filed; finance invoices and collects; CS closes and the survey follows. The
 * state is the domain's RepairState, built only by decideRepair/evolveRepair.
 */
export async function repairCase(input: RepairWorkflowInput): Promise<RepairOutcome> {
  const r = new CaseRuntime('repair', caseSetupOf(input, input.openedAt), (scope) =>
    repairDefinition(input, scope),
  );
  // 1. CS takes the request (phone, document, or a complaint decided as repair, 001 §7).
  await r.open(
    {
      type: 'OpenRepair',
      actor: actorOf(input.openedBy),
      caseNumber: input.caseNumber,
      entry: input.entry,
      voucherNumber: input.voucherNumber,
      ...(input.parentCaseNumber !== null ? { parentCaseNumber: input.parentCaseNumber } : {}),
    },
    new Date(input.openedAt),
  );
  // 2–8. Tasks from the domain's work items; the daily carry-over check and the external
  // repairer's reminders are the loop's own durable timers.
  return repairOutcome(await r.run(new RepairWakeUps(r)));
}

function repairDefinition(
  input: RepairWorkflowInput,
  { policy, calendar }: CaseScope<'repair'>,
): CaseDefinition<'repair', RepairState, RepairEvent, RepairCommand> {
  return {
    caseType: 'repair',
    storeId: input.storeId,
    // 001 §16: the service request is logged so the survey can follow (the register's customer).
    followUpSubject: (s) => ({
      parentCaseType: 'repair',
      customer: { name: s.entry.customerName, phone: s.entry.phone === '' ? null : s.entry.phone },
    }),
    decide: (s, command, now) => decideRepair(s, command, now, policy, calendar),
    evolve: evolveRepair,
    // The payload parsed by the contract's schemas, with the actor the API vouches for.
    parseCommand: (req) => parsedTaskCommand(req, parseRepairTaskCommand) as RepairCommand,
    workItems: (s) => repairWorkItems(s, policy),
    taskOptions: (item) => repairTaskOptions(item as RepairWorkItem),
    records: (e, s) => repairRecords(e, s),
    done: (s) => s.status === 'closed',
    doneReason: 'case closed',
    view: repairView,
    snapshot: (s, board, version) => repairSnapshot(input, s, board, version),
  };
}

/**
 * A repair's task: work for one person (the dispatched technician) opens claimed by them; a
 * fixed due instant (finance's collection date) replaces the stage clock; the dispatch task
 * takes first priority when the request carries over (001 §11), noting the days it came from.
 */
export function repairTaskOptions(item: RepairWorkItem): OpenOptions {
  const options: OpenOptions = {};
  if (item.assignee !== null) options.assignee = item.assignee;
  if (item.dueAt !== null) options.fixedDue = { due: new Date(item.dueAt), provisional: false };
  if (item.key === 'technician_dispatch')
    options.reprioritise = { note: { carriedOverFrom: [...item.carriedOverFrom] } };
  return options;
}
