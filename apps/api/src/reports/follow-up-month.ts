import type { FollowUpEvent, FollowUpState } from '@aso/domain';
import type { KpiRepository } from '@aso/persistence';
import { followUpStateOf } from './follow-up-kpis';

/**
 * The follow-up calls opened in a month (Asia/Shanghai, "YYYY-MM"), each folded from its audited
 * events: what the analysis report (F17) and the supervision ledger (F16) are built from.
 */
export async function followUpStatesOfMonth(
  kpis: KpiRepository,
  organisationId: string,
  month: string,
): Promise<FollowUpState[]> {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  const rows = await kpis.followUpEvents({
    organisationId,
    from: new Date(`${month}-01T00:00:00+08:00`),
    toExclusive: new Date(`${next}-01T00:00:00+08:00`),
  });
  return rows
    .map((r) => followUpStateOf(r.events as unknown as FollowUpEvent[]))
    .filter((s): s is FollowUpState => s !== null);
}
