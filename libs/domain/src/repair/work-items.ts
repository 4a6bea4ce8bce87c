import { nextApprovalStep } from '../approval/four-eyes';
import type { WorkItem } from '../complaint/work-items';
import type { PolicyDocument } from '../policy/policy.schema';
import type { StageOf } from '../shared/case-types';
import { type Instant, toMs } from '../shared/instant';
import type { Department, Role } from '../shared/org';
import type { RepairState, RepairStatus } from './repair.types';

export type RepairStage = StageOf<'repair'>;

/**
 * A repair work item: the shared WorkItem plus what a repair adds — the person the task is for
 * (the dispatched technician), a fixed due instant where the deadline is not a policy stage
 * (the external repairer's expected-return date, finance's collection date), and the day(s) an
 * undispatched request was carried over from (001 §11), shown in the manager's inbox.
 */
export interface RepairWorkItem extends WorkItem<RepairStage> {
  assignee: string | null;
  dueAt: number | null;
  carriedOverFrom: string[];
}

interface Extra {
  priority?: number;
  assignee?: string | null;
  dueAt?: number | null;
  waitingFor?: WorkItem['waitingFor'];
  carriedOverFrom?: string[];
}

const item = (
  key: string,
  stage: RepairStage,
  department: Department | null,
  roles: Role[],
  commands: string[],
  extra: Extra = {},
): RepairWorkItem => ({
  key,
  type: key,
  stage,
  department,
  roles,
  commands,
  priority: extra.priority ?? 2,
  waitingFor: extra.waitingFor ?? null,
  assignee: extra.assignee ?? null,
  dueAt: extra.dueAt ?? null,
  carriedOverFrom: extra.carriedOverFrom ?? [],
});

/** The policy stage a repair status is in (its deadline's stage; `closed` at the end). */
export function repairStageOf(status: RepairStatus): RepairStage | 'closed' {
  switch (status) {
    case 'awaiting_dispatch':
      return 'dispatch';
    case 'dispatched':
    case 'on_site':
    case 'unresolved':
    case 'in_workshop':
    case 'at_external_repairer':
    case 'returned':
      return 'onSiteService';
    case 'awaiting_signatures':
    case 'awaiting_filing':
      return 'countersign';
    case 'settling':
      return 'invoice';
    case 'ready_to_close':
      return 'survey';
    case 'closed':
      return 'closed';
  }
}

/**
 * The human work a repair needs in its current state (DOMAIN.md §3, route
 * cs → tech manager → technician → (tech manager) → customer → tech manager → cs → finance → cs).
 */
