import { BusinessCalendar } from '../calendar/business-calendar';
import { localToInstant } from '../calendar/civil-time';
import { computeStageDeadline } from '../deadline/stage-deadline';
import { type DomainError } from '../errors/domain-error';
import {
  BUILT_IN_POLICIES,
  builtInPoliciesAbove,
  builtInPolicy,
  currentBuiltInPolicy,
  defaultPolicy,
  policyV2,
  policyV2Input,
} from '../policy/default-policy';
import { parsePolicy, validatePolicy } from '../policy/parse-policy';
import type { PolicyDocument } from '../policy/policy.schema';
import type { Actor } from '../shared/org';
import { advanceClosingClock } from './closing-clock';
import { decideComplaint } from './complaint.decide';
import { evolveComplaint } from './complaint.evolve';
import type { ComplaintCommand, ComplaintEvent, ComplaintState } from './complaint.types';
import { penaltyBasisRow } from './penalty-basis';
import { complaintWorkItems } from './work-items';

const t = (s: string) => localToInstant(s).getTime();
const sales: Actor = { userId: 'sales-1', department: 'sales', roles: ['staff'] };
const cs: Actor = { userId: 'cs-1', department: 'cs', roles: ['staff'] };
const csMgr: Actor = { userId: 'cs-m', department: 'cs', roles: ['manager'] };
const rnd: Actor = { userId: 'rnd-1', department: 'rnd', roles: ['staff'] };
const vp: Actor = { userId: 'vp-1', department: 'gm_office', roles: ['vp'] };

class Case {
  state: ComplaintState | null = null;
  events: ComplaintEvent[] = [];
  constructor(private readonly policy: PolicyDocument) {}
  do(command: ComplaintCommand, at = t('2026-03-02 10:00')): ComplaintEvent[] {
    const d = decideComplaint(this.state, command, at, this.policy);
    if (!d.ok) throw d.error;
    for (const e of d.events) this.state = evolveComplaint(this.state, e);
    this.events.push(...d.events);
    return d.events;
  }
  refused(command: ComplaintCommand): DomainError {
    const d = decideComplaint(this.state, command, t('2026-03-02 11:00'), this.policy);
    if (d.ok) throw new Error(`${command.type} was not refused`);
    return d.error as DomainError;
  }
  get s(): ComplaintState {
    return this.state as ComplaintState;
  }
  items(): string[] {
    return complaintWorkItems(this.s, this.policy).map((i) => i.type);
  }
}

const intake = (channel: 'phone' | 'store' = 'phone') => ({
  customerName: '王先生',
  orderNumber: 'SO-2026-0042',
  batchNumber: 'B2602',
  shipDate: '2026-02-20',
  defectiveQuantity: 3,
  demand: 'refund',
  reasons: 'screen flickers',
  channel,
  attachments: [],
  salesOpinion: 'plausible',
});
const report = (externalParty: string | null = null) => ({
  cause: 'product_quality' as const,
  findings: 'bad solder',
  qualityClaimVerified: true,
  responsibleUnit: 'production',
  responsiblePersons: ['p-7'],
  correctiveAction: 'rework',
  externalParty,
});
const propose = (
  penalties: Array<{
    personId: string;
    kind: 'fine' | 'demerit' | 'warning' | 'bonus_deduction';
    amountFen: number;
  }> = [],
) =>
  ({
    type: 'ProposeResolution',
    actor: cs,
    responsibleUnit: 'production',
    responsiblePersons: ['p-7'],
    method: 'apology',
    trackImprovement: false,
    humanNegligence: false,
    lossBasis: {
      unitCostFen: 10_000,
      quantity: 1,
      freightFen: 0,
      handlingFen: 0,
      compensationFen: 0,
    },
    penalties,
  }) as Extract<ComplaintCommand, { type: 'ProposeResolution' }>;

function toCustomer(
  policy: PolicyDocument,
  opts: {
    severity?: 'general' | 'severe';
    channel?: 'phone' | 'store';
    externalParty?: string | null;
  } = {},
) {
  const c = new Case(policy);
  c.do({
    type: 'ReportComplaint',
    actor: sales,
    caseNumber: 'KS202603-0001',
    intake: intake(opts.channel),
  });
  c.do({
    type: 'RegisterComplaint',
    actor: cs,
    cause: 'product_quality',
    severity: opts.severity ?? 'general',
  });
  if (opts.severity === 'severe')
    c.do({ type: 'CompleteSevereReview', actor: vp, remarks: 'letter' });
  c.do({
    type: 'SubmitInvestigationReport',
    actor: rnd,
    report: report(opts.externalParty ?? null),
  });
  c.do({ type: 'ApproveInvestigationReport', actor: vp });
  c.do(propose());
  c.do({ type: 'ApproveResolution', actor: csMgr });
  return c;
}

