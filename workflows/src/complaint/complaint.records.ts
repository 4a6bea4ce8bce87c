import type { ComplaintEvent, ComplaintState } from '@aso/domain';
import {
  auditRecord,
  type CaseRecord,
  createDocument,
  type DocumentChange,
  updateDocument,
} from '../shared/case-records';

/**
 * What each complaint event means for the audit trail and the case's documents (DOMAIN.md §1):
 * the complaint form 客户投诉处理表 and its revisions (001 §25.5), the discount certificate
 * 折让单 (§29.1(1)), the petition 签呈 (§25.8), and the approval explanations (001 §27). Pure: the
 * runtime audits the event itself, then applies these in order.
 */
export interface ComplaintRecordOptions {
  /**
   * C39 (001 §25.1): the handling form starts at intake, revision 1 from the intake fields, and
   * the first proposal fills it in. False for cases that ran before (patched in the workflow):
   * their form is created at the proposal, as it was.
   */
  formAtIntake?: boolean;
  /** C33: the case tells the customer of each stage (customer-notices.ts); false for older cases */
  customerNotices?: boolean;
}

/** The complaint form's holders: CS keeps copy 1 (001 §25.2). */
const FORM_DISTRIBUTION = [{ department: 'cs', copy: 1 }];
/** C38 001 §29.2: copy 4 (第四联), with the approved return quantity, goes to finance. */
const FINANCE_COPY = { department: 'finance', copy: 4 };

