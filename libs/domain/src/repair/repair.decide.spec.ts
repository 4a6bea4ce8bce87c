import { formatLocal } from '../calendar/civil-time';
import { defaultPolicy, defaultPolicyInput } from '../policy/default-policy';
import { parsePolicy } from '../policy/parse-policy';
import { decideRepair } from './repair.decide';
import { replayRepair } from './repair.evolve';
import type { RepairCommand } from './repair.types';
import {
  Flow,
  cal,
  cs,
  finance,
  onSite,
  open,
  receipt,
  slot,
  t,
  tech,
  tech2,
  techMgr,
  visit,
} from './test/repair-fixtures';
import { repairWorkItems } from './work-items';

const local = (ms: number | null | undefined) => (ms == null ? null : formatLocal(ms));
const keys = (f: Flow) => repairWorkItems(f.s, defaultPolicy).map((i) => i.key);

/** on site, resolved, customer signed, countersigned, filed */
function throughFiling(f: Flow, fee?: number, collected?: number): Flow {
  f.do(visit(true, fee, collected), t('2026-03-10 15:30'));
  if (f.s.voucher.signatureOrder !== 'manager_only')
    f.do(
      { type: 'RecordCustomerSignature', actor: tech, signedBy: '张先生' },
      t('2026-03-10 15:31'),
    );
  f.do({ type: 'CountersignVoucher', actor: techMgr }, t('2026-03-10 17:00'));
  f.do({ type: 'FileVoucher', actor: cs }, t('2026-03-10 17:30'));
  return f;
}

