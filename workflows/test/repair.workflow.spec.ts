import { people } from './support/actors';
import { type Harness, createHarness, refusalOf } from './support/harness';
import { eventually } from './support/poll';
import {
  type RepairDriver,
  dispatch,
  repairResult,
  resolveOnSite,
  signAndFile,
  startRepair,
  tech,
} from './support/repair-steps';
import { local, sleepUntil } from './support/time';

/**
 * The repair / service-dispatch case on the time-skipping server (DOMAIN.md §3; seed rules P03–P08
 * of SEED_RULES.md). The server's clock only moves forward from today: the tests run in
 * calendar order, Thursday 2026-12-03 … Monday 2026-12-07 (Asia/Shanghai, no holidays then).
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness('repair-workflow-test');
});
afterAll(async () => {
  await h?.teardown();
});

const openTypes = async (r: RepairDriver) =>
  (await r.tasks()).filter((t) => t.status === 'open' || t.status === 'claimed').map((t) => t.type);

const closeRepair = async (r: RepairDriver) => {
  await r.complete('close', people.cs, { type: 'CloseRepair' });
  return repairResult(r);
};

describe('repair case, DOMAIN.md §3 (001 §6–13)', () => {
  test('P03 001 §7: CS registers the request and draws service voucher FW-0001; the tech manager dispatches t-01 for 14:00–16:00 (a clashing slot refused); t-01 then has the visit task', async () => {
    await sleepUntil(h, '2026-12-03T02:00:00Z'); // Thursday 10:00 in Shanghai
    const r = await startRepair(h, { serviceKind: 'C' });
    const manager = await r.task('technician_dispatch');
    expect(manager).toMatchObject({
      candidateDepartment: 'tech',
      candidateRoles: ['manager'],
      status: 'open',
      priority: 2,
      commands: ['DispatchTechnician', 'AcceptWorkshopItem'],
    });
    expect(local(manager.createdAt)).toBe('2026-12-03T10:00+08:00');
    const view = await r.view();
    expect(view).toMatchObject({ caseType: 'repair', status: 'awaiting_dispatch' });
    expect(view.state.entry).toMatchObject({ serviceKind: 'C', channel: 'phone' });
    expect(h.recorded.documentsOf(r.caseNumber, 'service_voucher')).toEqual([
      expect.objectContaining({
        docNumber: 'FW-0001',
        status: 'registered',
        signatures: [expect.objectContaining({ by: 'cs-01', role: 'registrar' })],
      }),
    ]);

    // 001 篇3 二.(二)4: t-01 is booked 13:00–15:00 for another case: 14:00–16:00 clashes.
    const clash = await refusalOf(
      r.complete('technician_dispatch', tech.manager, {
        type: 'DispatchTechnician',
        technicianId: 't-01',
        slot: {
          start: Date.parse('2026-12-03T06:00:00Z'),
          end: Date.parse('2026-12-03T08:00:00Z'),
        },
        outOfTown: false,
        technicianBookings: [
          {
            caseNumber: 'WX202612-0099',
            technicianId: 't-01',
            start: Date.parse('2026-12-03T05:00:00Z'),
            end: Date.parse('2026-12-03T07:00:00Z'),
          },
        ],
      }),
    );
    expect(clash.type).toBe('APPOINTMENT_CLASH');
    expect(clash.message).toContain('WX202612-0099');

    // a technician cannot dispatch (the manager's task)
    expect(
      (
        await refusalOf(
          r.complete('technician_dispatch', tech.technician, {
            type: 'DispatchTechnician',
            technicianId: 't-01',
            slot: { start: 1, end: 2 },
            outOfTown: false,
            technicianBookings: [],
          }),
        )
      ).type,
    ).toBe('WRONG_ROLE');

    await dispatch(r, { start: '2026-12-03T06:00:00Z', end: '2026-12-03T08:00:00Z' });
    const visit = await r.task('technician_visit');
    expect(visit).toMatchObject({
      candidateDepartment: 'tech',
      assignee: 't-01',
      status: 'claimed',
      commands: ['StartVisit', 'ApplyOutOfTown'],
    });
    expect((await r.tasks('technician_dispatch'))[0]).toMatchObject({
      status: 'completed',
      completedBy: 'tm-01',
    });
    expect((await r.view()).state.dispatch).toMatchObject({
      technicianId: 't-01',
      dispatchedBy: 'tm-01',
      carriedOver: false,
    });
    // another technician may not start t-01's visit
    const other = await refusalOf(
      r.complete('technician_visit', tech.technician2, { type: 'StartVisit' }),
    );
    expect(other.type).toBe('TASK_NOT_OPEN'); // claimed by t-01
  });

  test('P08 001 §12: an out-of-town visit cannot start before the tech manager approved the 异地服务申请单; rejected, re-applied, approved, then t-01 starts', async () => {
    const r = await startRepair(h, { serviceKind: 'C' });
    await dispatch(r, { start: '2026-12-03T06:00:00Z', end: '2026-12-03T08:00:00Z' }, true);
    expect(await openTypes(r)).toEqual(['out_of_town_application']);
    // no visit task before the approval: StartVisit is refused on the application task
    const early = await refusalOf(
      r.complete('out_of_town_application', tech.technician, { type: 'StartVisit' }),
    );
    expect(early.type).toBe('COMMAND_INVALID');
    const apply = () =>
      r.complete('out_of_town_application', tech.technician, {
        type: 'ApplyOutOfTown',
        destination: '苏州',
        reason: 'customer site in Suzhou',
        estimatedCostFen: 30_000,
      });
    await apply();
    const approval = await r.task('out_of_town_approval');
    expect(approval).toMatchObject({ candidateDepartment: 'tech', candidateRoles: ['manager'] });
    expect(await openTypes(r)).toEqual(['out_of_town_approval']);
    await r.complete('out_of_town_approval', tech.manager, {
      type: 'DecideOutOfTown',
      approve: false,
      remarks: 'take the train, not a car',
    });
    await apply();
    await r.complete('out_of_town_approval', tech.manager, {
      type: 'DecideOutOfTown',
      approve: true,
    });
    expect(await r.task('technician_visit')).toMatchObject({
      assignee: 't-01',
      commands: ['StartVisit'],
    });
    await r.complete('technician_visit', tech.technician, { type: 'StartVisit' });
    expect((await r.view()).status).toBe('on_site');
    const actions = h.recorded.auditOf(r.caseNumber).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'repair.OutOfTownApplied',
        'approval.rejected',
        'approval.signed',
        'repair.VisitStarted',
      ]),
    );
  });

  test('P04 001 §8: resolved on the spot (free service C) → the customer signs the voucher, the tech manager countersigns, CS files it; closing logs the survey (001 §16)', async () => {
    const r = await startRepair(h, { serviceKind: 'C' });
    await dispatch(r, { start: '2026-12-03T06:00:00Z', end: '2026-12-03T08:00:00Z' });
    await sleepUntil(h, '2026-12-03T07:30:00Z');
    await resolveOnSite(h, r);
    // 001 §8: the customer first; the countersignature waits for it
    expect(await openTypes(r)).toEqual(['customer_signature']);
    expect(await r.task('customer_signature')).toMatchObject({ assignee: 't-01' });
    // the technician cannot countersign their own visit's voucher (four eyes)
    await r.complete('customer_signature', tech.technician, {
      type: 'RecordCustomerSignature',
      signedBy: '张先生',
    });
    expect(
      (
        await refusalOf(
          r.complete('voucher_countersign', tech.technician, { type: 'CountersignVoucher' }),
        )
      ).type,
    ).toBe('WRONG_ROLE');
    await r.complete('voucher_countersign', tech.manager, { type: 'CountersignVoucher' });
    await r.complete('voucher_filing', people.cs, { type: 'FileVoucher' });
    expect(await openTypes(r)).toEqual(['close']);
    const [voucher] = h.recorded.documentsOf(r.caseNumber, 'service_voucher');
    expect(voucher).toMatchObject({
      docNumber: r.caseNumber === voucher?.content.caseNumber ? voucher.docNumber : 'mismatch',
      status: 'filed',
      distribution: [{ department: 'cs', copy: 1 }],
      content: expect.objectContaining({
        serviceContent: 'replaced the power board',
        resolution: 'on_site',
        signatureOrder: 'customer_then_manager',
        register: { content: 'replaced the power board', serviceCostFen: 0 },
      }),
    });
    expect(voucher?.signatures.map((s) => [s.by, s.role])).toEqual([
      ['cs-01', 'registrar'],
      ['张先生', 'customer'],
      ['tm-01', 'tech_manager'],
    ]);
    expect(await closeRepair(r)).toMatchObject({
      status: 'closed',
      outcome: 'repaired on site',
      resolution: 'on_site',
    });
    const actions = h.recorded.auditOf(r.caseNumber).map((a) => a.action);
    expect(actions).toContain('repair.FollowUpRequested');
    expect(h.recorded.caseOf(r.caseNumber)).toMatchObject({
      caseType: 'repair',
      status: 'closed',
      stage: 'closed',
    });
  });

  test('P05 001 §9: a paid fee of ¥300 (≤ ¥500) is collected on the spot and finance mails the invoice; ¥800 is invoiced by finance from the voucher and collected within 30 days', async () => {
    // ¥300: collected on the spot, handed to finance, which mails invoice FP-0300
    const low = await startRepair(h, { serviceKind: 'A' });
    await dispatch(low, { start: '2026-12-03T08:00:00Z', end: '2026-12-03T09:00:00Z' });
    await sleepUntil(h, '2026-12-03T08:30:00Z');
    const wrong = await refusalOf(
      (async () => {
        await low.complete('technician_visit', tech.technician, { type: 'StartVisit' });
        const now = (await h.now()).getTime();
        return low.complete('visit_report', tech.technician, {
          type: 'RecordVisit',
          actualStart: now - 20 * 60_000,
          actualEnd: now - 60_000,
          content: 'replaced the power board',
          resolvedOnSite: true,
          feeFen: 30_000,
        });
      })(),
    );
    expect(wrong.type).toBe('COMMAND_INVALID');
    expect(wrong.message).toContain('collectedOnSiteFen');
    const now = (await h.now()).getTime();
    await low.complete('visit_report', tech.technician, {
      type: 'RecordVisit',
      actualStart: now - 20 * 60_000,
      actualEnd: now - 60_000,
      content: 'replaced the power board',
      resolvedOnSite: true,
      feeFen: 30_000,
      collectedOnSiteFen: 30_000,
    });
    await signAndFile(low);
    const mailing = await low.task('finance_invoice_mailing');
    expect(mailing).toMatchObject({ candidateDepartment: 'finance', stage: 'invoice' });
    await low.complete('finance_invoice_mailing', people.finance, {
      type: 'ConfirmCashAndMailInvoice',
      receivedFen: 30_000,
      invoiceNumber: 'FP-0300',
    });
    expect((await low.view()).state.fee).toMatchObject({
      handling: { mode: 'collect_on_site', feeFen: 30_000 },
      collectedOnSiteFen: 30_000,
      invoiceNumber: 'FP-0300',
      settled: true,
    });
    expect(h.recorded.documentsOf(low.caseNumber, 'service_voucher')[0]).toMatchObject({
      status: 'settled',
      distribution: [
        { department: 'cs', copy: 1 },
        { department: 'finance', copy: 2 },
      ],
    });
    expect(await closeRepair(low)).toMatchObject({ status: 'closed' });

    // ¥800: finance invoices FP-0800 from the voucher, then collects by 2027-01-02 (30 days)
    const high = await startRepair(h, { serviceKind: 'A' });
    await dispatch(high, { start: '2026-12-03T09:00:00Z', end: '2026-12-03T09:30:00Z' });
    await sleepUntil(h, '2026-12-03T09:20:00Z');
    await resolveOnSite(h, high, { feeFen: 80_000 });
    await signAndFile(high);
    await high.complete('finance_invoicing', people.finance, {
      type: 'IssueInvoice',
      invoiceNumber: 'FP-0800',
    });
    const collection = await high.task('finance_collection');
    expect(collection).toMatchObject({ candidateDepartment: 'finance' });
    expect(local(collection.dueAt)).toBe('2027-01-02T17:20+08:00');
    await high.complete('finance_collection', people.finance, {
      type: 'RecordFeeCollected',
      amountFen: 80_000,
    });
    expect(await closeRepair(high)).toMatchObject({
      status: 'closed',
      outcome: 'repaired on site',
    });
  });

  test('P07 001 §11: a request registered Friday 17:00 and not dispatched by the 18:00 cut-off is first priority on Monday 2026-12-07, shown as carried over from 2026-12-04 — a durable timer, not a cron', async () => {
    await sleepUntil(h, '2026-12-04T09:00:00Z'); // Friday 17:00 in Shanghai
    const r = await startRepair(h, { serviceKind: 'B' });
    expect((await r.task('technician_dispatch')).priority).toBe(2);
    expect(local((await r.view()).state.carryOverAt)).toBe('2026-12-04T18:00+08:00');

    await sleepUntil(h, '2026-12-04T10:01:00Z'); // Friday 18:01
    await eventually(
      async () => (await r.task('technician_dispatch')).priority === 1,
      'the carried-over dispatch to be first priority',
    );
    const s = (await r.view()).state;
    expect(s).toMatchObject({ priority: 'first', carriedOverFrom: ['2026-12-04'] });
    // the next check is Monday's cut-off (the weekend is not a working day)
    expect(local(s.carryOverAt)).toBe('2026-12-07T18:00+08:00');
    const carried = h.recorded
      .auditOf(r.caseNumber)
      .find((a) => a.action === 'repair.DispatchCarriedOver');
    expect(carried).toMatchObject({
      actor: 'system',
      data: expect.objectContaining({ fromDay: '2026-12-04', priorityDay: '2026-12-07' }),
    });
    expect(local(carried?.occurredAt)).toBe('2026-12-04T18:00+08:00');
    expect(local((carried?.data as { priorityFrom: number }).priorityFrom)).toBe(
      '2026-12-07T09:00+08:00',
    );
    expect(h.recorded.auditOf(r.caseNumber).map((a) => a.action)).toContain('task.reprioritised');

    // over the weekend nothing more carries over; Monday's dispatch is marked carried over
    await sleepUntil(h, '2026-12-07T02:00:00Z'); // Monday 10:00
    expect((await r.view()).state.carriedOverFrom).toEqual(['2026-12-04']);
    await dispatch(r, { start: '2026-12-07T06:00:00Z', end: '2026-12-07T07:00:00Z' });
    expect((await r.view()).state.dispatch).toMatchObject({ carriedOver: true });
    expect(await openTypes(r)).toEqual(['technician_visit']);
  });
  test('P12 P13 P14 002 ch.10 2–4: Thai silver refused at intake; an item the workshop cannot fix goes out on handover sheet JJ-0001, expected back 1–6 months later (by 2027-06-07 11:00), first reminder 2027-01-07 11:00', async () => {
    await sleepUntil(h, '2026-12-07T03:00:00Z'); // Monday 11:00 in Shanghai
    const r = await startRepair(h, { serviceKind: 'A' });
    const receipt = (itemClass: string) =>
      r.complete('technician_dispatch', people.cs, {
        type: 'AcceptWorkshopItem',
        receiptNumber: 'SJ-0007',
        itemCode: 'YS-0012',
        itemClass,
        partToRepair: 'clasp',
        customerName: '李',
        photo: 'attachments/ys-0012.jpg',
      });
    // the intake goes through the tech manager's dispatch task (it offers AcceptWorkshopItem)
    const refused = await refusalOf(
      r.complete('technician_dispatch', tech.manager, {
        type: 'AcceptWorkshopItem',
        receiptNumber: 'SJ-0007',
        itemCode: 'YS-0012',
        itemClass: 'thai_silver',
        partToRepair: 'clasp',
        customerName: '李',
        photo: 'attachments/ys-0012.jpg',
      }),
    );
    expect(refused.type).toBe('REPAIR_ITEM_NOT_ACCEPTED');
    expect(refused.message).toContain('thai_silver');
    expect((await refusalOf(receipt('silver'))).type).toBe('WRONG_DEPARTMENT'); // the tech manager's task
    await r.complete('technician_dispatch', tech.manager, {
      type: 'AcceptWorkshopItem',
      receiptNumber: 'SJ-0007',
      itemCode: 'YS-0012',
      itemClass: 'silver',
      partToRepair: 'clasp',
      customerName: '李',
      photo: 'attachments/ys-0012.jpg',
    });
    expect(h.recorded.documentsOf(r.caseNumber, 'repair_receipt')).toEqual([
      expect.objectContaining({
        docNumber: 'SJ-0007',
        content: expect.objectContaining({ itemCode: 'YS-0012', partToRepair: 'clasp' }),
      }),
    ]);
    await r.complete('workshop_repair', tech.technician, {
      type: 'RecordWorkshopRepair',
      repaired: false,
      note: 'stone setting needs the maker',
    });
    await r.complete('external_repair_handover', people.cs, {
      type: 'SendToExternalRepair',
      repairer: '外修厂',
      handoverSheetNumber: 'JJ-0001',
      customerInformed: true,
    });
    const back = await r.task('external_repair_return');
    expect(local(back.dueAt)).toBe('2027-06-07T11:00+08:00');
    expect(h.recorded.documentsOf(r.caseNumber, 'handover_sheet')[0]).toMatchObject({
      docNumber: 'JJ-0001',
      content: expect.objectContaining({ customerName: '李', photo: 'attachments/ys-0012.jpg' }),
      distribution: [
        { department: 'cs', copy: 1 },
        { department: 'cs', copy: 2 },
        { department: 'external_repairer', copy: 3 },
      ],
    });

    await sleepUntil(h, '2027-01-07T03:01:00Z');
    const reminder = await eventually(
      async () =>
        h.recorded
          .auditOf(r.caseNumber)
          .find((a) => a.action === 'repair.external_repair_reminder'),
      'the first reminder',
    );
    expect(local(reminder.occurredAt)).toBe('2027-01-07T11:00+08:00');
    expect(reminder.data).toMatchObject({ reminder: 1, handoverSheetNumber: 'JJ-0001' });
  });
});
