import { useQuery } from '@tanstack/react-query';
import { api, ok, type Schemas } from '../../api/client';

type Doc = Schemas['Document'];
type AuditEvent = Schemas['AuditEvent'];

/** The case's documents (the same query, and cache entry, as the case page's documents tab). */
export const useDocuments = (caseNumber: string) =>
  useQuery({
    queryKey: ['case', caseNumber, 'documents'],
    queryFn: async () =>
      ok(await api.GET('/cases/{caseNumber}/documents', { params: { path: { caseNumber } } })),
  });

export interface ListItem {
  code: string;
  item: string;
  quantity: number;
  priceFen: number;
}
export interface Sale {
  saleId: string;
  code: string;
  quantity: number;
  soldAt: number;
  by: string;
}
export interface ReportLine {
  code: string;
  item: string;
  soldInPeriod: number;
  soldTotal: number;
  stockLeft: number;
  proceedsFen: number;
}

const byType = (docs: readonly Doc[], type: string) =>
  docs
    .filter((d) => d.docType === type)
    .sort((a, b) => a.docNumber.localeCompare(b.docNumber, 'en', { numeric: true }));

/**
 * A consignment as its documents and audit trail tell it (002 ch.12), so the page reads the
 * same whether the workflow still runs or has closed: the 委托代销清单 (its items and codes,
 * K02), the contract (terms, signature, K03), the period reports (K04), the settlements and
 * the return receipt from the documents; every sale from the trail's SalesRecorded events.
 */
export function consignmentOf(docs: readonly Doc[], events: readonly AuditEvent[]) {
  const list = byType(docs, 'consignment_list')[0];
  const contract = byType(docs, 'consignment_contract')[0];
  const items = (list?.content.items ?? []) as ListItem[];
  const sales: Sale[] = events
    .filter((e) => e.action === 'consignment.SalesRecorded')
    .flatMap((e) =>
      ((e.data.sales ?? []) as Array<Omit<Sale, 'by'>>).map((s) => ({ ...s, by: e.actor })),
    );
  const sold = new Map<string, number>();
  for (const s of sales) sold.set(s.code, (sold.get(s.code) ?? 0) + s.quantity);
  return {
    list,
    contract,
    items: items.map((i) => ({
      ...i,
      sold: sold.get(i.code) ?? 0,
      stockLeft: i.quantity - (sold.get(i.code) ?? 0),
    })),
    labels: (list?.content.labels ?? []) as Array<{ code: string; item: string; copies: number }>,
    sales,
    reports: byType(docs, 'consignment_sales_report'),
    settlements: byType(docs, 'consignment_settlement'),
    receipt: byType(docs, 'consignment_return_receipt')[0],
  };
}
