import type { ImprovementEvent, ImprovementState } from '@aso/domain';
import { type CaseRecord, createDocument, updateDocument } from '../shared/case-records';

/** The measure's record 改进措施单: `<case>-M`, one revision, its rounds as they are tracked. */
export const improvementRecordNumber = (caseNumber: string): string => `${caseNumber}-M`;

const iso = (ms: number): string => new Date(ms).toISOString();

const rounds = (s: ImprovementState) =>
  s.rounds.map((r) => ({
    n: r.n,
    dueDate: r.dueDate,
    dueAt: iso(r.due),
    result: r.result ? { by: r.result.by, at: iso(r.result.at), text: r.result.text } : null,
    check: r.check
      ? { by: r.check.by, at: iso(r.check.at), effective: r.check.effective, note: r.check.note }
      : null,
  }));

/**
 * What each improvement event means for the measure's record (F17 003 §四.4: goal, owner and
 * completion date; the result; the check of its effect), signed by the CS manager who set it,
 * the owner who did it and the CS manager who checked it. Pure: the runtime audits the event.
 */
export function improvementRecords(e: ImprovementEvent, s: ImprovementState): CaseRecord[] {
  const docNumber = improvementRecordNumber(s.caseNumber);
  switch (e.type) {
    case 'ImprovementOpened':
      return [
        createDocument(e, {
          docType: 'improvement_measure',
          docNumber,
          revision: 1,
          supersedesRevision: null,
          status: 'in_progress',
          content: {
            caseNumber: s.caseNumber,
            analysisMonth: s.source.analysisMonth,
            finding: s.source.finding,
            followUps: s.source.followUps,
            measure: s.measure,
            goal: s.goal,
            department: s.department,
            ownerId: s.ownerId,
            rounds: rounds(s),
          },
          signatures: [{ by: e.by, role: 'cs_manager', at: iso(e.at) }],
        }),
      ];
    case 'ImprovementResultRecorded':
      return [
        updateDocument(e, {
          docType: 'improvement_measure',
          docNumber,
          revision: 1,
          status: 'verifying',
          content: { rounds: rounds(s) },
          sign: { by: e.by, role: 'owner' },
        }),
      ];
    case 'ImprovementReopened':
      return [
        updateDocument(e, {
          docType: 'improvement_measure',
          docNumber,
          revision: 1,
          status: 'in_progress',
          content: { rounds: rounds(s) },
          sign: { by: e.by, role: 'checker' },
        }),
      ];
    case 'ImprovementClosed':
      return [
        updateDocument(e, {
          docType: 'improvement_measure',
          docNumber,
          revision: 1,
          status: 'effective',
          content: { rounds: rounds(s), closedAt: iso(e.at) },
          sign: { by: e.by, role: 'checker' },
        }),
      ];
    case 'ImprovementChecked':
      return [];
  }
}
