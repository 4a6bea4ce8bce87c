// The workflow bundle's entry: every workflow type the worker registers.
export { complaint } from './complaint/complaint.workflow';
export { returnCase } from './return/return.workflow';
export { repairCase } from './repair/repair.workflow';
export { followUpCase } from './follow-up/follow-up.workflow';
export { monthlyReview } from './review/review.workflow';
export { consignmentCase } from './consignment/consignment.workflow';
export { monthlyReviewStart } from './review/review-start.workflow';
export { followUpPlanRun } from './follow-up/plan-run.workflow';
export { webhookDelivery } from './webhooks/webhook-delivery.workflow';
export { improvementMeasure } from './improvement/improvement.workflow';
