import type { CheckResult, Finding } from './checks';
import type { Injection } from './injector';
import { formatReport, type Summary } from './report';

const none = (name: string): Finding => ({ name, value: 0, examples: [] });

const checks: CheckResult = {
  notClosed: none('complaints not closed'),
  followUps: none('follow-ups wrong'),
  followUpCases: { rows: 2, workflows: 2 },
  caseRowsVsOpens: { rows: 2, opens: 2, duplicates: none('dup'), missing: none('missing') },
  duplicatedEffects: none('duplicated effects'),
  falseRefusals: none('false refusals'),
  otherRefusals: none('other refusals'),
  chainsBroken: none('chains broken'),
  againstHistory: { available: true, broken: none('audit vs history') },
  timesDifferFromHistory: none('times differ'),
  timeDiffsMs: [],
  supersededAttempts: 0,
};

const summary = (injections: Injection[]): Summary => ({
  header: 'chaos',
  slowCommands: none('slow commands'),
  checks,
  injections,
  processStats: [],
  logsIn: '/tmp/x',
});

const kill = (part: Injection['part'], recoveryMs: number): Injection => ({
  part,
  at: 0,
  recoveryMs,
  loadRecoveryMs: undefined,
});

describe('chaos report (tools/chaos/report.ts)', () => {
  it('a fault kind the run never drew says "not sampled", not MISS with -Infinity', () => {
    const { text, missed } = formatReport(
      summary([kill('worker', 4_000), kill('api', 1_000), kill('temporal', 2_000)]),
    );
    expect(text).toMatch(/postgres \(immediate\)\s+0\s+not sampled in this run/);
    expect(text).not.toContain('Infinity');
    expect(missed).toEqual([]);
    expect(text).toContain('all measured goals met (no postgres fault sampled');
  });

  it('a sampled kind over its goal is still a miss (worker ≤ 10 s)', () => {
    const { text, missed } = formatReport(
      summary([
        kill('worker', 10_500),
        kill('api', 1_000),
        kill('temporal', 2_000),
        kill('postgres', 3_000),
      ]),
    );
    expect(missed).toEqual(['recovery p99 after a worker kill']);
    expect(text).toMatch(/worker \(kill -9\)\s+1\s+10\.5\s+10\.5\s+10\.5\s+≤10\s+MISS/);
    expect(text).toContain('GOALS MISSED: recovery p99 after a worker kill');
  });

  it('every kind sampled within its goal: all goals met', () => {
    const { text, missed } = formatReport(
      summary([
        kill('worker', 9_000),
        kill('api', 1_000),
        kill('temporal', 2_000),
        kill('postgres', 3_000),
      ]),
    );
    expect(missed).toEqual([]);
    expect(text.endsWith('all goals met')).toBe(true);
  });
});
