import { patched } from '@temporalio/workflow';
import { BASELINE_PATCH } from '@aso/contracts';

/**
 * Patches a new run takes all at once, under one marker.
 *
 * Why: every `patched()` a run takes writes a marker event and a search-attribute upsert
 * (`TemporalChangeVersion`, a visibility write on the server) into its history — five of each in a
 * new complaint before this, ~10 of its ~111 events (issue 14). A run whose first workflow task
 * records BASELINE_PATCH takes every patch listed here without asking again; a run recorded
 * before (no baseline marker) asks each patch as it always did, so its replay is unchanged.
 *
 * The decision is taken once, at the first activation of the run (`decideBaseline`, the first
 * thing a case's runtime does, shared/case-runtime.ts), and kept: a run that began under older code replays
 * that activation, finds no marker and keeps `false` even when it later runs live — the SDK
 * itself would answer `true` then, and the run would switch code paths half way.
 *
 * The module's state is per run: modules of the workflow bundle are evaluated per workflow
 * (only those the bundle preloads are shared, shared/preload.ts — never add this one there).
 * A new patch after this baseline is asked with `isPatched` and is not in the list; a later
 * baseline may take it in under a new id. Workflows without a case runtime (the plan run, the
 * review start) are short and ask `patched()` directly.
 */
const IN_BASELINE: ReadonlySet<string> = new Set([
  'clock-from-history',
  'time-from-request',
  'repair-child',
  'follow-up-case',
  'return-slip-by-sales',
  'follow-up-call-script',
  'wake-from-check',
  'complaint-form-at-intake',
  'complaint-customer-notices',
  'follow-up-random-spot-check',
  'keep-wake-timer',
]);

let baseline: boolean | undefined;

/** First thing in a workflow function: this run takes the baseline (new) or not (recorded before). */
export function decideBaseline(): void {
  baseline ??= patched(BASELINE_PATCH);
}

/** `patched(id)`, answered by the baseline when the run took it (see above). */
export function isPatched(id: string): boolean {
  if (baseline === true && IN_BASELINE.has(id)) return true;
  return patched(id);
}
