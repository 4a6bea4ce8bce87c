import { defaultPayloadConverter } from '@temporalio/common';
import {
  type CaseActor,
  REPAIR_WORKFLOW_TYPE,
  type RepairOutcome,
  type RepairWorkflowInput,
} from '@aso/contracts';
import {
  type HolidayTables,
  type PolicyDocument,
  type RepairState,
  type ServiceKind,
  caseNumberAt,
  defaultPolicy,
} from '@aso/domain';
import { people } from './actors';
import { eventually } from './poll';
import type { CaseDriver, Harness } from './harness';

/** The tech department of the repair tests (DOMAIN.md §3: tech manager and technicians). */
export const tech = {
  manager: { userId: 'tm-01', department: 'tech', roles: ['manager'] },
  technician: { userId: 't-01', department: 'tech', roles: ['staff'] },
  technician2: { userId: 't-02', department: 'tech', roles: ['staff'] },
} satisfies Record<string, CaseActor>;

export type RepairDriver = CaseDriver<RepairState>;

export interface StartRepairOptions {
  serviceKind?: ServiceKind;
  openedAt?: Date;
  policy?: PolicyDocument;
  holidayTables?: HolidayTables;
  parentCaseNumber?: string;
  /** fields of the register entry to replace (e.g. internal service D without a customer) */
  entry?: Partial<RepairWorkflowInput['entry']>;
}

let seq = 0;

/** CS takes a service request by phone (001 §7): a repair workflow with its register entry. */
export async function startRepair(
  h: Harness,
  options: StartRepairOptions = {},
): Promise<RepairDriver> {
  const openedAt = options.openedAt ?? (await h.now());
  const n = ++seq;
  const caseNumber = caseNumberAt('WX', openedAt, n);
  const input: RepairWorkflowInput = {
    organisationId: 'org-test',
    storeId: null,
    caseNumber,
    parentCaseNumber: options.parentCaseNumber ?? null,
    openedAt: openedAt.toISOString(),
    openedBy: people.cs,
    entry: {
      customerName: '张先生',
      address: '上海市浦东新区世纪大道 1 号',
      phone: '13800000000',
      productModel: 'DVR-X1',
      spec: '4K',
      purchaseDate: '2026-06-20',
      purchasePlace: '上海门店',
      serviceKind: options.serviceKind ?? 'A',
      problem: 'does not power on',
      channel: 'phone',
      ...options.entry,
    },
    voucherNumber: `FW-${String(n).padStart(4, '0')}`,
    policy: options.policy ?? defaultPolicy,
    ...(options.holidayTables ? { holidayTables: options.holidayTables } : {}),
  };
  await h.env.client.workflow.start(REPAIR_WORKFLOW_TYPE, {
    workflowId: caseNumber,
    taskQueue: h.taskQueue,
    args: [input],
  });
  return h.driver<RepairState>(caseNumber);
}

/**
 * The outcome, read from the completed history. Awaiting `result()` lets the time-skipping server
 * jump to the next timer of any other running case (seen: a week), so the tests that go on on
 * the same clock poll for the completion and decode the result from history instead.
 */
export async function repairResult(r: RepairDriver): Promise<RepairOutcome> {
  const completed = await eventually(async () => {
    const history = await r.handle.fetchHistory();
    return (history.events ?? []).find((e) => e.workflowExecutionCompletedEventAttributes)
      ?.workflowExecutionCompletedEventAttributes;
  }, `${r.caseNumber} to complete`);
  const [payload] = completed.result?.payloads ?? [];
  return defaultPayloadConverter.fromPayload(payload!) as RepairOutcome;
}

/** The tech manager dispatches the technician for a slot (001 §7). */
export async function dispatch(
  r: RepairDriver,
  slot: { start: string; end: string },
  outOfTown = false,
): Promise<void> {
  await r.complete('technician_dispatch', tech.manager, {
    type: 'DispatchTechnician',
    technicianId: tech.technician.userId,
    slot: { start: Date.parse(slot.start), end: Date.parse(slot.end) },
    outOfTown,
    technicianBookings: [],
  });
}

/** The technician visits and resolves it on the spot (001 §8), with the fee of the service. */
export async function resolveOnSite(
  h: Harness,
  r: RepairDriver,
  fee: { feeFen?: number; collectedOnSiteFen?: number } = {},
): Promise<void> {
  await r.complete('technician_visit', tech.technician, { type: 'StartVisit' });
  const now = (await h.now()).getTime();
  await r.complete('visit_report', tech.technician, {
    type: 'RecordVisit',
    actualStart: now - 75 * 60_000,
    actualEnd: now - 60_000,
    content: 'replaced the power board',
    resolvedOnSite: true,
    ...fee,
  });
}

/** 001 §8: the customer signs, the tech manager countersigns, CS files the voucher. */
export async function signAndFile(r: RepairDriver): Promise<void> {
  await r.complete('customer_signature', tech.technician, {
    type: 'RecordCustomerSignature',
    signedBy: '张先生',
  });
  await r.complete('voucher_countersign', tech.manager, { type: 'CountersignVoucher' });
  await r.complete('voucher_filing', people.cs, { type: 'FileVoucher' });
}

/** CS takes an item in for the workshop through the tech manager's dispatch task (002 ch.10 1). */
export async function acceptWorkshopItem(
  r: RepairDriver,
  receiptNumber: string,
  itemCode: string,
): Promise<void> {
  await r.complete('technician_dispatch', tech.manager, {
    type: 'AcceptWorkshopItem',
    receiptNumber,
    itemCode,
    itemClass: 'silver',
    partToRepair: 'clasp',
    customerName: '李',
    photo: `attachments/${itemCode.toLowerCase()}.jpg`,
  });
}
