import type { WorkItem } from '../complaint/work-items';
import type { StageOf } from '../shared/case-types';
import type { ReturnState, ReturnStatus } from './return.types';

export type ReturnStage = StageOf<'return'>;

const item = (
  key: string,
  stage: ReturnStage,
  department: WorkItem['department'],
  roles: WorkItem['roles'],
  commands: string[],
  waitingFor: WorkItem['waitingFor'] = null,
): WorkItem<ReturnStage> => ({
  key,
  type: key,
  stage,
  department,
  roles,
  commands,
  priority: 2,
  waitingFor,
});

/** The policy stage a return status is in (`closed` once completed or rejected). */
export function returnStageOf(status: ReturnStatus): ReturnStage | 'closed' {
  switch (status) {
    case 'requested':
    case 'pending_approval':
      return 'supervisorApproval';
    case 'on_site_signatures':
    case 'on_site_countersign':
      return 'goodsReceipt';
    case 'slip_entry':
    case 'slip_pending_approval':
      return 'slipApproval';
    case 'awaiting_goods':
      return 'goodsReceipt';
    case 'reconciling':
      return 'reconciliation';
    case 'back_to_sales':
      return 'mismatchResolution';
    case 'refunding':
      return 'refund';
    case 'reshipping':
      return 'reship';
    case 'completed':
    case 'rejected':
      return 'closed';
  }
}

/**
 * The human work a return needs (DOMAIN.md §2). Once the slip is approved its copies reach the
 * warehouse and finance together (001 §29.1(2), §29.3): the warehouse receives and checks the
 * goods while finance already holds the reconciliation task with the approved quantity; finance's
 * clock waits for the goods (`waiting_for_goods`) and runs once they are received.
 */
export function returnWorkItems(state: ReturnState): WorkItem<ReturnStage>[] {
  switch (state.status) {
    case 'requested':
      // R10 001 篇3 一般售后 1–2: the supervisor first answers the problem and records it.
      return [
        item(
          'return_supervisor_answer',
          'supervisorApproval',
          'sales',
          ['supervisor'],
          ['RecordSupervisorAnswer'],
        ),
      ];
    case 'on_site_signatures':
      // R25 002 点货 ch.5 1B: print the slip, check it with the customer; handler and customer sign.
      return [item('on_site_slip_signature', 'goodsReceipt', 'sales', [], ['SignOnSiteSlip'])];
    case 'on_site_countersign':
      // R25: the department manager signs the on-site slip too.
      return [
        item(
          'on_site_slip_countersign',
          'goodsReceipt',
          'sales',
          ['manager'],
          ['CountersignOnSiteSlip'],
        ),
      ];
    case 'pending_approval':
      // 001 篇3 退货流程 1: the salesperson confirms with the supervisor.
      return [
        item(
          'return_request_approval',
          'supervisorApproval',
          'sales',
          ['supervisor'],
          ['ApproveReturnRequest', 'RejectReturnRequest'],
        ),
      ];
    case 'slip_entry':
      // R02 001 §29.1(2): sales fills in the return slip (reason, handling method, basis).
      return [item('return_slip_entry', 'slipApproval', 'sales', [], ['FillReturnSlip'])];
    case 'slip_pending_approval':
      // 001 §29.1(2): the return slip is approved by the sales VP.
      return [
        item('return_slip_approval', 'slipApproval', null, ['sales_vp'], ['ApproveReturnSlip']),
      ];
    case 'awaiting_goods':
      return [
        item('goods_receipt', 'goodsReceipt', 'warehouse', [], ['ReceiveGoods']),
        item('reconciliation', 'reconciliation', 'finance', [], ['Reconcile'], 'waiting_for_goods'),
      ];
    case 'reconciling':
      return [item('reconciliation', 'reconciliation', 'finance', [], ['Reconcile'])];
    case 'back_to_sales':
      // 001 §29.2: a mismatch (or failed check) goes back to sales with the difference.
      return [item('mismatch_resolution', 'mismatchResolution', 'sales', [], ['ResolveMismatch'])];
    case 'refunding':
      return [item('refund', 'refund', 'finance', [], ['RecordRefund'])];
    case 'reshipping':
      return [item('reship', 'reship', 'warehouse', [], ['RecordReshipment'])];
    case 'completed':
    case 'rejected':
      return [];
  }
}
