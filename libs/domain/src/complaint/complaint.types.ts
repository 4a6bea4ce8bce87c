import type { ApprovalRoute } from '../approval/route-approval';
import type { RecordedApproval } from '../approval/four-eyes';
import type { Duration } from '../calendar/duration';
import type { LossAmount, LossBasis } from '../loss/loss-amount';
import type { Fen } from '../money/money';
import type { ServiceRegisterEntry } from '../repair/repair.types';
import type { ServiceKind } from '../repair/service-kind';
import type { Actor } from '../shared/org';
import type { ComplaintCategory, ComplaintCause, Severity } from './classification';

/** Handling methods of 001 §25.4 / DOMAIN.md §1 step 5. */
export const HANDLING_METHODS = [
  'discount',
  'compensation',
  'return',
  'rework',
  'exchange',
  'repair',
  'resupply',
  'apology',
  'not_established',
] as const;
export type HandlingMethod = (typeof HANDLING_METHODS)[number];

export const COMPLAINT_CHANNELS = ['phone', 'email', 'online', 'store'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export type ComplaintStatus =
  | 'awaiting_registration'
  | 'investigating'
  | 'report_review'
  | 'proposing'
  | 'awaiting_approval'
  | 'awaiting_customer'
  | 'executing'
  | 'improvement_tracking'
  | 'ready_to_close'
  | 'closed';

/** 001 §25.1: what sales records when a customer reports a defect. */
export interface ComplaintIntake {
  customerName: string;
  orderNumber: string;
  batchNumber: string;
  shipDate: string;
  defectiveQuantity: number;
  demand: string;
  reasons: string;
  channel: ComplaintChannel;
  attachments: string[];
  salesOpinion: string;
  /**
   * 001 §24.1(1) / 000 §三.7 (C02): the product's spec (规格) and when the problem occurred
   * (发生时间, an ISO instant). Optional: complaints reported before C02 carry neither, and
   * their histories replay unchanged.
   */
  productSpec?: string;
  occurredAt?: string;
}

export interface InvestigationReport {
  cause: ComplaintCause;
  findings: string;
  qualityClaimVerified: boolean;
  responsibleUnit: string;
  responsiblePersons: string[];
  correctiveAction: string;
  /** another company or supplier shares responsibility: CS coordinates with them (001 §25.7) */
  externalParty: string | null;
}

export interface PenaltyProposal {
  personId: string;
  kind: 'warning' | 'demerit' | 'fine' | 'bonus_deduction';
  amountFen: Fen;
}

/** One revision of the complaint handling form 客户投诉处理表 (proposal + its approvals). */
export interface ComplaintFormRevision {
  revision: number;
  /** the revision this one replaces: customer rejection (001 §25.5) or an internal send-back */
  supersedes: number | null;
  reason: 'initial' | 'customer_rejected' | 'sent_back';
  proposedBy: string;
  proposedAt: number;
  responsibleUnit: string;
  responsiblePersons: string[];
  method: HandlingMethod;
  trackImprovement: boolean;
  humanNegligence: boolean;
  loss: LossAmount;
  penalties: PenaltyProposal[];
  approvedReturnQuantity: number | null;
  notes: string;
  route: ApprovalRoute;
  approvals: Array<RecordedApproval & { at: number }>;
  outcome: 'pending' | 'approved' | 'sent_back' | 'accepted_by_customer' | 'rejected_by_customer';
}

export type ExecutionObligation =
  | {
      kind: 'discount_certificate';
      certificateNumber: string | null;
      amountFen: Fen | null;
      issuedBy: string | null;
      salesVpSignedBy: string | null;
      customerSigned: boolean;
      bookedByFinance: boolean;
    }
  | {
      kind: 'child_case';
      childType: 'return' | 'repair';
      childCaseNumber: string | null;
      completed: boolean;
      outcome: string | null;
      /**
       * A repair run as the complaint's child workflow (patch `repair-child`): CS first writes
       * its service register entry. Absent on complaints decided as repair before it (and on
       * returns): those reserve the WX number and CS hands over (`repair_handoff`).
       */
      repair?: RepairRegistration;
    }
  | {
      kind: 'receivable';
      collected: boolean;
      petition: {
        filedBy: string;
        decidedBy: string | null;
        decision: 'collect' | 'waive' | null;
      } | null;
    }
  | { kind: 'resupply'; done: boolean }
  | { kind: 'none' };

/**
 * The service register entry (服务登记簿, 001 §7) of a complaint's repair child. The complaint
 * knows the customer and the problem; CS adds what its intake lacks (address, product model,
 * spec, purchase date and place, service kind) in the `repair_registration` task; only then is
 * the repair started, with this entry.
 */
export interface RepairRegistration {
  /** what the complaint already knows: the entry's defaults */
  known: { customerName: string; phone: string; problem: string };
  entry: ServiceRegisterEntry | null;
  registeredBy: Actor | null;
  registeredAt: number | null;
}

/** What CS writes in the service register for a complaint's repair (001 §7). */
export interface RepairRegistrationFields {
  address: string;
  productModel: string;
  spec: string;
  /** YYYY-MM-DD */
  purchaseDate: string;
  purchasePlace: string;
  serviceKind: ServiceKind;
  /** default: the complaint's customer name / phone / reasons */
  customerName?: string;
  phone?: string;
  problem?: string;
}

export interface ComplaintState {
  caseNumber: string;
  policyVersion: number;
  status: ComplaintStatus;
  intake: ComplaintIntake;
  reportedBy: string;
  reportedAt: number;
  /** the department that owes the 24 h first response (Decision 1) */
  firstResponder: 'sales' | 'cs';
  firstResponseAt: number | null;
  /** CS acceptance: the 6-day closing clock starts here (001 §26.1) */
  acceptedAt: number | null;
  classification: { cause: ComplaintCause; category: ComplaintCategory; severity: Severity } | null;
  /** departments' handling deadlines set by CS on the form (001 §25.2), by stage */
  formDeadlines: Record<string, Duration>;
  severeReview: 'not_required' | 'pending' | 'done';
  investigation: (InvestigationReport & { submittedBy: string; submittedAt: number }) | null;
  reportApprovedBy: string | null;
  reportReturns: number;
  revisions: ComplaintFormRevision[];
  execution: ExecutionObligation | null;
  improvement: { required: boolean; confirmedBy: string | null; confirmedAt: number | null };
  closedAt: number | null;
  /**
   * The approval route of each document that is signed outside the form revisions (whose own
   * route is on the revision): kept so each signature's audit carries the routing explanation.
   */
  approvalRoutes: Partial<Record<RoutedDocument, ApprovalRoute>>;
  // ── policy v2, the seed decisions (absent/null on cases that never saw them) ──
  /** C11 001 §20: the owner the CS manager named (the manager themself = personal handling) */
  owner?: { userId: string; assignedBy: string; at: number; personally: boolean } | null;
  /** Decision 3: when the handling result reached a store-channel customer */
  storeResultAt?: number | null;
  /** Decision 5 001 §25.7: CS's coordination with the responsible external party */
  supplierCoordination?: {
    party: string;
    openedAt: number;
    concludedAt: number | null;
    outcome: string | null;
  } | null;
  /** Decision 2: the approved decision accepted by the customer (the form concluded) */
  formConcludedAt?: number | null;
  /** C29: the summary analysis and preventive measure recorded at the close */
  closeSummary?: { summary: string; preventiveMeasure: string } | null;
}

/** Documents whose approval route the state keeps beside the form revisions. */
export type RoutedDocument = 'investigation_report' | 'discount_certificate' | 'petition';

/**
 * The CS hand-off of a repair (DOMAIN.md §3 is a later issue): a repair decision reserves a `WX`
 * number as the child case and opens a CS `repair_handoff` work item; CS completes it with this
 * command once the repair is done, and the domain records it as the child case's completion.
 */
export const RECORD_REPAIR_COMPLETED = 'RecordRepairCompleted';

type Cmd<T extends string, P = object> = { type: T; actor: Actor } & P;
/** Commands raised by the workflow itself (child results), not by a person. */
type SysCmd<T extends string, P = object> = { type: T; actor: { userId: 'system' } } & P;

export type ComplaintCommand =
  | Cmd<'ReportComplaint', { caseNumber: string; intake: ComplaintIntake }>
  | Cmd<
      'RecordFirstResponse',
      { channel: 'phone' | 'email' | 'online' | 'store' | 'letter'; summary: string }
    >
  | Cmd<
      'RegisterComplaint',
      { cause: ComplaintCause; severity: Severity; formDeadlines?: Record<string, Duration> }
    >
  | Cmd<'CompleteSevereReview', { remarks: string }>
  | Cmd<'SubmitInvestigationReport', { report: InvestigationReport }>
  | Cmd<'ApproveInvestigationReport', { remarks?: string }>
  | Cmd<'ReturnInvestigationReport', { reason: string }>
  | Cmd<
      'ProposeResolution',
      {
        responsibleUnit: string;
        responsiblePersons: string[];
        method: HandlingMethod;
        trackImprovement: boolean;
        humanNegligence: boolean;
        lossBasis: LossBasis;
        penalties: PenaltyProposal[];
        approvedReturnQuantity?: number;
        notes?: string;
      }
    >
  | Cmd<'ApproveResolution', { personalLimitFen?: Fen | null }>
  | Cmd<'SendBackResolution', { reason: string }>
  | Cmd<'RecordCustomerResponse', { accepted: boolean; via: 'letter' | 'phone'; note?: string }>
  | Cmd<'IssueDiscountCertificate', { certificateNumber: string; amountFen: Fen }>
  | Cmd<'SignDiscountCertificate'>
  | Cmd<'RecordCertificateCustomerSignature'>
  | Cmd<'BookDiscountCertificate'>
  | SysCmd<'RecordChildCaseStarted', { childCaseNumber: string }>
  | SysCmd<'RecordChildCaseCompleted', { childCaseNumber: string; outcome: string }>
  | Cmd<typeof RECORD_REPAIR_COMPLETED, { outcome?: unknown }>
  | SysCmd<'RequestRepairRegistration', { customer: { name: string; phone: string | null } }>
  | Cmd<'RegisterRepair', RepairRegistrationFields>
  | Cmd<'RecordReceivableCollected'>
  | Cmd<'FilePetition', { reason: string }>
  | Cmd<'DecidePetition', { decision: 'collect' | 'waive'; remarks?: string }>
  | Cmd<'RecordResupplyShipped'>
  | Cmd<'ConfirmImprovementEffect', { effect: string }>
  | Cmd<'CloseComplaint', { summary?: string; preventiveMeasure?: string }>
  | Cmd<'AssignComplaintOwner', { ownerId: string }>
  | Cmd<'RecordStoreResult', { channel: 'phone' | 'store' | 'letter'; summary: string }>
  | Cmd<'RecordSupplierCoordination', { outcome: string }>;

/** Decision 4: the decision letter (函告, 001 §18) a letter response records as a document. */
export interface DecisionLetter {
  severity: Severity;
  method: HandlingMethod;
  lossAmountFen: Fen;
  reference: string;
}

type Ev<T extends string, P = object> = { type: T; at: number; by: string } & P;

export type ComplaintEvent =
  | Ev<
      'ComplaintReported',
      {
        caseNumber: string;
        policyVersion: number;
        intake: ComplaintIntake;
        /** Decision 1: CS when the opener is not sales (absent: sales) */
        firstResponder?: 'cs';
      }
    >
  | Ev<'FirstResponseRecorded', { channel: string; summary: string }>
  | Ev<
      'ComplaintRegistered',
      {
        cause: ComplaintCause;
        category: ComplaintCategory;
        severity: Severity;
        formDeadlines: Record<string, Duration>;
      }
    >
  | Ev<'SevereReviewRequested', { reviewerRole: string; basis: string }>
  | Ev<'SevereReviewCompleted', { remarks: string }>
  | Ev<'InvestigationReportSubmitted', { report: InvestigationReport; route: ApprovalRoute }>
  | Ev<'InvestigationReportApproved', { remarks: string }>
  | Ev<'InvestigationReportReturned', { reason: string }>
  | Ev<'ResolutionProposed', { revision: ComplaintFormRevision }>
  | Ev<'ResolutionApprovalSigned', { revision: number; stepIndex: number; role: string }>
  | Ev<'ResolutionApproved', { revision: number; method: HandlingMethod; lossAmountFen: Fen }>
  | Ev<'ResolutionSentBack', { revision: number; stepIndex: number; reason: string }>
  | Ev<
      'CustomerAccepted',
      { revision: number; via: 'letter' | 'phone'; note: string; letter?: DecisionLetter }
    >
  | Ev<
      'CustomerRejected',
      {
        revision: number;
        via: 'letter' | 'phone';
        note: string;
        nextRevision: number;
        letter?: DecisionLetter;
      }
    >
  | Ev<'ExecutionStarted', { revision: number; obligation: ExecutionObligation }>
  | Ev<
      'ChildCaseRequested',
      {
        childType: 'return' | 'repair';
        method: HandlingMethod;
        approvedQuantity: number | null;
        parentCaseNumber: string;
      }
    >
  | Ev<'RepairRegistrationRequested', { known: RepairRegistration['known'] }>
  | Ev<'RepairRegistered', { entry: ServiceRegisterEntry; registeredBy: Actor }>
  | Ev<'ChildCaseStarted', { childCaseNumber: string }>
  | Ev<'ChildCaseCompleted', { childCaseNumber: string; outcome: string }>
  | Ev<
      'DiscountCertificateIssued',
      { certificateNumber: string; amountFen: Fen; route: ApprovalRoute }
    >
  | Ev<'DiscountCertificateSigned', { certificateNumber: string }>
  | Ev<'DiscountCertificateCustomerSigned', { certificateNumber: string }>
  | Ev<
      'DiscountCertificateBooked',
      { certificateNumber: string; copies: Array<{ holder: string; copy: number }> }
    >
  | Ev<'ReceivableCollected'>
  | Ev<'PetitionFiled', { reason: string; route: ApprovalRoute }>
  | Ev<'PetitionDecided', { decision: 'collect' | 'waive'; remarks: string }>
  | Ev<'ResupplyShipped'>
  | Ev<'ExecutionCompleted', { improvementRequired: boolean }>
  | Ev<'ImprovementConfirmed', { effect: string }>
  | Ev<
      'ComplaintClosed',
      { acceptedAt: number | null; summary?: string; preventiveMeasure?: string }
    >
  | Ev<'ComplaintOwnerAssigned', { ownerId: string; personally: boolean }>
  | Ev<'StoreResultRecorded', { channel: string; summary: string }>
  | Ev<'SupplierCoordinationOpened', { party: string }>
  | Ev<'SupplierCoordinationConcluded', { outcome: string }>
  | Ev<'FollowUpRequested', { parentCaseNumber: string; within: Duration }>;
