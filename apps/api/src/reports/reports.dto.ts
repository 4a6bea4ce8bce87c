import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';
import { kpiPeriodFields, MAX_PERIOD_DAYS } from './kpi-period';
import type { FollowUpKpiReport, KpiReport, RepairKpiReport } from './reports.service';

const ratioSchema = z
  .object({
    numerator: z.number().int(),
    denominator: z.number().int(),
    rate: z.number().nullable(),
  })
  .openapi('Ratio');

const header = {
  organisation: z.string(),
  period: z.object({
    from: z.string(),
    to: z.string(),
    timeZone: z.literal('Asia/Shanghai'),
    fromInstant: z.string().datetime(),
    toInstantExclusive: z.string().datetime(),
  }),
  generatedAt: z.string().datetime(),
};

export const kpiReportSchema = z
  .object({
    ...header,
    complaintResolution: ratioSchema,
    onTimeClosing: ratioSchema,
    overdue: z.object({
      byDepartment: z.array(
        z.object({ department: z.string().nullable(), openOverdueTasks: z.number().int() }),
      ),
      openOverdueTasks: z.number().int(),
      casesWithOverdueStages: ratioSchema,
    }),
    firstResponse: z.object({
      totalHours: z.number(),
      responded: z.number().int(),
      pending: z.number().int(),
      meanHours: z.number().nullable(),
    }),
    returnReconciliationMismatch: ratioSchema.extend({ mismatchEvents: z.number().int() }),
  })
  .openapi('KpiReport') satisfies z.ZodType<KpiReport>;

export const repairKpiReportSchema = z
  .object({
    ...header,
    repairs: z.object({ opened: z.number().int().describe('repairs opened in the period') }),
    dispatch: z
      .object({
        dispatched: z.number().int(),
        undispatched: z.number().int(),
        totalWorkingHours: z.number(),
        meanWorkingHours: z.number().nullable(),
        provisional: z.number().int(),
      })
      .describe('request → technician first assigned, in working hours (business calendar)'),
    onSiteResolution: ratioSchema.describe('resolved on the spot / resolved (001 §8)'),
    firstVisitResolution: ratioSchema.describe('first visits that resolved it / first visits'),
    externalRepair: z
      .object({
        returned: z.number().int(),
        totalDays: z.number(),
        meanDays: z.number().nullable(),
      })
      .describe('handed to the external repairer → back, calendar days (002 ch.10 2)'),
    fees: z
      .object({
        invoicedFen: z.number().int(),
        collectedFen: z.number().int(),
        collectedOfInvoiced: ratioSchema,
      })
      .describe('fees invoiced and collected, fen (001 §9)'),
  })
  .openapi('RepairKpiReport') satisfies z.ZodType<RepairKpiReport>;

const periodQuery = z.object({
  from: kpiPeriodFields.shape.from.openapi({ format: 'date' }),
  to: kpiPeriodFields.shape.to.openapi({ format: 'date' }),
});

registerRoute({
  method: 'get',
  path: 'reports/repair-kpis',
  tag: 'reports',
  summary: 'Repair KPIs for the repairs opened in a period of Asia/Shanghai days',
  description:
    `Managers, the GM office and auditors; the same period rules as /reports/kpis (at most ${MAX_PERIOD_DAYS} days). ` +
    'Dispatch time in working hours, on-site and first-visit resolution rates, external-repair ' +
    'turnaround, fees collected vs invoiced (issue 10 §9).',
  query: periodQuery,
  response: { status: 200, description: 'The figures', schema: repairKpiReportSchema },
});

const followUpKpisSchema = z.object({
  cases: z.number().int(),
  closed: z.number().int(),
  completionRate: z.number().nullable().describe('closed with the customer reached ÷ closed'),
  recordQualityRate: z
    .number()
    .nullable()
    .describe('records approved at their first review ÷ records reviewed'),
  satisfaction: z.record(z.number().int()).describe('001 §17 grade → answers'),
  dissatisfied: z.number().int(),
  unreachable: z.number().int(),
});

export const followUpKpiReportSchema = z
  .object({
    ...header,
    total: followUpKpisSchema,
    byMonth: z.array(followUpKpisSchema.extend({ month: z.string().describe('YYYY-MM') })),
  })
  .openapi('FollowUpKpiReport') satisfies z.ZodType<FollowUpKpiReport>;

registerRoute({
  method: 'get',
  path: 'reports/follow-up-kpis',
  tag: 'reports',
  summary: 'Follow-up KPIs for the calls opened in a period of Asia/Shanghai days',
  description:
    `Managers, the GM office and auditors; the same period rules as /reports/kpis (at most ${MAX_PERIOD_DAYS} days). ` +
    'Completion rate, record quality rate and the satisfaction distribution (004 七.(一)), in total and by month.',
  query: periodQuery,
  response: { status: 200, description: 'The figures', schema: followUpKpiReportSchema },
});

registerRoute({
  method: 'get',
  path: 'reports/kpis',
  tag: 'reports',
  summary: 'KPIs of the organisation for a period of Asia/Shanghai days',
  description:
    `Managers, the GM office and auditors. Both days inclusive; from ≤ to; at most ${MAX_PERIOD_DAYS} ` +
    'days. Complaint resolution rate, on-time closing rate, overdue by department, mean ' +
    'first-response time, return reconciliation mismatches — each with numerator and denominator.',
  // Documented as `format: date`; kpiQuerySchema (same fields) refuses days that do not exist.
  query: z.object({
    from: kpiPeriodFields.shape.from.openapi({ format: 'date' }),
    to: kpiPeriodFields.shape.to.openapi({ format: 'date' }),
  }),
  response: { status: 200, description: 'The figures', schema: kpiReportSchema },
});
