import type { DocumentView, TaskView } from '@aso/contracts';
import {
  toCaseSnapshot,
  toDocumentRecord,
  toTaskView,
  type CaseEntity,
  type DocumentEntity,
  type TaskEntity,
} from '@aso/persistence';
import type { CaseListItemResponse, CaseViewResponse, CustomerCaseViewResponse } from './cases.dto';

/** What the API shows of a case: never the ORM entity itself (schema: cases.dto.ts). */
export type CaseView = Omit<CaseViewResponse, 'live' | 'businessTime'>;
export type { DocumentView, TaskView };

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** The case snapshot (persistence mapper) as the API presents it. */
export const toCaseView = (c: CaseEntity, tasks: TaskEntity[]): CaseView => {
  const {
    organisationId: _org,
    caseType,
    customerName,
    customerPhone,
    version: _version,
    defectDescription,
    ...snapshot
  } = toCaseSnapshot(c);
  return {
    ...snapshot,
    type: caseType,
    customer: { name: customerName, phone: customerPhone },
    defectDescription: defectDescription ?? null,
    tasks: tasks.map(toTaskView),
  };
};

export const toDocumentView = (d: DocumentEntity): DocumentView => {
  const { organisationId: _org, caseNumber: _case, ...view } = toDocumentRecord(d);
  return view;
};

/**
 * What may be shown on a customer-facing channel (letter, phone script, portal): the case's
 * progress and, once approved, the decision. Never the internal form: no loss amount,
 * penalties, responsible unit or persons, classification, severity, tasks, documents or audit
 * (001 §25.6, DOMAIN.md "Confidentiality"). Built field by field from an allow-list, so a new
 * read-model column never leaks here by default.
 */
export type CustomerCaseView = CustomerCaseViewResponse;

/** A case in a list (schema: cases.dto.ts). */
export type CaseListItem = CaseListItemResponse;

export const toCustomerCaseView = (
  c: CaseEntity,
  documents: DocumentEntity[],
  maskPhone: (p: string | null) => string | null,
): Omit<CustomerCaseView, 'notices'> => {
  const decision = customerDecisionOf(c, documents);
  return {
    caseNumber: c.caseNumber,
    type: c.type,
    progress: c.closedAt
      ? 'closed'
      : decision
        ? 'decided'
        : c.acceptedAt
          ? 'in_progress'
          : 'received',
    customer: { name: c.customerName, phone: maskPhone(c.customerPhone) },
    orderNumber: c.orderNumber,
    defectDescription: c.defectDescription,
    quantity: c.quantity,
    openedAt: c.openedAt.toISOString(),
    acceptedAt: iso(c.acceptedAt),
    closedAt: iso(c.closedAt),
    decision,
  };
};

type Remedy = CustomerCaseView['decision'];

/** A form's approved outcomes: what was decided for the customer. */
const DECIDED_FORM = new Set(['approved', 'accepted_by_customer']);

/**
 * What the customer was promised, never what the case cost us (issue 8 #11). A complaint's
 * `approvedAmountFen` is the internal loss total (product cost, freight, handling: charged to
 * the responsible unit), so it is never used here. The complaint's remedy comes from its
 * latest approved handling form: its method, and an amount only where the method pays the
 * customer one — the compensation granted (the form's compensation line), or the face value
 * of the discount certificate once issued. A return's approved amount is its refund, which is
 * the customer's. Other case types show the method alone.
 */
function customerDecisionOf(c: CaseEntity, documents: DocumentEntity[]): Remedy {
  if (c.type === 'complaint') return complaintRemedy(documents);
  if (c.method === null || c.approvedAmountFen === null) return null;
  return { method: c.method, amountFen: c.type === 'return' ? c.approvedAmountFen : null };
}

function complaintRemedy(documents: DocumentEntity[]): Remedy {
  const form = documents
    .filter((d) => d.docType === 'complaint_form' && DECIDED_FORM.has(d.status))
    .sort((a, b) => b.revision - a.revision)[0];
  const method = form?.content.method;
  if (!form || typeof method !== 'string') return null;
  if (method === 'compensation') {
    const lines = (form.content.loss as { lines?: Array<{ term: string; amountFen: number }> })
      ?.lines;
    const granted = lines?.find((l) => l.term === 'compensation')?.amountFen;
    return { method, amountFen: typeof granted === 'number' ? granted : null };
  }
  if (method === 'discount') {
    const certificate = documents.find((d) => d.docType === 'discount_certificate');
    const face = certificate?.content.amountFen;
    return { method, amountFen: typeof face === 'number' ? face : null };
  }
  return { method, amountFen: null };
}

export const toCaseListItem = (
  c: CaseEntity,
  maskPhone: (p: string | null) => string | null,
): CaseListItem => ({
  caseNumber: c.caseNumber,
  type: c.type,
  status: c.status,
  stage: c.stage,
  customer: { name: c.customerName, phone: maskPhone(c.customerPhone) },
  orderNumber: c.orderNumber,
  overdue: c.overdue,
  openedAt: c.openedAt.toISOString(),
  closingDueAt: iso(c.closingDueAt),
  closedAt: iso(c.closedAt),
});
