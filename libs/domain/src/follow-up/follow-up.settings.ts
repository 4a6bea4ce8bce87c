import type { Duration } from '../calendar/duration';
import { parseCaseNumber } from '../case-number/case-number';
import {
  FOLLOW_UP_CALL_SCRIPT_DEFAULT,
  FOLLOW_UP_SPOT_CHECK_DEFAULT,
  type FollowUpSpotCheckRule,
  FOLLOW_UP_SCRIPTS_DEFAULT,
  type PolicyDocument,
} from '../policy/policy.schema';

export interface FollowUpSettings {
  scripts: Record<
    'complaint' | 'repair' | 'return' | 'plan',
    Array<{ code: string; text: string }>
  >;
  reviewWithin: Duration;
  spotCheckEvery: number;
  /** F16 004 七.(二): the share of records drawn at random for the supervision re-check */
  spotCheck: FollowUpSpotCheckRule;
  /** F14 004 六: the opening and closing of every call */
  callScript: { opening: string; closing: string };
}

/**
 * The follow-up settings of a pinned policy. Documents published before these settings existed
 * are read with the schema's defaults (the same values a parse would fill in), so a case pinned
 * to such a version still has a script.
 */
export function followUpSettings(policy: PolicyDocument): FollowUpSettings {
  const f = policy.followUp as Partial<PolicyDocument['followUp']>;
  return {
    scripts: f.scripts ?? FOLLOW_UP_SCRIPTS_DEFAULT,
    reviewWithin: f.reviewWithin ?? { amount: 1, unit: 'working_days' },
    spotCheckEvery: f.spotCheckEvery ?? 10,
    spotCheck: f.spotCheck ?? FOLLOW_UP_SPOT_CHECK_DEFAULT,
    callScript: f.callScript ?? FOLLOW_UP_CALL_SCRIPT_DEFAULT,
  };
}

/**
 * 004 七.(二) "抽查": one record in `every` is re-checked by CS supervision. Drawn by the case's
 * sequence number (every N-th follow-up), so the draw is reproducible and auditable.
 */
export function sampledForSpotCheck(caseNumber: string, every: number): boolean {
  const parsed = parseCaseNumber(caseNumber);
  return parsed !== undefined && every > 0 && parsed.seq % every === 0;
}

/**
 * F16 004 七.(二)2 通过电话抽查客户: the record is drawn at random — `draw` is a number in [0, 1)
 * the workflow drew (Temporal's seeded, replay-safe Math.random) and recorded on the opening
 * event; the record is drawn when it falls under the policy's rate.
 */
export function drawnForSpotCheck(draw: number, rate: number): boolean {
  return draw >= 0 && draw < rate;
}
