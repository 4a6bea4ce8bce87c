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
  switch (e.type) {
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
      return slip('refunded', { refundFen: e.amountFen });
    case 'ReshipmentRecorded':
      return slip('reshipped', { shipmentNumber: e.shipmentNumber });
    case 'ReturnCompleted':
    case 'ReturnRequested':
    case 'ReturnRequestApproved':
    case 'ReturnRequestRejected':
      return [];
  }
}
