import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import type { RepairState } from '@aso/domain';
import { workflowBundleOptions } from '@aso/temporal';
import { people } from './support/actors';
import { close, toExecution } from './support/complaint-steps';
import { type ComplaintDriver, type Harness, createHarness, refusalOf } from './support/harness';
import { eventually } from './support/poll';
import { dispatch, repairResult, resolveOnSite, signAndFile } from './support/repair-steps';
import { FIXTURES, loadFixtures } from './replay/fixtures';

/**
 * A complaint decided as repair (DOMAIN.md §1 step 8, SEED_RULES P17) runs the repair case
 * (DOMAIN.md §3) as its child, as it runs a return: CS first writes the service register entry
 * the complaint's intake lacks (001 §7), then the WX case starts with it and the complaint waits
 * for its outcome. Complaints decided before the patch `repair-child` keep the CS hand-off.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness('complaint-repair-workflow-test');
});
afterAll(async () => {
  await h?.teardown();
});

const openTypes = async (c: { tasks(): Promise<Array<{ type: string; status: string }>> }) =>
  (await c.tasks()).filter((t) => t.status === 'open' || t.status === 'claimed').map((t) => t.type);

/** What CS adds to the register for the complaint's customer (001 §7). */
const registerFields = {
  address: '上海市浦东新区世纪大道 1 号',
  productModel: 'DVR-X1',
  spec: '4K',
  purchaseDate: '2026-06-20',
  purchasePlace: '上海门店',
  serviceKind: 'C',
} as const;

/** polls of 100 ms: a loaded machine (2 cores, several suites) may take a while */
const SLOW = 600;

async function childOf(c: ComplaintDriver): Promise<string> {
  return eventually(
    async () => (await c.view()).childCaseNumbers[0],
    `${c.caseNumber}'s child`,
    SLOW,
  );
}

