import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import type { InboxItem } from '../api/client';
import { useApp } from '../session';
import { MINE_FIRST_PAGE, QUEUE_FIRST_PAGE, fetchInbox, inboxListKey } from './inbox-cache';

/** Polling interval of the inbox (issue 11: new tasks appear without a reload, ≤ 10 s). */
export const INBOX_POLL_MS = 5_000;

/**
 * New and escalated tasks since the user last looked: the first answer after login is the
 * baseline; a task id not seen before, or seen at a lower escalation level, is "fresh" until
 * the user marks the inbox seen. Kept per user in memory (a reload starts a new baseline).
 */
let owner: string | undefined;
let seen: Map<string, number> | undefined;
let latest = new Map<string, number>();
let fresh: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

function absorb(userId: string, items: InboxItem[]): void {
  if (owner !== userId) {
    owner = userId;
    seen = undefined;
    fresh = new Set();
  }
  latest = new Map(items.map((x) => [x.taskId, x.escalationLevel]));
  if (!seen) {
    seen = new Map(latest);
    emit();
    return;
  }
  const next = new Set<string>();
  for (const [id, level] of latest) {
    const before = seen.get(id);
    if (before === undefined || level > before) next.add(id);
  }
  const same = next.size === fresh.size && [...next].every((id) => fresh.has(id));
  if (!same) {
    fresh = next;
    emit();
  }
}

export function markInboxSeen(): void {
  for (const [id, level] of latest) seen?.set(id, level);
  fresh = new Set();
  emit();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/**
 * The unfiltered inbox's first pages (my tasks and the queue), polled; the set of fresh (new or
 * escalated) task ids. The same queries (keys and all) as the inbox page's unfiltered first
 * pages: one GET /inbox each serves both.
 */
export function useInboxWatch(): ReadonlySet<string> {
  const { user } = useApp();
  const watch = (query: typeof MINE_FIRST_PAGE | typeof QUEUE_FIRST_PAGE) => ({
    queryKey: inboxListKey(query),
    queryFn: () => fetchInbox(query),
    refetchInterval: INBOX_POLL_MS,
    enabled: !!user,
  });
  const mine = useQuery(watch(MINE_FIRST_PAGE));
  const queue = useQuery(watch(QUEUE_FIRST_PAGE));
  const mineItems = mine.data?.items;
  const queueItems = queue.data?.items;
  useEffect(() => {
    if (user && mineItems && queueItems) absorb(user.id, [...mineItems, ...queueItems]);
  }, [user, mineItems, queueItems]);
  return useSyncExternalStore(subscribe, () => fresh);
}

/** The header's inbox link with the count of new and escalated tasks. */
export function InboxBadge({ children }: { children: ReactNode }) {
  const { t } = useApp();
  const count = useInboxWatch().size;
  return (
    <Badge
      count={count}
      color="#a8071a"
      offset={[10, 0]}
      title={`${t('newTasks')}: ${count}`}
      data-testid="inbox-badge"
      data-count={count}
    >
      {children}
    </Badge>
  );
}
