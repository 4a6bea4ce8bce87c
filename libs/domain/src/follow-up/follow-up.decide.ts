import { BusinessCalendar } from '../calendar/business-calendar';
import { defaultHolidayTables } from '../calendar/holiday-tables';
import { parseCaseNumber } from '../case-number/case-number';
import { assertComplaintIntake } from '../complaint/complaint.decide';
import { DomainError } from '../errors/domain-error';
import type { PolicyDocument } from '../policy/policy.schema';
import { type Decision, decideWith, illegal, invalid } from '../shared/decision';
import { assertActorIn, assertNotSelf, assertPinnedPolicy } from '../shared/guards';
import { type Instant, toMs } from '../shared/instant';
import type { Actor } from '../shared/org';
import { scoreSurvey } from '../survey/survey';
import { followUpDue, nextFollowUpAttempt } from './follow-up';
import { drawnForSpotCheck, followUpSettings, sampledForSpotCheck } from './follow-up.settings';
import type {
  FollowUpCommand,
  FollowUpEvent,
  FollowUpState,
  FollowUpStatus,
} from './follow-up.types';

/**
 * The follow-up call of DOMAIN.md §5 (004; 003 §四.4; 001 §14–17) as a pure decider: CS calls
 * within 3 working days of the followed case's close (or when a plan says), confirms identity,
 * states the purpose, asks the script's questions and the survey of 001 §17; unreachable →
 * retry per policy, then closed as unreachable; the record is reviewed by the store head / CS
 * supervisor (004 三.(四)); a dissatisfied customer gets a new complaint linked to the old case
 * (Decision 11); one record in N is re-checked by CS supervision (004 七.(二)).
 */
export function decideFollowUp(
  state: FollowUpState | null,
  command: FollowUpCommand,
  now: Instant,
  policy: PolicyDocument,
  calendar: BusinessCalendar = new BusinessCalendar(policy.calendar, defaultHolidayTables),
): Decision<FollowUpEvent> {
  return decideWith(() => decide(state, command, toMs(now), policy, calendar));
}

/** Who reviews a record and re-checks a sample: the store head / CS supervisor (004 三.(四)). */
export const FOLLOW_UP_REVIEWER_ROLES = ['supervisor', 'manager'] as const;

