import type { BusinessCalendar } from '../calendar/business-calendar';
import type { Duration, DurationUnit } from '../calendar/duration';
import { DomainError } from '../errors/domain-error';
import type { PolicyDocument, StageDeadline } from '../policy/policy.schema';
import type { CaseType, StageOf } from '../shared/case-types';
import { type Instant, toMs } from '../shared/instant';
import type { Department } from '../shared/org';

export interface StageDeadlineResult {
  caseType: CaseType;
  stage: string;
  start: Date;
  due: Date;
  /** some day counted had no published holiday table (weekends only); recompute when loaded */
  provisional: boolean;
  amount: number;
  unit: DurationUnit;
  owner: Department;
  basis: string;
  policyVersion: number;
}

export function stageDeadlineOf<T extends CaseType>(
  policy: PolicyDocument,
  caseType: T,
  stage: StageOf<T>,
): StageDeadline {
  const stages = policy.deadlines[caseType] as Record<string, StageDeadline | undefined>;
  const found = stages[stage];
  if (!found)
    throw new DomainError(
      'COMMAND_INVALID',
      `Policy v${policy.version} has no deadline for ${caseType}.${stage}`,
      { caseType, stage },
    );
  return found;
}

/**
 * When a stage started at `start` is due, in exactly the unit the policy says. CS may set a
 * department's handling deadline on the form (001 §25.2): pass it as `override`.
 */
export function computeStageDeadline<T extends CaseType>(
  policy: PolicyDocument,
  calendar: BusinessCalendar,
  caseType: T,
  stage: StageOf<T>,
  start: Instant,
  override?: Duration,
): StageDeadlineResult {
  const rule = stageDeadlineOf(policy, caseType, stage);
  const duration: Duration = override ?? { amount: rule.amount, unit: rule.unit };
  const due = calendar.add(start, duration);
  return {
    caseType,
    stage,
    start: new Date(toMs(start)),
    due: due.at,
    provisional: due.provisional,
    amount: duration.amount,
    unit: duration.unit,
    owner: rule.owner,
    basis: override ? `${rule.basis}; set on the form (001 §25.2)` : rule.basis,
    policyVersion: policy.version,
  };
}