export function repairWorkItems(state: RepairState, policy: PolicyDocument): RepairWorkItem[] {
  const d = state.dispatch;
  const technician = d?.technicianId ?? null;
  const ws = state.workshop;
  switch (state.status) {
    case 'awaiting_dispatch':
      // 001 §7, §11: the manager dispatches; carried-over work is first priority.
      return [
        item(
          'technician_dispatch',
          'dispatch',
          'tech',
          ['manager'],
          ['DispatchTechnician', 'AcceptWorkshopItem'],
          {
            priority: state.priority === 'first' ? 1 : 2,
            carriedOverFrom: state.carriedOverFrom,
          },
        ),
      ];
    case 'dispatched': {
      if (d?.outOfTown && policy.repair.outOfTown.requiresApproval) {
        const app = state.outOfTown;
        // 001 §12: the technician applies; the department manager approves before travel.
        if (!app || app.decision === 'rejected')
          return [
            item('out_of_town_application', 'outOfTownApproval', 'tech', [], ['ApplyOutOfTown'], {
              assignee: technician,
            }),
          ];
        if (app.decision === 'pending') {
          const step = nextApprovalStep(app.route, []);
          return [
            item(
              'out_of_town_approval',
              'outOfTownApproval',
              step?.department ?? 'tech',
              step ? [step.role] : ['manager'],
              ['DecideOutOfTown'],
            ),
          ];
        }
      }
      return [
        item(
          'technician_visit',
          'onSiteService',
          'tech',
          [],
          state.outOfTown ? ['StartVisit'] : ['StartVisit', 'ApplyOutOfTown'],
          { assignee: technician },
        ),
      ];
    }
    case 'on_site':
      // 001 §8, §10: actual time and content, resolved on the spot or not; on an approved
      // out-of-town visit the technician also books travel and allowances (001 §12), each entry
      // completing the report task, which opens again for the next entry or the report.
      return [
        item(
          'visit_report',
          'onSiteService',
          'tech',
          [],
          state.outOfTown?.decision === 'approved'
            ? ['RecordVisit', 'RecordServiceCost']
            : ['RecordVisit'],
          { assignee: technician },
        ),
      ];
    case 'unresolved':
      return [
        item(
          'revisit_or_workshop',
          'onSiteService',
          'tech',
          ['manager'],
          ['DispatchTechnician', 'AcceptWorkshopItem'],
        ),
      ];
    case 'in_workshop':
      // 002 ch.10 1: repair in-house where possible; else out, with the customer told (2).
      if (ws?.inHouse === 'pending')
        return [item('workshop_repair', 'onSiteService', 'tech', [], ['RecordWorkshopRepair'])];
      return [
        item('external_repair_handover', 'onSiteService', 'cs', [], ['SendToExternalRepair']),
      ];
    case 'at_external_repairer':
      // 002 ch.10 2: expected back by the latest promised date; the clock waits for the repairer.
      return [
        item('external_repair_return', 'onSiteService', 'cs', [], ['RecordExternalReturn'], {
          dueAt: ws?.external?.expectedReturnBy ?? null,
          waitingFor: 'waiting_for_supplier',
        }),
      ];
    case 'returned':
      // 002 ch.10 5: sort (an external batch), call the customer, ship.
      if (ws?.external && ws.sortedAt === null)
        return [item('returned_item_sorting', 'onSiteService', 'cs', [], ['SortReturnedItem'])];
      if (ws?.customerCalledAt === null)
        return [item('customer_call', 'onSiteService', 'cs', [], ['RecordCustomerCalled'])];
      return [item('item_shipment', 'onSiteService', 'cs', [], ['RecordItemShipped'])];
    case 'awaiting_signatures': {
      const v = state.voucher;
      const countersign = item(
        'voucher_countersign',
        'countersign',
        'tech',
        ['manager'],
        ['CountersignVoucher'],
      );
      if (v.signatureOrder === 'customer_then_manager')
        // 001 §8: signed by the customer on the spot, brought back by the technician.
        return v.customerSignedAt === null
          ? [
              item('customer_signature', 'countersign', 'tech', [], ['RecordCustomerSignature'], {
                assignee: technician,
              }),
            ]
          : [countersign];
      if (v.signatureOrder === 'manager_then_customer' && v.countersignedAt !== null)
        // 001 §10: after the countersignature the voucher is sent to the customer to sign.
        return [item('customer_signature', 'countersign', 'cs', [], ['RecordCustomerSignature'])];
      return [countersign];
    }
    case 'awaiting_filing':
      return [item('voucher_filing', 'countersign', 'cs', [], ['FileVoucher'])];
    case 'settling': {
      // 001 §9: finance mails the invoice for cash collected on the spot, or invoices and collects.
      const fee = state.fee;
      if (!fee || fee.settled) return [];
      if (fee.handling.mode === 'collect_on_site')
        return [
          item('finance_invoice_mailing', 'invoice', 'finance', [], ['ConfirmCashAndMailInvoice']),
        ];
      if (fee.invoiceNumber === null)
        return [item('finance_invoicing', 'invoice', 'finance', [], ['IssueInvoice'])];
      return [
        item('finance_collection', 'invoice', 'finance', [], ['RecordFeeCollected'], {
          dueAt: fee.collectBy,
        }),
      ];
    }
    case 'ready_to_close':
      // 001 §16: the request is logged so the survey can follow (FollowUpRequested on close).
      return [item('close', 'survey', 'cs', [], ['CloseRepair'])];
    case 'closed':
      return [];
  }
}

export interface RepairWakeUp {
  at: number;
  reason: 'dispatch_carry_over' | 'external_repair_reminder' | 'external_repair_overdue';
  /** the command the workflow raises then, if any (reminders and overdue are notices) */
  command: 'CarryOverDispatch' | null;
}

/**
 * The instants a repair workflow must wake at (durable timers, not a cron): the daily
 * carry-over check (001 §11) and, while an item is out, the reminders and the expected-return
 * deadline (002 ch.10 2), after which the policy's escalation target is told.
 */
export function repairWakeUps(state: RepairState, now: Instant): RepairWakeUp[] {
  const t = toMs(now);
  const out: RepairWakeUp[] = [];
  if (state.status === 'awaiting_dispatch')
    out.push({
      at: state.carryOverAt,
      reason: 'dispatch_carry_over',
      command: 'CarryOverDispatch',
    });
  const ext = state.workshop?.external;
  if (state.status === 'at_external_repairer' && ext) {
    const next = ext.reminders.find((r) => r > t);
    if (next !== undefined)
      out.push({ at: next, reason: 'external_repair_reminder', command: null });
    out.push({ at: ext.expectedReturnBy, reason: 'external_repair_overdue', command: null });
  }
  return out;
}

/** 002 ch.10 2: past the latest promised date, the item is overdue and escalates (policy). */
export function externalRepairOverdue(
  state: RepairState,
  now: Instant,
  policy: PolicyDocument,
): { overdue: boolean; escalateTo: PolicyDocument['repair']['externalRepair']['escalateTo'] } {
  const ext = state.workshop?.external;
  return {
    overdue: state.status === 'at_external_repairer' && !!ext && toMs(now) >= ext.expectedReturnBy,
    escalateTo: policy.repair.externalRepair.escalateTo,
  };
}
