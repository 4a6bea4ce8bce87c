import { BusinessCalendar } from '../calendar/business-calendar';
import { formatLocal, localToInstant } from '../calendar/civil-time';
import { yuanToFen } from '../money/money';
import { defaultPolicy } from '../policy/default-policy';
import { assertMayTravel, dispatchPriority } from './dispatch';
import { feeHandling } from './service-kind';
import { acceptWorkshopItem } from './workshop';

const cal = new BusinessCalendar(defaultPolicy.calendar);
const at = (s: string) => localToInstant(s);

describe('repair / service dispatch (DOMAIN.md §3)', () => {
  it('001 §6: four service kinds — paid (A), contract (B), free (C), internal (D)', () => {
    expect(Object.keys(defaultPolicy.repair.serviceKinds)).toEqual(['A', 'B', 'C', 'D']);
    expect(feeHandling('B', 0, defaultPolicy).mode).toBe('under_contract');
    expect(feeHandling('C', 0, defaultPolicy).mode).toBe('no_fee');
    expect(feeHandling('D', 0, defaultPolicy).mode).toBe('internal_cost');
    expect(() => feeHandling('C', 100, defaultPolicy)).toThrow(
      expect.objectContaining({ code: 'COMMAND_INVALID' }),
    );
  });

  it('001 §9: a low paid-service fee is collected on the spot (finance mails the invoice); a higher one is invoiced from the voucher', () => {
    expect(feeHandling('A', yuanToFen('500'), defaultPolicy)).toMatchObject({
      mode: 'collect_on_site',
      invoice: 'finance_mails_after_cash_handover',
    });
    expect(feeHandling('A', yuanToFen('500.01'), defaultPolicy)).toMatchObject({
      mode: 'invoice_later',
      invoice: 'finance_issues_from_voucher',
    });
  });

  it('001 §11: work not dispatched on the day it was registered gets priority the next day', () => {
    expect(dispatchPriority(at('2026-03-02 10:00'), at('2026-03-02 17:59'), cal)).toBe('normal');
    expect(dispatchPriority(at('2026-03-02 10:00'), at('2026-03-03 09:00'), cal)).toBe('priority');
  });

  it('001 §12: out-of-town service needs an approved application first (OUT_OF_TOWN_NOT_APPROVED)', () => {
    expect(() => assertMayTravel('WX202603-0001', { outOfTown: true, approvedBy: null })).toThrow(
      expect.objectContaining({ code: 'OUT_OF_TOWN_NOT_APPROVED' }),
    );
    expect(() =>
      assertMayTravel('WX202603-0001', { outOfTown: true, approvedBy: 'mgr' }),
    ).not.toThrow();
  });

  const receipt = {
    receivedAt: at('2026-01-31 15:00'),
    itemCode: 'YS-0012',
    itemClass: 'silver',
    partToRepair: 'clasp',
    customerName: '李',
    photo: 'p.jpg',
  };

  it('002 ch.10 §2: the customer is told 1–6 months (month ends clamp: 01-31 + 1 month = 02-28)', () => {
    const intake = acceptWorkshopItem(receipt, defaultPolicy);
    expect(formatLocal(intake.expectedBetween.earliest.getTime())).toBe('2026-02-28T15:00+08:00');
    expect(formatLocal(intake.expectedBetween.latest.getTime())).toBe('2026-07-31T15:00+08:00');
  });

  it('002 ch.10 §3: Thai silver is not accepted (REPAIR_ITEM_NOT_ACCEPTED)', () => {
    expect(() =>
      acceptWorkshopItem({ ...receipt, itemClass: 'thai_silver' }, defaultPolicy),
    ).toThrow(expect.objectContaining({ code: 'REPAIR_ITEM_NOT_ACCEPTED' }));
  });

  it('002 ch.10 §4: the receipt needs date, item code, part to repair, customer name and photo', () => {
    expect(() => acceptWorkshopItem({ ...receipt, photo: ' ' }, defaultPolicy)).toThrow(
      expect.objectContaining({ code: 'COMMAND_INVALID', details: { field: 'photo' } }),
    );
  });
});
