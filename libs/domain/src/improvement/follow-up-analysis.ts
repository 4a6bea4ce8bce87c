import { MS_PER_MINUTE } from '../calendar/civil-time';
import type { FollowUpState } from '../follow-up/follow-up.types';

/** What the analysis needs of the pinned policy's 001 §17 survey (PolicyDocument.survey). */
export interface AnalysisSurveyScale {
  items: ReadonlyArray<{ code: string }>;
  grades: ReadonlyArray<{ code: string; score: number }>;
  dissatisfiedGrades: readonly string[];
}

/** One survey item (attitude, skill, …) over the month's surveyed calls. */
export interface AnalysedItem {
  item: string;
  answered: number;
  /** grade code → count */
  grades: Record<string, number>;
  /** answers in the lower half of the scale (一般 / 较差 of 001 §17) */
  belowSatisfied: number;
  belowSatisfiedRate: number | null;
  /** the calls that rated it below satisfied */
  followUps: string[];
}

/**
 * F17 003 §四.4 回访与调查结果分析 of one month: the follow-up calls and surveys, what the
 * customers said, and where the service falls short (不足之处) — the basis of the improvement
 * measures (POST /improvement-measures).
 */
export interface FollowUpAnalysis {
  month: string;
  calls: {
    /** follow-up cases opened in the month */
    cases: number;
    /** dialling attempts: the failed ones and the calls that reached the customer */
    attempts: number;
    reached: number;
    unreachable: number;
    /** not reached yet (the case still calling) */
    pending: number;
    /** reached ÷ (reached + unreachable) */
    reachRate: number | null;
    /** follow-up case type / plan → cases */
    bySource: Record<string, number>;
  };
  satisfaction: {
    surveyed: number;
    /** grade code → count over every item answered */
    grades: Record<string, number>;
    /** Σ score ÷ Σ max over the surveyed calls */
    scoreRate: number | null;
    /** calls with an item in the policy's dissatisfied grades (Decision 11: linked complaint) */
    dissatisfiedCalls: number;
    items: AnalysedItem[];
  };
  /** the items with answers below satisfied, worst share first: where to improve */
  shortfalls: Array<{ item: string; belowSatisfied: number; answered: number; rate: number }>;
  /** F05 004 三.(五): the problems the record reviews found and sent to departments */
  problems: {
    total: number;
    open: number;
    resolved: number;
    byCategory: Array<{ category: string; count: number; open: number }>;
    byDepartment: Array<{ department: string; count: number; open: number }>;
  };
  /** Decision 11: the complaints the dissatisfied calls opened, with the case followed */
  complaints: Array<{
    followUpNumber: string;
    complaintNumber: string | null;
    followedCaseNumber: string | null;
  }>;
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);
const bump = (m: Record<string, number>, k: string, by = 1) => {
  m[k] = (m[k] ?? 0) + by;
};

/**
 * F17 003 §四.4 "对回访和满意度调查收集到的信息进行整理分析…形成详细的分析报告": the month's
 * follow-up calls (the cases opened in `month`, local time — the cohort of the follow-up KPIs,
 * so the figures agree with GET /reports/follow-up-kpis) and their 001 §17 surveys: calls
 * made and reached, the satisfaction distribution per item, the items rated below satisfied
 * (the upper half of the grade scale is satisfied: 非常满意 and 满意 of 001 §17), the problems
 * found by category and department, and the complaints the dissatisfied calls opened. Pure:
 * the states come folded from the audited events.
 */
