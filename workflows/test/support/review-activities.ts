import type { ReviewActivities } from '@aso/contracts';
import { type AnnualAppraisalSources, type ReviewedComplaint, caseNumberAt } from '@aso/domain';
import type { RecordingActivities } from './recording-activities';

/** In-memory review activities with the real ones' idempotency (one number per org + month). */
export function reviewActivities(recorded: RecordingActivities) {
  const numbers = new Map<string, string>();
  const sources = new Map<string, ReviewedComplaint[]>();
  /** `<organisation>/<year>` → what the annual appraisal reads (M05) */
  const annual = new Map<string, AnnualAppraisalSources>();
  let seq = 0;
  const activities: ReviewActivities = {
    async reserveMonthlyReview({ organisationId, month, at }) {
      const key = `${organisationId}/${month}`;
      const existing = numbers.get(key);
      if (existing) return { caseNumber: existing };
      const caseNumber = caseNumberAt('YS', new Date(at), ++seq);
      numbers.set(key, caseNumber);
      return { caseNumber };
    },
    async monthlyReviewComplaints({ organisationId, month }) {
      return sources.get(`${organisationId}/${month}`) ?? [];
    },
    async annualAppraisalSources({ organisationId, year }) {
      return annual.get(`${organisationId}/${year}`) ?? { year, months: [], staffRatings: [] };
    },
    async linkReviewDocument(input) {
      await recorded.activities.appendAudit(
        input.complaints.map((caseNumber) => ({
          organisationId: input.organisationId,
          caseNumber,
          key: `review:${input.docType}:${input.docNumber}`,
          occurredAt: input.at,
          actor: input.actor,
          action: 'review.document_linked',
          data: {
            reviewCaseNumber: input.reviewCaseNumber,
            docType: input.docType,
            docNumber: input.docNumber,
          },
          policyVersion: input.policyVersion,
        })),
      );
    },
  };
  return { activities, sources, annual };
}
