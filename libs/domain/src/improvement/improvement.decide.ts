import { BusinessCalendar } from '../calendar/business-calendar';
import { minutesOf } from '../calendar/calendar-settings';
import { MS_PER_MINUTE, dayIndexOfIsoDate, dayStartMs, isoDateOfDay } from '../calendar/civil-time';
import { defaultHolidayTables } from '../calendar/holiday-tables';
import { parseCaseNumber } from '../case-number/case-number';
import { DomainError } from '../errors/domain-error';
import type { PolicyDocument } from '../policy/policy.schema';
import { type Decision, decideWith, illegal, invalid } from '../shared/decision';
import { assertActorIn, assertPinnedPolicy } from '../shared/guards';
import { type Instant, toMs } from '../shared/instant';
import type { Actor, Role } from '../shared/org';
import type {
  ImprovementCommand,
  ImprovementEvent,
  ImprovementRound,
  ImprovementState,
  ImprovementStatus,
} from './improvement.types';

/** Who sets and checks a measure: CS, which runs the follow-up work (004 三.(六)), its manager. */
export const IMPROVEMENT_TRACKER_ROLES: readonly Role[] = ['manager'];

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * A measure's completion date as an instant: 18:00 (the end of working hours) on the last
 * working day on or before it, by the business calendar (holidays and 调休 make-up days), as
 * the review's "before the 10th" (Decision 6) and the annual appraisal are. A month without
 * holiday data gives a provisional instant.
 */
export function improvementDueOf(
  dueDate: string,
  policy: PolicyDocument,
  calendar: BusinessCalendar = new BusinessCalendar(policy.calendar, defaultHolidayTables),
): { due: number; provisional: boolean } {
  let day = dayIndexOfIsoDate(dueDate);
  const floor = day - 31;
  while (!calendar.isWorkingDay(isoDateOfDay(day)) && day > floor) day -= 1;
  const close = minutesOf(policy.calendar.workingHours.end) * MS_PER_MINUTE;
  return {
    due: dayStartMs(day, policy.calendar.utcOffsetMinutes) + close,
    provisional: calendar.dayInfo(isoDateOfDay(day)).provisional,
  };
}

/**
 * F17 003 §四.4 改进措施制定与实施 as a pure decider: a CS manager sets a measure from the
 * follow-up analysis report with its goal, owner and completion date; the owner records the
 * result; the CS manager checks its effect and closes it, or sends it back with a new date.
 */
export function decideImprovement(
  state: ImprovementState | null,
  command: ImprovementCommand,
  now: Instant,
  policy: PolicyDocument,
  calendar: BusinessCalendar = new BusinessCalendar(policy.calendar, defaultHolidayTables),
): Decision<ImprovementEvent> {
  return decideWith(() => decide(state, command, toMs(now), policy, calendar));
}

function decide(
  state: ImprovementState | null,
  cmd: ImprovementCommand,
  at: number,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
): ImprovementEvent[] {
  const by = cmd.actor.userId;
  const ctx = { caseNumber: state?.caseNumber ?? null, command: cmd.type };
  const person = (): Actor => {
    if (!('department' in cmd.actor)) throw invalid(`${cmd.type} needs a person`, ctx);
    return cmd.actor;
  };
  const round = (n: number, dueDate: string, field: string): ImprovementRound => {
    if (!DATE.test(dueDate) || Number.isNaN(Date.parse(`${dueDate}T00:00:00Z`)))
      throw invalid(`${field} must be a date YYYY-MM-DD`, { ...ctx, field });
    const { due, provisional } = improvementDueOf(dueDate, policy, calendar);
    if (due <= at)
      throw invalid(`${field}: the measure must be due after now (its last working day's 18:00)`, {
        ...ctx,
        field,
        dueAt: new Date(due).toISOString(),
      });
    return {
      n,
      startedAt: at,
      due,
      dueDate,
      dueProvisional: provisional,
      result: null,
      check: null,
    };
  };

  if (cmd.type === 'OpenImprovement') {
    if (state !== null) throw illegal('improvement', state.status, cmd.type);
    assertActorIn(person(), ['cs'], IMPROVEMENT_TRACKER_ROLES, ctx);
    const parsed = parseCaseNumber(cmd.caseNumber);
    if (!parsed || parsed.prefix !== policy.numbering.prefixes.improvement)
      throw new DomainError(
        'CASE_NUMBER_INVALID',
        `"${cmd.caseNumber}" is not an improvement number (${policy.numbering.prefixes.improvement}yyyymm-seq)`,
        { caseNumber: cmd.caseNumber },
      );
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(cmd.source.analysisMonth))
      throw invalid('analysisMonth must be a month YYYY-MM', { ...ctx, field: 'analysisMonth' });
    for (const field of ['measure', 'goal', 'ownerId'] as const)
      if (!cmd[field].trim()) throw invalid(`${field} is required`, { ...ctx, field });
    if (!cmd.source.finding.trim())
      throw invalid('finding is required', { ...ctx, field: 'finding' });
    return [
      {
        type: 'ImprovementOpened',
        at,
        by,
        caseNumber: cmd.caseNumber,
        policyVersion: policy.version,
        source: {
          analysisMonth: cmd.source.analysisMonth,
          finding: cmd.source.finding.trim(),
          followUps: [...cmd.source.followUps],
        },
        measure: cmd.measure.trim(),
        goal: cmd.goal.trim(),
        department: cmd.department,
        ownerId: cmd.ownerId.trim(),
        round: round(1, cmd.dueDate, 'dueDate'),
      },
    ];
  }
  if (state === null) throw illegal('improvement', 'none', cmd.type, ['OpenImprovement']);
  assertPinnedPolicy(state.policyVersion, policy, state.caseNumber);
  const need = (...statuses: ImprovementStatus[]) => {
    if (!statuses.includes(state.status))
      throw illegal('improvement', state.status, cmd.type, statuses);
  };
  const current = state.rounds[state.rounds.length - 1] as ImprovementRound;

  switch (cmd.type) {
    case 'RecordImprovementResult': {
      need('in_progress');
      person();
      if (!cmd.result.trim()) throw invalid('result is required', { ...ctx, field: 'result' });
      return [
        { type: 'ImprovementResultRecorded', at, by, round: current.n, text: cmd.result.trim() },
      ];
    }
    case 'CheckImprovement': {
      need('verifying');
      assertActorIn(person(), ['cs'], IMPROVEMENT_TRACKER_ROLES, ctx);
      const note = cmd.note?.trim() ?? '';
      const checked: ImprovementEvent = {
        type: 'ImprovementChecked',
        at,
        by,
        round: current.n,
        effective: cmd.effective,
        note,
      };
      if (cmd.effective)
        return [checked, { type: 'ImprovementClosed', at, by, outcome: 'effective' }];
      if (!cmd.newDueDate)
        throw invalid('newDueDate: a measure not yet effective goes back with a new date', {
          ...ctx,
          field: 'newDueDate',
        });
      if (!note)
        throw invalid('note: say why the measure is not yet effective', { ...ctx, field: 'note' });
      return [
        checked,
        {
          type: 'ImprovementReopened',
          at,
          by,
          round: round(current.n + 1, cmd.newDueDate, 'newDueDate'),
        },
      ];
    }
  }
}
