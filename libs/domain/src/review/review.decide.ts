import { assertMayApprove, nextApprovalStep } from '../approval/four-eyes';
import { routeApproval } from '../approval/route-approval';
import { BusinessCalendar } from '../calendar/business-calendar';
import { defaultHolidayTables } from '../calendar/holiday-tables';
import { parseCaseNumber } from '../case-number/case-number';
import { DomainError } from '../errors/domain-error';
import type { PolicyDocument } from '../policy/policy.schema';
import { type Decision, decideWith, illegal, invalid } from '../shared/decision';
import { assertActorIn, assertPinnedPolicy } from '../shared/guards';
import { type Instant, toMs } from '../shared/instant';
import type { Actor } from '../shared/org';
import { annualAppraisalDue, annualAppraisalOf } from './annual-appraisal';
import { monthlyReviewFor } from './monthly-review';
import {
  ADMINISTRATIVE_PENALTIES,
  type PenaltyLine,
  type ReviewCommand,
  type ReviewEvent,
  type ReviewState,
  type ReviewStatus,
  type ReviewedComplaint,
} from './review.types';

/** The documents of a review: 人事公布单 `<case>-P`, 奖罚通知单 `<case>-N<round>`. */
export const announcementNumberOf = (caseNumber: string): string => `${caseNumber}-P`;
export const noticeNumberOf = (caseNumber: string, round: number): string =>
  `${caseNumber}-N${round}`;

/** Every penalty line of the reviewed complaints, in order (ref = `<complaint>#<index>`). */
export function penaltyLinesOf(complaints: readonly ReviewedComplaint[]): PenaltyLine[] {
  return complaints.flatMap((c) =>
    c.penalties.map((p, i) => ({
      ref: `${c.caseNumber}#${i}`,
      complaintNumber: c.caseNumber,
      personId: p.personId,
      kind: p.kind,
      amountFen: p.amountFen,
      responsibleUnit: c.responsibleUnit,
      cause: c.cause,
    })),
  );
}

export const isAdministrative = (l: PenaltyLine): boolean =>
  (ADMINISTRATIVE_PENALTIES as readonly string[]).includes(l.kind);

/**
 * The monthly review of 001 §28 (DOMAIN.md §1 "Monthly", Decision 6) as a pure decider: the GM
 * office reviews last month's closed complaints by 18:00 on the last working day before the
 * 10th; the administrative penalties it confirms go to HR as a personnel announcement
 * 人事公布单 (M02); the bonus deductions, their responsible unit assigned by cause, go out as a
 * reward/penalty notice 奖罚通知单 that the GM approves (approval row `bonus_deduction_notice`)
 * and HR then applies (M03).
 */
export function decideReview(
  state: ReviewState | null,
  command: ReviewCommand,
  now: Instant,
  policy: PolicyDocument,
  calendar: BusinessCalendar = new BusinessCalendar(policy.calendar, defaultHolidayTables),
): Decision<ReviewEvent> {
  return decideWith(() => decide(state, command, toMs(now), policy, calendar));
}

