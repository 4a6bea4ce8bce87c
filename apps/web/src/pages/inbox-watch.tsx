import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { api, ok, type InboxItem } from '../api/client';
import { useApp } from '../session';
import { INBOX_QUERY, inboxListKey } from './inbox-cache';

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
 * The unfiltered inbox, polled; the set of fresh (new or escalated) task ids. The same query
 * (key and all) as the inbox page's unfiltered list: one GET /inbox serves both.
 */
export function useInboxWatch(): ReadonlySet<string> {
  const { user } = useApp();
  const watch = useQuery({
    queryKey: inboxListKey(INBOX_QUERY),
    queryFn: async () => ok(await api.GET('/inbox', { params: { query: INBOX_QUERY } })),
    refetchInterval: INBOX_POLL_MS,
    enabled: !!user,
  });
  useEffect(() => {
    if (user && watch.data) absorb(user.id, watch.data.items);
  }, [user, watch.data]);
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
