import { registerRoute } from '../openapi/registry';
import { z } from '../openapi/zod-openapi';
import { kpiPeriodFields, MAX_PERIOD_DAYS } from './kpi-period';
import type { KpiReport } from './reports.service';

const ratioSchema = z
  .object({
    numerator: z.number().int(),
    denominator: z.number().int(),
    rate: z.number().nullable(),
  })
  .openapi('Ratio');

export const kpiReportSchema = z
  .object({
    organisation: z.string(),
    period: z.object({
      from: z.string(),
      to: z.string(),
      timeZone: z.literal('Asia/Shanghai'),
      fromInstant: z.string().datetime(),
      toInstantExclusive: z.string().datetime(),
    }),
    generatedAt: z.string().datetime(),
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
