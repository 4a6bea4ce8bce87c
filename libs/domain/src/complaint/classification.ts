import type { PolicyDocument } from '../policy/policy.schema';
import type { Role } from '../shared/org';

/** 001 §23: complaints are classified by cause into quality and non-quality (transport, handling …). */
export const COMPLAINT_CAUSES = [
  'product_quality',
  'transport',
  'handling',
  'wrong_item',
  'service',
  'other',
] as const;
export type ComplaintCause = (typeof COMPLAINT_CAUSES)[number];
export type ComplaintCategory = 'quality' | 'non_quality';
export type Severity = 'general' | 'severe';

export const categoryOf = (cause: ComplaintCause): ComplaintCategory =>
  cause === 'product_quality' ? 'quality' : 'non_quality';

export interface SeverityRouting {
  severity: Severity;
  /** severe → an immediate review task for the VP in charge (001 §18 应即提呈副总经理核阅或核转) */
  reviewBy: { role: Role } | null;
  /** severe → the outcome is sent to the customer by letter (函告); general → letter or phone */
  customerNotice: 'letter' | 'letter_or_phone';
  basis: string;
}

export function routeSeverity(severity: Severity, policy: PolicyDocument): SeverityRouting {
  return severity === 'severe'
    ? {
        severity,
        reviewBy: { role: policy.complaint.severeReviewer.role },
        customerNotice: 'letter',
        basis: '001 §18',
      }
    : {
        severity,
        reviewBy: null,
        customerNotice: 'letter_or_phone',
        basis: '001 §18 属一般性质者客户服务部自行酌情处理',
      };
}

/** 001 §25.4: human negligence is exempt from improvement tracking (人为疏忽免列案追踪). */
export const improvementTrackingRequired = (
  requested: boolean,
  humanNegligence: boolean,
  policy: PolicyDocument,
): boolean => requested && !(humanNegligence && policy.complaint.humanNegligenceExemptFromTracking);
