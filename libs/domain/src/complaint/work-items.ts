import { nextApprovalStep } from '../approval/four-eyes';
import { routeApproval } from '../approval/route-approval';
import type { PolicyDocument } from '../policy/policy.schema';
import type { StageOf } from '../shared/case-types';
import type { Department, Role } from '../shared/org';
import type { PauseReason } from '../sla/sla-ledger';
import {
  type ComplaintState,
  type ComplaintStatus,
  RECORD_REPAIR_COMPLETED,
} from './complaint.types';

/**
 * A piece of human work a case state needs: who may do it, which commands complete it and whose
 * deadline (policy stage) it carries. Workflows turn work items into inbox tasks; the rule of
 * "what does this status need, from whom" lives here so it is tested without Temporal.
 */
export interface WorkItem<S extends string = string> {
  /** identity among the open items: an open task with the same key is the same work */
  key: string;
  /** task type shown in inboxes (`cs_registration`, `resolution_approval`, …) */
  type: string;
  stage: S;
  /** null: a company-wide role (VP in charge, sales VP, GM) */
  department: Department | null;
  /** any of these roles; empty = any role of the department */
  roles: Role[];
  /** the command types that complete it */
  commands: string[];
  /** 1 = most urgent … 3 = routine */
  priority: number;
  /** the item is visible but cannot be done yet: its deadline clock is paused for this reason */
  waitingFor: PauseReason | null;
}

export type ComplaintStage = StageOf<'complaint'>;

const item = (
  key: string,
  stage: ComplaintStage,
  department: Department | null,
  roles: Role[],
  commands: string[],
  priority = 2,
  type = key,
): WorkItem<ComplaintStage> => ({
  key,
  type,
  stage,
  department,
  roles,
  commands,
  priority,
  waitingFor: null,
});

/** The policy stage a complaint status is in (its deadline's stage; `closed` at the end). */
export function complaintStageOf(status: ComplaintStatus): ComplaintStage | 'closed' {
  switch (status) {
    case 'awaiting_registration':
      return 'registration';
    case 'investigating':
      return 'investigationReport';
    case 'report_review':
      return 'reportReview';
    case 'proposing':
      return 'proposal';
    case 'awaiting_approval':
      return 'approval';
    case 'awaiting_customer':
      return 'customerResponse';
    case 'executing':
      return 'execution';
    case 'improvement_tracking':
      return 'improvement';
    case 'ready_to_close':
      return 'close';
    case 'closed':
      return 'closed';
  }
}

/**
 * The human work a complaint needs in its current state (DOMAIN.md §1, route
 * sales → cs → rnd → VP → cs → finance/warehouse). Child cases (return, repair) are not human
 * work of the complaint: the workflow starts them (a repair's CS hand-off is, see below).
 */
export function complaintWorkItems(
  state: ComplaintState,
  policy: PolicyDocument,
): WorkItem<ComplaintStage>[] {
  if (state.status === 'closed') return [];
  const items: WorkItem<ComplaintStage>[] = [];
  // 000 §三.6 / 002: the first response to the customer is due 24 h after the report.
  if (state.firstResponseAt === null)
    items.push(
      item('first_response', 'firstResponse', state.firstResponder, [], ['RecordFirstResponse'], 1),
    );
  // 001 §18: a severe complaint goes to the VP in charge at once, alongside the investigation.
  if (state.severeReview === 'pending')
    items.push(
      item(
        'severe_review',
        'severeReview',
        null,
        [policy.complaint.severeReviewer.role],
        ['CompleteSevereReview'],
        1,
      ),
    );

  // ── policy v2, the seed decisions ──
  const decisions = policy.complaint.decisions;
  // C11 001 §20: the CS manager handles the complaint in person or names its owner.
  if (decisions?.ownerAssignment.value && !state.owner)
    items.push(
      item('owner_assignment', 'ownerAssignment', 'cs', ['manager'], ['AssignComplaintOwner'], 1),
    );
  // Decision 3 (000 §三.6): a store-channel customer hears the handling result within 48 h.
  if (
    decisions?.storeChannelResult.value &&
    state.intake.channel === 'store' &&
    (state.storeResultAt ?? null) === null
  )
    items.push(
      item('store_result', 'storeResult', state.firstResponder, [], ['RecordStoreResult'], 1),
    );
  // Decision 5 (001 §25.7): CS coordinates with the responsible supplier or other company.
  if (state.supplierCoordination && state.supplierCoordination.concludedAt === null)
    items.push(
      item(
        'supplier_coordination',
        'supplierCoordination',
        'cs',
        [],
        ['RecordSupplierCoordination'],
      ),
    );

  const revision = state.revisions[state.revisions.length - 1];
  switch (state.status) {
    case 'awaiting_registration':
      items.push(item('cs_registration', 'registration', 'cs', [], ['RegisterComplaint']));
      break;
    case 'investigating':
      // 001 §24.2: R&D investigates (jointly with CS when needed: the domain accepts either).
      items.push(
        item('rnd_investigation', 'investigationReport', 'rnd', [], ['SubmitInvestigationReport']),
      );
      break;
    case 'report_review':
      // 001 §25.3: the report goes to the VP in charge.
      items.push(
        item(
          'report_approval',
          'reportReview',
          null,
          ['vp'],
          ['ApproveInvestigationReport', 'ReturnInvestigationReport'],
        ),
      );
      break;
    case 'proposing':
      // 001 §18: the proposal waits for the VP's review of a severe complaint.
      if (state.severeReview !== 'pending')
        items.push(item('resolution_proposal', 'proposal', 'cs', [], ['ProposeResolution']));
      break;
    case 'awaiting_approval': {
      const step = revision && nextApprovalStep(revision.route, revision.approvals);
      if (revision && step) {
        items.push(
          item(
            `resolution_approval:r${revision.revision}:s${step.index}`,
            'approval',
            step.department ?? null,
            [step.role],
            ['ApproveResolution', 'SendBackResolution'],
            2,
            'resolution_approval',
          ),
        );
      }
      break;
    }
    case 'awaiting_customer':
      // 001 §25.6: sales relays the decision by letter or phone.
      items.push(
        item('customer_response', 'customerResponse', 'sales', [], ['RecordCustomerResponse']),
      );
      break;
    case 'executing':
      items.push(...executionItems(state, policy));
      break;
    case 'improvement_tracking':
      items.push(
        item('confirm_improvement', 'improvement', 'cs', [], ['ConfirmImprovementEffect'], 3),
      );
      break;
    case 'ready_to_close':
      items.push(item('close', 'close', 'cs', [], ['CloseComplaint']));
      break;
  }
  return items;
}

