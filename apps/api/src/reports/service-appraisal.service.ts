import { Inject, Injectable } from '@nestjs/common';
import { serviceAppraisalOf, type ServiceAppraisal } from '@aso/domain';
import { ReviewSourcesRepository } from '@aso/persistence';
import { z } from 'zod';
import type { AuthUser } from '../auth/auth-user';
import { CLOCK, type Clock } from '../common/clock';
import { parseInput } from '../common/parse-input';
import { assertMayReadReports } from './report-access';

/** The company's time zone (fixed UTC+8), as the other reports. */
const SHANGHAI_OFFSET_MINUTES = 480;

export const serviceAppraisalQuerySchema = z.object({
  year: z
    .string({ required_error: 'required (YYYY)' })
    .regex(/^(19|20)\d{2}$/, 'must be a year YYYY (1900–2099)'),
});

export type ServiceAppraisalReport = ServiceAppraisal & {
  organisation: string;
  timeZone: 'Asia/Shanghai';
  basis: string;
  generatedAt: string;
};

/**
 * M06 003 §五.2 服务考核按月、季、年度进行: the service staff's customer ratings from the
 * follow-up surveys (the monitoring data of 003 §五), per person by month, quarter and year.
 * The same reads as the monthly appraisal data (M04, GET /monthly-reviews/:month).
 */
@Injectable()
export class ServiceAppraisalService {
  constructor(
    private readonly reviews: ReviewSourcesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async report(user: AuthUser, query: unknown): Promise<ServiceAppraisalReport> {
    assertMayReadReports(user);
    const { year } = parseInput(serviceAppraisalQuerySchema, query, 'query');
    const start = (y: number) => new Date(`${y}-01-01T00:00:00+08:00`);
    const rows = await this.reviews.serviceRatings(
      user.organisationId,
      start(Number(year)),
      start(Number(year) + 1),
    );
    const appraisal = serviceAppraisalOf(
      year,
      rows.map((r) => ({ ...r, closedAt: r.closedAt.toISOString() })),
      SHANGHAI_OFFSET_MINUTES,
    );
    return {
      organisation: user.organisationId,
      timeZone: 'Asia/Shanghai',
      basis:
        '003 §五.2 服务考核按月、季、年度进行 (001 §17 follow-up surveys, by the month the followed case closed)',
      generatedAt: this.clock().toISOString(),
      ...appraisal,
    };
  }
}
