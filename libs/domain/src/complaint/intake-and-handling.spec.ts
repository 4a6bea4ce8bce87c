import { BusinessCalendar } from '../calendar/business-calendar';
import { formatLocal, localToInstant } from '../calendar/civil-time';
import { computeStageDeadline } from '../deadline/stage-deadline';
import { defaultPolicy } from '../policy/default-policy';
import type { Actor } from '../shared/org';
import { decideComplaint } from './complaint.decide';
import { evolveComplaint } from './complaint.evolve';
import type { ComplaintCommand, ComplaintState } from './complaint.types';
import { complaintWorkItems } from './work-items';

// Rules of SEED_RULES.md whose behaviour the complaint decider had but no test named:
// who investigates and with what (C13), who drafts the handling (C15), who relays the result and
// by when (C40), and the intake channels (X07).
const t = (s: string) => localToInstant(s).getTime();
const sales: Actor = { userId: 'sales-1', department: 'sales', roles: ['staff'] };
const cs: Actor = { userId: 'cs-1', department: 'cs', roles: ['staff'] };
const csMgr: Actor = { userId: 'cs-m', department: 'cs', roles: ['manager'] };
const rnd: Actor = { userId: 'rnd-1', department: 'rnd', roles: ['staff'] };
const vp: Actor = { userId: 'vp-1', department: 'gm_office', roles: ['vp'] };

const intake = {
  customerName: '王先生',
  orderNumber: 'SO-2026-0042',
  batchNumber: 'B2602',
  shipDate: '2026-02-20',
  defectiveQuantity: 3,
  demand: 'refund',
  reasons: 'screen flickers',
  channel: 'phone' as const,
  attachments: [],
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
const proposal = (actor: Actor) =>
  ({
    type: 'ProposeResolution',
    actor,
    responsibleUnit: 'production',
    responsiblePersons: ['p-7'],
    method: 'apology',
    trackImprovement: true,
    humanNegligence: false,
    lossBasis: { unitCostFen: 0, quantity: 1, freightFen: 0, handlingFen: 0, compensationFen: 0 },
    penalties: [],
  }) as ComplaintCommand;

class Case {
  state: ComplaintState | null = null;
  do(command: ComplaintCommand, at = t('2026-03-02 10:00')) {
    const d = decideComplaint(this.state, command, at, defaultPolicy);
    if (!d.ok) throw d.error;
    for (const e of d.events) this.state = evolveComplaint(this.state, e);
    return d.events;
  }
  refused(command: ComplaintCommand) {
    const d = decideComplaint(this.state, command, t('2026-03-02 10:00'), defaultPolicy);
    if (d.ok) throw new Error(`${command.type} was accepted`);
    return d.error;
  }
  get s(): ComplaintState {
    if (!this.state) throw new Error('no case');
    return this.state;
  }
}
const investigating = () => {
  const c = new Case();
  c.do({ type: 'ReportComplaint', actor: sales, caseNumber: 'KS202603-0001', intake });
  c.do({ type: 'RegisterComplaint', actor: cs, cause: 'product_quality', severity: 'general' });
  return c;
};

describe('complaint handling roles and intake (SEED_RULES C13, C15, C40, X07)', () => {
  it('C13 001 §24.2, §25.2: R&D (or CS with it) reports cause, quality verification, responsible persons and corrective action; sales may not; a blank corrective action is refused naming it', () => {
    const c = investigating();
    expect(c.refused({ type: 'SubmitInvestigationReport', actor: sales, report }).code).toBe(
      'WRONG_DEPARTMENT',
    );
    const blank = c.refused({
      type: 'SubmitInvestigationReport',
      actor: rnd,
      report: { ...report, correctiveAction: ' ' },
    });
    expect(blank).toMatchObject({
      code: 'COMMAND_INVALID',
      details: { field: 'report.correctiveAction' },
    });
    c.do({ type: 'SubmitInvestigationReport', actor: rnd, report });
    expect(c.s.investigation).toMatchObject({
      cause: 'product_quality',
      qualityClaimVerified: true,
      responsiblePersons: ['p-7'],
      correctiveAction: 'rework solder profile',
    });
    // jointly with CS when needed (001 §25.2): CS may submit the report too
    const joint = investigating();
    joint.do({ type: 'SubmitInvestigationReport', actor: cs, report });
    expect(joint.s.status).toBe('report_review');
  });

  it('C15 001 §24.3(4), §25.4: CS drafts the handling method, the responsibility and whether improvement is tracked; R&D and sales may not', () => {
    const c = investigating();
    c.do({ type: 'SubmitInvestigationReport', actor: rnd, report });
    c.do({ type: 'ApproveInvestigationReport', actor: vp });
    expect(c.refused(proposal(rnd)).code).toBe('WRONG_DEPARTMENT');
    expect(c.refused(proposal(sales)).code).toBe('WRONG_DEPARTMENT');
    c.do(proposal(cs));
    expect(c.s.revisions[0]).toMatchObject({
      proposedBy: 'cs-1',
      method: 'apology',
      responsibleUnit: 'production',
      responsiblePersons: ['p-7'],
      trackImprovement: true,
    });
  });

  it('C40 001 §24.1(4): sales relays the approved result — the customer_response task is sales’s, due 2 working days after approval (Fri 2026-03-06 10:00 → Tue 03-10 10:00)', () => {
    const c = investigating();
    c.do({ type: 'SubmitInvestigationReport', actor: rnd, report });
    c.do({ type: 'ApproveInvestigationReport', actor: vp });
    c.do(proposal(cs));
    c.do({ type: 'ApproveResolution', actor: csMgr }, t('2026-03-06 10:00'));
    const relay = complaintWorkItems(c.s, defaultPolicy).find(
      (w) => w.type === 'customer_response',
    );
    expect(relay).toMatchObject({ department: 'sales', stage: 'customerResponse' });
    const due = computeStageDeadline(
      defaultPolicy,
      new BusinessCalendar(defaultPolicy.calendar),
      'complaint',
      'customerResponse',
      t('2026-03-06 10:00'),
    );
    expect(formatLocal(due.due.getTime())).toBe('2026-03-10T10:00+08:00');
    expect(
      c.refused({ type: 'RecordCustomerResponse', actor: cs, accepted: true, via: 'phone' }),
    ).toMatchObject({ code: 'WRONG_DEPARTMENT' });
  });

  it('X07 003 §四.1: a complaint comes in by phone, email, online or at the store; another channel is refused naming intake.channel', () => {
    for (const channel of ['phone', 'email', 'online', 'store'] as const) {
      const c = new Case();
      c.do({
        type: 'ReportComplaint',
        actor: sales,
        caseNumber: 'KS202603-0001',
        intake: { ...intake, channel },
      });
      expect(c.s.intake.channel).toBe(channel);
    }
    const fax = new Case().refused({
      type: 'ReportComplaint',
      actor: sales,
      caseNumber: 'KS202603-0001',
      intake: { ...intake, channel: 'fax' as 'phone' },
    });
    expect(fax).toMatchObject({ code: 'COMMAND_INVALID', details: { field: 'intake.channel' } });
  });
});
