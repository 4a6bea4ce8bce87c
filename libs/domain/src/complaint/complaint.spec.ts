import { BusinessCalendar } from '../calendar/business-calendar';
import { formatLocal, localToInstant } from '../calendar/civil-time';
import { computeStageDeadline } from '../deadline/stage-deadline';
import { yuanToFen } from '../money/money';
import { defaultPolicy } from '../policy/default-policy';
import { parsePolicy } from '../policy/parse-policy';
import type { Actor } from '../shared/org';
import { categoryOf } from './classification';
import { decideComplaint } from './complaint.decide';
import { evolveComplaint, replayComplaint } from './complaint.evolve';
import {
  type ComplaintCommand,
  type ComplaintEvent,
  type ComplaintState,
  RECORD_REPAIR_COMPLETED,
} from './complaint.types';
import { complaintWorkItems } from './work-items';

const t = (s: string) => localToInstant(s).getTime();
const sales: Actor = { userId: 'sales-1', department: 'sales', roles: ['staff'] };
const salesMgr: Actor = { userId: 'sales-m', department: 'sales', roles: ['manager'] };
const cs: Actor = { userId: 'cs-1', department: 'cs', roles: ['staff'] };
const csMgr: Actor = { userId: 'cs-m', department: 'cs', roles: ['manager'] };
const rnd: Actor = { userId: 'rnd-1', department: 'rnd', roles: ['staff'] };
const vp: Actor = { userId: 'vp-1', department: 'gm_office', roles: ['vp'] };
const gm: Actor = { userId: 'gm-1', department: 'gm_office', roles: ['gm'] };
const salesVp: Actor = { userId: 'svp-1', department: 'sales', roles: ['sales_vp'] };
const finance: Actor = { userId: 'fin-1', department: 'finance', roles: ['staff'] };

/** A tiny driver: decide, then fold the events; refusals surface as thrown DomainErrors. */
class Case {
  events: ComplaintEvent[] = [];
  state: ComplaintState | null = null;
  constructor(private readonly policy = defaultPolicy) {}
  do(command: ComplaintCommand, at = t('2026-03-02 10:00')): ComplaintEvent[] {
    const d = decideComplaint(this.state, command, at, this.policy);
    if (!d.ok) throw d.error;
    for (const e of d.events) this.state = evolveComplaint(this.state, e);
    this.events.push(...d.events);
    return d.events;
  }
  get s(): ComplaintState {
    if (!this.state) throw new Error('no case');
    return this.state;
  }
}

const intake = {
  customerName: '王先生',
  orderNumber: 'SO-2026-0042',
  batchNumber: 'B2602',
  shipDate: '2026-02-20',
  defectiveQuantity: 3,
  demand: 'refund',
  reasons: 'screen flickers',
  channel: 'phone' as const,
  attachments: ['photo-1.jpg'],
  salesOpinion: 'plausible',
};
const report = {
  cause: 'product_quality' as const,
  findings: 'bad solder on batch B2602',
  qualityClaimVerified: true,
  responsibleUnit: 'production',
  responsiblePersons: ['p-7'],
  correctiveAction: 'rework solder profile',
  externalParty: null,
};
const loss = (yuan: string) => ({
  unitCostFen: yuanToFen(yuan),
  quantity: 1,
  freightFen: 0,
  handlingFen: 0,
  compensationFen: 0,
});
const proposal = (
  method: ComplaintCommand & { type: 'ProposeResolution' } extends infer P
    ? P extends { method: infer M }
      ? M
      : never
    : never,
  yuan = '300',
  extra = {},
) =>
  ({
    type: 'ProposeResolution',
    actor: cs,
    responsibleUnit: 'production',
    responsiblePersons: ['p-7'],
    method,
    trackImprovement: true,
    humanNegligence: false,
    lossBasis: loss(yuan),
    penalties: [],
    ...extra,
  }) as ComplaintCommand;

