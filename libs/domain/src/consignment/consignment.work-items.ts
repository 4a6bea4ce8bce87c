import type { WorkItem } from '../complaint/work-items';
import type { StageOf } from '../shared/case-types';
import type { ConsignmentState } from './consignment.types';

export type ConsignmentStage = StageOf<'consignment'>;
export type ConsignmentWorkItem = WorkItem<ConsignmentStage>;

/** The standing sales task: it stays open while the term runs, each sale a command on it. */
export const CONSIGNMENT_SALES_KEY = 'consignment_sales';

/**
 * Which human work a consignment's state needs: sales records the customer's signature (K03);
 * while the term runs sales records the sales (and the consignor's request for the goods back);
 * each period's report goes to the consignor by sales (K04); finance settles each settlement;
 * the warehouse receives the unsold goods against the list.
 */
export function consignmentWorkItems(s: ConsignmentState): ConsignmentWorkItem[] {
  if (s.status === 'closed') return [];
  const items: ConsignmentWorkItem[] = [];
  if (s.status === 'awaiting_signature')
    items.push({
      key: 'contract_signature',
      type: 'consignment_contract_signature',
      stage: 'contractSignature',
      department: 'sales',
      roles: [],
      commands: ['RecordSignature'],
      priority: 2,
      waitingFor: null,
    });
  if (s.status === 'active')
    items.push({
      key: CONSIGNMENT_SALES_KEY,
      type: 'consignment_sales',
      stage: 'sales',
      department: 'sales',
      roles: [],
      commands: ['RecordSales', 'RequestReturn'],
      priority: 3,
      waitingFor: null,
    });
  for (const r of s.reports)
    if (r.sentAt === null)
      items.push({
        key: `sales_report:${r.period}`,
        type: 'consignment_sales_report',
        stage: 'salesReport',
        department: 'sales',
        roles: [],
        commands: ['MarkReportSent'],
        priority: 2,
        waitingFor: null,
      });
  for (const x of s.settlements)
    if (x.settledAt === null)
      items.push({
        key: `settlement:${x.number}`,
        type: 'consignment_settlement',
        stage: 'settlement',
        department: 'finance',
        roles: [],
        commands: ['SettlePeriod'],
        priority: 2,
        waitingFor: null,
      });
  if (s.status === 'returning' && s.receipt === null)
    items.push({
      key: 'goods_return',
      type: 'consignment_goods_return',
      stage: 'goodsReturn',
      department: 'warehouse',
      roles: [],
      commands: ['RecordReturnReceipt'],
      priority: 2,
      waitingFor: null,
    });
  return items;
}

/** The stage a consignment is in, for the read model. */
export function consignmentStageOf(s: ConsignmentState): string {
  switch (s.status) {
    case 'awaiting_signature':
      return 'contractSignature';
    case 'active':
      return 'sales';
    case 'returning':
      return s.receipt === null ? 'goodsReturn' : 'settlement';
    case 'closed':
      return 'closed';
  }
}
