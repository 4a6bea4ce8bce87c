/**
 * The page's first script (issue 11: navigation → inbox ≤ 1.5 s). Built as its own tiny entry
 * and put first in index.html (vite.config.ts), it runs as soon as it is loaded — while the
 * app's bundle is still downloading, parsing and evaluating — and starts what a page load
 * otherwise asks for only after the app rendered once: the session renewed from the refresh
 * cookie (under the same Web Lock as every renewal: api/client.ts) and, on the inbox route, the
 * inbox's two first pages with the renewed token. The app takes each answer once
 * (client.ts `renewSession`, inbox-cache.ts `prefetchedInbox`); nothing here renders.
 *
 * The app imports its constants from here: one module, evaluated once per page.
 */

/** The Web Lock every tab of the origin takes around a refresh (navigator.locks). */
export const REFRESH_LOCK = 'aso.auth.refresh';
/** The header the /auth/web/… routes require. */
export const WEB_HEADERS = { 'x-aso-web': '1' } as const;

/** Rows per inbox page (each of its two tables is paged by the API: keyset, `after`). */
export const INBOX_PAGE = 30;
/** The unfiltered first pages: my tasks, and my department's (and roles') unclaimed queue. */
export const MINE_FIRST_PAGE = { scope: 'mine', limit: INBOX_PAGE } as const;
export const QUEUE_FIRST_PAGE = { scope: 'department', limit: INBOX_PAGE } as const;
/** The query string of an inbox query: the prefetch's URL and the key the app takes it by. */
export const inboxSearch = (q: Readonly<Record<string, string | number>>): string =>
  new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString();

/** A prefetched answer older than this is not taken (the app fetches afresh). */
export const PREFETCH_FRESH_MS = 15_000;

/** The session answer (SessionBody) and the inbox answers, each taken once by the app. */
export interface BootPrefetch {
  at: number;
  session?: Promise<{ accessToken: string } | undefined>;
  inbox: Map<string, Promise<Response | undefined>>;
}

declare global {
  interface Window {
    __asoBoot?: BootPrefetch;
  }
}

/** `/` and `/app/`: the inbox route (main.tsx sends `/` to `/app/`). */
const INBOX_ROUTE = /^\/(app\/?)?$/;

function start(): void {
  if (window.__asoBoot) return;
  const boot: BootPrefetch = { at: performance.now(), inbox: new Map() };
  window.__asoBoot = boot;
  const refresh = async (): Promise<{ accessToken: string } | undefined> => {
    const res = await window.fetch('/auth/web/refresh', {
      method: 'POST',
      headers: WEB_HEADERS,
      credentials: 'same-origin',
    });
    return res.ok ? ((await res.json()) as { accessToken: string }) : undefined;
  };
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  const session = (async () =>
    locks
      ? await locks.request(REFRESH_LOCK, { mode: 'exclusive' }, refresh)
      : await refresh())().catch(() => undefined);
  boot.session = session;
  if (!INBOX_ROUTE.test(window.location.pathname)) return;
  for (const q of [MINE_FIRST_PAGE, QUEUE_FIRST_PAGE]) {
    const search = inboxSearch(q);
    boot.inbox.set(
      search,
      session
        .then((s) =>
          s
            ? window.fetch(`/inbox?${search}`, {
                headers: { authorization: `Bearer ${s.accessToken}` },
              })
            : undefined,
        )
        .catch(() => undefined),
    );
  }
}

start();
