import type { ReturnWorkflowInput } from '@aso/contracts';
import type { ReturnState } from '@aso/domain';
import { returnOutcome, returnSnapshot, returnView } from './return.projection';

const input = {
  organisationId: 'org-1',
  storeId: null,
  caseNumber: 'TH202603-0001',
  parentCaseNumber: 'KS202603-0001',
  openedAt: '2026-03-05T02:00:00.000Z',
  customerName: '王先生',
  orderNumber: 'SO-1',
  policy: { version: 2 },
} as unknown as ReturnWorkflowInput;
const state = (patch: Partial<ReturnState>) =>
  ({
    caseNumber: 'TH202603-0001',
    status: 'completed',
    method: 'refund',
    approvedQuantity: 3,
    returnedQuantity: 3,
    refundFen: 900,
    completedAt: Date.parse('2026-03-09T02:00:00.000Z'),
    outcome: 'refunded',
    ...patch,
  }) as ReturnState;

describe('return projection (view, snapshot, outcome; no Temporal)', () => {
  it('DOMAIN §2 step 6: the outcome is refunded or reshipped; a reshipped rework is reworked', () => {
    expect(returnOutcome(state({}))).toEqual({
      caseNumber: 'TH202603-0001',
      status: 'completed',
      outcome: 'refunded',
      returnedQuantity: 3,
    });
    expect(returnOutcome(state({ method: 'rework', outcome: 'reshipped' })).outcome).toBe(
      'reworked',
    );
    expect(returnOutcome(state({ method: 'exchange', outcome: 'reshipped' })).outcome).toBe(
      'reshipped',
    );
    expect(returnOutcome(state({ status: 'rejected', outcome: null })).outcome).toBe('rejected');
  });

  it('the view names the parent complaint; a return has no closing clock of its own', () => {
    expect(returnView(input, state({}))).toEqual({
      closingClock: {
        startedAt: null,
        dueAt: null,
        dueProvisional: false,
        closedAt: '2026-03-09T02:00:00.000Z',
        onTime: null,
      },
      parentCaseNumber: 'KS202603-0001',
      childCaseNumbers: [],
    });
  });

  it('the snapshot carries the approved quantity and the refunded amount', () => {
    expect(
      returnSnapshot(input, state({}), { tasksOverdue: true, overdueStages: ['goodsReceipt'] }, 5),
    ).toMatchObject({
      caseType: 'return',
      parentCaseNumber: 'KS202603-0001',
      quantity: 3,
      approvedAmountFen: 900,
      overdue: true,
      overdueStages: ['goodsReceipt'],
      policyVersion: 2,
      version: 5,
    });
  });
});
