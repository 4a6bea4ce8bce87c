import { Inject, Injectable } from '@nestjs/common';
import { type FollowUpAnalysis, defaultPolicy, followUpAnalysisOf, parsePolicy } from '@aso/domain';
import { KpiRepository, PoliciesRepository } from '@aso/persistence';
import { z } from 'zod';
import type { AuthUser } from '../auth/auth-user';
import { CLOCK, type Clock } from '../common/clock';
import { parseInput } from '../common/parse-input';
import { followUpStatesOfMonth } from './follow-up-month';
import { assertMayReadReports } from './report-access';

/** The company's time zone (fixed UTC+8), as the other reports. */
const SHANGHAI_OFFSET_MINUTES = 480;

export const followUpAnalysisQuerySchema = z.object({
  month: z
    .string({ required_error: 'required (YYYY-MM)' })
    .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM'),
});

/** A measure set from the analysis, tracked (F17 003 §四.4 定期检查改进工作进展情况). */
export interface TrackedMeasure {
  caseNumber: string;
  measure: string;
  status: string;
  stage: string;
  department: string | null;
  ownerId: string | null;
  dueAt: string | null;
  overdue: boolean;
  closedAt: string | null;
  closedOnTime: boolean | null;
}

export type FollowUpAnalysisReport = FollowUpAnalysis & {
  organisation: string;
  timeZone: 'Asia/Shanghai';
  basis: string;
  generatedAt: string;
  /** the improvement measures set from this month's analysis, with their progress */
  measures: TrackedMeasure[];
};

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/**
 * F17 003 §四.4 回访与调查结果分析: a month's follow-up calls and surveys analysed (the domain's
 * followUpAnalysisOf over each call folded from its audited events, the cohort of the follow-up
 * KPIs) with the improvement measures set from it and where each stands.
 */
@Injectable()
export class FollowUpAnalysisService {
  constructor(
    private readonly kpis: KpiRepository,
    private readonly policies: PoliciesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async report(user: AuthUser, query: unknown): Promise<FollowUpAnalysisReport> {
    assertMayReadReports(user);
    const { month } = parseInput(followUpAnalysisQuerySchema, query, 'query');
    const states = await followUpStatesOfMonth(this.kpis, user.organisationId, month);
    const latest = await this.policies.latest(user.organisationId);
    const policy = latest ? parsePolicy(latest.content) : defaultPolicy;
    const analysis = followUpAnalysisOf(month, states, policy.survey, SHANGHAI_OFFSET_MINUTES);
    const measures = await this.kpis.improvementMeasures(user.organisationId, month);
    return {
      organisation: user.organisationId,
      timeZone: 'Asia/Shanghai',
      basis:
        '003 §四.4 回访与调查结果分析 (the follow-up calls opened in the month, their 001 §17 surveys, F05 problems, Decision 11 complaints)',
      generatedAt: this.clock().toISOString(),
      ...analysis,
      measures: measures.map((r) => ({
        caseNumber: r.caseNumber,
        measure: r.title,
        status: r.status,
        stage: r.stage,
        department: r.department,
        ownerId: r.ownerId,
        dueAt: iso(r.dueAt),
        overdue: r.overdue,
        closedAt: iso(r.closedAt),
        closedOnTime: r.closedOnTime,
      })),
    };
  }
}
