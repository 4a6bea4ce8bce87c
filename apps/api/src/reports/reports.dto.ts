import { INDICATOR_IDS } from '@aso/domain';
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

const indicatorPointSchema = ratioSchema.extend({
  month: z.string().describe('YYYY-MM (Asia/Shanghai)'),
  meetsTarget: z.boolean().nullable().describe('null: no figure that month'),
});

/** X12 003 §五.1: an indicator of the catalogue with its definition, formula, target and trend. */
const indicatorReportSchema = z
  .object({
    id: z.enum(INDICATOR_IDS),
    name: z.string(),
    definition: z.string(),
    formula: z.string(),
    unit: z.literal('ratio'),
    target: z.object({
      comparison: z.enum(['at_least', 'more_than', 'at_most']),
      value: z.number(),
      source: z.enum(['seed', 'default']),
      basis: z.string(),
    }),
    basis: z.string(),
    total: ratioSchema.extend({ meetsTarget: z.boolean().nullable() }),
    byMonth: z.array(indicatorPointSchema).describe('every month of the period, in order'),
  })
  .openapi('IndicatorReport');

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
    indicators: z.array(indicatorReportSchema),
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

/** A month of sales, "YYYY-MM". */
export const salesMonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-11')
  .openapi({ example: '2026-11' });

/** X10 000 §六.1: units sold in the month (and, optionally, orders). */
export const salesVolumeBodySchema = z
  .object({
    units: z.number().int().min(0).max(1_000_000_000).describe('units sold in the month'),
    orders: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
  })
  .strict()
  .openapi('SalesVolumeBody');

const salesVolumeSchema = z
  .object({
    month: z.string(),
    units: z.number().int(),
    orders: z.number().int().nullable(),
    recordedBy: z.string(),
    recordedAt: z.string().datetime(),
    created: z.boolean().describe('false: an earlier entry of the month was replaced'),
  })
  .openapi('SalesVolume');

registerRoute({
  method: 'put',
  path: 'reports/sales-volumes/:month',
  tag: 'reports',
  summary: 'Record a month’s sales volume (sales, admins): the complaint rate’s denominator',
  description:
    'X10 (000 §六.1 投诉率): the KPI report’s complaint_rate indicator divides the month’s ' +
    'complaints by the units recorded here; a month without an entry has no rate.',
  params: z.object({ month: salesMonthSchema }),
  body: salesVolumeBodySchema,
  response: { status: 200, description: 'The recorded volume', schema: salesVolumeSchema },
  errors: [422],
});
