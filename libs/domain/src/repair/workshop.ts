import type { BusinessCalendar } from '../calendar/business-calendar';
import { addLocalMonths } from '../calendar/civil-time';
import { DomainError } from '../errors/domain-error';
import type { PolicyDocument } from '../policy/policy.schema';
import { type Instant, toMs } from '../shared/instant';

/** 002 ch.10 §4: the receipt written for an item left for workshop/external repair. */
export interface WorkshopReceipt {
  receivedAt: Instant;
  itemCode: string;
  itemClass: string;
  partToRepair: string;
  customerName: string;
  photo: string;
}

export interface WorkshopIntake {
  receipt: WorkshopReceipt;
  /** what the customer is told: 1–6 months (002 ch.10 §2) */
  expectedBetween: { earliest: Date; latest: Date };
  basis: string;
}

/**
 * Accept an item for workshop repair: some classes are not accepted (Thai silver, 002 ch.10 §3),
 * and the customer is told the expected range and that the result may differ from the original.
 */
export function acceptWorkshopItem(
  receipt: WorkshopReceipt,
  policy: PolicyDocument,
): WorkshopIntake {
  if (policy.repair.notAcceptedItemClasses.includes(receipt.itemClass)) {
    throw new DomainError(
      'REPAIR_ITEM_NOT_ACCEPTED',
      `Items of class "${receipt.itemClass}" are not accepted for repair (002 ch.10 §3)`,
      {
        itemClass: receipt.itemClass,
        notAccepted: policy.repair.notAcceptedItemClasses,
      },
    );
  }
  for (const field of ['itemCode', 'partToRepair', 'customerName', 'photo'] as const) {
    if (!receipt[field].trim())
      throw new DomainError('COMMAND_INVALID', `The repair receipt needs ${field} (002 ch.10 §4)`, {
        field,
      });
  }
  const at = toMs(receipt.receivedAt);
  const { min, max } = policy.repair.workshopReturnMonths;
  return {
    receipt,
    expectedBetween: {
      earliest: new Date(addLocalMonths(at, min, policy.calendar.utcOffsetMinutes)),
      latest: new Date(addLocalMonths(at, max, policy.calendar.utcOffsetMinutes)),
    },
    basis: '002 ch.10 §2 维修时间为1—6个月',
  };
}

/**
 * 002 ch.10 4: the handover sheet 交接单 to the external repairer; copy 3 travels with the item
 * (seed). Who keeps copies 1 and 2 the seed does not say: CS keeps both (default).
 */
export const HANDOVER_SHEET_COPIES = [
  { copy: 1, holder: 'cs', purpose: 'kept by CS to follow up (default)' },
  { copy: 2, holder: 'cs', purpose: 'filed with the service voucher (default)' },
  { copy: 3, holder: 'external_repairer', purpose: '第三联和饰品一起交给 travels with the item' },
] as const;

export interface ExternalRepairWindow {
  earliest: number;
  latest: number;
  /** reminders from the earliest expected date, every policy.repair.externalRepair.remindEvery */
  reminders: number[];
  basis: string;
}

/**
 * 002 ch.10 2: what the customer is told when the item goes out — back in 1–6 months (the
 * policy's workshopReturnMonths), counted from the handover. The latest date is the
 * expected-return deadline; reminders run from the earliest date up to it.
 */
export function externalRepairWindow(
  sentAt: Instant,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
): ExternalRepairWindow {
  const at = toMs(sentAt);
  const offset = policy.calendar.utcOffsetMinutes;
  const { min, max } = policy.repair.workshopReturnMonths;
  const earliest = addLocalMonths(at, min, offset);
  const latest = addLocalMonths(at, max, offset);
  const reminders: number[] = [];
  for (let t = earliest; t < latest && reminders.length < 100;) {
    reminders.push(t);
    const next = calendar.add(t, policy.repair.externalRepair.remindEvery).ms;
    if (next <= t) break;
    t = next;
  }
  return {
    earliest,
    latest,
    reminders,
    basis: `002 ch.10 2 维修时间为${min}—${max}个月; ${policy.repair.externalRepair.basis}`,
  };
}
