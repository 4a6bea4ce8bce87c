import { Worker, type ReplayResult } from '@temporalio/worker';
import { workflowBundleOptions } from '@aso/temporal';
import { FIXTURES, loadFixtures, NONDETERMINISTIC } from './fixtures';

/**
 * Workflow versioning discipline (ARCHITECTURE.md): recorded histories of representative runs
 * replay against today's workflow code. A change that would break running cases fails here;
 * such a change goes behind `patched()`. The deliberately non-deterministic fixture proves the
 * check bites.
 */
describe('replay of recorded histories', () => {
  const good = loadFixtures(FIXTURES);
  const bad = loadFixtures(NONDETERMINISTIC);

  test('there are fixtures for the complaint, the return, the repair, the follow-up and the consignment workflows', () => {
    expect(good.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'complaint-discount-closed.json',
        'complaint-return-closed.json',
        'return-child-refunded.json',
        // recorded since recordChanges returns its digest (issue 8 #6); the plain *.json files
        // above are the first era, as recorded before it
        'complaint-discount-closed.digest.json',
        'complaint-return-closed.digest.json',
        'complaint-rejected-escalated-closed.digest.json',
        'return-child-refunded.digest.json',
        // recorded since the clock-from-history patch (shared/clock.ts)
        'complaint-discount-closed.stamped.json',
        'complaint-return-closed.stamped.json',
        'complaint-rejected-escalated-closed.stamped.json',
        'return-child-refunded.stamped.json',
        'repair-carried-over-closed.stamped.json',
        // a complaint decided as repair before the repair child (patch 'repair-child'): the WX
        // number reserved, CS hands over and records the result (RecordRepairCompleted)
        'complaint-repair-handoff-closed.stamped.json',
        // recorded since a complaint decided as repair runs the repair as its child (patch
        // 'repair-child', complaint/complaint.children.ts)
        'complaint-discount-closed.repair-child.json',
        'complaint-return-closed.repair-child.json',
        'complaint-rejected-escalated-closed.repair-child.json',
        'return-child-refunded.repair-child.json',
        'repair-carried-over-closed.repair-child.json',
        'complaint-repair-child-closed.repair-child.json',
        'repair-child-of-complaint-closed.repair-child.json',
        'repair-whole-external-closed.repair-child.json',
        // recorded since a closing complaint or repair starts its follow-up call (patch
        // 'follow-up-case', shared/follow-up-start.ts), and a follow-up's own history
        'complaint-discount-closed.follow-up.json',
        'complaint-return-closed.follow-up.json',
        'complaint-rejected-escalated-closed.follow-up.json',
        'return-child-refunded.follow-up.json',
        'repair-carried-over-closed.follow-up.json',
        'complaint-repair-child-closed.follow-up.json',
        'repair-child-of-complaint-closed.follow-up.json',
        'repair-whole-external-closed.follow-up.json',
        'follow-up-dissatisfied-closed.follow-up.json',
        // a consignment's first run (it continues as new at its period's end) and its last run
        // (started from the carried state, closed)
        'consignment-period-continued.follow-up.json',
        'consignment-continued-closed.follow-up.json',
        // the monthly review (001 §28): its starter (what the schedule fires) and a review to close
        'monthly-review-start.follow-up.json',
        'monthly-review-closed.follow-up.json',
        // recorded since new cases pin policy v2 and sales fills a complaint-origin return's slip
        // (patch 'return-slip-by-sales', R02): a v2 store-channel complaint (owner, supplier
        // coordination, 48 h store result, summary at close), the complaint-origin return of
        // that era and a customer's own return without a parent complaint
        'complaint-v2-store-closed.v2.json',
        'complaint-return-closed.v2.json',
        'return-child-refunded.v2.json',
        'return-standalone-refunded.v2.json',
        // recorded since a new complaint's form starts at intake ('complaint-form-at-intake'),
        // the customer is told the process ('complaint-customer-notices') and a step takes its
        // now from the request ('time-from-request'); December's review start opening the annual
        // appraisal ('annual-appraisal'); an improvement measure (F17, a workflow type of its own)
        'complaint-v2-apology-closed.v3.json',
        'monthly-review-start-december.v3.json',
        'monthly-review-december-closed.v3.json',
        'improvement-measure-closed.v3.json',
        // recorded since a new case run records one marker for the patches of its time and keeps
        // its wake timer while the next wake stays put (shared/patches.ts, shared/wake-timer.ts)
        'complaint-opened-overdue-closed.baseline.json',
        'complaint-rejected-escalated-closed.baseline.json',
        'complaint-repair-child-closed.baseline.json',
        'complaint-return-closed.baseline.json',
        'complaint-v2-apology-closed.baseline.json',
        'consignment-continued-closed.baseline.json',
        'consignment-period-continued.baseline.json',
        'follow-up-random-spot-check-closed.baseline.json',
        'improvement-measure-closed.baseline.json',
        'repair-child-of-complaint-closed.baseline.json',
        'repair-whole-external-closed.baseline.json',
        'return-child-refunded.baseline.json',
        'return-standalone-refunded.baseline.json',
        // recorded since a ladder step reached by closed work opens no escalation (patch
        // 'deadlines-skip-closed-tasks', shared/deadline-watch.ts): a first response answered
        // a second past its deadline, before the deadline timer
        'complaint-first-response-late-closed.deadlines-skip-closed-tasks.json',
      ]),
    );
    expect(bad.length).toBeGreaterThan(0);
  });

  test('every recorded history replays clean against today’s code', async () => {
    const results: ReplayResult[] = [];
    for await (const r of Worker.runReplayHistories(workflowBundleOptions(), good)) results.push(r);
    expect(results.map((r) => [r.workflowId, r.error ? String(r.error) : null])).toEqual(
      good.map((f) => [f.workflowId, null]),
    );
  });

  test('the history of a deliberately changed workflow fails the replay (the check bites)', async () => {
    const results: ReplayResult[] = [];
    for await (const r of Worker.runReplayHistories(workflowBundleOptions(), bad)) results.push(r);
    expect(results).toHaveLength(bad.length);
    // by name: the error class lives in the workflow package's copy inside the replay worker
    for (const r of results) expect(r.error?.name).toBe('DeterminismViolationError');
  });
});