function decide(
  state: FollowUpState | null,
  cmd: FollowUpCommand,
  at: number,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
): FollowUpEvent[] {
  const by = cmd.actor.userId;
  const settings = followUpSettings(policy);
  if (cmd.type === 'OpenFollowUp') {
    if (state !== null) throw illegal('followUp', state.status, cmd.type);
    const parsed = parseCaseNumber(cmd.caseNumber);
    if (!parsed || parsed.prefix !== policy.numbering.prefixes.followUp)
      throw new DomainError(
        'CASE_NUMBER_INVALID',
        `"${cmd.caseNumber}" is not a follow-up number (${policy.numbering.prefixes.followUp}yyyymm-seq)`,
        { caseNumber: cmd.caseNumber },
      );
    if (cmd.customer.name.trim() === '')
      throw invalid('customer.name must not be empty', { field: 'customer.name' });
    const src = cmd.source;
    // DOMAIN.md §5: within 3 working days of the close; a plan's call is due by the call stage.
    const due =
      src.kind === 'case_closed'
        ? followUpDue(src.closedAt, policy, calendar)
        : (() => {
            const { amount, unit } = policy.deadlines.followUp.call;
            const r = calendar.add(at, { amount, unit });
            return { due: r.at, provisional: r.provisional };
          })();
    const script =
      src.kind === 'case_closed' ? settings.scripts[src.parentCaseType] : settings.scripts.plan;
    return [
      {
        type: 'FollowUpOpened',
        at,
        by,
        caseNumber: cmd.caseNumber,
        policyVersion: policy.version,
        source: src,
        customer: { name: cmd.customer.name.trim(), phone: cmd.customer.phone },
        callDue: due.due.getTime(),
        callDueProvisional: due.provisional,
        script: script.map((q) => ({ code: q.code, text: q.text })),
        ...(cmd.withCallScript
          ? {
              callScript: {
                opening: settings.callScript.opening.replaceAll(
                  '{customer}',
                  cmd.customer.name.trim(),
                ),
                closing: settings.callScript.closing,
              },
            }
          : {}),
        ...(cmd.spotCheckDraw === undefined
          ? { sampledForSpotCheck: sampledForSpotCheck(cmd.caseNumber, settings.spotCheckEvery) }
          : {
              sampledForSpotCheck: drawnForSpotCheck(cmd.spotCheckDraw, settings.spotCheck.rate),
              spotCheckDraw: cmd.spotCheckDraw,
            }),
      },
    ];
  }
  if (state === null) throw illegal('followUp', 'none', cmd.type, ['OpenFollowUp']);
  assertPinnedPolicy(state.policyVersion, policy, state.caseNumber);
  const ctx = { caseNumber: state.caseNumber, command: cmd.type };
  const need = (...statuses: FollowUpStatus[]) => {
    if (!statuses.includes(state.status))
      throw illegal('followUp', state.status, cmd.type, statuses);
  };
  const person = (): Actor => {
    if (!('department' in cmd.actor)) throw invalid(`${cmd.type} needs a person`, ctx);
    return cmd.actor;
  };
  const stepDue = () => calendar.add(at, settings.reviewWithin).at.getTime();
  const closeOrCheck = (outcome: 'satisfied' | 'dissatisfied'): FollowUpEvent[] =>
    state.spotCheck.sampled && state.spotCheck.result === null
      ? []
      : [{ type: 'FollowUpClosed', at, by, outcome }];

  switch (cmd.type) {
    case 'RecordCallAttempt': {
      need('calling');
      assertActorIn(person(), ['cs'], [], ctx);
      const attempt = { n: state.attempts.length + 1, by, at, note: cmd.note.trim() };
      const next = nextFollowUpAttempt(attempt.n, at, policy, calendar);
      if (next.action === 'retry')
        return [{ type: 'CallAttemptFailed', at, by, attempt, nextAttemptAt: next.at.getTime() }];
      return [
        { type: 'CallAttemptFailed', at, by, attempt, nextAttemptAt: null },
        { type: 'CustomerUnreachable', at, by, attempts: next.attempts },
        { type: 'FollowUpClosed', at, by, outcome: 'unreachable' },
      ];
    }
    case 'RecordCall': {
      need('calling');
      assertActorIn(person(), ['cs'], [], ctx);
      // 004 三.(三): confirm who answers and say why we call, before any question.
      if (!cmd.identityConfirmed)
        throw invalid(
          'identityConfirmed: the customer’s identity must be confirmed first (004 三.(三))',
          {
            ...ctx,
            field: 'identityConfirmed',
          },
        );
      if (!cmd.purposeStated)
        throw invalid('purposeStated: the purpose of the call must be stated (004 三.(三))', {
          ...ctx,
          field: 'purposeStated',
        });
      const missing = state.script.filter((q) => !(cmd.answers[q.code] ?? '').trim());
      const unknown = Object.keys(cmd.answers).filter(
        (k) => !state.script.some((q) => q.code === k),
      );
      if (missing.length || unknown.length)
        throw invalid('answers must answer every script question, and only those', {
          ...ctx,
          field: 'answers',
          missingQuestions: missing.map((q) => q.code),
          unknownQuestions: unknown,
        });
      // F14 004 六.(五) / 三.(三)4: the call ends with the closing (thanks, call us any time).
      if (state.callScript && cmd.closingSaid !== true)
        throw invalid('closingSaid: the call ends with the script’s closing (004 六.(五))', {
          ...ctx,
          field: 'closingSaid',
        });
      const followsCase = state.source.kind === 'case_closed';
      if (followsCase && cmd.survey === undefined)
        throw invalid('survey: a case’s follow-up asks the survey of 001 §17', {
          ...ctx,
          field: 'survey',
        });
      const survey = cmd.survey === undefined ? null : scoreSurvey(cmd.survey, policy);
      const record = {
        revision: (state.call?.revision ?? 0) + 1,
        by,
        at,
        identityConfirmed: true as const,
        purposeStated: true as const,
        answers: state.script.map((q) => ({
          question: q.code,
          text: q.text,
          answer: (cmd.answers[q.code] as string).trim(),
        })),
        survey,
        remarks: (cmd.remarks ?? '').trim(),
        ...(state.callScript ? { closingSaid: true as const } : {}),
      };
      return [
        {
          type: 'CallRecorded',
          at,
          by,
          record,
          dissatisfied: survey?.dissatisfied ?? false,
          reviewDue: stepDue(),
        },
      ];
    }
    case 'ReviewCallRecord': {
      need('under_review');
      const reviewer = person();
      assertActorIn(reviewer, ['cs'], [...FOLLOW_UP_REVIEWER_ROLES], ctx);
      assertNotSelf(by, state.call?.by ?? null, 'call record', ctx);
      const review = { by, at, approved: cmd.approve, comment: (cmd.comment ?? '').trim() };
      if (!cmd.approve && review.comment === '')
        throw invalid('comment: say what to redo when sending the record back', {
          ...ctx,
          field: 'comment',
        });
      const dissatisfied = state.call?.survey?.dissatisfied ?? false;
      const problems = cmd.problems ?? [];
      if (problems.length > 0) {
        // F05 004 三.(五): the reviewer classifies the problems found and sends each to a
        // department's owner with a deadline; the results go back to the customer after
        if (!cmd.approve || dissatisfied)
          throw invalid(
            'problems: dispatched with an approved record of a customer not dissatisfied (a dissatisfied one opens a linked complaint)',
            { ...ctx, field: 'problems' },
          );
        const dispatched = problems.map((p, i) => {
          const deadline = Date.parse(p.deadline);
          const field = `problems.${i}`;
          if (!p.category.trim() || !p.description.trim() || !p.ownerId.trim())
            throw invalid(`${field}: category, description and owner are required`, {
              ...ctx,
              field,
            });
          if (!Number.isFinite(deadline) || deadline <= at)
            throw invalid(`${field}.deadline must be a future instant`, {
              ...ctx,
              field: `${field}.deadline`,
            });
          return {
            ref: `P${i + 1}`,
            category: p.category.trim(),
            description: p.description.trim(),
            department: p.department,
            ownerId: p.ownerId.trim(),
            dispatchedAt: at,
            deadline,
            result: null,
            resolvedBy: null,
            resolvedAt: null,
          };
        });
        return [
          { type: 'CallRecordReviewed', at, by, review, nextDue: null },
          { type: 'ProblemsDispatched', at, by, problems: dispatched },
        ];
      }
      const reviewed: FollowUpEvent = {
        type: 'CallRecordReviewed',
        at,
        by,
        review,
        nextDue: cmd.approve && (dissatisfied || state.spotCheck.sampled) ? stepDue() : null,
      };
      if (!cmd.approve || dissatisfied) return [reviewed];
      return [reviewed, ...closeOrCheck('satisfied')];
    }
    case 'RecordProblemResult': {
      need('problems_open');
      const actor = person();
      const problem = (state.problems ?? []).find((p) => p.ref === cmd.ref);
      if (!problem)
        throw invalid(`${cmd.ref} is no problem of this follow-up`, { ...ctx, field: 'ref' });
      if (problem.result !== null) throw illegal('followUp', 'problem resolved', cmd.type);
      if (actor.userId !== problem.ownerId) assertActorIn(actor, [problem.department], [], ctx);
      const result = cmd.result.trim();
      if (!result) throw invalid('result must not be empty', { ...ctx, field: 'result' });
      const last = (state.problems ?? []).every((p) => p.ref === cmd.ref || p.result !== null);
      return [
        {
          type: 'ProblemResultRecorded',
          at,
          by,
          ref: cmd.ref,
          result,
          nextDue: last ? stepDue() : null,
        },
      ];
    }
    case 'ConfirmCustomerSatisfaction': {
      need('confirming_satisfaction');
      assertActorIn(person(), ['cs'], [], ctx);
      const note = (cmd.note ?? '').trim();
      if (!cmd.satisfied && !note)
        throw invalid('note: say what the customer is still dissatisfied with', {
          ...ctx,
          field: 'note',
        });
      const checks = cmd.satisfied && state.spotCheck.sampled && state.spotCheck.result === null;
      return [
        {
          type: 'CustomerSatisfactionConfirmed',
          at,
          by,
          satisfied: cmd.satisfied,
          note,
          nextDue: !cmd.satisfied || checks ? stepDue() : null,
        },
        ...(cmd.satisfied ? closeOrCheck('satisfied') : []),
      ];
    }
    case 'OpenLinkedComplaint': {
      need('awaiting_complaint_intake');
      const requester = person();
      assertActorIn(requester, ['cs'], [], ctx);
      assertComplaintIntake(cmd.intake);
      return [
        {
          type: 'LinkedComplaintRequested',
          at,
          by,
          intake: cmd.intake,
          requester: {
            userId: requester.userId,
            department: requester.department,
            roles: [...requester.roles],
          },
          parentCaseNumber:
            state.source.kind === 'case_closed' ? state.source.parentCaseNumber : null,
        },
      ];
    }
    case 'RecordLinkedComplaint': {
      need('opening_complaint');
      return [
        {
          type: 'LinkedComplaintOpened',
          at,
          by,
          complaintNumber: cmd.complaintNumber,
          spotCheckDue: state.spotCheck.sampled ? stepDue() : null,
        },
        ...closeOrCheck('dissatisfied'),
      ];
    }
    case 'RecordSpotCheck': {
      need('spot_check');
      const checker = person();
      assertActorIn(checker, ['cs'], [...FOLLOW_UP_REVIEWER_ROLES], ctx);
      // 004 八.(二): supervision is by someone other than who made the call.
      assertNotSelf(by, state.call?.by ?? null, 'call record', ctx);
      const note = (cmd.note ?? '').trim();
      return [
        { type: 'SpotCheckRecorded', at, by, consistent: cmd.consistent, note },
        {
          type: 'FollowUpClosed',
          at,
          by,
          outcome: state.call?.survey?.dissatisfied ? 'dissatisfied' : 'satisfied',
        },
      ];
    }
  }
}
