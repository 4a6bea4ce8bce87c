import type { RepairEvent, RepairState } from '@aso/domain';
import { repairRecords } from './repair.records';

const at = Date.parse('2026-12-03T02:00:00.000Z');
const state = (patch: Partial<RepairState> = {}) =>
  ({
    caseNumber: 'WX202612-0001',
    status: 'awaiting_signatures',
    voucher: { number: 'FW-0001' },
    fee: null,
    workshop: null,
    outOfTown: null,
    ...patch,
  }) as unknown as RepairState;
const records = (e: Record<string, unknown>, s: RepairState = state()) =>
  repairRecords({ at, by: 'u-1', ...e } as unknown as RepairEvent, s);

describe('repair records: the service voucher, its signatures and copies (001 §7–10; no Temporal)', () => {
  it('001 §7: registering the request draws the service voucher with its number, signed by CS', () => {
    const [doc] = records({
      type: 'RepairOpened',
      caseNumber: 'WX202612-0001',
      voucherNumber: 'FW-0001',
      parentCaseNumber: null,
      entry: { customerName: '张先生', serviceKind: 'A', problem: 'does not power on' },
    });
    expect(doc).toMatchObject({
      kind: 'document.create',
      doc: {
        docType: 'service_voucher',
        docNumber: 'FW-0001',
        revision: 1,
        status: 'registered',
        content: { caseNumber: 'WX202612-0001', customerName: '张先生', serviceKind: 'A' },
        signatures: [{ by: 'u-1', role: 'registrar', at: '2026-12-03T02:00:00.000Z' }],
      },
    });
  });

  it('001 §8: the customer signs first, then the tech manager countersigns (an approval); both done → signed', () => {
    expect(records({ type: 'VoucherCustomerSigned', signedBy: '张先生' })).toEqual([
      expect.objectContaining({
        kind: 'document.update',
        docNumber: 'FW-0001',
        status: 'customer_signed',
        sign: { by: '张先生', role: 'customer' },
        content: { customerSignatureRecordedBy: 'u-1' },
      }),
    ]);
    const done = state({ status: 'awaiting_filing' });
    expect(records({ type: 'VoucherCountersigned', remarks: '' }, done)).toEqual([
      expect.objectContaining({ kind: 'audit', action: 'approval.signed' }),
      expect.objectContaining({ status: 'signed', sign: { by: 'u-1', role: 'tech_manager' } }),
    ]);
  });

  it('001 §9, §11: filed, CS keeps copy 1; with a fee to invoice, finance holds copy 2', () => {
    const filed = (fee: unknown) =>
      records(
        { type: 'VoucherFiled', register: { content: 'x', serviceCostFen: 0 } },
        state({ fee } as Partial<RepairState>),
      )[0];
    expect(filed(null)).toMatchObject({
      status: 'filed',
      distribution: [{ department: 'cs', copy: 1 }],
    });
    expect(
      filed({ handling: { mode: 'invoice_later', feeFen: 80_000 }, settled: false }),
    ).toMatchObject({
      distribution: [
        { department: 'cs', copy: 1 },
        { department: 'finance', copy: 2 },
      ],
    });
  });

  it('001 §12: the out-of-town decision is audited as an approval with its route explanation', () => {
    const s = state({
      outOfTown: { route: { explanation: { rule: 'out-of-town-manager' } } },
    } as unknown as Partial<RepairState>);
    expect(records({ type: 'OutOfTownDecided', approved: false, remarks: 'no' }, s)).toEqual([
      expect.objectContaining({
        action: 'approval.rejected',
        data: {
          action: 'out_of_town_service',
          remarks: 'no',
          explanation: { rule: 'out-of-town-manager' },
        },
      }),
    ]);
  });

  it('002 ch.10 4: the handover sheet carries customer name and photo; copy 3 goes with the item', () => {
    const [doc] = records({
      type: 'ExternalRepairSent',
      external: {
        sheet: {
          sheetNumber: 'JJ-0001',
          repairer: '外修厂',
          customerName: '李',
          photo: 'p.jpg',
          itemCode: 'YS-0012',
          partToRepair: 'clasp',
          copies: [
            { copy: 1, holder: 'cs' },
            { copy: 2, holder: 'cs' },
            { copy: 3, holder: 'external_repairer' },
          ],
        },
        expectedReturnBy: at,
        customerTold: { minMonths: 1, maxMonths: 6, resultMayDiffer: true },
      },
    });
    expect(doc).toMatchObject({
      doc: {
        docType: 'handover_sheet',
        docNumber: 'JJ-0001',
        content: { customerName: '李', photo: 'p.jpg' },
        distribution: [
          { department: 'cs', copy: 1 },
          { department: 'cs', copy: 2 },
          { department: 'external_repairer', copy: 3 },
        ],
      },
    });
    expect(records({ type: 'DispatchCarriedOver' })).toEqual([]);
  });
});
