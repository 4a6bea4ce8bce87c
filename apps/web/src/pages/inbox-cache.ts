import type { QueryClient } from '@tanstack/react-query';
import { api, ok, type InboxItem, type Schemas } from '../api/client';
import type { paths } from '../api/schema';
import {
  INBOX_PAGE,
  MINE_FIRST_PAGE,
  PREFETCH_FRESH_MS,
  QUEUE_FIRST_PAGE,
  inboxSearch,
} from '../boot';

export { INBOX_PAGE, MINE_FIRST_PAGE, QUEUE_FIRST_PAGE };

type InboxPage = Schemas['Inbox'];
export type InboxQuery = NonNullable<paths['/inbox']['get']['parameters']['query']>;

/**
 * The inbox's lists are the API's pages (issue 11): my tasks (scope `mine`) and the queue
 * (scope `department`: my department's unclaimed tasks and my roles' company-wide ones), each
 * one page of INBOX_PAGE rows at a time. The header's watch asks for the same unfiltered first
 * pages under the same keys: one GET /inbox (and one poll) serves both.
 */
export const inboxListKey = (query: object) => ['inbox', 'list', query] as const;

/** The page load's answer to `query` if boot.ts prefetched it (taken once, while fresh). */
async function prefetchedInbox(query: InboxQuery): Promise<InboxPage | undefined> {
  const boot = window.__asoBoot;
  const search = inboxSearch(query as Record<string, string | number>);
  const answer = boot?.inbox.get(search);
  if (!boot || !answer) return undefined;
  boot.inbox.delete(search);
  if (performance.now() - boot.at > PREFETCH_FRESH_MS) return undefined;
  const res = await answer;
  if (!res?.ok) return undefined;
  try {
    return (await res.json()) as InboxPage;
  } catch {
    return undefined;
  }
}

/** One page of the inbox: the prefetched first page on a page load, else GET /inbox. */
export async function fetchInbox(query: InboxQuery): Promise<InboxPage> {
  return (await prefetchedInbox(query)) ?? ok(await api.GET('/inbox', { params: { query } }));
}

/** The API's inbox order: overdue first, then by due instant (none last), then task id. */
const inboxOrder = (a: InboxItem, b: InboxItem): number =>
  Number(b.overdue) - Number(a.overdue) ||
  (a.dueAt === null ? 1 : 0) - (b.dueAt === null ? 1 : 0) ||
  (a.dueAt ?? '').localeCompare(b.dueAt ?? '') ||
  a.taskId.localeCompare(b.taskId);

/** An unfiltered first page (no filter, no `after`, no offset): scope and limit only. */
const firstPageScope = (query: unknown): 'mine' | 'department' | undefined => {
  if (!query || typeof query !== 'object') return undefined;
  if (!Object.keys(query).every((k) => k === 'scope' || k === 'limit')) return undefined;
  const scope = (query as { scope?: string }).scope;
  return scope === 'mine' || scope === 'department' ? scope : undefined;
};

/**
 * A case's rows in every cached inbox page replaced by `rows` (its rows in scope `all`: a held
 * one is mine, an unclaimed one the queue's): the unfiltered first pages take them in their
 * place in the API's order (cut at the page's limit); any other page only loses the old ones
 * (whether a new row belongs on it is the API's to say, on its next fetch).
 */
function replaceCaseRows(qc: QueryClient, caseNumber: string, rows: InboxItem[]): void {
  for (const [key, page] of qc.getQueriesData<InboxPage>({ queryKey: ['inbox', 'list'] })) {
    if (!page) continue;
    const query = key[2] as { limit?: number } | undefined;
    const scope = firstPageScope(query);
    const kept = page.items.filter((x) => x.caseNumber !== caseNumber);
    const added =
      scope === 'mine'
        ? rows.filter((x) => x.assignee !== null)
        : scope === 'department'
          ? rows.filter((x) => x.assignee === null)
          : [];
    const items = [...kept, ...added].sort(inboxOrder).slice(0, query?.limit ?? INBOX_PAGE);
    // unchanged (the case is not on this page, nor comes onto it): no new data, no redraw
    if (items.length === page.items.length && items.every((x, i) => x === page.items[i])) continue;
    // a capped count (more than 1,000: "1,000+") stays the cap
    const total = page.totalCapped
      ? page.total
      : page.total - (page.items.length - kept.length) + added.length;
    qc.setQueryData<InboxPage>(key, { ...page, items, total });
  }
}

/**
 * After a command on a task (issue 11: submit → inbox updated ≤ 300 ms after the API answers):
 * the done task leaves the cached pages at once; then one small GET /inbox?caseNumber=… puts
 * the case's rows as they now are (a standing task stays, a next step of the same case appears)
 * in the first pages. Nothing waits for the lists: the other pages are only marked stale (the
 * one shown refetches in the background) and the watch's poll refreshes the first pages.
 */
export async function afterTaskCommand(
  qc: QueryClient,
  caseNumber: string,
  doneTaskId: string,
): Promise<void> {
  for (const [key, page] of qc.getQueriesData<InboxPage>({ queryKey: ['inbox', 'list'] }))
    if (page)
      qc.setQueryData<InboxPage>(key, {
        ...page,
        items: page.items.filter((x) => x.taskId !== doneTaskId),
        total:
          page.total -
          (!page.totalCapped && page.items.some((x) => x.taskId === doneTaskId) ? 1 : 0),
      });
  await qc.cancelQueries({ queryKey: ['inbox', 'list'] });
  // Every other page is stale (refetched when shown); the unfiltered first pages are put right
  // by the case's rows below and polled by the watch, so the inbox drawn now is not drawn again
  // when a refetch of a page answers.
  void qc.invalidateQueries({
    queryKey: ['inbox'],
    refetchType: 'none',
    predicate: (q) => !firstPageScope(q.queryKey[2]) || q.queryKey[1] !== 'list',
  });
  try {
    const fresh = ok(
      await api.GET('/inbox', {
        params: { query: { scope: 'all', caseNumber, limit: 200 } },
      }),
    );
    replaceCaseRows(qc, caseNumber, fresh.items);
  } catch {
    // the background refetch of the list shown puts it right
  }
}
