/**
 * Loaded once per worker, before any workflow runs (the bundle's `preloadModules`, see
 * libs/temporal/src/workflow-bundle.ts): @aso/contracts and @aso/domain — and zod with them —
 * then live in the reusable V8 context's shared module cache instead of being evaluated again
 * for every workflow the worker caches (their schemas, policies and tables measured ~2.3 MiB per
 * cached workflow, issue 14 #4). Both are pure (no module state, no clock, no randomness), which
 * is what sharing needs; the SDK deep-freezes what is shared.
 *
 * Frozen, a zod 3 schema could not write what its parse writes on itself, and the parse would
 * throw: the caches filled on first use (an object's shape `_cached`, an enum's value set
 * `_cache`) are filled here, before the freeze; and a string's regex check resets the regex's
 * `lastIndex` on every parse, so its RegExp is held in a closure the freeze cannot reach, behind
 * an object that answers `test` and accepts the reset. Each schema reachable from the two
 * libraries' exports is treated (the sandbox's parsers are checked against the API's:
 * workflows/test/contract-parsers.workflow.spec.ts; the replay fixtures parse every workflow's
 * commands).
 */
import * as contracts from '@aso/contracts';
import * as domain from '@aso/domain';

interface ZodLike {
  _def?: { typeName?: unknown; checks?: Array<{ kind?: unknown; regex?: unknown }> };
  _getCached?: () => unknown;
  safeParse?: (value: unknown) => unknown;
}

const isRegExp = (v: unknown): v is RegExp =>
  Object.prototype.toString.call(v) === '[object RegExp]';

/** what zod's regex check uses (`lastIndex = 0`, then `test`), the RegExp out of the freeze's reach */
function freezableRegex(re: RegExp): Pick<RegExp, 'test' | 'source' | 'flags'> & {
  lastIndex: number;
} {
  return {
    source: re.source,
    flags: re.flags,
    test: (input: string) => {
      re.lastIndex = 0;
      return re.test(input);
    },
    get lastIndex() {
      return 0;
    },
    set lastIndex(_: number) {
      // reset before each test (above)
    },
  };
}

function warm(value: unknown, seen: Set<object>): void {
  if (value === null || typeof value !== 'object') return;
  if (seen.has(value)) return;
  seen.add(value);
  const schema = value as ZodLike;
  const kind = schema._def?.typeName;
  if (kind === 'ZodObject' && typeof schema._getCached === 'function') schema._getCached();
  // any string reaches the line that fills the enum's set
  if ((kind === 'ZodEnum' || kind === 'ZodNativeEnum') && typeof schema.safeParse === 'function')
    schema.safeParse('');
  if (kind === 'ZodString')
    for (const check of schema._def?.checks ?? [])
      if (check.kind === 'regex' && isRegExp(check.regex))
        check.regex = freezableRegex(check.regex);
  for (const key of Object.keys(value)) warm((value as Record<string, unknown>)[key], seen);
}

/** Fills the caches of every schema reachable from the libraries' exports; how many objects it saw. */
export function warmSharedModules(): number {
  const seen = new Set<object>();
  warm(contracts, seen);
  warm(domain, seen);
  return seen.size;
}

warmSharedModules();
