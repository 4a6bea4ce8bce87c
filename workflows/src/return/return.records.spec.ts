import type { ReturnEvent, ReturnState } from '@aso/domain';
import { returnRecords } from './return.records';

const at = Date.parse('2026-03-05T02:00:00.000Z');
const state = {
  slip: { route: { explanation: { rule: 'sales VP signs' } } },
} as unknown as ReturnState;
const records = (e: Record<string, unknown>) =>
  returnRecords({ at, by: 'u-1', ...e } as unknown as ReturnEvent, state, 'TH202603-0001');

describe('return records: the return slip and its copies (001 §29.1(2), §29.3; no Temporal)', () => {
  it('001 §29.1(2): sales issues the return slip with the complaint decision as its basis', () => {
    expect(
      records({
        type: 'ReturnSlipIssued',
        parentCaseNumber: 'KS202603-0001',
        slip: { reason: 'bad solder', method: 'refund', basis: 'KS rev 1', approvedQuantity: 3 },
      }),
    ).toEqual([
      {
        kind: 'document.create',
        actor: 'u-1',
        at,
        doc: {
          docType: 'return_slip',
          docNumber: 'TH202603-0001',
          revision: 1,
          supersedesRevision: null,
          status: 'issued',
          content: {
            parentCaseNumber: 'KS202603-0001',
            reason: 'bad solder',
            method: 'refund',
            basis: 'KS rev 1',
            approvedQuantity: 3,
            returnedQuantity: null,
          },
          signatures: [{ by: 'u-1', role: 'issuer', at: new Date(at).toISOString() }],
        },
      },
    ]);
  });

  it('R03 001 §29.3: the sales VP’s approval is audited with its explanation and hands out the copies', () => {
    const copies = [
      { holder: 'sales', copy: 1 },
      { holder: 'warehouse', copy: 2 },
    ];
    expect(records({ type: 'ReturnSlipApproved', copies })).toEqual([
      expect.objectContaining({
        action: 'approval.signed',
        data: { action: 'return_slip', explanation: { rule: 'sales VP signs' } },
      }),
      expect.objectContaining({
        kind: 'document.update',
        status: 'approved',
        distribution: [
          { department: 'sales', copy: 1 },
          { department: 'warehouse', copy: 2 },
        ],
        sign: { by: 'u-1', role: 'sales_vp' },
      }),
    ]);
  });

  it('DOMAIN §2: receipt, reconciliation and refund each move the slip and note their figures on it', () => {
    expect(records({ type: 'GoodsReceived', totalReturned: 3 })).toEqual([
      expect.objectContaining({
        status: 'received',
        content: { returnedQuantity: 3 },
        sign: { by: 'u-1', role: 'warehouse' },
      }),
    ]);
    expect(
      records({
        type: 'ReconciliationMatched',
        reconciliation: { matched: true },
        voucherNumber: 'V-1',
      }),
    ).toEqual([
      expect.objectContaining({
        status: 'reconciled',
        content: { reconciliation: { matched: true }, voucherNumber: 'V-1' },
        sign: { by: 'u-1', role: 'finance' },
      }),
    ]);
    const [refund] = records({ type: 'RefundRecorded', amountFen: 100 });
    expect(refund).toMatchObject({ status: 'refunded', content: { refundFen: 100 } });
    expect(refund).not.toHaveProperty('sign');
    expect(records({ type: 'ReturnCompleted', outcome: 'refunded' })).toEqual([]);
  });
});
