import {
  type Indicator,
  type IndicatorId,
  defaultIndicatorCatalogue,
  meetsTarget,
} from '@aso/domain';
import type { ComplaintMonth, Ratio, SalesVolume } from '@aso/persistence';

export interface IndicatorPoint extends Ratio {
  month: string;
  /** null: no figure that month (no denominator) */
  meetsTarget: boolean | null;
}

/** One catalogue indicator with its figure for the period and its trend by month (X12). */
export type IndicatorReport = Indicator & {
  total: Ratio & { meetsTarget: boolean | null };
  byMonth: IndicatorPoint[];
};

const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
});

/** Each indicator's numerator and denominator from one month's counts. */
const COUNTS: Record<IndicatorId, (m: ComplaintMonth, units: number | null) => [number, number]> = {
  complaint_resolution: (m) => [m.closedOfOpened, m.opened],
  on_time_closing: (m) => [m.closedOnTime, m.closed],
  resolved_within_24h: (m) => [m.resolvedWithin, m.opened],
  first_response_within_24h: (m) => [m.firstResponseWithin, m.opened],
  // X10: no recorded sales volume → no denominator (rate null), never a guessed one
  complaint_rate: (m, units) => [m.opened, units ?? 0],
};

const empty = (month: string): ComplaintMonth => ({
  month,
  opened: 0,
  closedOfOpened: 0,
  resolvedWithin: 0,
  firstResponseWithin: 0,
  closed: 0,
  closedOnTime: 0,
});

/**
 * The catalogue's indicators over the period's months (every month of the period, a month
 * without complaints included): definition, formula, target, the period's figure and the trend.
 */
export function indicatorReports(
  months: readonly string[],
  counts: readonly ComplaintMonth[],
  volumes: readonly SalesVolume[],
  catalogue: readonly Indicator[] = defaultIndicatorCatalogue,
): IndicatorReport[] {
  const byMonth = new Map(counts.map((c) => [c.month, c]));
  const units = new Map(volumes.map((v) => [v.month, v.units]));
  return catalogue.map((indicator) => {
    const count = COUNTS[indicator.id];
    const points = months.map((month) => {
      const [n, d] = count(byMonth.get(month) ?? empty(month), units.get(month) ?? null);
      const r = ratio(n, d);
      return { month, ...r, meetsTarget: meetsTarget(indicator.target, r.rate) };
    });
    // months without a denominator (no sales volume recorded) stay out of the period's figure
    const counted = points.filter((p) => p.denominator > 0);
    const total = ratio(
      counted.reduce((s, p) => s + p.numerator, 0),
      counted.reduce((s, p) => s + p.denominator, 0),
    );
    return {
      ...indicator,
      total: { ...total, meetsTarget: meetsTarget(indicator.target, total.rate) },
      byMonth: points,
    };
  });
}
