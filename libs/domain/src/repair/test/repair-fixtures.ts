// Test fixtures for the repair specs (not exported from the package index).
import { BusinessCalendar } from '../../calendar/business-calendar';
import { localToInstant } from '../../calendar/civil-time';
import type { DomainError } from '../../errors/domain-error';
import { defaultPolicy } from '../../policy/default-policy';
import type { PolicyDocument } from '../../policy/policy.schema';
import type { Actor } from '../../shared/org';
import { decideRepair } from '../repair.decide';
import { evolveRepair } from '../repair.evolve';
import type {
  RepairCommand,
  RepairEvent,
  RepairState,
  ServiceRegisterEntry,
} from '../repair.types';
import type { ServiceKind } from '../service-kind';

export const cal = new BusinessCalendar(defaultPolicy.calendar);
export const t = (local: string): number => localToInstant(local).getTime();

export const cs: Actor = { userId: 'cs-1', department: 'cs', roles: ['staff'] };
export const techMgr: Actor = { userId: 'tm-1', department: 'tech', roles: ['manager'] };
export const tech: Actor = { userId: 't-1', department: 'tech', roles: ['staff'] };
export const tech2: Actor = { userId: 't-2', department: 'tech', roles: ['staff'] };
export const finance: Actor = { userId: 'fin-1', department: 'finance', roles: ['staff'] };
export const system = { userId: 'system' as const };

export const entry = (kind: ServiceKind = 'A'): ServiceRegisterEntry => ({
  customerName: '张先生',
  address: '上海市浦东新区世纪大道 1 号',
  phone: '13800000000',
  productModel: 'DVR-X1',
  spec: '4K',
  purchaseDate: '2025-11-20',
  purchasePlace: '上海门店',
  serviceKind: kind,
  problem: 'does not power on',
  channel: 'phone',
});

type OpenCommand = Extract<RepairCommand, { type: 'OpenRepair' }>;
export const open = (kind: ServiceKind = 'A', extra: Partial<OpenCommand> = {}): OpenCommand =>
  ({
    type: 'OpenRepair',
    actor: cs,
    caseNumber: 'WX202603-0001',
    entry: entry(kind),
    voucherNumber: 'FW-0001',
    ...extra,
  }) as OpenCommand;

/** Drives one case: decide + evolve, each command at its own instant. */
export class Flow {
  state: RepairState | null = null;
  events: RepairEvent[] = [];
  constructor(readonly policy: PolicyDocument = defaultPolicy) {}

  do(cmd: RepairCommand, at: number): RepairEvent[] {
    const d = decideRepair(this.state, cmd, at, this.policy, cal);
    if (!d.ok) throw d.error;
    for (const e of d.events) this.state = evolveRepair(this.state, e);
    this.events.push(...d.events);
    return d.events;
  }

  refuse(cmd: RepairCommand, at: number): DomainError {
    const d = decideRepair(this.state, cmd, at, this.policy, cal);
    if (d.ok)
      throw new Error(
        `expected ${cmd.type} to be refused, got ${d.events.map((e) => e.type).join(', ')}`,
      );
    return d.error;
  }

  get s(): RepairState {
    if (!this.state) throw new Error('no state');
    return this.state;
  }
}

export const slot = (from: string, to: string) => ({ start: t(from), end: t(to) });

/** Opened Tuesday 2026-03-10 09:30, dispatched to t-1 for 10:00–12:00, visit started. */
export function onSite(kind: ServiceKind = 'A'): Flow {
  const f = new Flow();
  f.do(open(kind), t('2026-03-10 09:30'));
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
  return f;
}

export const visit = (
  resolvedOnSite: boolean,
  feeFen?: number,
  collectedOnSiteFen?: number,
): RepairCommand => ({
  type: 'RecordVisit',
  actor: tech,
  actualStart: t('2026-03-10 14:05'),
  actualEnd: t('2026-03-10 15:20'),
  content: 'replaced the power board',
  resolvedOnSite,
  ...(feeFen === undefined ? {} : { feeFen }),
  ...(collectedOnSiteFen === undefined ? {} : { collectedOnSiteFen }),
});

export const receipt = (itemClass = 'silver'): RepairCommand => ({
  type: 'AcceptWorkshopItem',
  actor: cs,
  receiptNumber: 'SJ-0007',
  itemCode: 'YS-0012',
  itemClass,
  partToRepair: 'clasp',
  customerName: '李',
  photo: 'attachments/ys-0012.jpg',
});
