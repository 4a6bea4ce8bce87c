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
