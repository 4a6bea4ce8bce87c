import { BusinessCalendar } from '../calendar/business-calendar';
import { defaultHolidayTables } from '../calendar/holiday-tables';
import { parseCaseNumber } from '../case-number/case-number';
import { DomainError } from '../errors/domain-error';
import { assertFen } from '../money/money';
import type { PolicyDocument } from '../policy/policy.schema';
import { type Decision, decideWith, illegal, invalid } from '../shared/decision';
import { assertActorIn, assertPinnedPolicy, nonEmpty, positiveInt } from '../shared/guards';
import { type Instant, toMs } from '../shared/instant';
import type { Actor } from '../shared/org';
import { commissionOf, periodMonths, consignmentPeriodEnd, termOf } from './consignment-periods';
import { evolveConsignment } from './consignment.evolve';
import type {
  ConsignedItem,
  ConsignmentCommand,
  ConsignmentEvent,
  ConsignmentState,
  PeriodReport,
  ReceiptLine,
  SaleLine,
  Settlement,
} from './consignment.types';
import { formatConsignmentCode } from './item-code';

/** The documents of a consignment, numbered after the case. */
export const consignmentDocNumbers = (caseNumber: string) => ({
  list: `${caseNumber}-L`,
  contract: `${caseNumber}-C`,
  report: (period: number) => `${caseNumber}-R${period}`,
  settlement: (n: number) => `${caseNumber}-S${n}`,
  receipt: `${caseNumber}-G`,
});

/**
 * K03 reminders (`source: default`): while the signature is awaited the customer is reminded
 * every working day after the opening, until the signature's deadline.
 */
export function signatureRemindersOf(
  openedAt: number,
  dueAt: number,
  calendar: BusinessCalendar,
): number[] {
  const out: number[] = [];
  for (let k = 1; k <= 60; k++) {
    const at = calendar.addWorkingDays(openedAt, k).ms;
    if (at >= dueAt) break;
    out.push(at);
  }
  return out;
}

/** What is left of each item: consigned minus sold (the goods the warehouse takes back). */
export const unsoldOf = (s: Pick<ConsignmentState, 'items'>): ReceiptLine[] =>
  s.items.map((i) => ({ code: i.code, quantity: i.quantity - i.sold }));

/**
 * A consignment (代卖·委托代销, DOMAIN.md §4, 002 ch.12) as a pure decider: the goods counted and
 * listed with a code per item (K01, K02), the contract signed by the customer when absent (K03),
 * sales recorded by code, a report per period (K04), settlement with finance, the unsold goods
 * returned through the warehouse, then closed.
 */
export function decideConsignment(
  state: ConsignmentState | null,
  command: ConsignmentCommand,
  now: Instant,
  policy: PolicyDocument,
  calendar: BusinessCalendar = new BusinessCalendar(policy.calendar, defaultHolidayTables),
): Decision<ConsignmentEvent> {
  return decideWith(() => {
    const events = decide(state, command, toMs(now), policy, calendar);
    return withClosing(state, events, toMs(now), command.actor.userId);
  });
}

/** After the last report is sent, the last settlement settled and the goods received: closed. */
function withClosing(
  state: ConsignmentState | null,
  events: ConsignmentEvent[],
  at: number,
  by: string,
): ConsignmentEvent[] {
  if (events.length === 0 || state === null) return events;
  let s: ConsignmentState = state;
  for (const e of events) s = evolveConsignment(s, e);
  const closable =
    s.status === 'returning' &&
    s.receipt !== null &&
    s.reports.every((r) => r.sentAt !== null) &&
    s.settlements.every((x) => x.settledAt !== null);
  return closable ? [...events, { type: 'ConsignmentClosed', at, by }] : events;
}

const actorOf = (a: ConsignmentCommand['actor']): Actor | null => ('department' in a ? a : null);

function assertSales(cmd: ConsignmentCommand, context: Record<string, unknown>): void {
  const a = actorOf(cmd.actor);
  if (a) assertActorIn(a, ['sales'], [], context);
}