export function complaintRecords(
  e: ComplaintEvent,
  s: ComplaintState,
  caseNumber: string,
  options: ComplaintRecordOptions = {},
): CaseRecord[] {
  const at = new Date(e.at).toISOString();
  const rev = s.revisions[s.revisions.length - 1];
  const form = (status: string, sign?: { by: string; role: string }): CaseRecord[] =>
    rev
      ? [
          updateDocument(e, {
            docType: 'complaint_form',
            docNumber: caseNumber,
            revision: rev.revision,
            status,
            ...(sign ? { sign } : {}),
          }),
        ]
      : [];
  const certificate = (
    number: string,
    change: Omit<DocumentChange, 'docType' | 'docNumber' | 'revision'>,
  ) =>
    updateDocument(e, {
      docType: 'discount_certificate',
      docNumber: number,
      revision: 1,
      ...change,
    });
  const petition = `${caseNumber}-P1`;
  const approval = (action: string, explanation: unknown, data: Record<string, unknown>) =>
    auditRecord('approval.signed', e, { action, ...data, explanation });
  const routes = s.approvalRoutes;

  switch (e.type) {
    case 'ComplaintReported':
      if (!options.formAtIntake) return [];
      // C39 001 §25.1: sales fills in the form at intake (order, batch, ship date, quantity,
      // demand and reasons, channel, samples/photos, the sales opinion).
      return [
        createDocument(e, {
          docType: 'complaint_form',
          docNumber: caseNumber,
          revision: 1,
          supersedesRevision: null,
          status: 'reported',
          content: { intake: e.intake },
          distribution: FORM_DISTRIBUTION,
          signatures: [{ by: e.by, role: 'reporter', at }],
        }),
      ];
    case 'InvestigationReportApproved':
      return [
        approval('investigation_report', routes.investigation_report?.explanation ?? null, {
          remarks: e.remarks,
        }),
      ];
    case 'InvestigationReportReturned':
      return [
        auditRecord('approval.sent_back', e, {
          action: 'investigation_report',
          reason: e.reason,
          explanation: routes.investigation_report?.explanation ?? null,
        }),
      ];
    case 'ResolutionProposed': {
      // 001 §25.5: a rejected decision is re-filed as a new revision linked to the original.
      const r = e.revision;
      const proposal = {
        reason: r.reason,
        responsibleUnit: r.responsibleUnit,
        responsiblePersons: r.responsiblePersons,
        method: r.method,
        trackImprovement: r.trackImprovement,
        humanNegligence: r.humanNegligence,
        loss: r.loss,
        penalties: r.penalties,
        approvedReturnQuantity: r.approvedReturnQuantity,
        notes: r.notes,
        approvalRoute: r.route.steps,
      };
      // C39: the form sales started at intake is revision 1; CS's first proposal fills it in
      if (options.formAtIntake && r.revision === 1)
        return [
          updateDocument(e, {
            docType: 'complaint_form',
            docNumber: caseNumber,
            revision: 1,
            status: 'proposed',
            content: proposal,
            sign: { by: e.by, role: 'proposer' },
          }),
        ];
      return [
        createDocument(e, {
          docType: 'complaint_form',
          docNumber: caseNumber,
          revision: r.revision,
          supersedesRevision: r.supersedes,
          status: 'proposed',
          content: {
            reason: r.reason,
            responsibleUnit: r.responsibleUnit,
            responsiblePersons: r.responsiblePersons,
            method: r.method,
            trackImprovement: r.trackImprovement,
            humanNegligence: r.humanNegligence,
            loss: r.loss,
            penalties: r.penalties,
            approvedReturnQuantity: r.approvedReturnQuantity,
            notes: r.notes,
            approvalRoute: r.route.steps,
          },
          distribution: FORM_DISTRIBUTION,
          signatures: [{ by: e.by, role: 'proposer', at }],
        }),
      ];
    }
    case 'ResolutionApprovalSigned':
      return [
        approval('handling_decision', rev?.route.explanation ?? null, {
          revision: e.revision,
          stepIndex: e.stepIndex,
          role: e.role,
        }),
        ...form('approving', { by: e.by, role: e.role }),
      ];
    case 'ResolutionApproved':
      // C38 001 §29.2: an approved return (a quantity to come back) sends copy 4 to finance,
      // which reconciles it against the return slip
      if (rev && rev.approvedReturnQuantity !== null && rev.approvedReturnQuantity !== undefined)
        return [
          updateDocument(e, {
            docType: 'complaint_form',
            docNumber: caseNumber,
            revision: rev.revision,
            status: 'approved',
            content: {
              financeCopy: { copy: 4, approvedReturnQuantity: rev.approvedReturnQuantity },
            },
            distribution: [...FORM_DISTRIBUTION, FINANCE_COPY],
          }),
        ];
      return form('approved');
    case 'ResolutionSentBack':
      return [
        auditRecord('approval.sent_back', e, {
          action: 'handling_decision',
          revision: e.revision,
          stepIndex: e.stepIndex,
          reason: e.reason,
          explanation: rev?.route.explanation ?? null,
        }),
        ...form('sent_back'),
      ];
    case 'CustomerAccepted':
    case 'CustomerRejected':
      return [
        ...form(e.type === 'CustomerAccepted' ? 'accepted_by_customer' : 'rejected_by_customer'),
        // Decision 4 (001 §18 函告): the letter that took the decision to the customer.
        ...(e.letter
          ? [
              createDocument(e, {
                docType: 'decision_letter',
                docNumber: e.letter.reference,
                revision: 1,
                supersedesRevision: null,
                status: e.type === 'CustomerAccepted' ? 'accepted' : 'rejected',
                content: {
                  complaintRevision: e.revision,
                  severity: e.letter.severity,
                  method: e.letter.method,
                  lossAmountFen: e.letter.lossAmountFen,
                  customerName: s.intake.customerName,
                  note: e.note,
                },
                distribution: [{ department: 'sales', copy: 1 }],
                signatures: [{ by: e.by, role: 'sender', at }],
              }),
            ]
          : []),
      ];
    case 'ComplaintClosed':
      // C29: the summary analysis and preventive measure of the close (policy v2).
      return e.summary === undefined
        ? []
        : [
            createDocument(e, {
              docType: 'complaint_summary',
              docNumber: `${caseNumber}-S`,
              revision: 1,
              supersedesRevision: null,
              status: 'recorded',
              content: { summary: e.summary, preventiveMeasure: e.preventiveMeasure ?? '' },
              distribution: [{ department: 'cs', copy: 1 }],
              signatures: [{ by: e.by, role: 'cs', at }],
            }),
          ];
    case 'DiscountCertificateIssued':
      return [
        createDocument(e, {
          docType: 'discount_certificate',
          docNumber: e.certificateNumber,
          revision: 1,
          supersedesRevision: null,
          status: 'issued',
          content: {
            amountFen: e.amountFen,
            complaintRevision: rev?.revision ?? null,
            customerName: s.intake.customerName,
            orderNumber: s.intake.orderNumber,
          },
          signatures: [{ by: e.by, role: 'issuer', at }],
        }),
      ];
    case 'DiscountCertificateSigned':
      return [
        approval('discount_certificate', routes.discount_certificate?.explanation ?? null, {
          certificateNumber: e.certificateNumber,
        }),
        certificate(e.certificateNumber, {
          status: 'signed_by_sales_vp',
          sign: { by: e.by, role: 'sales_vp' },
        }),
      ];
    case 'DiscountCertificateCustomerSigned':
      return [
        certificate(e.certificateNumber, {
          status: 'signed_by_customer',
          sign: { by: s.intake.customerName, role: 'customer' },
        }),
      ];
    case 'DiscountCertificateBooked':
      // 001 §29.1(1): one copy stays with sales, one goes to finance, which books it.
      return [
        certificate(e.certificateNumber, {
          status: 'booked',
          distribution: e.copies.map((c) => ({ department: c.holder, copy: c.copy })),
          sign: { by: e.by, role: 'finance' },
        }),
      ];
    case 'PetitionFiled':
      return [
        createDocument(e, {
          docType: 'petition',
          docNumber: petition,
          revision: 1,
          supersedesRevision: null,
          status: 'filed',
          content: {
            reason: e.reason,
            to: e.route.steps.map((st) => ({ role: st.role, department: st.department ?? null })),
          },
          distribution: [{ department: 'sales', copy: 1 }],
          signatures: [{ by: e.by, role: 'petitioner', at }],
        }),
      ];
    case 'PetitionDecided':
      return [
        approval('petition', routes.petition?.explanation ?? null, {
          decision: e.decision,
          remarks: e.remarks,
        }),
        updateDocument(e, {
          docType: 'petition',
          docNumber: petition,
          revision: 1,
          status: `decided_${e.decision}`,
          sign: { by: e.by, role: 'superior' },
        }),
      ];
    case 'FirstResponseRecorded':
    case 'ComplaintRegistered':
    case 'SevereReviewRequested':
    case 'SevereReviewCompleted':
    case 'InvestigationReportSubmitted':
    case 'ExecutionStarted':
    case 'ChildCaseRequested':
    case 'RepairRegistrationRequested':
    case 'RepairRegistered':
    case 'ChildCaseStarted':
    case 'ChildCaseCompleted':
    case 'ReceivableCollected':
    case 'ResupplyShipped':
    case 'ExecutionCompleted':
    case 'ImprovementConfirmed':
    case 'FollowUpRequested':
    case 'ComplaintOwnerAssigned':
    case 'StoreResultRecorded':
    case 'SupplierCoordinationOpened':
    case 'SupplierCoordinationConcluded':
      return [];
  }
}
