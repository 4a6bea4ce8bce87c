import { localToInstant } from '../calendar/civil-time';
import type { DomainError } from '../errors/domain-error';
import { defaultPolicy } from '../policy/default-policy';
import type { Actor } from '../shared/org';
import { decideReview } from './review.decide';
import { evolveReview } from './review.evolve';
import type { ReviewCommand, ReviewEvent, ReviewState, ReviewedComplaint } from './review.types';
import { reviewWorkItems } from './review.work-items';

const gmo: Actor = { userId: 'gmo-01', department: 'gm_office', roles: ['staff'] };
const gm: Actor = { userId: 'gm-01', department: 'gm_office', roles: ['gm'] };
const vp: Actor = { userId: 'vp-01', department: 'gm_office', roles: ['vp'] };
const hr: Actor = { userId: 'hr-01', department: 'hr', roles: ['staff'] };

const complaints: ReviewedComplaint[] = [
  {
    caseNumber: 'KS202609-0001',
    closedAt: '2026-09-10T08:00:00.000Z',
    cause: 'product_quality',
    responsibleUnit: 'rnd',
    responsiblePersons: ['rnd-01'],
    formRevision: 1,
    penalties: [
      { personId: 'rnd-01', kind: 'warning', amountFen: 0 },
      { personId: 'rnd-01', kind: 'bonus_deduction', amountFen: 20_000 },
    ],
  },
  {
    caseNumber: 'KS202609-0002',
    closedAt: '2026-09-20T08:00:00.000Z',
    cause: 'transport',
    responsibleUnit: 'warehouse',
    responsiblePersons: ['wh-01'],
    formRevision: 2,
    penalties: [{ personId: 'wh-01', kind: 'demerit', amountFen: 0 }],
  },
];

let clock = localToInstant('2026-10-01 00:05').getTime();
function run(state: ReviewState | null, cmd: ReviewCommand): ReviewState {
  clock += 60_000;
  const d = decideReview(state, cmd, clock, defaultPolicy);
  if (!d.ok) throw d.error;
  return d.events.reduce<ReviewState | null>((s, e) => evolveReview(s, e), state) as ReviewState;
}
function refused(state: ReviewState, cmd: ReviewCommand): DomainError {
  const d = decideReview(state, cmd, clock, defaultPolicy);
  if (d.ok) throw new Error(`accepted: ${d.events.map((e: ReviewEvent) => e.type).join()}`);
  return d.error;
}
const open = () =>
  run(null, {
    type: 'OpenReview',
    actor: { userId: 'system' },
    caseNumber: 'YS202610-0001',
    month: '2026-09',
    complaints,
  });
const confirm = (s: ReviewState) =>
  run(s, {
    type: 'ConfirmReview',
    actor: gmo,
    administrative: [
      { ref: 'KS202609-0001#0', confirm: true },
      { ref: 'KS202609-0002#0', confirm: false, reason: '已口头警告,撤销记过' },
    ],
    deductions: [{ ref: 'KS202609-0001#1', responsibleUnit: '研发部' }],
  });

