import { z } from 'zod';

/**
 * The indicator catalogue (X12, 003 §五.1: every indicator has a definition, a formula and a
 * target value, with its trend). Policy data like the holiday tables: each target says whether
 * a seed gives it (`source: seed`) or it is our default for the company to confirm.
 */
export const INDICATOR_IDS = [
  'complaint_resolution',
  'on_time_closing',
  'resolved_within_24h',
  'first_response_within_24h',
  'complaint_rate',
] as const;

export const indicatorSchema = z
  .object({
    id: z.enum(INDICATOR_IDS),
    name: z.string().min(1),
    definition: z.string().min(1),
    formula: z.string().min(1),
    /** the measured figure: a ratio (0..1) of two counts */
    unit: z.literal('ratio'),
    target: z
      .object({
        comparison: z.enum(['at_least', 'more_than', 'at_most']),
        value: z.number().min(0).max(1),
        source: z.enum(['seed', 'default']),
        basis: z.string().min(1),
      })
      .strict(),
    basis: z.string().min(1),
  })
  .strict();

export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** C32 002 客户服务制度 一.3: "most problems are resolved within 24 hours". */
export const RESOLVED_WITHIN_HOURS = 24;
/** C30 000 §三.6: the first response to the customer within 24 hours. */
export const FIRST_RESPONSE_WITHIN_HOURS = 24;

export const defaultIndicatorCatalogue: readonly Indicator[] = z.array(indicatorSchema).parse([
  {
    id: 'complaint_resolution',
    name: '投诉解决率 complaint resolution rate',
    definition: 'Complaints opened in the month that are closed (as of the report).',
    formula: 'closed complaints opened in the month ÷ complaints opened in the month',
    unit: 'ratio',
    target: { comparison: 'at_least', value: 0.95, source: 'default', basis: 'default' },
    basis: '003 §五.1; DOMAIN.md KPIs',
  },
  {
    id: 'on_time_closing',
    name: '按时结案率 on-time closing rate',
    definition: 'Complaints closed in the month that closed within their closing clock.',
    formula: 'complaints closed on time in the month ÷ complaints closed in the month',
    unit: 'ratio',
    target: {
      comparison: 'at_least',
      value: 1,
      source: 'seed',
      basis: '001 §26.1 处理期限自受理起六日内结案 (every complaint)',
    },
    basis: '001 §26.1',
  },
  {
    id: 'resolved_within_24h',
    name: '24小时内解决率 resolved within 24 h',
    definition: `Complaints opened in the month closed within ${RESOLVED_WITHIN_HOURS} h of the report.`,
    formula: `complaints closed ≤ ${RESOLVED_WITHIN_HOURS} h after the report ÷ complaints opened in the month`,
    unit: 'ratio',
    target: {
      comparison: 'more_than',
      value: 0.5,
      source: 'seed',
      basis: '002 客户服务制度 一.3 大部分问题在24小时内解决 ("most": more than half)',
    },
    basis: '002 客户服务制度 一.3',
  },
  {
    id: 'first_response_within_24h',
    name: '24小时回应率 first response within 24 h',
    definition: `First responses of the month's complaints given within ${FIRST_RESPONSE_WITHIN_HOURS} h of the report.`,
    formula: `first responses ≤ ${FIRST_RESPONSE_WITHIN_HOURS} h ÷ complaints opened in the month`,
    unit: 'ratio',
    target: {
      comparison: 'at_least',
      value: 1,
      source: 'seed',
      basis: '000 §三.6; 002 投诉处理 回应时间不超过24小时 (every complaint)',
    },
    basis: '000 §三.6',
  },
  {
    id: 'complaint_rate',
    name: '投诉率 complaint rate',
    definition:
      'Complaints opened in the month per unit sold in the month (the sales volume sales records).',
    formula: 'complaints opened in the month ÷ units sold in the month',
    unit: 'ratio',
    target: { comparison: 'at_most', value: 0.01, source: 'default', basis: 'default (1 %)' },
    basis: '000 §六.1 投诉率(数量及比率)',
  },
]);

/** Whether a month's figure meets the target; null when there is no figure (no denominator). */
export function meetsTarget(target: Indicator['target'], rate: number | null): boolean | null {
  if (rate === null) return null;
  switch (target.comparison) {
    case 'at_least':
      return rate >= target.value;
    case 'more_than':
      return rate > target.value;
    case 'at_most':
      return rate <= target.value;
  }
}

/** The months "YYYY-MM" from the month of `fromDay` to the month of `toDay` (ISO dates). */
export function monthsBetween(fromDay: string, toDay: string): string[] {
  const months: string[] = [];
  let y = Number(fromDay.slice(0, 4));
  let m = Number(fromDay.slice(5, 7));
  const end = toDay.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= end) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}