function decide(
  s: ConsignmentState | null,
  cmd: ConsignmentCommand,
  at: number,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
): ConsignmentEvent[] {
  const by = cmd.actor.userId;
  if (cmd.type === 'OpenConsignment') {
    if (s !== null) throw illegal('consignment', s.status, cmd.type);
    return open(cmd, at, by, policy, calendar);
  }
  if (s === null) throw illegal('consignment', 'none', cmd.type);
  assertPinnedPolicy(s.policyVersion, policy, s.caseNumber);
  switch (cmd.type) {
    case 'RecordSignature': {
      if (s.status !== 'awaiting_signature') throw illegal('consignment', s.status, cmd.type);
      assertSales(cmd, { caseNumber: s.caseNumber });
      return [signed(s, nonEmpty(cmd.signatory, 'signatory'), at, by, policy, calendar)];
    }
    case 'SendSignatureReminder': {
      if (s.status !== 'awaiting_signature') return [];
      const due = s.signature.reminders.filter((r) => r <= at).length;
      if (due <= s.signature.remindersSent) return [];
      return [
        {
          type: 'SignatureReminderSent',
          at,
          by,
          reminder: due,
          dueAt: s.signature.dueAt,
        },
      ];
    }
    case 'RecordSales': {
      if (s.status !== 'active') throw illegal('consignment', s.status, cmd.type, ['active']);
      assertSales(cmd, { caseNumber: s.caseNumber });
      if (!Array.isArray(cmd.sales) || cmd.sales.length === 0)
        throw invalid('sales must list at least one sale', { field: 'sales' });
      const seen = new Set(s.saleIds);
      const sold = new Map(s.items.map((i) => [i.code, i.sold]));
      const fresh: SaleLine[] = [];
      const duplicates: string[] = [];
      cmd.sales.forEach((sale, index) => {
        nonEmpty(sale.saleId, `sales[${index}].saleId`);
        if (seen.has(sale.saleId)) {
          duplicates.push(sale.saleId);
          return;
        }
        seen.add(sale.saleId);
        const item = s.items.find((i) => i.code === sale.code);
        if (!item)
          throw new DomainError(
            'CONSIGNMENT_ITEM_UNKNOWN',
            `"${sale.code}" is not an item of consignment ${s.caseNumber}`,
            { field: `sales[${index}].code`, code: sale.code, known: s.items.map((i) => i.code) },
          );
        positiveInt(sale.quantity, `sales[${index}].quantity`);
        const after = (sold.get(item.code) ?? 0) + sale.quantity;
        if (after > item.quantity)
          throw new DomainError(
            'CONSIGNMENT_OVERSOLD',
            `${item.code}: ${after} sold would exceed the ${item.quantity} consigned`,
            {
              field: `sales[${index}].quantity`,
              code: item.code,
              consigned: item.quantity,
              soldBefore: sold.get(item.code) ?? 0,
              quantity: sale.quantity,
            },
          );
        sold.set(item.code, after);
        fresh.push({
          saleId: sale.saleId,
          code: sale.code,
          quantity: sale.quantity,
          soldAt: soldAtOf(sale.soldAt, at, `sales[${index}].soldAt`),
        });
      });
      if (fresh.length === 0) return [];
      return [{ type: 'SalesRecorded', at, by, sales: fresh, duplicates }];
    }
    case 'ClosePeriod': {
      if (s.status !== 'active' || s.periodTo === null || at < s.periodTo) return [];
      return periodEnded(s, s.periodTo, at, by, s.period >= s.periodsTotal, policy, calendar);
    }
    case 'RequestReturn': {
      if (s.status !== 'active') throw illegal('consignment', s.status, cmd.type, ['active']);
      assertSales(cmd, { caseNumber: s.caseNumber });
      const note = nonEmpty(cmd.reason, 'reason');
      return [...periodEnded(s, at, at, by, true, policy, calendar, 'consignor_request', note)];
    }
    case 'MarkReportSent': {
      const report = s.reports.find((r) => r.period === cmd.period);
      if (!report)
        throw invalid(`Consignment ${s.caseNumber} has no report for period ${cmd.period}`, {
          field: 'period',
          period: cmd.period,
        });
      if (report.sentAt !== null) throw illegal('consignment report', 'sent', cmd.type);
      assertSales(cmd, { caseNumber: s.caseNumber });
      return [
        {
          type: 'ReportSent',
          at,
          by,
          period: report.period,
          docNumber: report.docNumber,
          channel: nonEmpty(cmd.channel, 'channel'),
        },
      ];
    }
    case 'SettlePeriod': {
      const st = s.settlements.find((x) => x.number === cmd.settlement);
      if (!st)
        throw invalid(`Consignment ${s.caseNumber} has no settlement ${cmd.settlement}`, {
          field: 'settlement',
          settlement: cmd.settlement,
        });
      if (st.settledAt !== null) throw illegal('consignment settlement', 'settled', cmd.type);
      const a = actorOf(cmd.actor);
      if (a) assertActorIn(a, ['finance'], [], { caseNumber: s.caseNumber });
      return [
        {
          type: 'SettlementSettled',
          at,
          by,
          settlement: st.number,
          docNumber: st.docNumber,
          voucherRef: nonEmpty(cmd.voucherRef, 'voucherRef'),
        },
      ];
    }
    case 'RecordReturnReceipt': {
      if (s.status !== 'returning' || s.receipt !== null)
        throw illegal('consignment', s.receipt ? 'goods_received' : s.status, cmd.type, [
          'returning',
        ]);
      const a = actorOf(cmd.actor);
      if (a) assertActorIn(a, ['warehouse'], [], { caseNumber: s.caseNumber });
      return [{ type: 'ReturnReceived', at, by, receipt: receiptOf(s, cmd, at, by) }];
    }
  }
  throw invalid('unknown command');
}

