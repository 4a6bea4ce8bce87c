import type { ConsignmentEvent, ConsignmentState } from '@aso/domain';
import {
  type CaseRecord,
  auditRecord,
  createDocument,
  updateDocument,
} from '../shared/case-records';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * What each consignment event means for its documents (002 ch.12): the 委托代销清单 `<case>-L`
 * with every item's code and the label data (one label per unit, K02), the consignment
 * contract `<case>-C` (sent for the customer's signature when absent, K03), a sales report per
 * period `<case>-R<n>` (K04), a settlement statement per settlement `<case>-S<n>` and the
 * warehouse's return receipt `<case>-G` checked against the list. Pure.
 */
export function consignmentRecords(e: ConsignmentEvent, s: ConsignmentState): CaseRecord[] {
  switch (e.type) {
    case 'ConsignmentOpened':
      return [
        createDocument(e, {
          docType: 'consignment_list',
          docNumber: e.listNumber,
          revision: 1,
          supersedesRevision: null,
          status: 'counted',
          content: {
            title: '委托代销清单 Consignment list',
            basis:
              '002 ch.12 1 将客户委托代卖的商品认真核对数量后,打印一份“委托代销”清单,并将每一个需代销的商品贴上编号',
            consignor: e.consignor,
            customerKind: e.customerKind,
            items: e.items.map((i) => ({
              code: i.code,
              item: i.item,
              quantity: i.quantity,
              priceFen: i.priceFen,
            })),
            labels: e.items.map((i) => ({ code: i.code, item: i.item, copies: i.quantity })),
            totalQuantity: e.items.reduce((n, i) => n + i.quantity, 0),
            totalValueFen: e.items.reduce((n, i) => n + i.quantity * i.priceFen, 0),
          },
          distribution: [
            { department: 'sales', copy: 1 },
            { department: 'warehouse', copy: 2 },
            { department: 'finance', copy: 3 },
          ],
          signatures: [{ by: e.by, role: 'counted_by', at: iso(e.at) }],
        }),
        createDocument(e, {
          docType: 'consignment_contract',
          docNumber: e.contractNumber,
          revision: 1,
          supersedesRevision: null,
          status: e.customerPresent ? 'drafted' : 'awaiting_signature',
          content: {
            title: '代销合同 Consignment contract',
            listNumber: e.listNumber,
            consignor: e.consignor,
            terms: e.terms,
            signatureDueAt: e.customerPresent ? null : iso(e.signatureDueAt),
          },
          distribution: [
            { department: 'sales', copy: 1 },
            { department: 'finance', copy: 2 },
          ],
          signatures: [{ by: e.by, role: 'company', at: iso(e.at) }],
        }),
      ];
    case 'SignatureRequested':
      return [
        auditRecord('consignment.signature_requested', e, {
          basis: '002 ch.12 2 若客户不在现场,应将代销商品数量,以及代销合同报给客户,让客户签字认可',
          contractNumber: e.contractNumber,
          listNumber: s.listNumber,
          dueAt: iso(e.dueAt),
        }),
      ];
    case 'SignatureReminderSent':
      return [
        auditRecord('consignment.signature_reminder', e, {
          reminder: e.reminder,
          dueAt: iso(e.dueAt),
          contractNumber: s.contractNumber,
        }),
      ];
    case 'ConsignmentSigned':
      return [
        updateDocument(e, {
          docType: 'consignment_contract',
          docNumber: s.contractNumber,
          revision: 1,
          status: 'signed',
          content: { signatory: e.signatory, signedAt: iso(e.at) },
          sign: { by: e.signatory, role: 'consignor' },
        }),
        updateDocument(e, {
          docType: 'consignment_list',
          docNumber: s.listNumber,
          revision: 1,
          status: 'signed',
          sign: { by: e.signatory, role: 'consignor' },
        }),
      ];
    case 'PeriodReported': {
      const r = e.report;
      return [
        createDocument(e, {
          docType: 'consignment_sales_report',
          docNumber: r.docNumber,
          revision: 1,
          supersedesRevision: null,
          status: 'generated',
          content: {
            title: '代销销售报告 Consignment sales report',
            basis: '002 ch.12 3 定期与客户汇报销售情况',
            period: r.period,
            from: iso(r.from),
            to: iso(r.to),
            final: r.final,
            lines: r.lines,
            proceedsFen: r.proceedsFen,
            stockLeft: r.lines.reduce((n, l) => n + l.stockLeft, 0),
            listNumber: s.listNumber,
          },
          distribution: [
            { department: 'sales', copy: 1 },
            { department: 'finance', copy: 2 },
          ],
          signatures: [],
        }),
      ];
    }
    case 'ReportSent':
      return [
        updateDocument(e, {
          docType: 'consignment_sales_report',
          docNumber: e.docNumber,
          revision: 1,
          status: 'sent',
          content: { sentAt: iso(e.at), channel: e.channel },
          sign: { by: e.by, role: 'sales' },
        }),
      ];
    case 'SettlementDue': {
      const x = e.settlement;
      return [
        createDocument(e, {
          docType: 'consignment_settlement',
          docNumber: x.docNumber,
          revision: 1,
          supersedesRevision: null,
          status: 'awaiting_settlement',
          content: {
            title: '代销结算单 Consignment settlement',
            periods: x.periods,
            proceedsFen: x.proceedsFen,
            commissionBp: s.terms.commissionBp,
            commissionFen: x.commissionFen,
            netFen: x.netFen,
          },
          distribution: [
            { department: 'finance', copy: 1 },
            { department: 'sales', copy: 2 },
          ],
          signatures: [],
        }),
      ];
    }
    case 'SettlementSettled':
      return [
        updateDocument(e, {
          docType: 'consignment_settlement',
          docNumber: e.docNumber,
          revision: 1,
          status: 'settled',
          content: { voucherRef: e.voucherRef, settledAt: iso(e.at) },
          sign: { by: e.by, role: 'finance' },
        }),
      ];
    case 'ReturnReceived': {
      const r = e.receipt;
      return [
        createDocument(e, {
          docType: 'consignment_return_receipt',
          docNumber: `${s.caseNumber}-G`,
          revision: 1,
          supersedesRevision: null,
          status: r.discrepancies.length === 0 ? 'matched' : 'discrepancy',
          content: {
            title: '代销退货入库单 Consignment return receipt',
            listNumber: s.listNumber,
            expected: r.expected,
            received: r.lines,
            discrepancies: r.discrepancies,
            note: r.note,
          },
          distribution: [
            { department: 'warehouse', copy: 1 },
            { department: 'sales', copy: 2 },
          ],
          signatures: [{ by: e.by, role: 'warehouse', at: iso(e.at) }],
        }),
        updateDocument(e, {
          docType: 'consignment_list',
          docNumber: s.listNumber,
          revision: 1,
          status: 'returned',
          content: { returnReceipt: `${s.caseNumber}-G` },
        }),
      ];
    }
    case 'SalesRecorded':
    case 'ReturnRequested':
    case 'ConsignmentClosed':
      return [];
  }
}
