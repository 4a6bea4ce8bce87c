import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';
import type { FollowUpAnalysisReport } from './follow-up-analysis.service';

const counts = z.record(z.string(), z.number().int());

export const followUpAnalysisReportSchema = z
  .object({
    organisation: z.string(),
    timeZone: z.literal('Asia/Shanghai'),
    basis: z.string(),
    generatedAt: z.string().datetime(),
    month: z.string().describe('YYYY-MM'),
    calls: z.object({
      cases: z.number().int().describe('follow-up cases opened in the month'),
      attempts: z.number().int().describe('dialled: the failed attempts and the calls made'),
      reached: z.number().int(),
      unreachable: z.number().int(),
      pending: z.number().int().describe('not reached yet'),
      reachRate: z.number().nullable(),
      bySource: counts.describe('followed case type or plan → cases'),
    }),
    satisfaction: z.object({
      surveyed: z.number().int(),
      grades: counts.describe('001 §17 grade → answers'),
      scoreRate: z.number().nullable(),
      dissatisfiedCalls: z.number().int(),
      items: z.array(
        z.object({
          item: z.string(),
          answered: z.number().int(),
          grades: counts,
          belowSatisfied: z.number().int(),
          belowSatisfiedRate: z.number().nullable(),
          followUps: z.array(z.string()),
        }),
      ),
    }),
    shortfalls: z
      .array(
        z.object({
          item: z.string(),
          belowSatisfied: z.number().int(),
          answered: z.number().int(),
          rate: z.number(),
        }),
      )
      .describe('the items rated below satisfied, worst share first (不足之处)'),
    problems: z.object({
      total: z.number().int(),
      open: z.number().int(),
      resolved: z.number().int(),
      byCategory: z.array(
        z.object({ category: z.string(), count: z.number().int(), open: z.number().int() }),
      ),
      byDepartment: z.array(
        z.object({ department: z.string(), count: z.number().int(), open: z.number().int() }),
      ),
    }),
    complaints: z.array(
      z.object({
        followUpNumber: z.string(),
        complaintNumber: z.string().nullable(),
        followedCaseNumber: z.string().nullable(),
      }),
    ),
    measures: z.array(
      z.object({
        caseNumber: z.string(),
        measure: z.string(),
        status: z.string(),
        stage: z.string(),
        department: z.string().nullable(),
        ownerId: z.string().nullable(),
        dueAt: z.string().nullable(),
        overdue: z.boolean(),
        closedAt: z.string().nullable(),
        closedOnTime: z.boolean().nullable(),
      }),
    ),
  })
  .openapi('FollowUpAnalysisReport') satisfies z.ZodType<FollowUpAnalysisReport>;

registerRoute({
  method: 'get',
  path: 'reports/follow-up-analysis',
  tag: 'reports',
  summary: 'The follow-up analysis report of a month and its improvement measures (003 §四.4)',
  description:
    'Managers, the GM office and auditors. The follow-up calls opened in the month (Asia/Shanghai): ' +
    'calls made and reached, the 001 §17 satisfaction per item, the items below satisfied, the ' +
    'problems found by category and department, the complaints the dissatisfied calls opened, and ' +
    'the improvement measures (GJ…) set from the month with their progress.',
  query: z.object({ month: z.string().openapi({ example: '2026-11' }) }),
  response: { status: 200, description: 'The analysis', schema: followUpAnalysisReportSchema },
});