function soldAtOf(value: string | undefined, at: number, field: string): number {
  if (value === undefined) return at;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw invalid(`${field} is not an instant`, { field });
  if (ms > at) throw invalid(`${field} is in the future`, { field });
  return ms;
}

function open(
  cmd: Extract<ConsignmentCommand, { type: 'OpenConsignment' }>,
  at: number,
  by: string,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
): ConsignmentEvent[] {
  const parsed = parseCaseNumber(cmd.caseNumber);
  if (!parsed || parsed.prefix !== policy.numbering.prefixes.consignment)
    throw new DomainError(
      'CASE_NUMBER_INVALID',
      `"${cmd.caseNumber}" is not a consignment number (${policy.numbering.prefixes.consignment}yyyymm-seq)`,
      { caseNumber: cmd.caseNumber },
    );
  const a = actorOf(cmd.actor);
  if (a) assertActorIn(a, ['sales'], [], { caseNumber: cmd.caseNumber });
  nonEmpty(cmd.consignor.name, 'consignor.name');
  if (!Array.isArray(cmd.goods) || cmd.goods.length === 0)
    throw invalid('goods must list at least one item', { field: 'goods' });
  const { terms } = cmd;
  if (
    !Number.isSafeInteger(terms.commissionBp) ||
    terms.commissionBp < 0 ||
    terms.commissionBp > 10000
  )
    throw invalid('terms.commissionBp must be 0–10000 basis points', {
      field: 'terms.commissionBp',
    });
  positiveInt(terms.durationMonths, 'terms.durationMonths');
  if (periodMonths(terms.settlementPeriod) < periodMonths(terms.reportPeriod))
    throw invalid('terms.settlementPeriod cannot be shorter than the report period', {
      field: 'terms.settlementPeriod',
    });
  // K01/K02: every counted line is listed with its code (kind prefix + number + surname).
  const items: ConsignedItem[] = cmd.goods.map((g, index) => {
    nonEmpty(g.item, `goods[${index}].item`);
    positiveInt(g.quantity, `goods[${index}].quantity`);
    assertFen(g.priceFen, `goods[${index}].priceFen`);
    let code: string;
    try {
      code = formatConsignmentCode(
        { kind: cmd.customerKind, number: index + 1, surname: cmd.consignor.surname },
        policy,
      );
    } catch (e) {
      if (e instanceof DomainError)
        throw new DomainError(e.code, e.message, { ...e.details, field: 'consignor.surname' });
      throw e;
    }
    return { item: g.item, quantity: g.quantity, priceFen: g.priceFen, code, sold: 0 };
  });
  const numbers = consignmentDocNumbers(cmd.caseNumber);
  const signatureDue = calendar.add(at, policy.deadlines.consignment.contractSignature).ms;
  const opened: ConsignmentEvent = {
    type: 'ConsignmentOpened',
    at,
    by,
    caseNumber: cmd.caseNumber,
    policyVersion: policy.version,
    consignor: { ...cmd.consignor },
    customerKind: cmd.customerKind,
    items,
    terms: { ...terms },
    listNumber: numbers.list,
    contractNumber: numbers.contract,
    customerPresent: cmd.customerPresent,
    signatureDueAt: signatureDue,
    signatureReminders: cmd.customerPresent ? [] : signatureRemindersOf(at, signatureDue, calendar),
  };
  const state = evolveConsignment(null, opened);
  if (cmd.customerPresent)
    // signed on the spot, as the goods are counted
    return [opened, signed(state, cmd.consignor.name, at, by, policy, calendar)];
  return [
    opened,
    { type: 'SignatureRequested', at, by, contractNumber: numbers.contract, dueAt: signatureDue },
  ];
}

function signed(
  s: ConsignmentState,
  signatory: string,
  at: number,
  by: string,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
): ConsignmentEvent {
  const term = termOf(at, s.terms.reportPeriod, s.terms.durationMonths, policy, calendar);
  return {
    type: 'ConsignmentSigned',
    at,
    by,
    signatory,
    periodFrom: at,
    periodTo: term.firstPeriodTo,
    periodsTotal: term.periodsTotal,
    firstMonth: term.firstMonth,
  };
}

