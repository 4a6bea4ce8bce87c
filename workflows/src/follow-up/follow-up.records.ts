import type { FollowUpEvent, FollowUpState } from '@aso/domain';
import { type CaseRecord, createDocument, updateDocument } from '../shared/case-records';

const recordNumber = (s: FollowUpState) => `${s.caseNumber}-R`;

/**
 * What each follow-up event means for the case's documents: the call record 回访记录 (004
 * 三.(四): customer, time, questions and answers; the survey of 001 §17) is a document, a new
 * revision per redo, signed by the caller and by the reviewer; the spot check signs it too.
 * Pure: the runtime audits the event itself.
 */
export function followUpRecords(e: FollowUpEvent, s: FollowUpState): CaseRecord[] {
  switch (e.type) {
    case 'CallRecorded':
      return [
        createDocument(e, {
          docType: 'follow_up_record',
          docNumber: recordNumber(s),
          revision: e.record.revision,
          supersedesRevision: e.record.revision > 1 ? e.record.revision - 1 : null,
          status: 'under_review',
          content: {
            caseNumber: s.caseNumber,
            source: s.source,
            customer: s.customer.name,
            calledAt: new Date(e.record.at).toISOString(),
            attempts: s.attempts.length,
            answers: e.record.answers,
            survey: e.record.survey,
            remarks: e.record.remarks,
          },
          signatures: [{ by: e.by, role: 'caller', at: new Date(e.at).toISOString() }],
        }),
      ];
    case 'CallRecordReviewed':
      return s.call
        ? [
            updateDocument(e, {
              docType: 'follow_up_record',
              docNumber: recordNumber(s),
              revision: s.call.revision,
              status: e.review.approved ? 'reviewed' : 'returned',
              content: { reviewComment: e.review.comment },
              sign: { by: e.by, role: 'reviewer' },
            }),
          ]
        : [];
    case 'SpotCheckRecorded':
      return s.call
        ? [
            updateDocument(e, {
              docType: 'follow_up_record',
              docNumber: recordNumber(s),
              revision: s.call.revision,
              status: 'spot_checked',
              content: { spotCheck: { consistent: e.consistent, note: e.note } },
              sign: { by: e.by, role: 'spot_checker' },
            }),
          ]
        : [];
    // F05 004 三.(五): the problems, their owners' results and the customer's confirmation go
    // on the call record (the 回访记录 shows what was found, done and told)
    case 'ProblemsDispatched':
    case 'ProblemResultRecorded':
    case 'CustomerSatisfactionConfirmed':
      return s.call
        ? [
            updateDocument(e, {
              docType: 'follow_up_record',
              docNumber: recordNumber(s),
              revision: s.call.revision,
              status:
                e.type === 'CustomerSatisfactionConfirmed'
                  ? e.satisfied
                    ? 'customer_satisfied'
                    : 'customer_dissatisfied'
                  : 'problems_open',
              content: {
                problems: (s.problems ?? []).map((p) => ({
                  ref: p.ref,
                  category: p.category,
                  description: p.description,
                  department: p.department,
                  ownerId: p.ownerId,
                  deadline: new Date(p.deadline).toISOString(),
                  result: p.result,
                })),
                ...(s.satisfaction ? { satisfaction: { ...s.satisfaction } } : {}),
              },
              ...(e.type === 'CustomerSatisfactionConfirmed'
                ? { sign: { by: e.by, role: 'cs' } }
                : {}),
            }),
          ]
        : [];
    case 'FollowUpOpened':
    case 'CallAttemptFailed':
    case 'CustomerUnreachable':
    case 'LinkedComplaintRequested':
    case 'LinkedComplaintOpened':
    case 'FollowUpClosed':
      return [];
  }
}
