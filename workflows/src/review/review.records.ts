import type { PenaltyLine, ReviewEvent, ReviewState } from '@aso/domain';
import {
  type CaseRecord,
  auditRecord,
  createDocument,
  updateDocument,
} from '../shared/case-records';

const lineOf = (l: PenaltyLine) => ({
  ref: l.ref,
  complaintNumber: l.complaintNumber,
  personId: l.personId,
  kind: l.kind,
  amountFen: l.amountFen,
  responsibleUnit: l.responsibleUnit,
  cause: l.cause,
});

/** The complaints a document's lines come from, in order, once each. */
export const sourcesOf = (lines: readonly PenaltyLine[]): string[] => [
  ...new Set(lines.map((l) => l.complaintNumber)),
];

/**
 * What each review event means for its documents (001 §28): the personnel announcement
 * 人事公布单 (numbered `<case>-P`, HR's copy for publication, the GM office's for its file;
 * signed by the reviewer, then by HR when published) and the reward/penalty notice 奖罚通知单
 * (`<case>-N<round>`, copies for HR (payroll), finance and each responsible unit; signed by the
 * issuer, the GM's approval, HR's application). Each document lists the complaints it came
 * from; the workflow links it in each complaint's own trail (review.links.ts). Pure.
 */
export function reviewRecords(e: ReviewEvent, s: ReviewState): CaseRecord[] {
  switch (e.type) {
    case 'AnnouncementIssued': {
      const a = e.announcement;
      return [
        createDocument(e, {
          docType: 'personnel_announcement',
          docNumber: a.docNumber,
          revision: 1,
          supersedesRevision: null,
          status: 'issued',
          content: {
            title: '人事公布单 Personnel announcement',
            reviewCaseNumber: s.caseNumber,
            month: s.month,
            basis: '001 §28.1 凡经批示为行政处分者,经整理后送人力资源部提报“人事公布单”并公布',
            lines: a.lines.map(lineOf),
            sourceComplaints: sourcesOf(a.lines),
          },
          distribution: [
            { department: 'hr', copy: 1 },
            { department: 'gm_office', copy: 2 },
          ],
          signatures: [{ by: e.by, role: 'reviewer', at: new Date(e.at).toISOString() }],
        }),
      ];
    }
    case 'AnnouncementPublished':
      return [
        updateDocument(e, {
          docType: 'personnel_announcement',
          docNumber: e.docNumber,
          revision: 1,
          status: 'published',
          content: { publishedAt: new Date(e.at).toISOString() },
          sign: { by: e.by, role: 'hr' },
        }),
      ];
    case 'NoticeIssued': {
      const n = e.notice;
      const units = [...new Set(n.lines.map((l) => l.responsibleUnit))];
      return [
        createDocument(e, {
          docType: 'reward_penalty_notice',
          docNumber: n.docNumber,
          revision: 1,
          supersedesRevision: null,
          status: 'awaiting_approval',
          content: {
            title: '奖罚通知单 Reward/penalty notice',
            reviewCaseNumber: s.caseNumber,
            month: s.month,
            round: n.round,
            basis:
              '001 §28.2 由总经理办公室依客户投诉案件发生的项目原因决定责任归属单位,并开立“奖罚通知单”呈总经理核准后,执行罚扣',
            lines: n.lines.map(lineOf),
            totalFen: n.totalFen,
            responsibleUnits: units,
            sourceComplaints: sourcesOf(n.lines),
            approvalRoute: n.route.steps,
          },
          distribution: [
            { department: 'gm_office', copy: 1 },
            { department: 'hr', copy: 2 },
            { department: 'finance', copy: 3 },
          ],
          signatures: [{ by: e.by, role: 'issuer', at: new Date(e.at).toISOString() }],
        }),
        auditRecord('approval.requested', e, {
          action: 'bonus_deduction_notice',
          docNumber: n.docNumber,
          explanation: n.route.explanation,
        }),
      ];
    }
    case 'NoticeApprovalSigned':
      return [
        auditRecord('approval.signed', e, {
          action: 'bonus_deduction_notice',
          docNumber: e.docNumber,
          stepIndex: e.stepIndex,
          role: e.role,
          explanation: s.notice?.route.explanation ?? null,
        }),
        updateDocument(e, {
          docType: 'reward_penalty_notice',
          docNumber: e.docNumber,
          revision: 1,
          status: 'approving',
          sign: { by: e.by, role: e.role },
        }),
      ];
    case 'NoticeApproved':
      return [
        updateDocument(e, {
          docType: 'reward_penalty_notice',
          docNumber: e.docNumber,
          revision: 1,
          status: 'approved',
        }),
      ];
    case 'NoticeSentBack':
      return [
        auditRecord('approval.sent_back', e, {
          action: 'bonus_deduction_notice',
          docNumber: e.docNumber,
          reason: e.reason,
        }),
        updateDocument(e, {
          docType: 'reward_penalty_notice',
          docNumber: e.docNumber,
          revision: 1,
          status: 'sent_back',
          content: { sentBackReason: e.reason },
        }),
      ];
    case 'DeductionsApplied':
      return [
        updateDocument(e, {
          docType: 'reward_penalty_notice',
          docNumber: e.docNumber,
          revision: 1,
          status: 'applied',
          content: { payrollRef: e.payrollRef, appliedAt: new Date(e.at).toISOString() },
          sign: { by: e.by, role: 'hr' },
        }),
      ];
    case 'AnnualAppraisalIssued': {
      const a = s.annual;
      if (!a) return [];
      return [
        createDocument(e, {
          docType: 'annual_appraisal',
          docNumber: e.docNumber,
          revision: 1,
          supersedesRevision: null,
          status: 'issued',
          content: {
            title: '年度考核表 Annual appraisal',
            reviewCaseNumber: s.caseNumber,
            year: a.year,
            basis: '000 §六.2 月度考核于次月上旬进行,年度考核于次年1月中旬进行',
            dueAt: new Date(a.due).toISOString(),
            months: a.months.map((m) => ({ ...m })),
            totals: { ...a.totals },
            staffRatings: a.staffRatings.map((r) => ({
              staffId: r.staffId,
              calls: r.calls,
              scoreRate: r.scoreRate,
              items: r.items,
            })),
            summary: e.summary,
          },
          distribution: [
            { department: 'gm_office', copy: 1 },
            { department: 'hr', copy: 2 },
          ],
          signatures: [{ by: e.by, role: 'appraiser', at: new Date(e.at).toISOString() }],
        }),
      ];
    }
    case 'ReviewOpened':
    case 'ReviewConfirmed':
    case 'ReviewClosed':
      return [];
  }
}
