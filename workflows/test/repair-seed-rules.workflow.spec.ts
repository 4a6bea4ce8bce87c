import type { ServiceKind } from '@aso/domain';
import { people } from './support/actors';
import { type Harness, createHarness, refusalOf } from './support/harness';
import { type RepairDriver, dispatch, startRepair, tech } from './support/repair-steps';
import { sleepUntil } from './support/time';

/**
 * P01, P02 (001 §6–7) on the time-skipping server: the register entry and the four service
 * kinds of a running repair. Times are relative to the server clock (no calendar rule here).
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness('repair-seed-rules-test');
});
afterAll(async () => {
  await h?.teardown();
});

const HOUR = 3_600_000;

/** dispatched for the next hour, the clock moved into the slot, the visit started */
async function visiting(r: RepairDriver) {
  const now = (await h.now()).getTime();
  const slot = { start: new Date(now + HOUR), end: new Date(now + 2 * HOUR) };
  await dispatch(r, { start: slot.start.toISOString(), end: slot.end.toISOString() });
  await sleepUntil(h, slot.start.getTime() + 30 * 60_000);
  await r.complete('technician_visit', tech.technician, { type: 'StartVisit' });
}

const visit = async (
  r: RepairDriver,
  fee: { feeFen?: number; collectedOnSiteFen?: number } = {},
) => {
  const now = (await h.now()).getTime();
  return r.complete('visit_report', tech.technician, {
    type: 'RecordVisit',
    actualStart: now - 20 * 60_000,
    actualEnd: now - 60_000,
    content: 'replaced the power board',
    resolvedOnSite: true,
    ...fee,
  });
};

const openTypes = async (r: RepairDriver) =>
  (await r.tasks()).filter((t) => t.status === 'open' || t.status === 'claimed').map((t) => t.type);

describe('repair seed rules on the running workflow (001 §6–7)', () => {
  test('P02 001 §7: CS logs the request in the 服务登记簿 — customer name, address, phone, product model, spec, purchase date and place — and draws the service voucher for the tech manager’s dispatch', async () => {
    const r = await startRepair(h, { serviceKind: 'A' });
    const view = await r.view();
    expect(view.state.entry).toMatchObject({
      customerName: '张先生',
      address: '上海市浦东新区世纪大道 1 号',
      phone: '13800000000',
      productModel: 'DVR-X1',
      spec: '4K',
      purchaseDate: '2026-06-20',
      purchasePlace: '上海门店',
      serviceKind: 'A',
    });
    const [voucher] = h.recorded.documentsOf(r.caseNumber, 'service_voucher');
    expect(voucher).toMatchObject({
      status: 'registered',
      signatures: [expect.objectContaining({ by: 'cs-01', role: 'registrar' })],
      content: expect.objectContaining({ customerName: '张先生', serviceKind: 'A' }),
    });
    expect(await r.task('technician_dispatch')).toMatchObject({
      candidateDepartment: 'tech',
      candidateRoles: ['manager'],
    });
    expect(h.recorded.caseOf(r.caseNumber)).toMatchObject({
      caseType: 'repair',
      customerName: '张先生',
    });
  });

  test('P01 001 §6: paid service (A) takes its fee on the visit — ¥100 recorded and collected on the spot', async () => {
    const r = await startRepair(h, { serviceKind: 'A' });
    await visiting(r);
    await visit(r, { feeFen: 10_000, collectedOnSiteFen: 10_000 });
    expect((await r.view()).state.fee).toMatchObject({ handling: { feeFen: 10_000 } });
  });

  test.each(['B', 'C'] as ServiceKind[])(
    'P01 001 §6: %s (contract B / free C service) carries no fee — a ¥100 fee on the visit is refused; without it the voucher goes to the customer and no invoice is due',
    async (kind) => {
      const r = await startRepair(h, { serviceKind: kind });
      await visiting(r);
      const refused = await refusalOf(visit(r, { feeFen: 10_000 }));
      expect(refused.type).toBe('COMMAND_INVALID');
      await visit(r);
      expect(await openTypes(r)).toEqual(['customer_signature']);
      await r.complete('customer_signature', tech.technician, {
        type: 'RecordCustomerSignature',
        signedBy: '张先生',
      });
      await r.complete('voucher_countersign', tech.manager, { type: 'CountersignVoucher' });
      await r.complete('voucher_filing', people.cs, { type: 'FileVoucher' });
      expect(await openTypes(r)).toEqual(['close']);
      expect(h.recorded.auditOf(r.caseNumber).filter((a) => a.action.includes('Invoice'))).toEqual(
        [],
      );
    },
  );

  test('P01 001 §6: internal service (D, 内务服务) is registered without a customer; its voucher is countersigned by the tech manager only (no customer signature) and booked as internal cost', async () => {
    const r = await startRepair(h, {
      serviceKind: 'D',
      entry: {
        customerName: '',
        address: '',
        phone: '',
        purchaseDate: '',
        purchasePlace: '',
        spec: '',
      },
    });
    await visiting(r);
    await visit(r);
    expect(await openTypes(r)).toEqual(['voucher_countersign']);
    await r.complete('voucher_countersign', tech.manager, { type: 'CountersignVoucher' });
    await r.complete('voucher_filing', people.cs, { type: 'FileVoucher' });
    expect((await r.view()).state).toMatchObject({
      status: 'ready_to_close',
      fee: { handling: { mode: 'internal_cost', feeFen: 0 } },
    });
  });
});