describe('repair case decider (DOMAIN.md §3; 001 §6–13, §16; 002 ch.10)', () => {
  it('P02 001 §7: CS logs the request in the service register (name, address, phone, model, spec, purchase date and place) and draws the service voucher', () => {
    const f = new Flow();
    const [opened] = f.do(open('A'), t('2026-03-10 09:30'));
    expect(opened).toMatchObject({
      type: 'RepairOpened',
      caseNumber: 'WX202603-0001',
      voucherNumber: 'FW-0001',
      policyVersion: 1,
      entry: {
        customerName: '张先生',
        address: '上海市浦东新区世纪大道 1 号',
        phone: '13800000000',
        productModel: 'DVR-X1',
        spec: '4K',
        purchaseDate: '2025-11-20',
        purchasePlace: '上海门店',
        serviceKind: 'A',
        channel: 'phone',
      },
    });
    expect(f.s.status).toBe('awaiting_dispatch');
    const missing = new Flow().refuse(
      { ...open('A'), entry: { ...open('A').entry, phone: ' ' } } as RepairCommand,
      t('2026-03-10 09:30'),
    );
    expect(missing).toMatchObject({ code: 'COMMAND_INVALID', details: { field: 'entry.phone' } });
    expect(
      new Flow().refuse({ ...open('A'), actor: tech } as RepairCommand, t('2026-03-10 09:30')),
    ).toMatchObject({ code: 'WRONG_DEPARTMENT' });
    expect(
      new Flow().refuse(
        { ...open('A'), caseNumber: 'KS202603-0001' } as RepairCommand,
        t('2026-03-10 09:30'),
      ),
    ).toMatchObject({ code: 'CASE_NUMBER_INVALID' });
  });

  it('P03 001 §7: the voucher goes to the tech department manager, who dispatches a technician; the technician then has the visit', () => {
    const f = new Flow();
    f.do(open('A'), t('2026-03-10 09:30'));
    expect(repairWorkItems(f.s, defaultPolicy)).toEqual([
      expect.objectContaining({
        key: 'technician_dispatch',
        department: 'tech',
        roles: ['manager'],
        stage: 'dispatch',
        commands: ['DispatchTechnician', 'AcceptWorkshopItem'],
        priority: 2,
      }),
    ]);
    const dispatch: RepairCommand = {
      type: 'DispatchTechnician',
      actor: tech,
      technicianId: 't-1',
      slot: slot('2026-03-10 14:00', '2026-03-10 16:00'),
      outOfTown: false,
      technicianBookings: [],
    };
    expect(f.refuse(dispatch, t('2026-03-10 10:00'))).toMatchObject({ code: 'WRONG_ROLE' });
    f.do({ ...dispatch, actor: techMgr }, t('2026-03-10 10:00'));
    expect(repairWorkItems(f.s, defaultPolicy)).toEqual([
      expect.objectContaining({
        key: 'technician_visit',
        department: 'tech',
        assignee: 't-1',
        stage: 'onSiteService',
      }),
    ]);
    // only the dispatched technician starts the visit
    expect(f.refuse({ type: 'StartVisit', actor: tech2 }, t('2026-03-10 14:00'))).toMatchObject({
      code: 'WRONG_ROLE',
      details: { technicianId: 't-1' },
    });
  });

  it('P16 001 篇3 二.(二)4: a technician is never booked twice for overlapping slots — refused naming the clash', () => {
    const f = new Flow();
    f.do(open('A'), t('2026-03-10 09:30'));
    const other = {
      caseNumber: 'WX202603-0002',
      technicianId: 't-1',
      ...slot('2026-03-10 10:00', '2026-03-10 12:00'),
    };
    const dispatch = (
      from: string,
      to: string,
      technicianId = 't-1',
    ): Extract<RepairCommand, { type: 'DispatchTechnician' }> => ({
      type: 'DispatchTechnician',
      actor: techMgr,
      technicianId,
      slot: slot(from, to),
      outOfTown: false,
      technicianBookings: [other],
    });
    const clash = f.refuse(dispatch('2026-03-10 11:00', '2026-03-10 13:00'), t('2026-03-10 09:40'));
    expect(clash).toMatchObject({
      code: 'APPOINTMENT_CLASH',
      details: {
        technicianId: 't-1',
        clashesWith: {
          caseNumber: 'WX202603-0002',
          start: t('2026-03-10 10:00'),
          end: t('2026-03-10 12:00'),
        },
      },
    });
    expect(clash.message).toContain('WX202603-0002');
    expect(clash.message).toContain('2026-03-10T10:00+08:00');
    // a slot that only touches the other booking does not clash; another technician is free
    f.do(dispatch('2026-03-10 12:00', '2026-03-10 13:00'), t('2026-03-10 09:40'));
    expect(f.s.dispatch?.slot).toEqual(slot('2026-03-10 12:00', '2026-03-10 13:00'));
    // rescheduling checks the same register (this case's own booking is ignored)
    const moved = f.refuse(
      {
        type: 'RescheduleVisit',
        actor: cs,
        slot: slot('2026-03-10 09:00', '2026-03-10 10:30'),
        technicianBookings: [
          other,
          { ...f.s.dispatch!.slot, caseNumber: 'WX202603-0001', technicianId: 't-1' },
        ],
      },
      t('2026-03-10 09:45'),
    );
    expect(moved).toMatchObject({ code: 'APPOINTMENT_CLASH' });
    expect(
      f.refuse(
        { ...dispatch('2026-03-10 15:00', '2026-03-10 14:00'), technicianBookings: [] },
        t('2026-03-10 09:50'),
      ),
    ).toMatchObject({ code: 'COMMAND_INVALID', details: { field: 'slot' } });
  });

  it('P08 001 §12: a technician may not start an out-of-town visit before the department manager approves the application', () => {
    const f = new Flow();
    f.do(open('A'), t('2026-03-10 09:30'));
    f.do(
      {
        type: 'DispatchTechnician',
        actor: techMgr,
        technicianId: 't-1',
        slot: slot('2026-03-11 09:00', '2026-03-11 17:00'),
        outOfTown: true,
        technicianBookings: [],
      },
      t('2026-03-10 10:00'),
    );
    expect(f.refuse({ type: 'StartVisit', actor: tech }, t('2026-03-11 08:00'))).toMatchObject({
      code: 'OUT_OF_TOWN_NOT_APPROVED',
    });
    expect(repairWorkItems(f.s, defaultPolicy)).toEqual([
      expect.objectContaining({
        key: 'out_of_town_application',
        stage: 'outOfTownApproval',
        assignee: 't-1',
        commands: ['ApplyOutOfTown'],
      }),
    ]);
    f.do(
      {
        type: 'ApplyOutOfTown',
        actor: tech,
        destination: '苏州',
        reason: 'customer site in Suzhou',
        estimatedCostFen: 30_000,
      },
      t('2026-03-10 11:00'),
    );
    expect(repairWorkItems(f.s, defaultPolicy)).toEqual([
      expect.objectContaining({
        key: 'out_of_town_approval',
        department: 'tech',
        roles: ['manager'],
        commands: ['DecideOutOfTown'],
      }),
    ]);
    // still refused while pending; the technician cannot approve it
    expect(f.refuse({ type: 'StartVisit', actor: tech }, t('2026-03-10 11:30'))).toMatchObject({
      code: 'OUT_OF_TOWN_NOT_APPROVED',
    });
    expect(
      f.refuse({ type: 'DecideOutOfTown', actor: tech, approve: true }, t('2026-03-10 11:30')),
    ).toMatchObject({ code: 'SELF_APPROVAL' });
    // rejected → a new application is needed
    f.do(
      { type: 'DecideOutOfTown', actor: techMgr, approve: false, remarks: 'send t-2' },
      t('2026-03-10 12:00'),
    );
    expect(f.refuse({ type: 'StartVisit', actor: tech }, t('2026-03-10 12:30'))).toMatchObject({
      code: 'OUT_OF_TOWN_NOT_APPROVED',
    });
    f.do(
      {
        type: 'ApplyOutOfTown',
        actor: tech,
        destination: '苏州',
        reason: 'no local technician free',
        estimatedCostFen: 30_000,
      },
      t('2026-03-10 13:00'),
    );
    f.do({ type: 'DecideOutOfTown', actor: techMgr, approve: true }, t('2026-03-10 14:00'));
    f.do({ type: 'StartVisit', actor: tech }, t('2026-03-11 09:00'));
    expect(f.s.status).toBe('on_site');
    expect(f.s.outOfTown).toMatchObject({ decision: 'approved', decidedBy: 'tm-1' });
  });

  it('P09 001 §12: travel and allowances of an approved out-of-town service are booked as service cost', () => {
    const f = new Flow();
    f.do(open('A'), t('2026-03-10 09:30'));
    f.do(
      {
        type: 'DispatchTechnician',
        actor: techMgr,
        technicianId: 't-1',
        slot: slot('2026-03-11 09:00', '2026-03-11 17:00'),
        outOfTown: true,
        technicianBookings: [],
      },
      t('2026-03-10 10:00'),
    );
    const travel: RepairCommand = {
      type: 'RecordServiceCost',
      actor: tech,
      kind: 'travel',
      amountFen: 12_000,
      note: 'train Shanghai–Suzhou',
    };
    expect(f.refuse(travel, t('2026-03-10 10:30'))).toMatchObject({
      code: 'OUT_OF_TOWN_NOT_APPROVED',
    });
    f.do(
      {
        type: 'ApplyOutOfTown',
        actor: tech,
        destination: '苏州',
        reason: 'site',
        estimatedCostFen: 20_000,
      },
      t('2026-03-10 11:00'),
    );
    f.do({ type: 'DecideOutOfTown', actor: techMgr, approve: true }, t('2026-03-10 11:30'));
    f.do({ type: 'StartVisit', actor: tech }, t('2026-03-11 09:00'));
    f.do(travel, t('2026-03-11 18:30'));
    f.do(
      { ...travel, kind: 'allowance', amountFen: 5_000 } as RepairCommand,
      t('2026-03-11 18:31'),
    );
    expect(
      f.refuse({ ...travel, kind: 'dinner' } as RepairCommand, t('2026-03-11 18:32')),
    ).toMatchObject({ code: 'COMMAND_INVALID', details: { field: 'kind' } });
    f.do(
      {
        ...visit(true, 0),
        actualStart: t('2026-03-11 10:00'),
        actualEnd: t('2026-03-11 12:00'),
      } as RepairCommand,
      t('2026-03-11 18:40'),
    );
    f.do(
      { type: 'RecordCustomerSignature', actor: tech, signedBy: '张先生' },
      t('2026-03-11 18:41'),
    );
    f.do({ type: 'CountersignVoucher', actor: techMgr }, t('2026-03-12 09:30'));
    const [filed] = f.do({ type: 'FileVoucher', actor: cs }, t('2026-03-12 10:00'));
    expect(filed).toMatchObject({ type: 'VoucherFiled', register: { serviceCostFen: 17_000 } });
  });

  it('P04 001 §8: resolved on the spot → the customer signs the voucher, the manager countersigns, CS records it in the register and files the voucher', () => {
    const f = onSite('C');
    f.do(visit(true), t('2026-03-10 15:30'));
    expect(f.s).toMatchObject({
      status: 'awaiting_signatures',
      resolution: 'on_site',
      voucher: { signatureOrder: 'customer_then_manager' },
    });
    expect(repairWorkItems(f.s, defaultPolicy)).toEqual([
      expect.objectContaining({ key: 'customer_signature', assignee: 't-1', stage: 'countersign' }),
    ]);
    // the countersignature waits for the customer's signature
    expect(
      f.refuse({ type: 'CountersignVoucher', actor: techMgr }, t('2026-03-10 16:00')),
    ).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      details: { waitingFor: 'customer_signature' },
    });
    f.do(
      { type: 'RecordCustomerSignature', actor: tech, signedBy: '张先生' },
      t('2026-03-10 15:31'),
    );
    expect(keys(f)).toEqual(['voucher_countersign']);
    f.do({ type: 'CountersignVoucher', actor: techMgr }, t('2026-03-10 17:00'));
    expect(keys(f)).toEqual(['voucher_filing']);
    expect(f.refuse({ type: 'FileVoucher', actor: tech }, t('2026-03-10 17:30'))).toMatchObject({
      code: 'WRONG_DEPARTMENT',
    });
    const [filed] = f.do({ type: 'FileVoucher', actor: cs }, t('2026-03-10 17:30'));
    expect(filed).toMatchObject({
      type: 'VoucherFiled',
      voucherNumber: 'FW-0001',
      register: { content: 'replaced the power board' },
    });
    expect(f.s.status).toBe('ready_to_close');
  });

  it('P06 001 §10: actual time and content go on the voucher; the manager countersigns before the voucher goes to the customer, and never for their own visit', () => {
    const f = onSite('C');
    expect(
      f.refuse(
        { ...visit(true), actualEnd: t('2026-03-10 14:00') } as RepairCommand,
        t('2026-03-10 15:30'),
      ),
    ).toMatchObject({ code: 'COMMAND_INVALID', details: { field: 'actualEnd' } });
    f.do(visit(false), t('2026-03-10 15:30'));
    expect(f.s.visits[0]).toMatchObject({
      actualStart: t('2026-03-10 14:05'),
      actualEnd: t('2026-03-10 15:20'),
      content: 'replaced the power board',
      resolvedOnSite: false,
    });
    expect(keys(f)).toEqual(['revisit_or_workshop']);
    // the item goes to the workshop, is repaired in-house, called for and shipped
    f.do({ ...receipt(), actor: tech } as RepairCommand, t('2026-03-10 15:40'));
    f.do(
      { type: 'RecordWorkshopRepair', actor: tech, repaired: true, note: 'new board' },
      t('2026-03-12 10:00'),
    );
    f.do({ type: 'RecordCustomerCalled', actor: cs }, t('2026-03-12 10:30'));
    f.do({ type: 'RecordItemShipped', actor: cs, shipment: 'SF123' }, t('2026-03-12 11:00'));
    expect(f.s.voucher.signatureOrder).toBe('manager_then_customer');
    expect(
      f.refuse(
        { type: 'RecordCustomerSignature', actor: cs, signedBy: '张先生' },
        t('2026-03-12 11:10'),
      ),
    ).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { waitingFor: 'countersign' } });
    expect(keys(f)).toEqual(['voucher_countersign']);
    f.do({ type: 'CountersignVoucher', actor: techMgr }, t('2026-03-12 11:20'));
    expect(repairWorkItems(f.s, defaultPolicy)).toEqual([
      expect.objectContaining({ key: 'customer_signature', department: 'cs' }),
    ]);
    f.do({ type: 'RecordCustomerSignature', actor: cs, signedBy: '张先生' }, t('2026-03-13 10:00'));
    expect(f.s.status).toBe('awaiting_filing');

    // a manager who did the visit does not countersign it (four eyes)
    const g = new Flow();
    g.do(open('C'), t('2026-03-10 09:30'));
    g.do(
      {
        type: 'DispatchTechnician',
        actor: techMgr,
        technicianId: 'tm-1',
        slot: slot('2026-03-10 14:00', '2026-03-10 16:00'),
        outOfTown: false,
        technicianBookings: [],
      },
      t('2026-03-10 10:00'),
    );
    g.do({ type: 'StartVisit', actor: techMgr }, t('2026-03-10 14:00'));
    g.do({ ...visit(true), actor: techMgr } as RepairCommand, t('2026-03-10 15:30'));
    g.do(
      { type: 'RecordCustomerSignature', actor: techMgr, signedBy: '张先生' },
      t('2026-03-10 15:31'),
    );
    expect(
      g.refuse({ type: 'CountersignVoucher', actor: techMgr }, t('2026-03-10 17:00')),
    ).toMatchObject({
      code: 'SELF_APPROVAL',
    });
  });

  it('P05 001 §9: a paid (A) fee up to ¥500 is collected on the spot and handed to finance, which mails the invoice', () => {
    const f = onSite('A');
    // ¥500.00 is "low": it must be collected on the spot
    expect(f.refuse(visit(true, 50_000), t('2026-03-10 15:30'))).toMatchObject({
      code: 'COMMAND_INVALID',
      details: { field: 'collectedOnSiteFen' },
    });
    throughFiling(f, 50_000, 50_000);
    expect(f.s.fee).toMatchObject({
      handling: { mode: 'collect_on_site', feeFen: 50_000 },
      collectedOnSiteFen: 50_000,
    });
    expect(f.s.status).toBe('settling');
    expect(repairWorkItems(f.s, defaultPolicy)).toEqual([
      expect.objectContaining({
        key: 'finance_invoice_mailing',
        department: 'finance',
        stage: 'invoice',
        commands: ['ConfirmCashAndMailInvoice'],
      }),
    ]);
    expect(
      f.refuse(
        {
          type: 'ConfirmCashAndMailInvoice',
          actor: finance,
          receivedFen: 45_000,
          invoiceNumber: 'INV-1',
        },
        t('2026-03-11 10:00'),
      ),
    ).toMatchObject({ code: 'COMMAND_INVALID', details: { field: 'receivedFen' } });
    const events = f.do(
      {
        type: 'ConfirmCashAndMailInvoice',
        actor: finance,
        receivedFen: 50_000,
        invoiceNumber: 'INV-1',
      },
      t('2026-03-11 10:00'),
    );
    expect(events.map((e) => e.type)).toEqual(['CashHandedOver', 'InvoiceMailed', 'FeeSettled']);
    expect(f.s.status).toBe('ready_to_close');
  });

  it('P05 001 §9: a paid (A) fee above ¥500 is invoiced by finance from the voucher and collected later, by its own deadline', () => {
    const f = onSite('A');
    expect(f.refuse(visit(true, 50_001, 50_001), t('2026-03-10 15:30'))).toMatchObject({
      code: 'COMMAND_INVALID',
      details: { field: 'collectedOnSiteFen', mode: 'invoice_later' },
    });
    throughFiling(f, 50_001);
    expect(f.s.fee?.handling).toMatchObject({
      mode: 'invoice_later',
      invoice: 'finance_issues_from_voucher',
      feeFen: 50_001,
    });
    expect(repairWorkItems(f.s, defaultPolicy)).toEqual([
      expect.objectContaining({
        key: 'finance_invoicing',
        department: 'finance',
        stage: 'invoice',
      }),
    ]);
    f.do({ type: 'IssueInvoice', actor: finance, invoiceNumber: 'INV-2' }, t('2026-03-11 10:00'));
    // collected within 30 calendar days of the invoice (policy default)
    expect(repairWorkItems(f.s, defaultPolicy)).toEqual([
      expect.objectContaining({
        key: 'finance_collection',
        commands: ['RecordFeeCollected'],
        dueAt: t('2026-04-10 10:00'),
      }),
    ]);
    expect(
      f.refuse(
        { type: 'RecordFeeCollected', actor: finance, amountFen: 50_000 },
        t('2026-03-20 10:00'),
      ),
    ).toMatchObject({ code: 'COMMAND_INVALID', details: { field: 'amountFen' } });
    f.do({ type: 'RecordFeeCollected', actor: finance, amountFen: 50_001 }, t('2026-03-20 10:00'));
    expect(f.s).toMatchObject({
      status: 'ready_to_close',
      fee: { settled: true, collectedFen: 50_001 },
    });
  });

  it('P01 001 §6: contract (B) and free (C) services carry no fee; internal (D) has no customer and no customer signature', () => {
    for (const kind of ['B', 'C'] as const) {
      const f = onSite(kind);
      expect(f.refuse(visit(true, 100), t('2026-03-10 15:30'))).toMatchObject({
        code: 'COMMAND_INVALID',
      });
      throughFiling(f);
      expect(f.s.status).toBe('ready_to_close');
      expect(f.events.filter((e) => e.type.startsWith('Invoice'))).toEqual([]);
    }
    const d = new Flow();
    d.do(
      {
        ...open('D'),
        entry: {
          ...open('D').entry,
          customerName: '',
          address: '',
          phone: '',
          purchaseDate: '',
          purchasePlace: '',
          spec: '',
        },
      } as RepairCommand,
      t('2026-03-10 09:30'),
    );
    d.do(
      {
        type: 'DispatchTechnician',
        actor: techMgr,
        technicianId: 't-1',
        slot: slot('2026-03-10 14:00', '2026-03-10 16:00'),
        outOfTown: false,
        technicianBookings: [],
      },
      t('2026-03-10 10:00'),
    );
    d.do({ type: 'StartVisit', actor: tech }, t('2026-03-10 14:00'));
    d.do(visit(true), t('2026-03-10 15:30'));
    expect(d.s.voucher.signatureOrder).toBe('manager_only');
    expect(
      d.refuse(
        { type: 'RecordCustomerSignature', actor: tech, signedBy: 'x' },
        t('2026-03-10 15:31'),
      ),
    ).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    d.do({ type: 'CountersignVoucher', actor: techMgr }, t('2026-03-10 17:00'));
    d.do({ type: 'FileVoucher', actor: cs }, t('2026-03-10 17:30'));
    expect(d.s).toMatchObject({
      status: 'ready_to_close',
      fee: { handling: { mode: 'internal_cost', feeFen: 0 } },
    });
  });

  it('P13 002 ch.10 3: Thai silver is refused at intake with REPAIR_ITEM_NOT_ACCEPTED', () => {
    const f = new Flow();
    f.do(open('A', { entry: { ...open('A').entry, channel: 'store' } }), t('2026-03-10 09:30'));
    const refused = f.refuse(receipt('thai_silver'), t('2026-03-10 09:35'));
    expect(refused).toMatchObject({
      code: 'REPAIR_ITEM_NOT_ACCEPTED',
      details: { itemClass: 'thai_silver' },
    });
    expect(f.s.status).toBe('awaiting_dispatch');
  });

  it('P14 002 ch.10 4: the receipt carries date, item code and part to repair; the handover sheet carries customer name and photo, copy 3 travels with the item', () => {
    const f = new Flow();
    f.do(open('A'), t('2026-03-10 09:30'));
    expect(
      f.refuse({ ...receipt(), photo: '' } as RepairCommand, t('2026-03-10 09:35')),
    ).toMatchObject({
      code: 'COMMAND_INVALID',
      details: { field: 'photo' },
    });
    f.do(receipt(), t('2026-03-10 09:35'));
    expect(f.s.workshop?.receipt).toEqual({
      receiptNumber: 'SJ-0007',
      receivedAt: t('2026-03-10 09:35'),
      itemCode: 'YS-0012',
      itemClass: 'silver',
      partToRepair: 'clasp',
      customerName: '李',
      photo: 'attachments/ys-0012.jpg',
    });
    f.do(
      { type: 'RecordWorkshopRepair', actor: tech, repaired: false, note: 'stone broken' },
      t('2026-03-10 11:00'),
    );
    f.do(
      {
        type: 'SendToExternalRepair',
        actor: cs,
        repairer: '胡总',
        handoverSheetNumber: 'JJ-0003',
        customerInformed: true,
      },
      t('2026-03-10 12:00'),
    );
    expect(f.s.workshop?.external?.sheet).toMatchObject({
      sheetNumber: 'JJ-0003',
      repairer: '胡总',
      customerName: '李',
      photo: 'attachments/ys-0012.jpg',
      itemCode: 'YS-0012',
    });
    expect(f.s.workshop?.external?.sheet.copies.find((c) => c.copy === 3)).toMatchObject({
      holder: 'external_repairer',
    });
  });

  it('P12 002 ch.10 2: the customer is told 1–6 months and that the result may differ; the item is expected back within 6 months, with reminders from month 1', () => {
    const f = new Flow();
    f.do(open('A'), t('2026-03-10 09:30'));
    f.do(receipt(), t('2026-03-10 09:35'));
    f.do(
      { type: 'RecordWorkshopRepair', actor: tech, repaired: false, note: 'silver cracked' },
      t('2026-03-10 11:00'),
    );
    expect(
      f.refuse(
        {
          type: 'SendToExternalRepair',
          actor: cs,
          repairer: '胡总',
          handoverSheetNumber: 'JJ-1',
          customerInformed: false,
        },
        t('2026-03-10 12:00'),
      ),
    ).toMatchObject({ code: 'COMMAND_INVALID', details: { field: 'customerInformed' } });
    f.do(
      {
        type: 'SendToExternalRepair',
        actor: cs,
        repairer: '胡总',
        handoverSheetNumber: 'JJ-1',
        customerInformed: true,
      },
      t('2026-03-10 12:00'),
    );
    const ext = f.s.workshop!.external!;
    expect(ext.customerTold).toEqual({ minMonths: 1, maxMonths: 6, resultMayDiffer: true });
    expect(local(ext.expectedBetween.earliest)).toBe('2026-04-10T12:00+08:00');
    expect(local(ext.expectedReturnBy)).toBe('2026-09-10T12:00+08:00');
    // reminders every 30 calendar days (policy default) from the 1-month date until the 6-month date
    expect(ext.reminders.map(local)).toEqual([
      '2026-04-10T12:00+08:00',
      '2026-05-10T12:00+08:00',
      '2026-06-09T12:00+08:00',
      '2026-07-09T12:00+08:00',
      '2026-08-08T12:00+08:00',
      '2026-09-07T12:00+08:00',
    ]);
    expect(repairWorkItems(f.s, defaultPolicy)).toEqual([
      expect.objectContaining({
        key: 'external_repair_return',
        dueAt: t('2026-09-10 12:00'),
        waitingFor: 'waiting_for_supplier',
      }),
    ]);
  });

  it('P15 002 ch.10 5: on return the items are sorted, then the customer is called, then the item shipped', () => {
    const f = new Flow();
    f.do(open('A'), t('2026-03-10 09:30'));
    f.do(receipt(), t('2026-03-10 09:35'));
    f.do(
      { type: 'RecordWorkshopRepair', actor: tech, repaired: false, note: 'no' },
      t('2026-03-10 11:00'),
    );
    f.do(
      {
        type: 'SendToExternalRepair',
        actor: cs,
        repairer: '胡总',
        handoverSheetNumber: 'JJ-1',
        customerInformed: true,
      },
      t('2026-03-10 12:00'),
    );
    f.do(
      { type: 'RecordExternalReturn', actor: cs, repaired: true, note: 'restrung', feeFen: 30_000 },
      t('2026-06-01 10:00'),
    );
    expect(keys(f)).toEqual(['returned_item_sorting']);
    expect(
      f.refuse({ type: 'RecordCustomerCalled', actor: cs }, t('2026-06-01 10:10')),
    ).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
    f.do({ type: 'SortReturnedItem', actor: cs }, t('2026-06-01 11:00'));
    expect(keys(f)).toEqual(['customer_call']);
    expect(
      f.refuse({ type: 'RecordItemShipped', actor: cs, shipment: 'SF1' }, t('2026-06-01 11:10')),
    ).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    f.do({ type: 'RecordCustomerCalled', actor: cs, note: 'will be home' }, t('2026-06-01 11:30'));
    f.do({ type: 'RecordItemShipped', actor: cs, shipment: 'SF1' }, t('2026-06-01 14:00'));
    expect(f.s).toMatchObject({ status: 'awaiting_signatures', resolution: 'external' });
    // no visit to collect on: a ¥300 paid fee is invoiced from the voucher (default)
    expect(f.s.fee?.handling).toMatchObject({ mode: 'invoice_later', feeFen: 30_000 });
  });

  it('P11 002 ch.10 1: fallen stones are repaired in-house where possible; the customer is called and the item shipped without sorting', () => {
    const f = new Flow();
    f.do(open('C'), t('2026-03-10 09:30'));
    f.do(receipt(), t('2026-03-10 09:35'));
    expect(keys(f)).toEqual(['workshop_repair']);
    f.do(
      { type: 'RecordWorkshopRepair', actor: tech, repaired: true, note: 'stone reset' },
      t('2026-03-10 16:00'),
    );
    expect(f.s).toMatchObject({ status: 'returned', resolution: 'workshop' });
    expect(keys(f)).toEqual(['customer_call']);
  });

  it('P10 001 §16: closing logs the service request so the survey can follow — the repair requests a follow-up like a complaint', () => {
    const f = throughFiling(onSite('C'));
    const events = f.do({ type: 'CloseRepair', actor: cs }, t('2026-03-11 10:00'));
    expect(events).toEqual([
      expect.objectContaining({
        type: 'RepairClosed',
        resolution: 'on_site',
        outcome: 'repaired on site',
      }),
      expect.objectContaining({
        type: 'FollowUpRequested',
        parentCaseNumber: 'WX202603-0001',
        within: { amount: 3, unit: 'working_days' },
      }),
    ]);
    expect(f.s.status).toBe('closed');
    expect(repairWorkItems(f.s, defaultPolicy)).toEqual([]);
    expect(replayRepair(f.events)).toEqual(f.s);
  });

  it('P17 003 §四.2: a repair opened for a complaint names its parent and reports its outcome on close', () => {
    const f = new Flow();
    expect(
      f.refuse(open('C', { parentCaseNumber: 'TH202603-0001' }), t('2026-03-10 09:30')),
    ).toMatchObject({ code: 'CASE_NUMBER_INVALID', details: { field: 'parentCaseNumber' } });
    f.do(open('C', { parentCaseNumber: 'KS202603-0007' }), t('2026-03-10 09:30'));
    f.do(
      {
        type: 'DispatchTechnician',
        actor: techMgr,
        technicianId: 't-1',
        slot: slot('2026-03-10 14:00', '2026-03-10 16:00'),
        outOfTown: false,
        technicianBookings: [],
      },
      t('2026-03-10 10:00'),
    );
    f.do({ type: 'StartVisit', actor: tech }, t('2026-03-10 14:00'));
    throughFiling(f);
    const [closed] = f.do({ type: 'CloseRepair', actor: cs }, t('2026-03-11 10:00'));
    expect(closed).toMatchObject({
      parentCaseNumber: 'KS202603-0007',
      outcome: 'repaired on site',
    });
  });

  it('DOMAIN §3: a repair is decided under the policy version it pinned; a policy stored before the repair additions still parses with their defaults', () => {
    const f = new Flow();
    f.do(open('A'), t('2026-03-10 09:30'));
    const v2 = parsePolicy({ ...defaultPolicyInput, version: 2 });
    const d = decideRepair(
      f.s,
      {
        type: 'DispatchTechnician',
        actor: techMgr,
        technicianId: 't-1',
        slot: slot('2026-03-10 14:00', '2026-03-10 15:00'),
        outOfTown: false,
        technicianBookings: [],
      },
      t('2026-03-10 10:00'),
      v2,
      cal,
    );
    expect(d).toMatchObject({ ok: false, error: { code: 'POLICY_VERSION_MISMATCH' } });
    const {
      dispatch: _d,
      outOfTown: _o,
      externalRepair: _e,
      fees: _f,
      ...oldRepair
    } = defaultPolicyInput.repair;
    const old = parsePolicy({ ...defaultPolicyInput, repair: oldRepair });
    expect(old.repair.dispatch.cutOff).toBe('18:00');
    expect(old.repair.outOfTown.serviceCostKinds).toEqual(['travel', 'allowance']);
    expect(old.repair.fees.collectWithin).toEqual({ amount: 30, unit: 'calendar_days' });
  });
});
