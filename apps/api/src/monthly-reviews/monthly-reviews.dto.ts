import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';
import { documentSchema } from '../cases/cases.dto';

/** A calendar month, "YYYY-MM" (the reviewed month: the complaints closed in it, local time). */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-11')
  .openapi({ example: '2026-11' });

export const startMonthlyReviewBodySchema = z
  .object({
    month: monthSchema.describe(
      'the month to review; it must have ended (local time). The schedule reviews the month ' +
        'before its fire on the 1st',
    ),
  })
  .strict()
  .openapi('StartMonthlyReviewRequest');
export type StartMonthlyReviewBody = z.infer<typeof startMonthlyReviewBodySchema>;

export const startedMonthlyReviewSchema = z
  .object({
    caseNumber: z.string().openapi({ example: 'YS202612-0001' }),
    month: monthSchema,
    started: z
      .boolean()
      .describe('false: this month’s review was already open (the schedule or an earlier start)'),
  })
  .openapi('StartedMonthlyReview');

export const monthlyReviewListQuerySchema = z
  .object({ month: monthSchema.optional().describe('only the review of this month') })
  .strict();

export const monthlyReviewSummarySchema = z
  .object({
    caseNumber: z.string(),
    month: monthSchema,
    status: z.string().describe('reviewing, documents or closed'),
    stage: z.string().describe('review, announcement, noticeApproval, deduction or closed'),
    openedAt: z.string(),
    openedBy: z.string().describe('`system` when the schedule opened it'),
    dueAt: z
      .string()
      .nullable()
      .describe('Decision 6: 18:00 on the last working day before the 10th of the next month'),
    closedAt: z.string().nullable(),
    reviewedOnTime: z.boolean().nullable(),
    overdue: z.boolean(),
    sourceComplaints: z.array(z.string()).describe('the month’s closed complaints reviewed'),
    totalDeductionFen: z.number().int().nullable().describe('the 奖罚通知单’s total'),
    approvedDeductionFen: z.number().int().nullable().describe('the total once the GM approved'),
  })
  .openapi('MonthlyReviewSummary');
export type MonthlyReviewSummary = z.infer<typeof monthlyReviewSummarySchema>;

export const staffRatingSchema = z
  .object({
    staffId: z.string(),
    calls: z.number().int().describe('recorded follow-up calls whose survey rates this person'),
    scoreRate: z.number().describe('mean survey total / maximum, 0–1'),
    items: z
      .record(z.record(z.number().int()))
      .describe('per 001 §17 item (attitude, skill, arrival_time, promises_kept): grade → count'),
    followUps: z.array(z.string()),
  })
  .openapi('StaffRating');

export const monthlyReviewDetailSchema = monthlyReviewSummarySchema
  .extend({
    documents: z
      .array(documentSchema)
      .describe('人事公布单 (personnel_announcement) and 奖罚通知单 (reward_penalty_notice)'),
    appraisal: z
      .object({
        basis: z.string(),
        staffRatings: z
          .array(staffRatingSchema)
          .describe(
            '001 §15 (M04): customers’ ratings of service staff from the follow-up surveys of the ' +
              'cases closed in the month (the calls are made days after the close)',
          ),
      })
      .describe('the month’s appraisal data (000 §六.2: appraised in the first ten days after)'),
  })
  .openapi('MonthlyReview');
export type MonthlyReviewDetail = z.infer<typeof monthlyReviewDetailSchema>;

const monthParams = z.object({ month: monthSchema });

registerRoute({
  method: 'post',
  path: 'monthly-reviews',
  tag: 'monthly-reviews',
  summary: 'Start a month’s complaint review by hand (GM office, admins)',
  description:
    'The monthly complaint review of 001 §28 (M01–M03; Decision 6) is started by each ' +
    'organisation’s schedule on the 1st at 00:05 Asia/Shanghai. This starts the same starter ' +
    'for a month that has ended: a month is reviewed once, whoever starts it — a second start ' +
    '(or the schedule’s fire) answers the same case number with `started: false`. The GM ' +
    'office’s review task is due 18:00 on the last working day before the 10th of the next month.',
  body: startMonthlyReviewBodySchema,
  response: {
    status: 201,
    description: 'The month’s review (YS…), opened now or before',
    schema: startedMonthlyReviewSchema,
  },
  errors: [422],
});
registerRoute({
  method: 'get',
  path: 'monthly-reviews',
  tag: 'monthly-reviews',
  summary: 'The organisation’s monthly complaint reviews, newest month first',
  query: monthlyReviewListQuerySchema,
  response: {
    status: 200,
    description: 'Reviews',
    schema: z.array(monthlyReviewSummarySchema),
  },
});
registerRoute({
  method: 'get',
  path: 'monthly-reviews/:month',
  tag: 'monthly-reviews',
  summary: 'One month’s review with its documents (人事公布单, 奖罚通知单)',
  params: monthParams,
  response: { status: 200, description: 'The review', schema: monthlyReviewDetailSchema },
  errors: [404],
});
