import type {
  HolidayTables,
  PolicyDocument,
  PriceDifferenceInput,
  ReturnEligibilityInput,
  ReturnRequestDetails,
  ReturnState,
  ShippingClaimInput,
} from '@aso/domain';
import type { CaseView } from './case-workflow.contract';
import type { CaseActor } from './organisation';

export const RETURN_WORKFLOW_TYPE = 'returnCase';

/**
 * A customer's own request (DOMAIN.md §2 step 1, 001 篇3 退货流程 1–2): its details and the facts
 * the rules need. Instants are epoch ms (they cross the workflow boundary as JSON).
 */
export interface StandaloneReturnRequest {
  request: ReturnRequestDetails;
  eligibility?: ReturnEligibilityInput & { deliveredAt: number; requestedAt: number };
  priceDifference?: PriceDifferenceInput;
  shippingClaim?: ShippingClaimInput;
  customerPhone: string | null;
}

/**
 * A return started as a child of a complaint (DOMAIN.md §2, 001 §29), or a customer's own
 * request (`standalone`, with `parentCaseNumber` and `approvedQuantity` null).
 */
export interface ReturnWorkflowInput {
  organisationId: string;
  storeId: string | null;
  caseNumber: string;
  parentCaseNumber: string | null;
  openedAt: string;
  openedBy: CaseActor;
  /** the quantity approved on the complaint decision (001 §29.2 reconciliation) */
  approvedQuantity: number | null;
  method: 'refund' | 'exchange' | 'rework';
  orderNumber: string;
  customerName: string;
  reason: string;
  policy: PolicyDocument;
  holidayTables?: HolidayTables;
  standalone?: StandaloneReturnRequest;
}

export type ReturnCaseView = CaseView<ReturnState>;

export interface ReturnOutcome {
  caseNumber: string;
  status: string;
  /** what the parent records: e.g. `refunded`, `reshipped`, `reworked` */
  outcome: string;
  returnedQuantity: number | null;
}