describe('policy v2: the seed decisions as data (DOMAIN.md "Decisions")', () => {
  it('Decision 2 001 §26.1: v2 closes within 6 calendar days (source seed); v1 keeps 6 working days', () => {
    expect(policyV2.version).toBe(2);
    expect(policyV2.deadlines.complaint.close).toMatchObject({
      amount: 6,
      unit: 'calendar_days',
      source: 'seed',
    });
    expect(policyV2.complaint.decisions?.closeClock.endsAt).toMatchObject({
      value: 'form_concluded',
      source: 'seed',
    });
    expect(policyV2.complaint.decisions?.closeClock.pauseWhileWaitingForCustomer).toMatchObject({
      value: false,
      source: 'default',
    });
    expect(defaultPolicy.deadlines.complaint.close).toMatchObject({
      amount: 6,
      unit: 'working_days',
    });
    expect(defaultPolicy.complaint.decisions).toBeUndefined();
    expect(BUILT_IN_POLICIES.map((p) => p.version)).toEqual([1, 2]);
    expect(parsePolicy(JSON.parse(JSON.stringify(policyV2)))).toEqual(policyV2);
  });

  it('Decision 2: new cases pin v2 (the newest built-in); an organisation holding v1 gets v2 added, one that published v2 itself gets nothing', () => {
    expect(currentBuiltInPolicy.version).toBe(2);
    expect(currentBuiltInPolicy).toBe(policyV2);
    expect(builtInPoliciesAbove(null).map((p) => p.version)).toEqual([1, 2]);
    expect(builtInPoliciesAbove(1).map((p) => p.version)).toEqual([2]);
    expect(builtInPoliciesAbove(2)).toEqual([]);
    expect(builtInPolicy(1)).toBe(defaultPolicy);
    expect(builtInPolicy(3)).toBeUndefined();
  });

  it('Decision 3 000 §三.6: 48 calendar hours for a store-channel result (source seed)', () => {
    expect(policyV2.deadlines.complaint.storeResult).toMatchObject({
      amount: 48,
      unit: 'calendar_hours',
      source: 'seed',
    });
  });

  it('Decision 2: working days stay selectable — a v2 document with unit working_days validates', () => {
    const doc = JSON.parse(JSON.stringify(policyV2Input));
    doc.deadlines.complaint.close.unit = 'working_days';
    expect(validatePolicy(doc).ok).toBe(true);
  });

  it('Decision 10: a penalty basis row with max below min or a twin row is refused with its path', () => {
    const doc = JSON.parse(JSON.stringify(policyV2Input));
    doc.complaint.decisions.penaltyBasis.rows[0].penalties[1].maxFen = -1;
    doc.complaint.decisions.penaltyBasis.rows[1] = doc.complaint.decisions.penaltyBasis.rows[0];
    const r = validatePolicy(doc);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map((i) => i.path)).toEqual(
        expect.arrayContaining([
          'complaint.decisions.penaltyBasis.rows.0.penalties.1.maxFen',
          'complaint.decisions.penaltyBasis.rows.1',
        ]),
      );
  });
});

