import type { ComplaintWorkflowInput } from '@aso/contracts';
import type { ComplaintState } from '@aso/domain';
import {
  childCaseNumbersOf,
  closingClockView,
  complaintOutcome,
  complaintSnapshot,
} from './complaint.projection';

const ms = (s: string) => Date.parse(s);
const running = {
  startedAt: ms('2026-09-30T09:00:00Z'),
  dueAt: ms('2026-10-14T09:00:00Z'),
  dueProvisional: false,
  onTime: null,
};
const input = {
  organisationId: 'org-1',
  storeId: null,
  caseNumber: 'KS202609-0001',
  reportedAt: '2026-09-30T08:00:00.000Z',
  reportedBy: { userId: 'sales-1' },
  customer: { name: '王先生', phone: '138' },
  policy: { version: 4 },
} as unknown as ComplaintWorkflowInput;
const state = (patch: Partial<ComplaintState> = {}) =>
  ({
    caseNumber: 'KS202609-0001',
    status: 'executing',
    intake: { orderNumber: 'SO-1', defectiveQuantity: 3, reasons: 'flicker' },
    classification: { category: 'quality', severity: 'general' },
    acceptedAt: ms('2026-09-30T09:00:00Z'),
    closedAt: null,
    execution: null,
    revisions: [
      { revision: 1, outcome: 'approved', method: 'discount', loss: { totalFen: 300 } },
      { revision: 2, outcome: 'pending', method: 'return', loss: { totalFen: 900 } },
    ],
    ...patch,
  }) as unknown as ComplaintState;

describe('complaint projection (view, snapshot, outcome; no Temporal)', () => {
  it('C05 001 §26.1: the closing clock shows as instants; closedAt is the case’s', () => {
    expect(closingClockView(state({ closedAt: ms('2026-10-10T01:00:00Z') }), running)).toEqual({
      startedAt: '2026-09-30T09:00:00.000Z',
      dueAt: '2026-10-14T09:00:00.000Z',
      dueProvisional: false,
      closedAt: '2026-10-10T01:00:00.000Z',
      onTime: null,
    });
  });

  it('the snapshot shows the latest revision’s method and loss, the last approved revision’s amount', () => {
    const snap = complaintSnapshot(
      input,
      state(),
      { ...running, overdue: false },
      { tasksOverdue: false, overdueStages: [] },
      7,
    );
    expect(snap).toMatchObject({
      caseType: 'complaint',
      stage: 'execution',
      method: 'return',
      lossAmountFen: 900,
      approvedAmountFen: 300,
      classification: 'quality',
      customerName: '王先生',
      openedBy: 'sales-1',
      policyVersion: 4,
      closingDueAt: '2026-10-14T09:00:00.000Z',
      overdue: false,
      version: 7,
    });
  });

  it('C06 001 §26.1: the case is overdue when a task is, or when the closing clock ran out', () => {
    const overdue = (tasksOverdue: boolean, clockOverdue: boolean) =>
      complaintSnapshot(
        input,
        state(),
        { ...running, overdue: clockOverdue },
        { tasksOverdue, overdueStages: clockOverdue ? ['close'] : [] },
        1,
      ).overdue;
    expect([overdue(false, false), overdue(true, false), overdue(false, true)]).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('001 §29: the child case is the execution’s (return TH or repair WX), once it has a number', () => {
    const child = (childCaseNumber: string | null) =>
      state({
        execution: {
          kind: 'child_case',
          childType: 'repair',
          childCaseNumber,
          completed: false,
          outcome: null,
        },
      });
    expect(childCaseNumbersOf(child(null))).toEqual([]);
    expect(childCaseNumbersOf(child('WX202609-0001'))).toEqual(['WX202609-0001']);
    expect(childCaseNumbersOf(state())).toEqual([]);
  });

  it('the outcome: closed at, and on time as the closing clock says', () => {
    expect(
      complaintOutcome(state({ status: 'closed', closedAt: ms('2026-10-10T01:00:00Z') }), {
        ...running,
        onTime: true,
      }),
    ).toEqual({
      caseNumber: 'KS202609-0001',
      status: 'closed',
      closedAt: '2026-10-10T01:00:00.000Z',
      closedOnTime: true,
    });
  });
});