export function followUpAnalysisOf(
  month: string,
  states: readonly FollowUpState[],
  scale: AnalysisSurveyScale,
  utcOffsetMinutes: number,
): FollowUpAnalysis {
  const monthOf = (ms: number) =>
    new Date(ms + utcOffsetMinutes * MS_PER_MINUTE).toISOString().slice(0, 7);
  const cohort = [...states]
    .filter((s) => monthOf(s.openedAt) === month)
    .sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
  const scores = scale.grades.map((g) => g.score).sort((a, b) => a - b);
  const median =
    scores.length === 0
      ? 0
      : ((scores[Math.floor((scores.length - 1) / 2)] as number) +
          (scores[Math.ceil((scores.length - 1) / 2)] as number)) /
        2;
  const below = new Set(scale.grades.filter((g) => g.score < median).map((g) => g.code));

  const bySource: Record<string, number> = {};
  let attempts = 0;
  let reached = 0;
  let unreachable = 0;
  let pending = 0;
  const grades: Record<string, number> = {};
  let total = 0;
  let max = 0;
  let dissatisfiedCalls = 0;
  const items = new Map<string, AnalysedItem>(
    scale.items.map((i) => [
      i.code,
      {
        item: i.code,
        answered: 0,
        grades: {},
        belowSatisfied: 0,
        belowSatisfiedRate: null,
        followUps: [],
      },
    ]),
  );
  const problems = cohort.flatMap((s) => s.problems ?? []);
  const complaints: FollowUpAnalysis['complaints'] = [];
  let surveyed = 0;

  for (const s of cohort) {
    bump(bySource, s.source.kind === 'plan' ? s.source.plan : s.source.parentCaseType);
    attempts += s.attempts.length + (s.call ? 1 : 0);
    if (s.call) reached += 1;
    else if (s.outcome === 'unreachable') unreachable += 1;
    else pending += 1;
    const survey = s.call?.survey;
    if (survey) {
      surveyed += 1;
      total += survey.items.reduce((n, i) => n + i.score, 0);
      max += survey.max;
      if (survey.items.some((i) => scale.dissatisfiedGrades.includes(i.grade)))
        dissatisfiedCalls += 1;
      for (const i of survey.items) {
        bump(grades, i.grade);
        const a =
          items.get(i.item) ??
          items
            .set(i.item, {
              item: i.item,
              answered: 0,
              grades: {},
              belowSatisfied: 0,
              belowSatisfiedRate: null,
              followUps: [],
            })
            .get(i.item)!;
        a.answered += 1;
        bump(a.grades, i.grade);
        if (below.has(i.grade)) {
          a.belowSatisfied += 1;
          a.followUps.push(s.caseNumber);
        }
      }
    }
    if (s.linkedComplaint)
      complaints.push({
        followUpNumber: s.caseNumber,
        complaintNumber: s.linkedComplaint.caseNumber,
        followedCaseNumber: s.source.kind === 'case_closed' ? s.source.parentCaseNumber : null,
      });
  }
  const analysed = [...items.values()].map((a) => ({
    ...a,
    belowSatisfiedRate: ratio(a.belowSatisfied, a.answered),
  }));
  const group = (key: (p: (typeof problems)[number]) => string) => {
    const m = new Map<string, { count: number; open: number }>();
    for (const p of problems) {
      const g = m.get(key(p)) ?? { count: 0, open: 0 };
      g.count += 1;
      if (p.result === null) g.open += 1;
      m.set(key(p), g);
    }
    return [...m.entries()]
      .sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b))
      .map(([k, g]) => ({ k, ...g }));
  };
  return {
    month,
    calls: {
      cases: cohort.length,
      attempts,
      reached,
      unreachable,
      pending,
      reachRate: ratio(reached, reached + unreachable),
      bySource,
    },
    satisfaction: {
      surveyed,
      grades,
      scoreRate: ratio(total, max),
      dissatisfiedCalls,
      items: analysed,
    },
    shortfalls: analysed
      .filter((a) => a.belowSatisfied > 0)
      .map((a) => ({
        item: a.item,
        belowSatisfied: a.belowSatisfied,
        answered: a.answered,
        rate: a.belowSatisfied / a.answered,
      }))
      .sort(
        (a, b) =>
          b.rate - a.rate || b.belowSatisfied - a.belowSatisfied || a.item.localeCompare(b.item),
      ),
    problems: {
      total: problems.length,
      open: problems.filter((p) => p.result === null).length,
      resolved: problems.filter((p) => p.result !== null).length,
      byCategory: group((p) => p.category).map(({ k, ...g }) => ({ category: k, ...g })),
      byDepartment: group((p) => p.department).map(({ k, ...g }) => ({ department: k, ...g })),
    },
    complaints,
  };
}
