import type { Fen, RepairMeasures } from '@aso/domain';
import type { Ratio } from '@aso/persistence';

/**
 * The repair KPIs of issue 10 §9 over a cohort (the repairs opened in the period), each with
 * what it is made of so a manager can check it:
 *  - dispatch time: request → technician first assigned, in working time of the business
 *    calendar (working hours, weekends, holidays and make-up days), as hours;
 *  - on-site resolution: of the repairs resolved (on site, in the workshop, externally or
 *    returned unrepaired), those resolved on the spot (001 §8); beside it the first-visit rate
 *    (of the first visits recorded, those that resolved it);
 *  - external-repair turnaround: handed to the external repairer → back (002 ch.10 2), days;
 *  - fees: what was invoiced (the invoice issued from the voucher, or mailed after the cash was
 *    handed over, 001 §9) and what was collected (on the spot or by finance), in fen.
 */
export interface RepairKpiFigures {
  repairs: { opened: number };
  dispatch: {
    dispatched: number;
    undispatched: number;
    totalWorkingHours: number;
    meanWorkingHours: number | null;
    /** measures crossing a year without a loaded holiday table (counted by weekdays only) */
    provisional: number;
  };
  onSiteResolution: Ratio;
  firstVisitResolution: Ratio;
  externalRepair: { returned: number; totalDays: number; meanDays: number | null };
  fees: { invoicedFen: Fen; collectedFen: Fen; collectedOfInvoiced: Ratio };
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
});
const mean = (total: number, n: number): number | null => (n === 0 ? null : total / n);

/** One repair's measures and whether it was resolved at all (any ServiceResolved). */
export interface RepairCohortMember {
  measures: RepairMeasures;
  resolved: boolean;
}

export function repairKpiFigures(cohort: readonly RepairCohortMember[]): RepairKpiFigures {
  const dispatched = cohort.filter((c) => c.measures.dispatchWorkingMs !== null);
  const dispatchMs = dispatched.reduce((s, c) => s + (c.measures.dispatchWorkingMs ?? 0), 0);
  const visited = cohort.filter((c) => c.measures.resolvedOnFirstVisit !== null);
  const returned = cohort.filter((c) => c.measures.externalTurnaroundMs !== null);
  const externalMs = returned.reduce((s, c) => s + (c.measures.externalTurnaroundMs ?? 0), 0);
  const invoicedFen = cohort.reduce((s, c) => s + c.measures.invoicedFen, 0);
  const collectedFen = cohort.reduce((s, c) => s + c.measures.collectedFen, 0);
  return {
    repairs: { opened: cohort.length },
    dispatch: {
      dispatched: dispatched.length,
      undispatched: cohort.length - dispatched.length,
      totalWorkingHours: dispatchMs / HOUR_MS,
      meanWorkingHours: mean(dispatchMs / HOUR_MS, dispatched.length),
      provisional: dispatched.filter((c) => c.measures.dispatchProvisional).length,
    },
    onSiteResolution: ratio(
      cohort.filter((c) => c.measures.resolvedOnSite).length,
      cohort.filter((c) => c.resolved).length,
    ),
    firstVisitResolution: ratio(
      visited.filter((c) => c.measures.resolvedOnFirstVisit === true).length,
      visited.length,
    ),
    externalRepair: {
      returned: returned.length,
      totalDays: externalMs / DAY_MS,
      meanDays: mean(externalMs / DAY_MS, returned.length),
    },
    fees: {
      invoicedFen,
      collectedFen,
      collectedOfInvoiced: ratio(collectedFen, invoicedFen),
    },
  };
}
