import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '@aso/config';
import {
  dayIndexOfIsoDate,
  dayStartMs,
  formatLocal,
  nextMonthOf,
  staffRatingsOf,
} from '@aso/domain';
import { DocumentsRepository, ReviewSourcesRepository, type ReviewRow } from '@aso/persistence';
import { startMonthlyReview, TEMPORAL_CLIENT } from '@aso/temporal';
import { assertMayReadMonthlyReviews, assertMayStartMonthlyReview } from '../auth/access-policy';
import { toCaseActor, type AuthUser } from '../auth/auth-user';
import { toDocumentView } from '../cases/case.view';
import { CasesService } from '../cases/cases.service';
import { ApiError } from '../common/api-error';
import { CLOCK, type Clock } from '../common/clock';
import { PoliciesService } from '../policies/policies.service';

import type {
  MonthlyReviewDetail,
  MonthlyReviewSummary,
  StartMonthlyReviewBody,
} from './monthly-reviews.dto';

const REVIEW_DOCUMENTS = new Set([
  'personnel_announcement',
  'reward_penalty_notice',
  // M05 000 §六.2: December's review also issues the year's annual appraisal
  'annual_appraisal',
]);

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const summaryOf = (r: ReviewRow): MonthlyReviewSummary => ({
  caseNumber: r.caseNumber,
  month: r.month,
  status: r.status,
  stage: r.stage,
  openedAt: r.openedAt.toISOString(),
  openedBy: r.openedBy,
  dueAt: iso(r.dueAt),
  closedAt: iso(r.closedAt),
  reviewedOnTime: r.reviewedOnTime,
  overdue: r.overdue,
  sourceComplaints: r.sourceComplaints,
  totalDeductionFen: r.totalDeductionFen,
  approvedDeductionFen: r.approvedDeductionFen,
});

/**
 * The monthly complaint review (001 §28) over HTTP: a month started by hand through the
 * schedule's own starter (libs/temporal schedules.ts) — once per organisation and month,
 * whoever starts it — and the reviews and their documents read from the read models. The
 * review's tasks are worked through /tasks like every case's.
 */
@Injectable()
export class MonthlyReviewsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reviews: ReviewSourcesRepository,
    private readonly documents: DocumentsRepository,
    private readonly caseViews: CasesService,
    private readonly policies: PoliciesService,
  ) {}

  async start(user: AuthUser, { month }: StartMonthlyReviewBody) {
    assertMayStartMonthlyReview(user);
    const organisationId = user.organisationId;
    const policy = await this.policies.current(organisationId);
    const current = formatLocal(this.clock().getTime(), policy.calendar.utcOffsetMinutes).slice(
      0,
      7,
    );
    if (month >= current) {
      throw new ApiError('VALIDATION_FAILED', `Invalid input: body.month`, {
        issues: [
          {
            path: 'body.month',
            message: `must be a month that has ended (before ${current}, local time)`,
          },
        ],
      });
    }
    const result = await startMonthlyReview(this.client, this.config.TEMPORAL_TASK_QUEUE, {
      organisationId,
      month,
      openedBy: toCaseActor(user),
    });
    await this.caseViews.awaitRow(organisationId, result.caseNumber);
    return result;
  }

  async list(user: AuthUser, month?: string): Promise<MonthlyReviewSummary[]> {
    assertMayReadMonthlyReviews(user);
    return (await this.reviews.reviews(user.organisationId, month)).map(summaryOf);
  }

  async detail(user: AuthUser, month: string): Promise<MonthlyReviewDetail> {
    assertMayReadMonthlyReviews(user);
    const [row] = await this.reviews.reviews(user.organisationId, month);
    if (!row) throw new ApiError('NOT_FOUND', `No review of ${month}`, { month });
    const documents = await this.documents.forCase(user.organisationId, row.caseNumber);
    const offset = (await this.policies.current(user.organisationId)).calendar.utcOffsetMinutes;
    const monthStart = (m: string) => new Date(dayStartMs(dayIndexOfIsoDate(`${m}-01`), offset));
    const ratings = await this.reviews.serviceRatings(
      user.organisationId,
      monthStart(month),
      monthStart(nextMonthOf(month)),
    );
    return {
      ...summaryOf(row),
      documents: documents.filter((d) => REVIEW_DOCUMENTS.has(d.docType)).map(toDocumentView),
      appraisal: {
        basis: '000 §六.2 月度考核于次月上旬进行; 001 §15 品评资料作为服务人员每月绩效考核之一',
        staffRatings: staffRatingsOf(ratings),
      },
    };
  }
}
