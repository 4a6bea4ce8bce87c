import { formatLocal } from '../calendar/civil-time';
import { DomainError } from '../errors/domain-error';
import { invalid } from '../shared/decision';

/** A visit or installation time slot, half-open [start, end) in epoch ms. */
export interface Slot {
  start: number;
  end: number;
}

/** One booking in the appointment register 预约安装登记表 (001 篇3 二.(二)4). */
export interface Booking extends Slot {
  caseNumber: string;
  technicianId: string;
}

export const overlaps = (a: Slot, b: Slot): boolean => a.start < b.end && b.start < a.end;

export function assertSlot(slot: Slot, field = 'slot'): Slot {
  if (
    !slot ||
    !Number.isSafeInteger(slot.start) ||
    !Number.isSafeInteger(slot.end) ||
    slot.end <= slot.start
  )
    throw invalid(`${field} must have a start before its end (epoch ms)`, { field, slot });
  return slot;
}

/**
 * 001 篇3 二.(二)4: appointments are queued so that they do not clash — a technician is never
 * booked twice for overlapping slots. `bookings` are the technician's other bookings (this
 * case's own booking, when rescheduling, is ignored). Slots that only touch do not clash.
 */
export function findClash(
  caseNumber: string,
  technicianId: string,
  slot: Slot,
  bookings: readonly Booking[],
): Booking | null {
  return (
    bookings.find(
      (b) => b.technicianId === technicianId && b.caseNumber !== caseNumber && overlaps(slot, b),
    ) ?? null
  );
}

export function assertNoClash(
  caseNumber: string,
  technicianId: string,
  slot: Slot,
  bookings: readonly Booking[],
  offsetMinutes?: number,
): void {
  const clash = findClash(caseNumber, technicianId, slot, bookings);
  if (!clash) return;
  const fmt = (ms: number) => formatLocal(ms, offsetMinutes);
  throw new DomainError(
    'APPOINTMENT_CLASH',
    `Technician ${technicianId} is already booked ${fmt(clash.start)}–${fmt(clash.end)} for ${clash.caseNumber}; the slot ${fmt(slot.start)}–${fmt(slot.end)} overlaps it (001 篇3 二.(二)4)`,
    {
      caseNumber,
      technicianId,
      requested: { start: slot.start, end: slot.end },
      clashesWith: { caseNumber: clash.caseNumber, start: clash.start, end: clash.end },
    },
  );
}
