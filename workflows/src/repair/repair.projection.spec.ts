import type { RepairWorkflowInput } from '@aso/contracts';
import type { RepairState, RepairWorkItem } from '@aso/domain';
import { repairOutcome, repairSnapshot, repairView } from './repair.projection';
import { repairTaskOptions } from './repair.workflow';

const input = {
  organisationId: 'org-1',
  storeId: null,
  caseNumber: 'WX202612-0001',
  openedAt: '2026-12-03T02:00:00.000Z',
  openedBy: { userId: 'cs-01' },
  policy: { version: 3 },
} as unknown as RepairWorkflowInput;
const state = (patch: Partial<RepairState> = {}) =>
  ({
    caseNumber: 'WX202612-0001',
    status: 'closed',
    parentCaseNumber: 'KS202612-0001',
    entry: { customerName: '张先生', phone: '13800000000', serviceKind: 'A', problem: 'dead' },
    voucher: { number: 'FW-0001' },
    resolution: 'on_site',
    fee: { handling: { feeFen: 30_000 } },
    closedAt: Date.parse('2026-12-04T02:00:00.000Z'),
    ...patch,
  }) as unknown as RepairState;

describe('repair projection (view, snapshot, outcome, task options; no Temporal)', () => {
  it('DOMAIN §3 step 8: the outcome names the resolution for the parent complaint', () => {
    expect(repairOutcome(state())).toEqual({
      caseNumber: 'WX202612-0001',
      status: 'closed',
      outcome: 'repaired on site',
      resolution: 'on_site',
      voucherNumber: 'FW-0001',
    });
    expect(repairOutcome(state({ resolution: 'not_repaired' })).outcome).toBe(
      'returned unrepaired',
    );
  });

  it('the view names the parent complaint and the closing instant (no closing clock of its own)', () => {
    expect(repairView(state())).toEqual({
      closingClock: {
        startedAt: null,
        dueAt: null,
        dueProvisional: false,
        closedAt: '2026-12-04T02:00:00.000Z',
        onTime: null,
      },
      parentCaseNumber: 'KS202612-0001',
      childCaseNumbers: [],
    });
  });

  it('the snapshot carries the service kind, the fee, the resolution and the stage', () => {
    expect(
      repairSnapshot(input, state(), { tasksOverdue: false, overdueStages: [] }, 7),
    ).toMatchObject({
      caseType: 'repair',
      stage: 'closed',
      customerName: '张先生',
      classification: 'A',
      approvedAmountFen: 30_000,
      method: 'on_site',
      openedBy: 'cs-01',
      defectDescription: 'dead',
      policyVersion: 3,
      closedAt: '2026-12-04T02:00:00.000Z',
      version: 7,
    });
  });

  it('001 §7, §11: the technician’s task opens claimed by them; the dispatch task reprioritises when carried over', () => {
    const base: RepairWorkItem = {
      key: 'technician_visit',
      type: 'technician_visit',
      stage: 'onSiteService',
      department: 'tech',
      roles: [],
      commands: ['StartVisit'],
      priority: 2,
      waitingFor: null,
      assignee: 't-01',
      dueAt: null,
      carriedOverFrom: [],
    };
    expect(repairTaskOptions({ ...base, roles: [], commands: ['StartVisit'] })).toEqual({
      assignee: 't-01',
    });
    expect(
      repairTaskOptions({
        ...base,
        roles: ['manager'],
        commands: ['DispatchTechnician'],
        key: 'technician_dispatch',
        assignee: null,
        carriedOverFrom: ['2026-12-04'],
      }),
    ).toEqual({ reprioritise: { note: { carriedOverFrom: ['2026-12-04'] } } });
    const due = Date.parse('2027-01-02T09:20:00.000Z');
    expect(
      repairTaskOptions({ ...base, roles: [], commands: [], assignee: null, dueAt: due }),
    ).toEqual({ fixedDue: { due: new Date(due), provisional: false } });
  });
});
