import type { ReviewActivities } from '@aso/contracts';
import {
  COMPLAINT_CAUSES,
  type ComplaintCause,
  caseNumberAt,
  dayIndexOfIsoDate,
  dayStartMs,
  nextMonthOf,
  type PenaltyProposal,
  type ReviewedComplaint,
  staffRatingsOf,
} from '@aso/domain';
import type {
  AuditRepository,
  CasesRepository,
  JsonObject,
  ReviewSourcesRepository,
} from '@aso/persistence';

export interface ReviewActivityPorts {
  cases: CasesRepository;
  audit: AuditRepository;
  reviewSources: ReviewSourcesRepository;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

const penaltiesOf = (v: unknown): PenaltyProposal[] =>
  Array.isArray(v)
    ? v.flatMap((p: unknown) => {
        const o = p as Partial<PenaltyProposal> | null;
        return o && typeof o.personId === 'string' && typeof o.kind === 'string'
          ? [{ personId: o.personId, kind: o.kind, amountFen: Number(o.amountFen ?? 0) }]
          : [];
      })
    : [];

const causeOf = (v: string | null): ComplaintCause | null =>
  v !== null && (COMPLAINT_CAUSES as readonly string[]).includes(v) ? (v as ComplaintCause) : null;

/**
 * The monthly review's reads and links (001 §28): its number drawn once per organisation and
 * month (the case-intent table, the opening's own idempotency: a second start gets the same
 * number), last month's closed complaints from the read models, and the document links appended
 * to each source complaint's audit trail (keyed by the document: once, however often retried).
 */
export function createReviewActivities(ports: ReviewActivityPorts): ReviewActivities {
  return {
    async reserveMonthlyReview({ organisationId, month, at }) {
      const intent = await ports.cases.recordIntent({
        organisationId,
        userId: 'system',
        key: `monthly-review:${month}`,
        requestHash: `monthly-review:${month}`,
        prefix: 'YS',
        now: new Date(at),
        numberFor: (seq) => caseNumberAt('YS', new Date(at), seq),
      });
      return { caseNumber: intent.caseNumber };
    },

    async monthlyReviewComplaints({ organisationId, month, utcOffsetMinutes }) {
      const from = new Date(dayStartMs(dayIndexOfIsoDate(`${month}-01`), utcOffsetMinutes));
      const to = new Date(
        dayStartMs(dayIndexOfIsoDate(`${nextMonthOf(month)}-01`), utcOffsetMinutes),
      );
      const rows = await ports.reviewSources.closedComplaints(organisationId, from, to);
      return rows.map((r): ReviewedComplaint => ({
        caseNumber: r.caseNumber,
        closedAt: r.closedAt.toISOString(),
        cause: causeOf(r.cause),
        responsibleUnit: typeof r.form?.responsibleUnit === 'string' ? r.form.responsibleUnit : '',
        responsiblePersons: strings(r.form?.responsiblePersons),
        formRevision: r.formRevision ?? 0,
        penalties: penaltiesOf(r.form?.penalties),
      }));
    },

    async annualAppraisalSources({ organisationId, year, utcOffsetMinutes }) {
      const start = (y: number) =>
        new Date(dayStartMs(dayIndexOfIsoDate(`${y}-01-01`), utcOffsetMinutes));
      const reviews = (await ports.reviewSources.reviews(organisationId)).filter((r) =>
        r.month.startsWith(`${year}-`),
      );
      // one review per month (a month has at most one: its number is drawn once)
      const months = [...new Map(reviews.map((r) => [r.month, r])).values()]
        .sort((a, b) => a.month.localeCompare(b.month))
        .map((r) => ({
          month: r.month,
          caseNumber: r.caseNumber,
          status: r.status,
          complaints: r.sourceComplaints.length,
          totalDeductionFen: r.totalDeductionFen,
          approvedDeductionFen: r.approvedDeductionFen,
          reviewedOnTime: r.reviewedOnTime,
        }));
      const ratings = await ports.reviewSources.serviceRatings(
        organisationId,
        start(Number(year)),
        start(Number(year) + 1),
      );
      return { year, months, staffRatings: staffRatingsOf(ratings) };
    },

    async linkReviewDocument(input) {
      for (const caseNumber of input.complaints) {
        await ports.audit.appendKeyed({
          organisationId: input.organisationId,
          caseNumber,
          key: `review:${input.docType}:${input.docNumber}`,
          occurredAt: new Date(input.at),
          actor: input.actor,
          action: 'review.document_linked',
          data: {
            reviewCaseNumber: input.reviewCaseNumber,
            docType: input.docType,
            docNumber: input.docNumber,
            basis: '001 §28',
          } as JsonObject,
          policyVersion: input.policyVersion,
        });
      }
    },
  };
}