function decide(
  state: ReviewState | null,
  cmd: ReviewCommand,
  at: number,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
): ReviewEvent[] {
  const by = cmd.actor.userId;
  if (cmd.type === 'OpenReview') {
    if (state !== null) throw illegal('review', state.status, cmd.type);
    const parsed = parseCaseNumber(cmd.caseNumber);
    if (!parsed || parsed.prefix !== policy.numbering.prefixes.review)
      throw new DomainError(
        'CASE_NUMBER_INVALID',
        `"${cmd.caseNumber}" is not a review number (${policy.numbering.prefixes.review}yyyymm-seq)`,
        { caseNumber: cmd.caseNumber },
      );
    const review = monthlyReviewFor(cmd.month, policy, calendar);
    // M05 000 §六.2: the review of December, opened in January, also opens the annual appraisal
    const annual =
      cmd.annual && cmd.month.endsWith('-12') && cmd.annual.year === cmd.month.slice(0, 4)
        ? annualAppraisalOf(
            cmd.annual,
            { caseNumber: cmd.caseNumber, complaints: cmd.complaints.length },
            cmd.caseNumber,
            annualAppraisalDue(cmd.annual.year, policy, calendar),
          )
        : undefined;
    return [
      {
        type: 'ReviewOpened',
        at,
        by,
        caseNumber: cmd.caseNumber,
        policyVersion: policy.version,
        month: cmd.month,
        due: review.due.getTime(),
        dueProvisional: review.provisional,
        complaints: cmd.complaints,
        ...(annual ? { annual } : {}),
      },
    ];
  }
  if (state === null) throw illegal('review', 'none', cmd.type, ['OpenReview']);
  assertPinnedPolicy(state.policyVersion, policy, state.caseNumber);
  const ctx = { caseNumber: state.caseNumber, command: cmd.type };
  const need = (...statuses: ReviewStatus[]) => {
    if (!statuses.includes(state.status)) throw illegal('review', state.status, cmd.type, statuses);
  };
  const person = (): Actor => {
    if (!('department' in cmd.actor)) throw invalid(`${cmd.type} needs a person`, ctx);
    return cmd.actor;
  };
  const hrDue = () => calendar.add(at, policy.deadlines.review.announcement).at.getTime();

  switch (cmd.type) {
    case 'ConfirmReview': {
      need('reviewing');
      assertActorIn(person(), ['gm_office'], [], ctx);
      const lines = penaltyLinesOf(state.complaints);
      const admin = lines.filter(isAdministrative);
      const bonus = lines.filter((l) => !isAdministrative(l));
      const known = new Set(lines.map((l) => l.ref));
      for (const a of [...cmd.administrative, ...cmd.deductions])
        if (!known.has(a.ref))
          throw invalid(`${a.ref} is no penalty of the reviewed complaints`, {
            ...ctx,
            field: 'ref',
            ref: a.ref,
          });
      // 001 §28.1: every administrative penalty is confirmed or dropped (with a reason).
      const answers = new Map(cmd.administrative.map((a) => [a.ref, a]));
      const unanswered = admin.filter((l) => !answers.has(l.ref)).map((l) => l.ref);
      if (state.announcement === null && unanswered.length > 0)
        throw invalid('Every administrative penalty is confirmed or dropped', {
          ...ctx,
          field: 'administrative',
          missing: unanswered,
        });
      for (const a of cmd.administrative) {
        const line = lines.find((l) => l.ref === a.ref);
        if (line && !isAdministrative(line))
          throw invalid(`${a.ref} is a bonus deduction: it goes to the notice`, {
            ...ctx,
            field: 'administrative',
            ref: a.ref,
          });
        if (!a.confirm && !a.reason?.trim())
          throw invalid(`Dropping ${a.ref} needs a reason`, {
            ...ctx,
            field: 'reason',
            ref: a.ref,
          });
      }
      // 001 §28.2: the GM office assigns the responsible unit of every deduction by cause.
      const units = new Map(cmd.deductions.map((d) => [d.ref, d.responsibleUnit.trim()]));
      const unassigned = bonus.filter((l) => !units.get(l.ref)).map((l) => l.ref);
      if (unassigned.length > 0)
        throw invalid('Every bonus deduction needs its responsible unit', {
          ...ctx,
          field: 'deductions',
          missing: unassigned,
        });
      const confirmed = admin.filter((l) => answers.get(l.ref)?.confirm === true);
      const dropped = cmd.administrative
        .filter((a) => !a.confirm)
        .map((a) => ({ ref: a.ref, reason: (a.reason ?? '').trim() }));
      const deductions = bonus.map((l) => ({ ...l, responsibleUnit: units.get(l.ref) ?? '' }));
      const events: ReviewEvent[] = [
        { type: 'ReviewConfirmed', at, by, round: state.round, confirmed, dropped, deductions },
      ];
      if (confirmed.length > 0 && state.announcement === null)
        events.push({
          type: 'AnnouncementIssued',
          at,
          by,
          announcement: {
            docNumber: announcementNumberOf(state.caseNumber),
            lines: confirmed,
            publishedBy: null,
            publishedAt: null,
            due: hrDue(),
          },
        });
      if (deductions.length > 0) {
        const totalFen = deductions.reduce((sum, l) => sum + l.amountFen, 0);
        const route = routeApproval(policy, 'bonus_deduction_notice', totalFen, {
          caseNumber: state.caseNumber,
          month: state.month,
        });
        events.push({
          type: 'NoticeIssued',
          at,
          by,
          notice: {
            docNumber: noticeNumberOf(state.caseNumber, state.round),
            round: state.round,
            lines: deductions,
            totalFen,
            issuedBy: by,
            route,
            approvals: [],
            approvedAt: null,
            appliedBy: null,
            appliedAt: null,
          },
        });
      }
      const next = { ...state, announcement: state.announcement, notice: null };
      if (closes(next, events) && !annualPending(state))
        events.push(closed(at, by, confirmed.length, 0));
      return events;
    }
    case 'PublishAnnouncement': {
      need('documents', 'reviewing');
      assertActorIn(person(), ['hr'], [], ctx);
      const a = state.announcement;
      if (!a || a.publishedAt !== null) throw illegal('review', 'announcement published', cmd.type);
      const events: ReviewEvent[] = [
        { type: 'AnnouncementPublished', at, by, docNumber: a.docNumber },
      ];
      if ((state.notice === null || state.notice.appliedAt !== null) && !annualPending(state))
        events.push(closed(at, by, a.lines.length, state.notice?.lines.length ?? 0));
      return events;
    }
    case 'ApproveNotice': {
      need('documents');
      const n = state.notice;
      if (!n || n.approvedAt !== null) throw illegal('review', 'notice approved', cmd.type);
      const step = nextApprovalStep(n.route, n.approvals);
      if (!step) throw illegal('review', 'notice approved', cmd.type);
      const approver = person();
      assertMayApprove({
        policy,
        route: n.route,
        step,
        approver,
        proposerId: n.issuedBy,
        approvals: n.approvals,
      });
      if (!cmd.approve) {
        if (!cmd.reason?.trim())
          throw invalid('Sending the notice back needs a reason', { ...ctx, field: 'reason' });
        return [
          { type: 'NoticeSentBack', at, by, docNumber: n.docNumber, reason: cmd.reason.trim() },
        ];
      }
      const events: ReviewEvent[] = [
        {
          type: 'NoticeApprovalSigned',
          at,
          by,
          docNumber: n.docNumber,
          stepIndex: step.index,
          role: step.role,
        },
      ];
      const rest = n.route.steps.filter(
        (s) => s.index !== step.index && !n.approvals.some((a) => a.stepIndex === s.index),
      );
      if (rest.length === 0)
        events.push({ type: 'NoticeApproved', at, by, docNumber: n.docNumber });
      return events;
    }
    case 'ApplyDeductions': {
      need('documents');
      assertActorIn(person(), ['hr'], [], ctx);
      const n = state.notice;
      if (!n || n.approvedAt === null || n.appliedAt !== null)
        throw illegal(
          'review',
          n?.approvedAt === null ? 'notice awaiting approval' : 'applied',
          cmd.type,
        );
      const payrollRef = cmd.payrollRef.trim();
      if (!payrollRef)
        throw invalid('payrollRef must not be empty', { ...ctx, field: 'payrollRef' });
      const events: ReviewEvent[] = [
        { type: 'DeductionsApplied', at, by, docNumber: n.docNumber, payrollRef },
      ];
      if (
        (state.announcement === null || state.announcement.publishedAt !== null) &&
        !annualPending(state)
      )
        events.push(closed(at, by, state.announcement?.lines.length ?? 0, n.lines.length));
      return events;
    }
    case 'IssueAnnualAppraisal': {
      need('reviewing', 'documents');
      assertActorIn(person(), ['gm_office'], [], ctx);
      const annual = state.annual;
      if (!annual) throw illegal('review', 'no annual appraisal', cmd.type);
      if (annual.issuedAt !== null) throw illegal('review', 'annual appraisal issued', cmd.type);
      const summary = cmd.summary.trim();
      if (!summary)
        throw invalid('The annual appraisal needs its conclusion', { ...ctx, field: 'summary' });
      const events: ReviewEvent[] = [
        { type: 'AnnualAppraisalIssued', at, by, docNumber: annual.docNumber, summary },
      ];
      if (monthlyDone(state))
        events.push(
          closed(at, by, state.announcement?.lines.length ?? 0, state.notice?.lines.length ?? 0),
        );
      return events;
    }
  }
}

const closed = (
  at: number,
  by: string,
  announcements: number,
  deductions: number,
): ReviewEvent => ({
  type: 'ReviewClosed',
  at,
  by,
  announcements,
  deductions,
});

/** M05: December's review closes only once the annual appraisal is issued too. */
const annualPending = (s: ReviewState): boolean => !!s.annual && s.annual.issuedAt === null;

/** The monthly part is done: reviewed, the announcement published, the deductions applied. */
const monthlyDone = (s: ReviewState): boolean =>
  s.status === 'documents' &&
  (s.announcement === null || s.announcement.publishedAt !== null) &&
  (s.notice === null || s.notice.appliedAt !== null);

/** A confirmation that leaves nothing to publish or approve closes the review at once. */
function closes(s: ReviewState, events: ReviewEvent[]): boolean {
  const announcementPending =
    (s.announcement !== null && s.announcement.publishedAt === null) ||
    events.some((e) => e.type === 'AnnouncementIssued');
  return !announcementPending && !events.some((e) => e.type === 'NoticeIssued');
}
