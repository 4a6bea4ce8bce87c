import { useQuery } from '@tanstack/react-query';
import { api, ok, type Schemas } from '../../api/client';

const path = (caseNumber: string) => ({ params: { path: { caseNumber } } });

/** The case's internal view (read model, live state, business-time clocks). */
export const useCase = (caseNumber: string) =>
  useQuery({
    queryKey: ['case', caseNumber],
    queryFn: async () => ok(await api.GET('/cases/{caseNumber}', path(caseNumber))),
  });

/**
 * The audit export (JSON): the trail oldest first, its verification, and the names of its
 * actors (user ids → username and display name), which the other tabs use to show who.
 */
export const useAuditExport = (caseNumber: string) =>
  useQuery({
    queryKey: ['case', caseNumber, 'audit-export'],
    // The route answers JSON or CSV; with format=json it is the AuditExport object.
    queryFn: async () =>
      ok(
        await api.GET('/cases/{caseNumber}/audit/export', {
          params: { path: { caseNumber }, query: { format: 'json' } },
        }),
      ) as Schemas['AuditExport'],
  });

/** A user id as its display name (from the trail's actors), else the id itself. */
export function useActorName(caseNumber: string): (id: string | null | undefined) => string {
  const exp = useAuditExport(caseNumber);
  const actors = exp.data?.actors ?? {};
  return (id) => {
    if (!id) return '—';
    const a = actors[id];
    return a ? `${a.displayName} (${a.username})` : id;
  };
}