describe('monthly review (001 §28)', () => {
  it('M01 001 §28.1: the GM office’s review task, due 18:00 Fri 9 Oct 2026 for September', () => {
    const s = open();
    expect(new Date(s.due).toISOString()).toBe('2026-10-09T10:00:00.000Z');
    expect(reviewWorkItems(s)).toEqual([
      expect.objectContaining({ type: 'monthly_review', department: 'gm_office', stage: 'review' }),
    ]);
  });

  it('M02 001 §28.1: confirmed administrative penalties → 人事公布单 for HR; a dropped one needs a reason', () => {
    const s0 = open();
    expect(
      refused(s0, {
        type: 'ConfirmReview',
        actor: gmo,
        administrative: [{ ref: 'KS202609-0001#0', confirm: true }],
        deductions: [{ ref: 'KS202609-0001#1', responsibleUnit: '研发部' }],
      }).details,
    ).toMatchObject({ field: 'administrative', missing: ['KS202609-0002#0'] });
    expect(
      refused(s0, {
        type: 'ConfirmReview',
        actor: gmo,
        administrative: [
          { ref: 'KS202609-0001#0', confirm: true },
          { ref: 'KS202609-0002#0', confirm: false },
        ],
        deductions: [{ ref: 'KS202609-0001#1', responsibleUnit: '研发部' }],
      }).details,
    ).toMatchObject({ field: 'reason' });
    expect(
      refused(s0, { type: 'ConfirmReview', actor: hr, administrative: [], deductions: [] }).code,
    ).toBe('WRONG_DEPARTMENT');
    const s = confirm(s0);
    expect(s.announcement).toMatchObject({
      docNumber: 'YS202610-0001-P',
      lines: [expect.objectContaining({ ref: 'KS202609-0001#0', kind: 'warning' })],
    });
    expect(reviewWorkItems(s).map((i) => [i.type, i.department])).toEqual([
      ['personnel_announcement', 'hr'],
      ['reward_penalty_notice_approval', null],
    ]);
  });

  it('M03 001 §28.2: deductions need their unit by cause; the 奖罚通知单 is approved by the GM (bonus-deduction-gm), then HR applies it', () => {
    const s0 = open();
    expect(
      refused(s0, {
        type: 'ConfirmReview',
        actor: gmo,
        administrative: [
          { ref: 'KS202609-0001#0', confirm: true },
          { ref: 'KS202609-0002#0', confirm: true },
        ],
        deductions: [],
      }).details,
    ).toMatchObject({ field: 'deductions', missing: ['KS202609-0001#1'] });
    const s1 = confirm(s0);
    expect(s1.notice).toMatchObject({
      docNumber: 'YS202610-0001-N1',
      totalFen: 20_000,
      lines: [expect.objectContaining({ responsibleUnit: '研发部', amountFen: 20_000 })],
    });
    expect(s1.notice?.route.explanation.matchedRow.id).toBe('bonus-deduction-gm');
    expect(s1.notice?.route.steps.map((st) => st.role)).toEqual(['gm']);
    expect(refused(s1, { type: 'ApproveNotice', actor: vp, approve: true }).code).toBe(
      'WRONG_ROLE',
    );
    expect(refused(s1, { type: 'ApplyDeductions', actor: hr, payrollRef: 'PR-1' }).code).toBe(
      'ILLEGAL_TRANSITION',
    );
    const s2 = run(s1, { type: 'ApproveNotice', actor: gm, approve: true });
    expect(s2.notice?.approvedAt).not.toBeNull();
    const s3 = run(s2, { type: 'PublishAnnouncement', actor: hr });
    expect(s3.status).toBe('documents');
    const s4 = run(s3, { type: 'ApplyDeductions', actor: hr, payrollRef: '2026-10 工资表' });
    expect(s4.status).toBe('closed');
    expect(reviewWorkItems(s4)).toEqual([]);
  });

  it('M03 001 §28.2: the GM sends the notice back → the GM office reviews again, a new notice N2', () => {
    const s1 = confirm(open());
    expect(refused(s1, { type: 'ApproveNotice', actor: gm, approve: false }).details).toMatchObject(
      {
        field: 'reason',
      },
    );
    const s2 = run(s1, {
      type: 'ApproveNotice',
      actor: gm,
      approve: false,
      reason: '责任应归仓储部',
    });
    expect(s2).toMatchObject({ status: 'reviewing', round: 2, notice: null });
    const s3 = run(s2, {
      type: 'ConfirmReview',
      actor: gmo,
      administrative: [],
      deductions: [{ ref: 'KS202609-0001#1', responsibleUnit: '仓储部' }],
    });
    expect(s3.notice).toMatchObject({ docNumber: 'YS202610-0001-N2', round: 2 });
    expect(s3.announcement?.docNumber).toBe('YS202610-0001-P');
  });

  it('M01 001 §28.1: a month without penalties closes at the review', () => {
    const s = run(
      run(null, {
        type: 'OpenReview',
        actor: { userId: 'system' },
        caseNumber: 'YS202610-0002',
        month: '2026-09',
        complaints: [],
      }),
      { type: 'ConfirmReview', actor: gmo, administrative: [], deductions: [] },
    );
    expect(s.status).toBe('closed');
  });
});