describe('the complaint under policy v2', () => {
  const calendar = new BusinessCalendar(policyV2.calendar);

  it('C07 Decision 2 001 §26.1: the closing clock stops when the customer accepts (the form concluded) and never pauses for the customer', () => {
    const c = toCustomer(policyV2);
    let step = advanceClosingClock(null, c.s, t('2026-03-02 10:00'), policyV2, calendar);
    const started = step.ledger!;
    expect(started.startedAt).toBe(t('2026-03-02 10:00'));
    expect(
      computeStageDeadline(
        policyV2,
        calendar,
        'complaint',
        'close',
        new Date(started.startedAt),
      ).due.getTime(),
    ).toBe(t('2026-03-08 10:00'));
    expect(step.changes.map((x) => x.kind)).toEqual(['started']); // awaiting the customer: no pause
    c.do(
      { type: 'RecordCustomerResponse', actor: sales, accepted: true, via: 'phone' },
      t('2026-03-04 09:00'),
    );
    step = advanceClosingClock(step.ledger, c.s, t('2026-03-04 09:00'), policyV2, calendar);
    expect(step.changes).toEqual([{ kind: 'stopped', at: t('2026-03-04 09:00'), onTime: true }]);
    expect(step.ledger?.stoppedAt).toBe(t('2026-03-04 09:00'));
  });

  it('project rule (policy v1, not the seed): the v1 clock pauses while waiting for the customer', () => {
    const c = toCustomer(defaultPolicy);
    const step = advanceClosingClock(
      null,
      c.s,
      t('2026-03-02 10:00'),
      defaultPolicy,
      new BusinessCalendar(defaultPolicy.calendar),
    );
    expect(step.changes.map((x) => x.kind)).toEqual(['started', 'paused']);
  });

  it('C11 001 §20: the CS manager names the owner (or handles it personally); a CS staff member may not', () => {
    const c = new Case(policyV2);
    c.do({ type: 'ReportComplaint', actor: sales, caseNumber: 'KS202603-0001', intake: intake() });
    expect(c.items()).toEqual(expect.arrayContaining(['owner_assignment', 'cs_registration']));
    expect(c.refused({ type: 'AssignComplaintOwner', actor: cs, ownerId: 'cs-1' }).code).toBe(
      'WRONG_ROLE',
    );
    c.do({ type: 'AssignComplaintOwner', actor: csMgr, ownerId: 'cs-m' });
    expect(c.s.owner).toMatchObject({ userId: 'cs-m', personally: true });
    expect(c.items()).not.toContain('owner_assignment');
  });

  it('Decision 3 000 §三.6: a store-channel complaint owes its handling result; the customer response satisfies it', () => {
    const c = toCustomer(policyV2, { channel: 'store' });
    expect(c.items()).toContain('store_result');
    c.do({ type: 'RecordCustomerResponse', actor: sales, accepted: true, via: 'phone' });
    expect(c.items()).not.toContain('store_result');
    expect(toCustomer(policyV2).items()).not.toContain('store_result');
  });

  it('C09 Decision 4 001 §18: a severe decision by phone is refused (LETTER_REQUIRED); by letter it records the letter', () => {
    const c = toCustomer(policyV2, { severity: 'severe' });
    expect(
      c.refused({ type: 'RecordCustomerResponse', actor: sales, accepted: true, via: 'phone' })
        .code,
    ).toBe('LETTER_REQUIRED');
    const events = c.do({
      type: 'RecordCustomerResponse',
      actor: sales,
      accepted: true,
      via: 'letter',
    });
    expect(events[0]).toMatchObject({
      type: 'CustomerAccepted',
      letter: { severity: 'severe', reference: 'KS202603-0001-L1' },
    });
    // v1: phone accepted for a severe complaint (the seed's d row C09)
    const v1 = toCustomer(defaultPolicy, { severity: 'severe' });
    expect(
      v1.do({ type: 'RecordCustomerResponse', actor: sales, accepted: true, via: 'phone' })[0],
    ).not.toHaveProperty('letter');
  });

  it('C24 001 §25.7: an external party on the report opens CS coordination, pausing the clock as waiting_for_supplier', () => {
    const c = new Case(policyV2);
    c.do({ type: 'ReportComplaint', actor: sales, caseNumber: 'KS202603-0001', intake: intake() });
    c.do({ type: 'RegisterComplaint', actor: cs, cause: 'product_quality', severity: 'general' });
    let step = advanceClosingClock(null, c.s, t('2026-03-02 10:00'), policyV2, calendar);
    c.do(
      { type: 'SubmitInvestigationReport', actor: rnd, report: report('Shenzhen Power Parts Co.') },
      t('2026-03-03 10:00'),
    );
    expect(c.items()).toContain('supplier_coordination');
    step = advanceClosingClock(step.ledger, c.s, t('2026-03-03 10:00'), policyV2, calendar);
    expect(step.changes).toEqual([
      { kind: 'paused', at: t('2026-03-03 10:00'), reason: 'waiting_for_supplier' },
    ]);
    c.do(
      { type: 'RecordSupplierCoordination', actor: cs, outcome: 'supplier credits 3 units' },
      t('2026-03-04 10:00'),
    );
    step = advanceClosingClock(step.ledger, c.s, t('2026-03-04 10:00'), policyV2, calendar);
    expect(step.changes.map((x) => x.kind)).toEqual(['resumed']);
    expect(step.ledger?.pauses[0]).toMatchObject({
      reason: 'waiting_for_supplier',
      to: t('2026-03-04 10:00'),
    });
  });

  it('C19 Decision 10 001 §25.4: a fine above the basis (¥500 for quality × general) is refused; within it is accepted', () => {
    const row = penaltyBasisRow(policyV2, {
      category: 'quality',
      severity: 'general',
      humanNegligence: false,
      caseNumber: 'x',
    });
    expect(row).toMatchObject({
      table: 'rows',
      row: { responsibility: 'quality', severity: 'general' },
    });
    const mk = () => {
      const c = new Case(policyV2);
      c.do({
        type: 'ReportComplaint',
        actor: sales,
        caseNumber: 'KS202603-0001',
        intake: intake(),
      });
      c.do({ type: 'RegisterComplaint', actor: cs, cause: 'product_quality', severity: 'general' });
      c.do({ type: 'SubmitInvestigationReport', actor: rnd, report: report() });
      c.do({ type: 'ApproveInvestigationReport', actor: vp });
      return c;
    };
    const err = mk().refused(propose([{ personId: 'p-7', kind: 'fine', amountFen: 50_001 }]));
    expect(err.code).toBe('PENALTY_OUTSIDE_BASIS');
    expect(err.details).toMatchObject({
      field: 'command.penalties.0',
      responsibility: 'quality',
      severity: 'general',
    });
    expect(mk().refused(propose([{ personId: 'p-7', kind: 'demerit', amountFen: 0 }])).code).toBe(
      'PENALTY_OUTSIDE_BASIS',
    );
    expect(() =>
      mk().do(propose([{ personId: 'p-7', kind: 'fine', amountFen: 50_000 }])),
    ).not.toThrow();
  });

  it('Decision 10: an empty penalty basis means free amounts (the approver’s limit decides)', () => {
    const doc = JSON.parse(JSON.stringify(policyV2Input));
    doc.complaint.decisions.penaltyBasis.rows = [];
    const free = parsePolicy(doc);
    expect(
      penaltyBasisRow(free, {
        category: 'quality',
        severity: 'general',
        humanNegligence: false,
        caseNumber: 'x',
      }),
    ).toEqual({ table: 'none' });
  });

  it('C29 000 §三.7 / Decision 3: close needs the first response, the owner, a summary and a preventive measure', () => {
    const c = toCustomer(policyV2);
    c.do({ type: 'RecordCustomerResponse', actor: sales, accepted: true, via: 'phone' });
    expect(c.s.status).toBe('ready_to_close');
    expect(
      c.refused({ type: 'CloseComplaint', actor: cs, summary: 's', preventiveMeasure: 'p' }).code,
    ).toBe('FIRST_RESPONSE_REQUIRED');
    c.do({ type: 'RecordFirstResponse', actor: sales, channel: 'phone', summary: 'called' });
    expect(
      c.refused({ type: 'CloseComplaint', actor: cs, summary: 's', preventiveMeasure: 'p' })
        .details,
    ).toMatchObject({ waitingFor: 'owner_assignment' });
    c.do({ type: 'AssignComplaintOwner', actor: csMgr, ownerId: 'cs-1' });
    expect(c.refused({ type: 'CloseComplaint', actor: cs }).code).toBe('COMMAND_INVALID');
    const [closed] = c.do({
      type: 'CloseComplaint',
      actor: cs,
      summary: 'solder profile drifted',
      preventiveMeasure: 'weekly solder audit',
    });
    expect(closed).toMatchObject({
      type: 'ComplaintClosed',
      summary: 'solder profile drifted',
      preventiveMeasure: 'weekly solder audit',
    });
    // v1: closes without any of them (C29 row d)
    const v1 = toCustomer(defaultPolicy);
    v1.do({ type: 'RecordCustomerResponse', actor: sales, accepted: true, via: 'phone' });
    expect(v1.do({ type: 'CloseComplaint', actor: cs })[0]).not.toHaveProperty('summary');
  });
});
