import type { ApprovalRoute } from '../approval/route-approval';
import type { ComplaintCause } from '../complaint/classification';
import type { PenaltyProposal } from '../complaint/complaint.types';
import type { Fen } from '../money/money';
import type { Actor } from '../shared/org';
import type { AnnualAppraisal, AnnualAppraisalSources } from './annual-appraisal';

/**
 * A closed complaint of the reviewed month as the read models hold it (001 §28): the approved
 * handling form's responsibility and penalties, the investigation's cause.
 */
export interface ReviewedComplaint {
  caseNumber: string;
  /** ISO instant the complaint closed */
  closedAt: string;
  cause: ComplaintCause | null;
  responsibleUnit: string;
  responsiblePersons: string[];
  /** the approved revision of the handling form 客户投诉处理表 the penalties come from */
  formRevision: number;
  penalties: PenaltyProposal[];
}

/** Administrative penalties (行政处分) go to HR; bonus deductions (奖金罚扣) to the GM-approved notice. */
export const ADMINISTRATIVE_PENALTIES = ['warning', 'demerit', 'fine'] as const;

/** One penalty line of the review: `ref` = `<complaint>#<index in its penalties>`. */
export interface PenaltyLine {
  ref: string;
  complaintNumber: string;
  personId: string;
  kind: PenaltyProposal['kind'];
  amountFen: Fen;
  /** the unit held responsible (for a deduction: as the GM office assigned it by cause, §28.2) */
  responsibleUnit: string;
  cause: ComplaintCause | null;
}

export type ReviewStatus =
  /** the GM office reviews last month's closed complaints (001 §28) */
  | 'reviewing'
  /** the documents are out: HR publishes the announcement, the GM approves the notice, HR applies it */
  | 'documents'
  | 'closed';

export interface PersonnelAnnouncement {
  docNumber: string;
  lines: PenaltyLine[];
  publishedBy: string | null;
  publishedAt: number | null;
  /** epoch ms the HR task is due */
  due: number;
}

export interface RewardPenaltyNotice {
  docNumber: string;
  /** the round of review that issued it (a notice the GM sends back is reissued) */
  round: number;
  lines: PenaltyLine[];
  totalFen: Fen;
  issuedBy: string;
  route: ApprovalRoute;
  approvals: Array<{ stepIndex: number; userId: string; role: string; at: number }>;
  approvedAt: number | null;
  appliedBy: string | null;
  appliedAt: number | null;
}

export interface ReviewState {
  caseNumber: string;
  policyVersion: number;
  /** the reviewed month, "YYYY-MM" */
  month: string;
  status: ReviewStatus;
  openedAt: number;
  openedBy: string;
  /** Decision 6: 18:00 on the last working day before the 10th of the next month */
  due: number;
  dueProvisional: boolean;
  complaints: ReviewedComplaint[];
  /** 1, then +1 each time the GM sends the notice back */
  round: number;
  reviewedBy: string | null;
  reviewedAt: number | null;
  announcement: PersonnelAnnouncement | null;
  notice: RewardPenaltyNotice | null;
  /** the GM's reasons for sending a notice back, newest last */
  sentBack: Array<{ by: string; at: number; reason: string }>;
  /**
   * M05 000 §六.2: the review of December (opened in January) also holds the year's annual
   * appraisal; null (or absent, in reviews opened before it) for the other months.
   */
  annual?: AnnualAppraisal | null;
  closedAt: number | null;
}

type Ev<T extends string, P = object> = { type: T; at: number; by: string } & P;

export type ReviewEvent =
  | Ev<
      'ReviewOpened',
      {
        caseNumber: string;
        policyVersion: number;
        month: string;
        due: number;
        dueProvisional: boolean;
        complaints: ReviewedComplaint[];
        /** M05: December's review opens the annual appraisal too */
        annual?: AnnualAppraisal;
      }
    >
  | Ev<
      'ReviewConfirmed',
      {
        round: number;
        confirmed: PenaltyLine[];
        dropped: Array<{ ref: string; reason: string }>;
        deductions: PenaltyLine[];
      }
    >
  | Ev<'AnnouncementIssued', { announcement: PersonnelAnnouncement }>
  | Ev<'AnnouncementPublished', { docNumber: string }>
  | Ev<'NoticeIssued', { notice: RewardPenaltyNotice }>
  | Ev<'NoticeApprovalSigned', { docNumber: string; stepIndex: number; role: string }>
  | Ev<'NoticeApproved', { docNumber: string }>
  | Ev<'NoticeSentBack', { docNumber: string; reason: string }>
  | Ev<'DeductionsApplied', { docNumber: string; payrollRef: string }>
  | Ev<'AnnualAppraisalIssued', { docNumber: string; summary: string }>
  | Ev<'ReviewClosed', { announcements: number; deductions: number }>;

type Cmd<T extends string, P = object> = { type: T; actor: Actor | { userId: 'system' } } & P;

export type ReviewCommand =
  | Cmd<
      'OpenReview',
      {
        caseNumber: string;
        month: string;
        complaints: ReviewedComplaint[];
        /** M05: the year's monthly reviews and staff ratings, for December's review only */
        annual?: AnnualAppraisalSources | undefined;
      }
    >
  /**
   * 001 §28: the GM office confirms each administrative penalty (or drops it, with a reason) and
   * assigns each bonus deduction's responsible unit by cause.
   */
  | Cmd<
      'ConfirmReview',
      {
        administrative: Array<{ ref: string; confirm: boolean; reason?: string | undefined }>;
        deductions: Array<{ ref: string; responsibleUnit: string }>;
      }
    >
  /** 001 §28.1: HR publishes the 人事公布单 */
  | Cmd<'PublishAnnouncement', { note?: string | undefined }>
  /** 001 §28.2: the GM approves the 奖罚通知单 (or sends it back) */
  | Cmd<'ApproveNotice', { approve: boolean; reason?: string | undefined }>
  /** 001 §28.2 执行罚扣: HR applies the deductions to the payroll */
  | Cmd<'ApplyDeductions', { payrollRef: string }>
  /** M05 000 §六.2: the GM office issues the annual appraisal (年度考核) with its conclusion */
  | Cmd<'IssueAnnualAppraisal', { summary: string }>;
