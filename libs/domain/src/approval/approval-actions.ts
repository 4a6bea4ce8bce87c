/**
 * Things that need an approval (核决). Each is routed by the policy's matrix; amounts are in fen
 * and may be irrelevant (0) for actions that are not about money.
 */
export const APPROVAL_ACTIONS = [
  'handling_decision', // 客户投诉处理表 decision, by amount (001 §27)
  'investigation_report', // report to the VP in charge (001 §25.3)
  'severe_review', // severe complaint → VP in charge reviews at once (001 §18)
  'discount_certificate', // 销货折扣证明单, signed by the sales VP (001 §29.1(1))
  'return_slip', // 产品退货单, approved by the sales VP (001 §29.1(2))
  'return_request', // standalone return: sales confirms with the supervisor (001 篇3 退货流程 1)
  'individual_penalty', // 个人惩处, VP in charge (001 §25.4)
  'bonus_deduction_notice', // 奖罚通知单, GM (001 §28.2)
  'out_of_town_service', // 异地服务申请单, department manager (001 §12)
  'petition', // 签呈 when a customer objects to a receivable (001 §25.8)
] as const;

export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];