/** Steps 1–4: intake, registration, investigation, report approved. */
function toProposal(severity: 'general' | 'severe' = 'general', policy = defaultPolicy): Case {
  const c = new Case(policy);
  c.do(
    { type: 'ReportComplaint', actor: sales, caseNumber: 'KS202603-0001', intake },
    t('2026-03-02 09:30'),
  );
  c.do(
    { type: 'RegisterComplaint', actor: cs, cause: 'product_quality', severity },
    t('2026-03-02 10:00'),
  );
  if (severity === 'severe')
    c.do({ type: 'CompleteSevereReview', actor: vp, remarks: 'handle first' });
  c.do({ type: 'SubmitInvestigationReport', actor: rnd, report });
  c.do({ type: 'ApproveInvestigationReport', actor: vp });
  return c;
}

function toCustomer(method: Parameters<typeof proposal>[0], yuan = '300', extra = {}): Case {
  const c = toProposal();
  c.do(proposal(method, yuan, extra));
  c.do({ type: 'ApproveResolution', actor: csMgr });
  return c;
}

describe('complaint 客户投诉 state machine (DOMAIN.md §1)', () => {
  it('C03 Decision 1 (002 ch.14): anyone who works takes a complaint; the first response is the opener’s when sales or CS, else CS’s', () => {
    const byCs = new Case();
    byCs.do({ type: 'ReportComplaint', actor: cs, caseNumber: 'KS202603-0001', intake });
    expect(
      complaintWorkItems(byCs.s, defaultPolicy).find((w) => w.type === 'first_response')
        ?.department,
    ).toBe('cs');
    const byRnd = new Case();
    byRnd.do({
      type: 'ReportComplaint',
      actor: { userId: 'rnd-9', department: 'rnd', roles: ['staff'] },
      caseNumber: 'KS202603-0002',
      intake,
    });
    expect(
      complaintWorkItems(byRnd.s, defaultPolicy).find((w) => w.type === 'first_response')
        ?.department,
    ).toBe('cs');
    const bySales = new Case();
    const [reported] = bySales.do({
      type: 'ReportComplaint',
      actor: sales,
      caseNumber: 'KS202603-0003',
      intake,
    });
    expect(
      complaintWorkItems(bySales.s, defaultPolicy).find((w) => w.type === 'first_response')
        ?.department,
    ).toBe('sales');
    // a sales-opened complaint's event is exactly what it was before Decision 1
    expect(reported).not.toHaveProperty('firstResponder');
  });

  it('C01 001 §25.1: the intake (order, batch, ship date, defective quantity, demand, channel) is required', () => {
    const c = new Case();
    expect(() =>
      c.do({ type: 'ReportComplaint', actor: sales, caseNumber: 'TH202603-0001', intake }),
    ).toThrow(expect.objectContaining({ code: 'CASE_NUMBER_INVALID' }));
    expect(() =>
      c.do({
        type: 'ReportComplaint',
        actor: sales,
        caseNumber: 'KS202603-0001',
        intake: { ...intake, defectiveQuantity: 0 },
      }),
    ).toThrow(expect.objectContaining({ code: 'QUANTITY_INVALID' }));
    c.do({ type: 'ReportComplaint', actor: sales, caseNumber: 'KS202603-0001', intake });
    expect(c.s).toMatchObject({
      status: 'awaiting_registration',
      policyVersion: 1,
      intake: { orderNumber: 'SO-2026-0042', channel: 'phone' },
    });
  });

  it('000 §三.6: the first response is recorded once, by sales or CS', () => {
    const c = new Case();
    c.do({ type: 'ReportComplaint', actor: sales, caseNumber: 'KS202603-0001', intake });
    expect(() =>
      c.do({ type: 'RecordFirstResponse', actor: rnd, channel: 'phone', summary: 'called' }),
    ).toThrow(expect.objectContaining({ code: 'WRONG_DEPARTMENT' }));
    c.do(
      { type: 'RecordFirstResponse', actor: sales, channel: 'phone', summary: 'called back' },
      t('2026-03-02 15:00'),
    );
    expect(c.s.firstResponseAt).toBe(t('2026-03-02 15:00'));
    expect(() =>
      c.do({ type: 'RecordFirstResponse', actor: cs, channel: 'phone', summary: 'again' }),
    ).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });

  it('001 §26.1: CS acceptance starts the closing clock — accepted 2026-09-30 17:00 closes by 2026-10-14 17:00', () => {
    const c = new Case();
    c.do(
      { type: 'ReportComplaint', actor: sales, caseNumber: 'KS202609-0007', intake },
      t('2026-09-30 15:00'),
    );
    c.do(
      { type: 'RegisterComplaint', actor: cs, cause: 'transport', severity: 'general' },
      t('2026-09-30 17:00'),
    );
    const due = computeStageDeadline(
      defaultPolicy,
      new BusinessCalendar(defaultPolicy.calendar),
      'complaint',
      'close',
      c.s.acceptedAt!,
    );
    expect(formatLocal(due.due.getTime())).toBe('2026-10-14T17:00+08:00');
  });

  it('C04 001 §23: transport and handling are non-quality complaints; product defects are quality complaints', () => {
    expect(categoryOf('transport')).toBe('non_quality');
    expect(categoryOf('handling')).toBe('non_quality');
    expect(categoryOf('product_quality')).toBe('quality');
    const c = new Case();
    c.do({ type: 'ReportComplaint', actor: sales, caseNumber: 'KS202603-0001', intake });
    c.do({
      type: 'RegisterComplaint',
      actor: cs,
      cause: 'handling',
      severity: 'general',
      formDeadlines: { investigationReport: { amount: 2, unit: 'working_days' } },
    });
    expect(c.s.classification).toEqual({
      cause: 'handling',
      category: 'non_quality',
      severity: 'general',
    });
    expect(c.s.formDeadlines.investigationReport).toEqual({ amount: 2, unit: 'working_days' }); // 001 §25.2
  });

  it('C08 001 §18: a severe complaint opens an immediate VP review, which must be done before a proposal', () => {
    const c = new Case();
    c.do({ type: 'ReportComplaint', actor: sales, caseNumber: 'KS202603-0001', intake });
    const events = c.do({
      type: 'RegisterComplaint',
      actor: cs,
      cause: 'product_quality',
      severity: 'severe',
    });
    expect(events.map((e) => e.type)).toEqual(['ComplaintRegistered', 'SevereReviewRequested']);
    c.do({ type: 'SubmitInvestigationReport', actor: rnd, report });
    c.do({ type: 'ApproveInvestigationReport', actor: vp });
    expect(() => c.do(proposal('compensation'))).toThrow(
      expect.objectContaining({
        code: 'ILLEGAL_TRANSITION',
        details: expect.objectContaining({ waitingFor: 'severe_review' }),
      }),
    );
    expect(() => c.do({ type: 'CompleteSevereReview', actor: csMgr, remarks: 'x' })).toThrow(
      expect.objectContaining({ code: 'WRONG_ROLE' }),
    );
    c.do({ type: 'CompleteSevereReview', actor: vp, remarks: 'priority' });
    c.do(proposal('compensation'));
    expect(c.s.status).toBe('awaiting_approval');
  });

  it('C14 001 §25.3: the investigation report goes to the VP in charge, who approves it or sends it back', () => {
    const c = new Case();
    c.do({ type: 'ReportComplaint', actor: sales, caseNumber: 'KS202603-0001', intake });
    c.do({ type: 'RegisterComplaint', actor: cs, cause: 'product_quality', severity: 'general' });
    expect(() => c.do({ type: 'SubmitInvestigationReport', actor: sales, report })).toThrow(
      expect.objectContaining({ code: 'WRONG_DEPARTMENT' }),
    );
    c.do({ type: 'SubmitInvestigationReport', actor: rnd, report });
    expect(() => c.do({ type: 'ApproveInvestigationReport', actor: csMgr })).toThrow(
      expect.objectContaining({ code: 'WRONG_ROLE' }),
    );
    c.do({ type: 'ReturnInvestigationReport', actor: vp, reason: 'verify the batch' });
    expect(c.s).toMatchObject({ status: 'investigating', reportReturns: 1 });
    c.do({ type: 'SubmitInvestigationReport', actor: rnd, report });
    c.do({ type: 'ApproveInvestigationReport', actor: vp });
    expect(c.s.status).toBe('proposing');
  });

  it('C20 001 §27: the approval chain is chosen by the loss amount (¥30,000 → VP in charge)', () => {
    const c = toProposal();
    c.do(proposal('compensation', '30000'));
    expect(() => c.do({ type: 'ApproveResolution', actor: csMgr })).toThrow(
      expect.objectContaining({ code: 'WRONG_ROLE' }),
    );
    c.do({ type: 'ApproveResolution', actor: vp });
    expect(c.s.status).toBe('awaiting_customer');
    expect(c.s.revisions[0]?.route.explanation.matchedRow.id).toBe('handling-vp');
  });

  it('DOMAIN Approvals: a CS manager who proposed may not approve (SELF_APPROVAL); above ¥50,000 only the GM', () => {
    const c = toProposal();
    c.do({ ...proposal('compensation', '3000'), actor: { ...csMgr } } as ComplaintCommand);
    expect(() => c.do({ type: 'ApproveResolution', actor: csMgr })).toThrow(
      expect.objectContaining({ code: 'SELF_APPROVAL' }),
    );
    const big = toProposal();
    big.do(proposal('compensation', '60000'));
    expect(() => big.do({ type: 'ApproveResolution', actor: vp })).toThrow(
      expect.objectContaining({ code: 'WRONG_ROLE' }),
    );
    big.do({ type: 'ApproveResolution', actor: gm });
    expect(big.s.status).toBe('awaiting_customer');
  });

  it('C18 C16 001 §25.4: individual penalties also need the VP in charge; human negligence is exempt from improvement tracking', () => {
    const c = toProposal();
    c.do(
      proposal('compensation', '1000', {
        humanNegligence: true,
        penalties: [{ personId: 'p-7', kind: 'warning', amountFen: 0 }],
      }),
    );
    const rev = c.s.revisions[0]!;
    expect(rev.route.steps.map((s) => s.role)).toEqual(['manager', 'vp']);
    expect(rev.trackImprovement).toBe(false);
    c.do({ type: 'ApproveResolution', actor: csMgr });
    expect(c.s.status).toBe('awaiting_approval');
    expect(() => c.do({ type: 'ApproveResolution', actor: { ...vp, userId: 'cs-m' } })).toThrow(
      expect.objectContaining({ code: 'APPROVER_REPEATED' }),
    );
    c.do({ type: 'ApproveResolution', actor: vp });
    expect(c.s.status).toBe('awaiting_customer');
  });

  it('C17 001 §25.4: the loss amount follows the loss-accounting basis (cost × qty + freight + handling + compensation)', () => {
    const c = toProposal();
    c.do(
      proposal('compensation', '0', {
        lossBasis: {
          unitCostFen: yuanToFen('120.50'),
          quantity: 3,
          freightFen: yuanToFen('20'),
          handlingFen: yuanToFen('15'),
          compensationFen: yuanToFen('100'),
        },
      }),
    );
    expect(c.s.revisions[0]?.loss.totalFen).toBe(yuanToFen('496.50'));
  });

  it('C21 001 §25.5: a customer rejection opens a new revision linked to the original and returns to the proposal', () => {
    const c = toCustomer('compensation', '300');
    c.do({
      type: 'RecordCustomerResponse',
      actor: sales,
      accepted: false,
      via: 'phone',
      note: 'wants more',
    });
    expect(c.s.status).toBe('proposing');
    c.do(proposal('compensation', '800'));
    expect(c.s.revisions.map((r) => [r.revision, r.supersedes, r.reason, r.outcome])).toEqual([
      [1, null, 'initial', 'rejected_by_customer'],
      [2, 1, 'customer_rejected', 'pending'],
    ]);
  });

  it('C22 001 §25.6: the decision is relayed by letter or phone, never as a copy of the internal form', () => {
    const c = toCustomer('apology');
    expect(() =>
      c.do({
        type: 'RecordCustomerResponse',
        actor: sales,
        accepted: true,
        via: 'form_copy' as 'letter',
      }),
    ).toThrow(expect.objectContaining({ code: 'CUSTOMER_CHANNEL_FORBIDDEN' }));
    c.do({ type: 'RecordCustomerResponse', actor: sales, accepted: true, via: 'letter' });
    expect(c.s.status).toBe('improvement_tracking');
  });

  it('001 §25.3, §29.1(1), §25.8: the state keeps the approval route of the report, the certificate and the petition (for their signatures’ explanation)', () => {
    const c = toCustomer('discount', '300', { trackImprovement: false });
    expect(c.s.approvalRoutes.investigation_report).toMatchObject({
      steps: [expect.objectContaining({ role: 'vp' })],
    });
    c.do({ type: 'RecordCustomerResponse', actor: sales, accepted: true, via: 'phone' });
    expect(c.s.approvalRoutes.discount_certificate).toBeUndefined();
    const [issued] = c.do({
      type: 'IssueDiscountCertificate',
      actor: sales,
      certificateNumber: 'ZK-1',
      amountFen: yuanToFen('300'),
    });
    expect(c.s.approvalRoutes.discount_certificate).toEqual(
      (issued as Extract<ComplaintEvent, { type: 'DiscountCertificateIssued' }>).route,
    );
    const r = toCustomer('not_established', '0', { trackImprovement: false });
    r.do({ type: 'RecordCustomerResponse', actor: sales, accepted: true, via: 'letter' });
    const [filed] = r.do({ type: 'FilePetition', actor: sales, reason: 'customer objects' });
    expect(r.s.approvalRoutes.petition).toEqual(
      (filed as Extract<ComplaintEvent, { type: 'PetitionFiled' }>).route,
    );
  });

  it('C26 C23 001 §29.1(1), §25.6: discount/compensation → certificate within the approved amount, signed by the sales VP and the customer, booked by finance', () => {
    const c = toCustomer('discount', '300', { trackImprovement: false });
    c.do({ type: 'RecordCustomerResponse', actor: sales, accepted: true, via: 'phone' });
    expect(() =>
      c.do({
        type: 'IssueDiscountCertificate',
        actor: sales,
        certificateNumber: 'ZK-1',
        amountFen: yuanToFen('300.01'),
      }),
    ).toThrow(expect.objectContaining({ code: 'EXCEEDS_APPROVED_DECISION' }));
    c.do({
      type: 'IssueDiscountCertificate',
      actor: sales,
      certificateNumber: 'ZK-1',
      amountFen: yuanToFen('300'),
    });
    expect(() => c.do({ type: 'RecordCertificateCustomerSignature', actor: sales })).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
    );
    expect(() => c.do({ type: 'SignDiscountCertificate', actor: salesMgr })).toThrow(
      expect.objectContaining({ code: 'WRONG_ROLE' }),
    );
    c.do({ type: 'SignDiscountCertificate', actor: salesVp });
    c.do({ type: 'RecordCertificateCustomerSignature', actor: sales });
    expect(() => c.do({ type: 'BookDiscountCertificate', actor: sales })).toThrow(
      expect.objectContaining({ code: 'WRONG_DEPARTMENT' }),
    );
    const booked = c.do({ type: 'BookDiscountCertificate', actor: finance });
    expect(booked[0]).toMatchObject({
      type: 'DiscountCertificateBooked',
      copies: [{ holder: 'sales' }, { holder: 'finance' }],
    });
    expect(c.s.status).toBe('ready_to_close');
  });

  it('C27 001 §29.1(2): return/rework → a child return case carrying the approved quantity', () => {
    const c = toCustomer('return', '300', { approvedReturnQuantity: 3 });
    const events = c.do({
      type: 'RecordCustomerResponse',
      actor: sales,
      accepted: true,
      via: 'phone',
    });
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'ChildCaseRequested',
        childType: 'return',
        approvedQuantity: 3,
        parentCaseNumber: 'KS202603-0001',
      }),
    );
    c.do({
      type: 'RecordChildCaseStarted',
      actor: { userId: 'system' },
      childCaseNumber: 'TH202603-0001',
    });
    expect(() =>
      c.do({
        type: 'RecordChildCaseCompleted',
        actor: { userId: 'system' },
        childCaseNumber: 'TH202603-0009',
        outcome: 'refunded',
      }),
    ).toThrow(expect.objectContaining({ code: 'COMMAND_INVALID' }));
    c.do({
      type: 'RecordChildCaseCompleted',
      actor: { userId: 'system' },
      childCaseNumber: 'TH202603-0001',
      outcome: 'refunded',
    });
    expect(c.s.status).toBe('improvement_tracking');
    expect(() => toProposal().do(proposal('return', '300'))).toThrow(
      expect.objectContaining({ code: 'QUANTITY_INVALID' }),
    );
  });

  it('DOMAIN §1 step 8: repair → a child repair case', () => {
    const c = toCustomer('repair');
    const events = c.do({
      type: 'RecordCustomerResponse',
      actor: sales,
      accepted: true,
      via: 'phone',
    });
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'ChildCaseRequested', childType: 'repair' }),
    );
  });

  it('DOMAIN §1 step 8: a repair is handed over to CS, who records its completion (RecordRepairCompleted)', () => {
    const c = toCustomer('repair', '100', { trackImprovement: false });
    c.do({ type: 'RecordCustomerResponse', actor: sales, accepted: true, via: 'phone' });
    expect(complaintWorkItems(c.s, defaultPolicy).map((i) => i.key)).not.toContain(
      'repair_handoff',
    );
    c.do({
      type: 'RecordChildCaseStarted',
      actor: { userId: 'system' },
      childCaseNumber: 'WX202603-0001',
    });
    expect(complaintWorkItems(c.s, defaultPolicy)).toContainEqual(
      expect.objectContaining({
        key: 'repair_handoff',
        department: 'cs',
        stage: 'execution',
        commands: [RECORD_REPAIR_COMPLETED],
      }),
    );
    expect(() => c.do({ type: RECORD_REPAIR_COMPLETED, actor: cs, outcome: ' ' })).toThrow(
      expect.objectContaining({ code: 'COMMAND_INVALID', details: { field: 'command.outcome' } }),
    );
    const events = c.do({ type: RECORD_REPAIR_COMPLETED, actor: cs, outcome: 'repaired' });
    expect(events[0]).toMatchObject({
      type: 'ChildCaseCompleted',
      childCaseNumber: 'WX202603-0001',
      outcome: 'repaired',
    });
    expect(c.s.status).toBe('ready_to_close');
    expect(complaintWorkItems(c.s, defaultPolicy).map((i) => i.key)).not.toContain(
      'repair_handoff',
    );
  });

  it('P17 003 §四.2 / 001 §7: a repair child first needs CS’s service register entry (address, model, spec, purchase date and place, kind A–C); no hand-off', () => {
    const c = toCustomer('repair', '100', { trackImprovement: false });
    c.do({ type: 'RecordCustomerResponse', actor: sales, accepted: true, via: 'phone' });
    const sys = { userId: 'system' } as const;
    const execution = () =>
      complaintWorkItems(c.s, defaultPolicy).filter((i) => i.stage === 'execution');
    c.do({
      type: 'RequestRepairRegistration',
      actor: sys,
      customer: { name: '王先生', phone: '13800138000' },
    });
    expect(execution()).toEqual([
      expect.objectContaining({
        key: 'repair_registration',
        department: 'cs',
        stage: 'execution',
        commands: ['RegisterRepair'],
      }),
    ]);
    // the child is not started before the entry is written
    expect(() =>
      c.do({ type: 'RecordChildCaseStarted', actor: sys, childCaseNumber: 'WX202603-0001' }),
    ).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    const fields = {
      address: '上海市浦东新区世纪大道 1 号',
      productModel: 'DVR-X1',
      spec: '4K',
      purchaseDate: '2026-02-20',
      purchasePlace: '上海门店',
      serviceKind: 'C' as const,
    };
    expect(() => c.do({ type: 'RegisterRepair', actor: sales, ...fields })).toThrow(
      expect.objectContaining({ code: 'WRONG_DEPARTMENT' }),
    );
    expect(() => c.do({ type: 'RegisterRepair', actor: cs, ...fields, serviceKind: 'D' })).toThrow(
      expect.objectContaining({
        code: 'COMMAND_INVALID',
        details: expect.objectContaining({ field: 'command.serviceKind' }),
      }),
    );
    expect(() => c.do({ type: 'RegisterRepair', actor: cs, ...fields, spec: ' ' })).toThrow(
      expect.objectContaining({ code: 'COMMAND_INVALID', details: { field: 'command.spec' } }),
    );
    expect(() =>
      c.do({ type: 'RegisterRepair', actor: cs, ...fields, purchaseDate: '2026-13-01' }),
    ).toThrow(
      expect.objectContaining({
        code: 'COMMAND_INVALID',
        details: expect.objectContaining({ field: 'command.purchaseDate' }),
      }),
    );
    const [registered] = c.do({ type: 'RegisterRepair', actor: cs, ...fields });
    expect(registered).toMatchObject({
      type: 'RepairRegistered',
      entry: {
        customerName: intake.customerName,
        phone: '13800138000',
        problem: intake.reasons,
        channel: 'complaint',
        ...fields,
      },
      registeredBy: cs,
    });
    expect(execution()).toEqual([]);
    expect(() => c.do({ type: 'RegisterRepair', actor: cs, ...fields })).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
    );
    c.do({ type: 'RecordChildCaseStarted', actor: sys, childCaseNumber: 'WX202603-0001' });
    // the child reports its own outcome: neither a hand-off task nor RecordRepairCompleted
    expect(execution()).toEqual([]);
    expect(() => c.do({ type: RECORD_REPAIR_COMPLETED, actor: cs, outcome: 'repaired' })).toThrow(
      expect.objectContaining({ code: 'COMMAND_INVALID' }),
    );
    c.do({
      type: 'RecordChildCaseCompleted',
      actor: sys,
      childCaseNumber: 'WX202603-0001',
      outcome: 'repaired on site',
    });
    expect(c.s.status).toBe('ready_to_close');
    expect(c.s.execution).toMatchObject({ completed: true, outcome: 'repaired on site' });
  });

  it('C25 001 §25.8: not established → sales collects the receivable; an objection goes to the superior as a petition', () => {
    const c = toCustomer('not_established', '0', { trackImprovement: false });
    c.do({ type: 'RecordCustomerResponse', actor: sales, accepted: true, via: 'letter' });
    c.do({ type: 'FilePetition', actor: sales, reason: 'customer objects to paying' });
    expect(() => c.do({ type: 'RecordReceivableCollected', actor: sales })).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
    );
    expect(() => c.do({ type: 'DecidePetition', actor: cs, decision: 'collect' })).toThrow(
      expect.objectContaining({ code: 'WRONG_DEPARTMENT' }),
    );
    c.do({ type: 'DecidePetition', actor: salesMgr, decision: 'collect' });
    c.do({ type: 'RecordReceivableCollected', actor: sales });
    expect(c.s.status).toBe('ready_to_close');
  });

  it('C28 001 §24.3: improvement tracking holds the case until CS confirms the effect', () => {
    const c = toCustomer('resupply');
    c.do({ type: 'RecordCustomerResponse', actor: sales, accepted: true, via: 'phone' });
    c.do({
      type: 'RecordResupplyShipped',
      actor: { userId: 'wh-1', department: 'warehouse', roles: ['staff'] },
    });
    expect(c.s.status).toBe('improvement_tracking');
    expect(() => c.do({ type: 'CloseComplaint', actor: cs })).toThrow(
      expect.objectContaining({
        code: 'ILLEGAL_TRANSITION',
        details: expect.objectContaining({ acceptedIn: ['ready_to_close'] }),
      }),
    );
    expect(() => c.do({ type: 'ConfirmImprovementEffect', actor: rnd, effect: 'ok' })).toThrow(
      expect.objectContaining({ code: 'WRONG_DEPARTMENT' }),
    );
    c.do({ type: 'ConfirmImprovementEffect', actor: cs, effect: 'no recurrence in batch B2603' });
    expect(c.s.status).toBe('ready_to_close');
  });

  it('C35 003 §四.3: closing hands off to a follow-up call within the policy time (3 working days)', () => {
    const c = toCustomer('apology', '0', { trackImprovement: false });
    c.do({ type: 'RecordCustomerResponse', actor: sales, accepted: true, via: 'phone' });
    const events = c.do({ type: 'CloseComplaint', actor: cs }, t('2026-03-05 11:00'));
    expect(events.map((e) => e.type)).toEqual(['ComplaintClosed', 'FollowUpRequested']);
    expect(events[1]).toMatchObject({
      parentCaseNumber: 'KS202603-0001',
      within: { amount: 3, unit: 'working_days' },
    });
    expect(c.s).toMatchObject({ status: 'closed', closedAt: t('2026-03-05 11:00') });
    expect(() => c.do({ type: 'CloseComplaint', actor: cs })).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
    );
  });

  it('DOMAIN Policy versions: a running case is decided under its pinned version only', () => {
    const c = toProposal();
    const v2 = parsePolicy({ ...defaultPolicy, version: 2 });
    const d = decideComplaint(c.s, proposal('apology'), t('2026-03-03 10:00'), v2);
    expect(d).toMatchObject({
      ok: false,
      error: { code: 'POLICY_VERSION_MISMATCH', details: { pinnedVersion: 1, givenVersion: 2 } },
    });
  });

  it('every step leaves a replayable history: folding the events rebuilds the state', () => {
    const c = toCustomer('discount', '300');
    c.do({ type: 'RecordCustomerResponse', actor: sales, accepted: true, via: 'phone' });
    expect(replayComplaint(c.events)).toEqual(c.state);
    expect(JSON.parse(JSON.stringify(c.events))).toEqual(c.events); // events are plain JSON
  });

  it('commands out of order are ILLEGAL_TRANSITION with the statuses that would accept them', () => {
    const c = new Case();
    expect(() =>
      c.do({ type: 'RegisterComplaint', actor: cs, cause: 'transport', severity: 'general' }),
    ).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    c.do({ type: 'ReportComplaint', actor: sales, caseNumber: 'KS202603-0001', intake });
    expect(() => c.do({ type: 'ApproveResolution', actor: csMgr })).toThrow(
      expect.objectContaining({
        code: 'ILLEGAL_TRANSITION',
        details: expect.objectContaining({
          status: 'awaiting_registration',
          acceptedIn: ['awaiting_approval'],
        }),
      }),
    );
  });
});