describe('complaint decided as repair: the WX repair child (patch repair-child)', () => {
  test('P17 003 §四.2: a complaint decided as repair opens a WX child and closes with its outcome', async () => {
    const c = await h.startComplaint();
    await toExecution(c, 'repair');
    // 001 §7: CS writes the service register entry first; no child, no hand-off yet
    expect(await c.task('repair_registration')).toMatchObject({
      candidateDepartment: 'cs',
      stage: 'execution',
      commands: ['RegisterRepair'],
    });
    expect(await openTypes(c)).toEqual(['repair_registration']);
    expect((await c.view()).childCaseNumbers).toEqual([]);
    expect((await c.view()).state.execution).toMatchObject({
      kind: 'child_case',
      childType: 'repair',
      childCaseNumber: null,
      repair: {
        known: {
          customerName: '王先生',
          phone: '13800138000',
          problem: 'recorder does not power on',
        },
        entry: null,
      },
    });

    // the payload is checked (400 naming the field), then the domain: the customer, the kind
    const noAddress = await refusalOf(
      c.complete('repair_registration', people.cs, {
        type: 'RegisterRepair',
        ...registerFields,
        address: '',
      }),
    );
    expect(noAddress.type).toBe('COMMAND_INVALID');
    expect(noAddress.details?.[0]).toMatchObject({ field: 'command.address' });
    const internal = await refusalOf(
      c.complete('repair_registration', people.cs, {
        type: 'RegisterRepair',
        ...registerFields,
        serviceKind: 'D',
      }),
    );
    expect(internal.type).toBe('COMMAND_INVALID');
    expect(internal.details?.[0]).toMatchObject({ field: 'command.serviceKind' });
    const badDate = await refusalOf(
      c.complete('repair_registration', people.cs, {
        type: 'RegisterRepair',
        ...registerFields,
        purchaseDate: '2026-02-30',
      }),
    );
    expect(badDate.type).toBe('COMMAND_INVALID');
    expect(badDate.details?.[0]).toMatchObject({ field: 'command.purchaseDate' });
    expect(
      (
        await refusalOf(
          c.complete('repair_registration', people.sales, {
            type: 'RegisterRepair',
            ...registerFields,
          }),
        )
      ).type,
    ).toBe('WRONG_DEPARTMENT');

    await c.complete('repair_registration', people.cs, {
      type: 'RegisterRepair',
      ...registerFields,
    });
    const wx = await childOf(c);
    expect(wx).toMatch(/^WX\d{6}-\d{4}$/);
    // no free-text hand-off: the repair workflow is the child
    expect(await openTypes(c)).toEqual([]);
    const r = h.driver<RepairState>(wx);
    await r.task('technician_dispatch');
    const child = await r.view();
    expect(child.state).toMatchObject({
      caseNumber: wx,
      parentCaseNumber: c.caseNumber,
      entry: {
        customerName: '王先生',
        address: '上海市浦东新区世纪大道 1 号',
        phone: '13800138000',
        productModel: 'DVR-X1',
        spec: '4K',
        purchaseDate: '2026-06-20',
        purchasePlace: '上海门店',
        serviceKind: 'C',
        problem: 'recorder does not power on',
        channel: 'complaint',
      },
      voucher: expect.objectContaining({ number: `FW${wx.slice(2)}` }),
    });
    expect(child.parentCaseNumber).toBe(c.caseNumber);
    // the child started with the registering CS person (001 §7: CS writes the register)
    expect(h.recorded.auditOf(wx)[0]).toMatchObject({ action: 'repair.RepairOpened' });
    expect(h.recorded.auditOf(wx)[0]?.actor).toBe(people.cs.userId);

    // the repair runs its own course: dispatch, on-site visit, signatures, filing, close
    const now = await h.env.currentTimeMs();
    await dispatch(r, {
      start: new Date(now + 3_600_000).toISOString(),
      end: new Date(now + 7_200_000).toISOString(),
    });
    await resolveOnSite(h, r);
    await signAndFile(r);
    // the complaint still waits for it
    expect((await c.view()).status).toBe('executing');
    await r.complete('close', people.cs, { type: 'CloseRepair' });
    expect(await repairResult(r)).toMatchObject({
      caseNumber: wx,
      status: 'closed',
      outcome: 'repaired on site',
    });

    // the complaint records the child's outcome and proceeds to its closing
    await eventually(
      async () => (await c.view()).status === 'ready_to_close',
      `${c.caseNumber} ready to close`,
      SLOW,
    );
    expect((await c.view()).state.execution).toMatchObject({
      kind: 'child_case',
      childType: 'repair',
      childCaseNumber: wx,
      completed: true,
      outcome: 'repaired on site',
    });
    expect(h.recorded.auditOf(c.caseNumber).map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'complaint.RepairRegistrationRequested',
        'complaint.RepairRegistered',
        'complaint.ChildCaseStarted',
        'complaint.ChildCaseCompleted',
        'complaint.ExecutionCompleted',
      ]),
    );
    await close(c);
    expect(await c.result()).toMatchObject({ status: 'closed', closedOnTime: true });
  });

  test('P10 001 §16: the repair child at its close logs the same follow-up request as its complaint (within 3 working days)', async () => {
    const c = await h.startComplaint();
    await toExecution(c, 'repair');
    await c.complete('repair_registration', people.cs, {
      type: 'RegisterRepair',
      ...registerFields,
      serviceKind: 'B',
      phone: '021-5555 0101',
      problem: 'the display flickers',
    });
    const wx = await childOf(c);
    const r = h.driver<RepairState>(wx);
    expect((await r.view()).state.entry).toMatchObject({
      phone: '021-5555 0101',
      problem: 'the display flickers',
      serviceKind: 'B',
    });
    const now = await h.env.currentTimeMs();
    await dispatch(r, {
      start: new Date(now + 3_600_000).toISOString(),
      end: new Date(now + 7_200_000).toISOString(),
    });
    await resolveOnSite(h, r);
    await signAndFile(r);
    await r.complete('close', people.cs, { type: 'CloseRepair' });
    await repairResult(r);
    await eventually(
      async () => (await c.view()).status === 'ready_to_close',
      'ready to close',
      SLOW,
    );
    await close(c);
    await c.result();
    const followUp = (caseNumber: string, action: string) =>
      h.recorded.auditOf(caseNumber).find((a) => a.action === action)?.data;
    expect(followUp(wx, 'repair.FollowUpRequested')).toMatchObject({
      type: 'FollowUpRequested',
      parentCaseNumber: wx,
      within: { amount: 3, unit: 'working_days' },
    });
    expect(followUp(c.caseNumber, 'complaint.FollowUpRequested')).toMatchObject({
      type: 'FollowUpRequested',
      parentCaseNumber: c.caseNumber,
      within: { amount: 3, unit: 'working_days' },
    });
  });

  test('P17 003 §四.2: a complaint decided as repair before the patch still replays — the WX number reserved, CS hands over (RecordRepairCompleted), no child workflow', async () => {
    const [fixture] = loadFixtures(FIXTURES).filter(
      (f) => f.name === 'complaint-repair-handoff-closed.stamped.json',
    );
    expect(fixture).toBeDefined();
    const events = fixture!.history.events ?? [];
    // the recorded history is the old path: no child workflow, the hand-off completed by CS
    expect(events.some((e) => e.startChildWorkflowExecutionInitiatedEventAttributes)).toBe(false);
    const bytes = Buffer.from(temporal.api.history.v1.History.encode(fixture!.history).finish());
    expect(bytes.includes('clock-from-history')).toBe(true);
    expect(bytes.includes('repair-child')).toBe(false);
    const updates = events
      .map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args)
      .filter((a) => a?.payloads?.length)
      .map((a) => JSON.parse(Buffer.from(a!.payloads![0]!.data!).toString('utf8')))
      .map((req: { command: { type: string } }) => req.command.type);
    expect(updates).toContain('RecordRepairCompleted');
    expect(updates).not.toContain('RegisterRepair');
    await Worker.runReplayHistory(workflowBundleOptions(), fixture!.history, fixture!.workflowId);
  });
});
