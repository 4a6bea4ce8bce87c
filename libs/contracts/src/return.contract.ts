import type { HolidayTables, PolicyDocument, ReturnState } from '@aso/domain';
import type { CaseView } from './case-workflow.contract';
import type { CaseActor } from './organisation';

export const RETURN_WORKFLOW_TYPE = 'returnCase';

/** A return started as a child of a complaint (DOMAIN.md §2, 001 §29). */
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
}

export type ReturnCaseView = CaseView<ReturnState>;

export interface ReturnOutcome {
  caseNumber: string;
  status: string;
  /** what the parent records: e.g. `refunded`, `reshipped`, `reworked` */
  outcome: string;
  returnedQuantity: number | null;
}
