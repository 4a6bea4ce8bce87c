import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';
import { staffRatingSchema } from '../monthly-reviews/monthly-reviews.dto';
import type { ServiceAppraisalReport } from './service-appraisal.service';

const periodSchema = z.object({
  period: z.string().describe('YYYY-MM, YYYY-Qn or YYYY'),
  calls: z.number().int(),
  staff: z.array(staffRatingSchema),
});

export const serviceAppraisalReportSchema = z
  .object({
    organisation: z.string(),
    timeZone: z.literal('Asia/Shanghai'),
    basis: z.string(),
    generatedAt: z.string().datetime(),
    year: z.string(),
    months: z.array(periodSchema),
    quarters: z.array(periodSchema),
    total: periodSchema,
  })
  .openapi('ServiceAppraisalReport') satisfies z.ZodType<ServiceAppraisalReport>;

registerRoute({
  method: 'get',
  path: 'reports/service-appraisal',
  tag: 'reports',
  summary: 'Service appraisal of a year by month, quarter and year (003 §五.2)',
  description:
    'Managers, the GM office and auditors. Each service person’s customer ratings from the ' +
    '001 §17 follow-up surveys, in the month (quarter, year) the followed case closed, Asia/Shanghai.',
  query: z.object({ year: z.string().openapi({ example: '2026' }) }),
  response: { status: 200, description: 'The appraisal', schema: serviceAppraisalReportSchema },
});