function executionItems(state: ComplaintState, policy: PolicyDocument): WorkItem<ComplaintStage>[] {
  const ob = state.execution;
  if (!ob) return [];
  switch (ob.kind) {
    case 'discount_certificate':
      // 001 §29.1(1): sales issues, the sales VP signs, the customer signs, finance books.
      if (ob.certificateNumber === null)
        return [item('certificate_issue', 'execution', 'sales', [], ['IssueDiscountCertificate'])];
      if (ob.salesVpSignedBy === null)
        return [
          item('certificate_sign', 'execution', null, ['sales_vp'], ['SignDiscountCertificate']),
        ];
      if (!ob.customerSigned)
        return [
          item(
            'certificate_customer_signature',
            'execution',
            'sales',
            [],
            ['RecordCertificateCustomerSignature'],
          ),
        ];
      if (!ob.bookedByFinance)
        return [
          item('certificate_booking', 'execution', 'finance', [], ['BookDiscountCertificate']),
        ];
      return [];
    case 'receivable': {
      // 001 §25.8: sales collects on the normal terms; an objecting customer → a petition to the superior.
      const p = ob.petition;
      if (ob.collected) return [];
      if (p === null)
        return [
          item(
            'receivable_collection',
            'execution',
            'sales',
            [],
            ['RecordReceivableCollected', 'FilePetition'],
          ),
        ];
      if (p.decidedBy === null) {
        const step = routeApproval(policy, 'petition', 0, { caseNumber: state.caseNumber })
          .steps[0];
        return [
          item(
            'petition_decision',
            'execution',
            step?.department ?? null,
            step ? [step.role] : [],
            ['DecidePetition'],
          ),
        ];
      }
      if (p.decision === 'collect')
        return [
          item('receivable_collection', 'execution', 'sales', [], ['RecordReceivableCollected']),
        ];
      return [];
    }
    case 'resupply':
      return ob.done
        ? []
        : [item('resupply_shipment', 'execution', 'warehouse', [], ['RecordResupplyShipped'])];
    case 'child_case':
      // A child's work is its own workflow's. A repair child (patch `repair-child`) first needs
      // CS's service register entry (001 §7), which the complaint's intake lacks.
      if (ob.childType !== 'repair' || ob.completed) return [];
      if (ob.repair !== undefined)
        return ob.repair.entry === null
          ? [item('repair_registration', 'execution', 'cs', [], ['RegisterRepair'])]
          : [];
      // Decided as repair before the repair child: CS hands it over and records its completion
      // (RECORD_REPAIR_COMPLETED) once the WX number is reserved.
      return ob.childCaseNumber !== null
        ? [item('repair_handoff', 'execution', 'cs', [], [RECORD_REPAIR_COMPLETED])]
        : [];
    case 'none':
      return [];
  }
}
