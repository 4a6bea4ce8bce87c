import { localToInstant } from '../calendar/civil-time';
import { defaultPolicy } from '../policy/default-policy';
import type { Actor } from '../shared/org';
import { decideComplaint } from './complaint.decide';
import { evolveComplaint } from './complaint.evolve';
import type { ComplaintCommand, ComplaintState } from './complaint.types';
import { complaintStageOf, complaintWorkItems } from './work-items';

const at = localToInstant('2026-03-02 10:00');
const sales: Actor = { userId: 'sales-1', department: 'sales', roles: ['staff'] };
const cs: Actor = { userId: 'cs-1', department: 'cs', roles: ['staff'] };
const rnd: Actor = { userId: 'rnd-1', department: 'rnd', roles: ['staff'] };
const vp: Actor = { userId: 'vp-1', department: 'gm_office', roles: ['vp'] };
const csMgr: Actor = { userId: 'cs-m', department: 'cs', roles: ['manager'] };

const run = (commands: ComplaintCommand[]): ComplaintState =>
  commands.reduce<ComplaintState | null>((s, c) => {
    const d = decideComplaint(s, c, at, defaultPolicy);
    if (!d.ok) throw d.error;
    return d.events.reduce<ComplaintState | null>(evolveComplaint, s);
  }, null) as ComplaintState;

const report: ComplaintCommand = {
  type: 'ReportComplaint',
  actor: sales,
  caseNumber: 'KS202603-0001',
  intake: {
    customerName: '王先生',
    orderNumber: 'SO-1',
    batchNumber: 'B1',
    shipDate: '2026-02-20',
    defectiveQuantity: 2,
    demand: 'refund',
    reasons: 'flicker',
    channel: 'phone',
    attachments: [],
    salesOpinion: '',
  },
};
const keys = (s: ComplaintState) => complaintWorkItems(s, defaultPolicy).map((i) => i.key);

describe('complaint work items (DOMAIN.md §1: which human tasks a state needs)', () => {
  it('§1 steps 1–2: a new complaint needs CS registration and the 24 h first response by sales', () => {
    const s = run([report]);
    expect(complaintWorkItems(s, defaultPolicy)).toEqual([
      expect.objectContaining({
        key: 'first_response',
        department: 'sales',
        stage: 'firstResponse',
        commands: ['RecordFirstResponse'],
      }),
      expect.objectContaining({
        key: 'cs_registration',
        department: 'cs',
        stage: 'registration',
        commands: ['RegisterComplaint'],
      }),
    ]);
    expect(complaintStageOf(s.status)).toBe('registration');
  });

  it('C08 001 §18: severe → a VP review alongside the investigation; the proposal waits for it', () => {
    const s = run([
      report,
      { type: 'RecordFirstResponse', actor: sales, channel: 'phone', summary: 'called' },
      { type: 'RegisterComplaint', actor: cs, cause: 'product_quality', severity: 'severe' },
    ]);
    expect(complaintWorkItems(s, defaultPolicy).map((i) => [i.key, i.department, i.roles])).toEqual(
      [
        ['severe_review', null, ['vp']],
        ['rnd_investigation', 'rnd', []],
      ],
    );
    const proposing = run([
      report,
      { type: 'RecordFirstResponse', actor: sales, channel: 'phone', summary: 'called' },
      { type: 'RegisterComplaint', actor: cs, cause: 'product_quality', severity: 'severe' },
      {
        type: 'SubmitInvestigationReport',
        actor: rnd,
        report: {
          cause: 'product_quality',
          findings: 'f',
          qualityClaimVerified: true,
          responsibleUnit: 'u',
          responsiblePersons: [],
          correctiveAction: 'c',
          externalParty: null,
        },
      },
      { type: 'ApproveInvestigationReport', actor: vp },
    ]);
    expect(keys(proposing)).toEqual(['severe_review']);
  });

  it('001 §27: awaiting approval → one task for the next step of the route, keyed by revision and step', () => {
    const s = run([
      report,
      { type: 'RegisterComplaint', actor: cs, cause: 'transport', severity: 'general' },
      {
        type: 'SubmitInvestigationReport',
        actor: rnd,
        report: {
          cause: 'transport',
          findings: 'f',
          qualityClaimVerified: false,
          responsibleUnit: 'u',
          responsiblePersons: [],
          correctiveAction: 'c',
          externalParty: null,
        },
      },
      { type: 'ApproveInvestigationReport', actor: vp },
      {
        type: 'ProposeResolution',
        actor: cs,
        responsibleUnit: 'logistics',
        responsiblePersons: [],
        method: 'apology',
        trackImprovement: false,
        humanNegligence: false,
        lossBasis: {
          unitCostFen: 0,
          quantity: 1,
          freightFen: 0,
          handlingFen: 0,
          compensationFen: 0,
        },
        penalties: [],
      },
    ]);
    const approval = complaintWorkItems(s, defaultPolicy).find(
      (i) => i.type === 'resolution_approval',
    );
    expect(approval).toMatchObject({
      key: 'resolution_approval:r1:s0',
      department: 'cs',
      roles: ['manager'],
      stage: 'approval',
    });
    const approved = run([
      report,
      { type: 'RecordFirstResponse', actor: sales, channel: 'phone', summary: 'called' },
      { type: 'RegisterComplaint', actor: cs, cause: 'transport', severity: 'general' },
      {
        type: 'SubmitInvestigationReport',
        actor: rnd,
        report: {
          cause: 'transport',
          findings: 'f',
          qualityClaimVerified: false,
          responsibleUnit: 'u',
          responsiblePersons: [],
          correctiveAction: 'c',
          externalParty: null,
        },
      },
      { type: 'ApproveInvestigationReport', actor: vp },
      {
        type: 'ProposeResolution',
        actor: cs,
        responsibleUnit: 'logistics',
        responsiblePersons: [],
        method: 'apology',
        trackImprovement: false,
        humanNegligence: false,
        lossBasis: {
          unitCostFen: 0,
          quantity: 1,
          freightFen: 0,
          handlingFen: 0,
          compensationFen: 0,
        },
        penalties: [],
      },
      { type: 'ApproveResolution', actor: csMgr },
    ]);
    expect(keys(approved)).toEqual(['customer_response']);
    expect(complaintStageOf(approved.status)).toBe('customerResponse');
  });
});
