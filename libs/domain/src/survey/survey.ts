import { DomainError } from '../errors/domain-error';
import type { PolicyDocument } from '../policy/policy.schema';

export interface SurveyScore {
  items: Array<{ item: string; grade: string; score: number }>;
  total: number;
  max: number;
  dissatisfied: boolean;
  dissatisfiedItems: string[];
  policyVersion: number;
}

/**
 * 001 §17: attitude, skill, arrival time and promises kept, each very satisfied / satisfied /
 * average / poor. Any item graded in the policy's dissatisfied grades makes the call
 * dissatisfied, which opens a new complaint linked to the old case (DOMAIN.md §5).
 */
export function scoreSurvey(
  answers: Readonly<Record<string, string>>,
  policy: PolicyDocument,
): SurveyScore {
  const grades = new Map(policy.survey.grades.map((g) => [g.code, g.score]));
  const known = new Set(policy.survey.items.map((i) => i.code));
  const unknown = Object.keys(answers).filter((k) => !known.has(k));
  const missing = policy.survey.items.map((i) => i.code).filter((k) => answers[k] === undefined);
  const badGrades = Object.entries(answers)
    .filter(([, g]) => !grades.has(g))
    .map(([item, grade]) => ({ item, grade }));
  if (unknown.length || missing.length || badGrades.length) {
    throw new DomainError(
      'SURVEY_INVALID',
      'The survey answers do not match the policy items and grades',
      {
        missingItems: missing,
        unknownItems: unknown,
        invalidGrades: badGrades,
        allowedGrades: [...grades.keys()],
      },
    );
  }
  const items = policy.survey.items.map((i) => {
    const grade = answers[i.code] as string;
    return { item: i.code, grade, score: grades.get(grade) as number };
  });
  const best = Math.max(...grades.values());
  const dissatisfiedItems = items
    .filter((i) => policy.survey.dissatisfiedGrades.includes(i.grade))
    .map((i) => i.item);
  return {
    items,
    total: items.reduce((s, i) => s + i.score, 0),
    max: best * items.length,
    dissatisfied: dissatisfiedItems.length > 0,
    dissatisfiedItems,
    policyVersion: policy.version,
  };
}