/** K04: the period's report; a settlement when one is due; the goods' return at the term's end. */
function periodEnded(
  s: ConsignmentState,
  to: number,
  at: number,
  by: string,
  final: boolean,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
  reason: 'term_end' | 'consignor_request' = 'term_end',
  note = '002 ch.12: the term of the consignment contract ended',
): ConsignmentEvent[] {
  const numbers = consignmentDocNumbers(s.caseNumber);
  const lines = s.items.map((i) => {
    const soldInPeriod = s.periodSales[i.code] ?? 0;
    return {
      code: i.code,
      item: i.item,
      soldInPeriod,
      soldTotal: i.sold,
      stockLeft: i.quantity - i.sold,
      proceedsFen: soldInPeriod * i.priceFen,
    };
  });
  const report: PeriodReport = {
    period: s.period,
    docNumber: numbers.report(s.period),
    from: s.periodFrom ?? s.openedAt,
    to,
    lines,
    proceedsFen: lines.reduce((sum, l) => sum + l.proceedsFen, 0),
    final,
    generatedAt: at,
    sentAt: null,
    sentBy: null,
  };
  const events: ConsignmentEvent[] = [
    {
      type: 'PeriodReported',
      at,
      by,
      report,
      nextPeriodTo: final
        ? null
        : consignmentPeriodEnd(
            s.firstMonth ?? '',
            s.period + 1,
            s.terms.reportPeriod,
            policy,
            calendar,
          ),
    },
  ];
  const every = periodMonths(s.terms.settlementPeriod) / periodMonths(s.terms.reportPeriod);
  const settled = new Set(s.settlements.flatMap((x) => x.periods));
  if (final || s.period % Math.max(1, Math.floor(every)) === 0) {
    const periods = [...s.reports.map((r) => r.period), s.period].filter((p) => !settled.has(p));
    const proceedsFen =
      s.reports
        .filter((r) => periods.includes(r.period))
        .reduce((sum, r) => sum + r.proceedsFen, 0) + report.proceedsFen;
    const commissionFen = commissionOf(proceedsFen, s.terms.commissionBp);
    const number = s.settlements.length + 1;
    const settlement: Settlement = {
      number,
      docNumber: numbers.settlement(number),
      periods,
      proceedsFen,
      commissionFen,
      netFen: proceedsFen - commissionFen,
      dueAt: calendar.add(at, policy.deadlines.consignment.settlement).ms,
      settledAt: null,
      settledBy: null,
      voucherRef: null,
    };
    events.push({ type: 'SettlementDue', at, by, settlement });
  }
  if (final) events.push({ type: 'ReturnRequested', at, by, reason, note });
  return events;
}

function receiptOf(
  s: ConsignmentState,
  cmd: Extract<ConsignmentCommand, { type: 'RecordReturnReceipt' }>,
  at: number,
  by: string,
) {
  const expected = unsoldOf(s);
  const got = new Map<string, number>();
  (cmd.lines ?? []).forEach((l, index) => {
    if (!s.items.some((i) => i.code === l.code))
      throw new DomainError(
        'CONSIGNMENT_ITEM_UNKNOWN',
        `"${l.code}" is not on the consignment list ${s.listNumber}`,
        { field: `lines[${index}].code`, code: l.code },
      );
    if (!Number.isSafeInteger(l.quantity) || l.quantity < 0)
      throw new DomainError('QUANTITY_INVALID', `lines[${index}].quantity must be 0 or more`, {
        field: `lines[${index}].quantity`,
      });
    got.set(l.code, (got.get(l.code) ?? 0) + l.quantity);
  });
  const discrepancies = expected
    .map((e) => ({ code: e.code, expected: e.quantity, received: got.get(e.code) ?? 0 }))
    .filter((d) => d.expected !== d.received);
  const note = cmd.note?.trim() ? cmd.note.trim() : null;
  // the receipt is checked against the list: a difference needs the warehouse's note
  if (discrepancies.length > 0 && note === null)
    throw new DomainError(
      'QUANTITY_MISMATCH',
      `The goods received differ from the unsold stock of ${s.listNumber}: ${discrepancies
        .map((d) => `${d.code} expected ${d.expected}, received ${d.received}`)
        .join('; ')}`,
      { field: 'lines', discrepancies },
    );
  return {
    lines: expected.map((e) => ({ code: e.code, quantity: got.get(e.code) ?? 0 })),
    expected,
    discrepancies,
    note,
    receivedAt: at,
    receivedBy: by,
  };
}
