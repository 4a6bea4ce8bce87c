import type { ReturnEvent, ReturnState } from '@aso/domain';
import {
  auditRecord,
  type CaseRecord,
  createDocument,
  type DocumentChange,
  updateDocument,
} from '../shared/case-records';

/**
 * What each return event means for the return slip 产品退货单 and its copies (001 §29.1(2),
 * §29.3) and the approval explanation of its signature (001 §27). Pure: the runtime audits the
 * event itself, then applies these in order.
 */
export function returnRecords(e: ReturnEvent, s: ReturnState, caseNumber: string): CaseRecord[] {
  const slip = (
    status: string,
    content?: Record<string, unknown>,
    sign?: { by: string; role: string },
  ): CaseRecord[] => {
    const change: DocumentChange = {
      docType: 'return_slip',
      docNumber: caseNumber,
      revision: 1,
      status,
    };
    if (content) change.content = content;
    if (sign) change.sign = sign;
    return [updateDocument(e, change)];
  };
  // A price difference or shipping claim moves no goods and has no slip.
  const goods = !s.settlement;
  switch (e.type) {
    case 'ReturnRequested':
      return requestRecords(e);
    case 'ReturnRequestApproved':
      if (!goods || !s.request) return [];
      return [standaloneSlip(e, s, caseNumber)];
    case 'OnSiteSlipSigned':
      // R25: the handler (经手人) and the customer sign the printed slip.
      return slip(
        'signed_on_site',
        { customerSignature: e.customerSignature },
        {
          by: e.by,
          role: 'handler',
        },
      ).concat(
        updateDocument(e, {
          docType: 'return_slip',
          docNumber: caseNumber,
          revision: 1,
          status: 'signed_on_site',
          sign: { by: e.customerSignature, role: 'customer' },
        }),
      );
    case 'OnSiteSlipCountersigned':
      return slip('countersigned', undefined, { by: e.by, role: 'department_manager' });
    case 'ReturnSlipIssued':
      return [
        createDocument(e, {
          docType: 'return_slip',
          docNumber: caseNumber,
          revision: 1,
          supersedesRevision: null,
          status: 'issued',
          content: {
            parentCaseNumber: e.parentCaseNumber,
            reason: e.slip.reason,
            method: e.slip.method,
            basis: e.slip.basis,
            approvedQuantity: e.slip.approvedQuantity,
            returnedQuantity: null,
          },
          signatures: [{ by: e.by, role: 'issuer', at: new Date(e.at).toISOString() }],
        }),
      ];
    case 'ReturnSlipApproved':
      return [
        auditRecord('approval.signed', e, {
          action: 'return_slip',
          explanation: s.slip?.route.explanation ?? null,
        }),
        updateDocument(e, {
          docType: 'return_slip',
          docNumber: caseNumber,
          revision: 1,
          status: 'approved',
          distribution: e.copies.map((c) => ({ department: c.holder, copy: c.copy })),
          sign: { by: e.by, role: 'sales_vp' },
        }),
      ];
    case 'GoodsCheckFailed':
      return slip('check_failed', {
        lastCheck: {
          quantity: e.quantity,
          complete: e.complete,
          undamaged: e.undamaged,
          note: e.note,
        },
      });
    case 'GoodsReceived':
      return slip(
        'received',
        { returnedQuantity: e.totalReturned },
        { by: e.by, role: 'warehouse' },
      );
    case 'ReconciliationMismatched':
      return slip('quantity_mismatch', { reconciliation: e.reconciliation });
    case 'MismatchResolved':
      return slip('awaiting_goods', {
        mismatchResolution: { resolution: e.resolution, note: e.note },
      });
    case 'ReconciliationMatched':
      return slip(
        'reconciled',
        { reconciliation: e.reconciliation, voucherNumber: e.voucherNumber },
        { by: e.by, role: 'finance' },
      );
    case 'RefundRecorded':
      return goods ? slip('refunded', { refundFen: e.amountFen }) : [];
    case 'ReshipmentRecorded':
      return slip('reshipped', { shipmentNumber: e.shipmentNumber });
    case 'ReturnSlipRequested':
    case 'ReturnCompleted':
    case 'ReturnRequestRejected':
    case 'SupervisorAnswered':
    case 'FollowUpRequested':
      return [];
  }
}

type RequestedEvent = Extract<ReturnEvent, { type: 'ReturnRequested' }>;

/**
 * The explanation record of a customer's own request (DOMAIN.md "Decisions": the record names
 * the rule that decided and whether the seed says it): eligibility with the deciding rule, the
 * shipping payer (R16) and any missing parts (Decision 8); or the money a price difference
 * (R18–R20) or a shipping claim (R13) is owed.
 */
function requestRecords(e: RequestedEvent): CaseRecord[] {
  if (e.eligibility) {
    const el = e.eligibility;
    return [
      auditRecord('eligibility.explained', e, {
        decision: el.decision,
        rule: el.decidedBy.rule,
        basis: el.decidedBy.basis,
        message: el.decidedBy.message,
        source: el.decidedBy.rule.startsWith('Decision') ? 'default' : 'seed',
        shippingPaidBy: el.shippingPaidBy,
        missingParts: el.missingParts,
        withinWindow: el.withinWindow,
        windowEndsAt: new Date(el.windowEndsAt).toISOString(),
        reasons: el.reasons.map((r) => ({ rule: r.rule, code: r.code, basis: r.basis })),
        policyVersion: el.policyVersion,
      }),
    ];
  }
  if (e.settlement)
    return [
      auditRecord('settlement.explained', e, {
        kind: e.settlement.kind,
        refundFen: e.settlement.refundFen,
        offer: e.settlement.offer,
        rule: e.settlement.rule,
        basis: e.settlement.basis,
        source: 'seed',
        policyVersion: e.policyVersion,
      }),
    ];
  return [];
}

/**
 * The return slip of a customer's own return, issued once the supervisor approved it: what
 * comes back, who pays the shipping (R16) and the parts missing from a quality return
 * (Decision 8). An on-site return's slip is printed for the customer to check (R25).
 */
function standaloneSlip(
  e: { by: string; at: number },
  s: ReturnState,
  caseNumber: string,
): CaseRecord {
  const r = s.request as NonNullable<ReturnState['request']>;
  const el = s.eligibility;
  return createDocument(e, {
    docType: 'return_slip',
    docNumber: caseNumber,
    revision: 1,
    supersedesRevision: null,
    status: r.channel === 'on_site' ? 'printed' : 'approved',
    content: {
      parentCaseNumber: null,
      orderNumber: r.orderNumber,
      serialNumber: r.serialNumber,
      customerAccount: r.customerAccount,
      reason: r.reason,
      method: s.method,
      basis: el ? `${el.decidedBy.rule} ${el.decidedBy.basis}` : null,
      approvedQuantity: s.approvedQuantity,
      returnedQuantity: null,
      shippingPaidBy: el?.shippingPaidBy ?? null,
      missingParts: el?.missingParts ?? [],
      onSite: r.channel === 'on_site',
    },
    signatures: [
      { by: s.requestedBy, role: 'issuer', at: new Date(e.at).toISOString() },
      { by: e.by, role: 'supervisor', at: new Date(e.at).toISOString() },
    ],
  });
}
