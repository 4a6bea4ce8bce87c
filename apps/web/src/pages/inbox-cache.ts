import type { QueryClient } from '@tanstack/react-query';
import { api, ok, type InboxItem } from '../api/client';

interface InboxPage {
  items: InboxItem[];
  total: number;
}

/** Rows the inbox fetches (its first page; the API's maximum is 200). */
export const INBOX_LIMIT = 200;
/**
 * The unfiltered inbox's query: the list and the header's watch ask for the same thing under
 * the same key, so they share one GET /inbox (and one poll) instead of two.
 */
export const INBOX_QUERY = { scope: 'all', limit: INBOX_LIMIT } as const;
export const inboxListKey = (query: object) => ['inbox', 'list', query] as const;

/** The API's inbox order: overdue first, then by due instant (none last), then task id. */
const inboxOrder = (a: InboxItem, b: InboxItem): number =>
  Number(b.overdue) - Number(a.overdue) ||
  (a.dueAt === null ? 1 : 0) - (b.dueAt === null ? 1 : 0) ||
  (a.dueAt ?? '').localeCompare(b.dueAt ?? '') ||
  a.taskId.localeCompare(b.taskId);

const unfiltered = (query: unknown): boolean =>
  !!query &&
  typeof query === 'object' &&
  Object.keys(query).every((k) => k === 'scope' || k === 'limit');

/**
 * A case's rows in every cached inbox list replaced by `rows`: the unfiltered lists take them
 * in their place in the API's order (cut at the list's limit); a filtered list only loses the
 * old ones (whether a new row passes its filter is the API's to say, on its next fetch).
 */
function replaceCaseRows(qc: QueryClient, caseNumber: string, rows: InboxItem[]): void {
  for (const [key, page] of qc.getQueriesData<InboxPage>({ queryKey: ['inbox', 'list'] })) {
    if (!page) continue;
    const query = key[2] as { limit?: number } | undefined;
    const kept = page.items.filter((x) => x.caseNumber !== caseNumber);
    const added = unfiltered(query) ? rows : [];
    const items = [...kept, ...added].sort(inboxOrder).slice(0, query?.limit ?? INBOX_LIMIT);
    const total = page.total - (page.items.length - kept.length) + added.length;
    qc.setQueryData<InboxPage>(key, { items, total });
  }
}

/**
 * After a command on a task (issue 11: submit → inbox updated ≤ 300 ms after the API answers):
 * the done task leaves the cached lists at once; then one small GET /inbox?caseNumber=… puts
 * the case's rows as they now are (a standing task stays, a next step of the same case appears)
 * in the lists. Nothing waits for the whole 10,000-row queue: the lists are only marked stale,
 * so the one shown refetches in the background and the watch keeps its poll.
 */
export async function afterTaskCommand(
  qc: QueryClient,
  caseNumber: string,
  doneTaskId: string,
): Promise<void> {
  for (const [key, page] of qc.getQueriesData<InboxPage>({ queryKey: ['inbox', 'list'] }))
    if (page)
      qc.setQueryData<InboxPage>(key, {
        items: page.items.filter((x) => x.taskId !== doneTaskId),
        total: page.total - (page.items.some((x) => x.taskId === doneTaskId) ? 1 : 0),
      });
  await qc.cancelQueries({ queryKey: ['inbox', 'list'] });
  void qc.invalidateQueries({ queryKey: ['inbox'], refetchType: 'none' });
  try {
    const fresh = ok(
      await api.GET('/inbox', {
        params: { query: { scope: 'all', caseNumber, limit: INBOX_LIMIT } },
      }),
    );
    replaceCaseRows(qc, caseNumber, fresh.items);
  } catch {
    // the background refetch of the list shown puts it right
  }
}
