import { BusinessCalendar } from '../calendar/business-calendar';
import { formatLocal, localToInstant } from '../calendar/civil-time';
import type { ComplaintIntake } from '../complaint/complaint.types';
import type { DomainError } from '../errors/domain-error';
import { decideFollowUp } from '../follow-up/follow-up.decide';
import { evolveFollowUp } from '../follow-up/follow-up.evolve';
import type { FollowUpCommand, FollowUpState } from '../follow-up/follow-up.types';
import { defaultPolicy } from '../policy/default-policy';
import type { Actor } from '../shared/org';
import { followUpAnalysisOf } from './follow-up-analysis';
import { decideImprovement, improvementDueOf } from './improvement.decide';
import { evolveImprovement } from './improvement.evolve';
import type { ImprovementCommand, ImprovementState } from './improvement.types';
import { improvementWorkItems } from './improvement.work-items';

const cal = new BusinessCalendar(defaultPolicy.calendar);
const t = (local: string): number => localToInstant(local).getTime();
const cs: Actor = { userId: 'cs-1', department: 'cs', roles: ['staff'] };
const sup: Actor = { userId: 'cs-sup-1', department: 'cs', roles: ['supervisor'] };
const csManager: Actor = { userId: 'cs-mgr-1', department: 'cs', roles: ['manager'] };
const warehouse: Actor = { userId: 'wh-1', department: 'warehouse', roles: ['staff'] };
const system = { userId: 'system' as const };

/** A follow-up's state, folded from the domain's own decisions (as the API folds the audit). */
function followUp(caseNumber: string, openedAt: number, steps: Array<[FollowUpCommand, number]>) {
  let s: FollowUpState | null = null;
  const run = (cmd: FollowUpCommand, at: number) => {
    const d = decideFollowUp(s, cmd, at, defaultPolicy, cal);
    if (!d.ok) throw d.error;
    for (const e of d.events) s = evolveFollowUp(s, e);
  };
  run(
    {
      type: 'OpenFollowUp',
      actor: system,
      caseNumber,
      source: {
        kind: 'case_closed',
        parentCaseNumber: `KS${caseNumber.slice(2)}`,
        parentCaseType: 'complaint',
        closedAt: openedAt,
      },
      customer: { name: '李女士', phone: null },
    },
    openedAt,
  );
  for (const [cmd, at] of steps) run(cmd, at);
  return s as unknown as FollowUpState;
}
const call = (survey: Record<string, string>): FollowUpCommand => ({
  type: 'RecordCall',
  actor: cs,
  identityConfirmed: true,
  purposeStated: true,
  answers: { result: '满意', process: '一般', handler: '态度一般' },
  survey,
});
const intake: ComplaintIntake = {
  customerName: '李女士',
  orderNumber: 'SO-2026-1101',
  batchNumber: 'B-11',
  shipDate: '2026-10-20',
  defectiveQuantity: 1,
  demand: '重新处理',
  reasons: 'follow-up HF202611-0001: attitude graded poor',
  channel: 'phone',
  attachments: [],
  salesOpinion: '',
};

describe('F17 003 §四.4 follow-up analysis report and improvement measures', () => {
  it('F17 003 §四.4: "对回访和满意度调查收集到的信息进行整理分析…形成详细的分析报告" — November 2026: 4 calls opened, 6 dialled, 2 reached, 1 unreachable after 3 tries, 1 still calling; attitude below satisfied on 2 of 2 surveys, promises kept on 1 of 2; the problem sent to warehouse; the complaint the poor attitude opened', () => {
    const states = [
      // reached; attitude 较差 → dissatisfied → linked complaint KS202611-0042
      followUp('HF202611-0001', t('2026-11-02 10:00'), [
        [
          call({
            attitude: 'poor',
            skill: 'satisfied',
            arrival_time: 'very_satisfied',
            promises_kept: 'average',
          }),
          t('2026-11-03 10:00'),
        ],
        [{ type: 'ReviewCallRecord', actor: sup, approve: true }, t('2026-11-03 15:00')],
        [{ type: 'OpenLinkedComplaint', actor: cs, intake }, t('2026-11-04 09:30')],
        [
          { type: 'RecordLinkedComplaint', actor: system, complaintNumber: 'KS202611-0042' },
          t('2026-11-04 09:31'),
        ],
      ]),
      // reached after one failed try; attitude 一般; a delivery problem sent to the warehouse
      followUp('HF202611-0002', t('2026-11-10 10:00'), [
        [{ type: 'RecordCallAttempt', actor: cs, note: '无人接听' }, t('2026-11-11 10:00')],
        [
          call({
            attitude: 'average',
            skill: 'very_satisfied',
            arrival_time: 'satisfied',
            promises_kept: 'satisfied',
          }),
          t('2026-11-12 10:00'),
        ],
        [
          {
            type: 'ReviewCallRecord',
            actor: sup,
            approve: true,
            problems: [
              {
                category: '配送',
                description: '送货迟到两天',
                department: 'warehouse',
                ownerId: 'wh-1',
                deadline: '2026-11-17T10:00:00.000Z',
              },
            ],
          },
          t('2026-11-12 15:00'),
        ],
      ]),
      // three failed tries: unreachable (004 五.(三)3)
      followUp('HF202611-0003', t('2026-11-16 10:00'), [
        [{ type: 'RecordCallAttempt', actor: cs, note: '无人接听' }, t('2026-11-17 10:00')],
        [{ type: 'RecordCallAttempt', actor: cs, note: '关机' }, t('2026-11-18 10:00')],
        [{ type: 'RecordCallAttempt', actor: cs, note: '空号' }, t('2026-11-19 10:00')],
      ]),
      // opened 30 Nov 23:00 in Shanghai (15:00 UTC): November's, not yet called
      followUp('HF202611-0004', t('2026-11-30 23:00'), []),
      // opened 1 Dec 00:30 in Shanghai (30 Nov 16:30 UTC): December's, not in the report
      followUp('HF202612-0001', t('2026-12-01 00:30'), [
        [
          call({
            attitude: 'poor',
            skill: 'poor',
            arrival_time: 'poor',
            promises_kept: 'poor',
          }),
          t('2026-12-01 10:00'),
        ],
      ]),
    ];
    const a = followUpAnalysisOf('2026-11', states, defaultPolicy.survey, 480);
    expect(a.calls).toEqual({
      cases: 4,
      attempts: 6,
      reached: 2,
      unreachable: 1,
      pending: 1,
      reachRate: 2 / 3,
      bySource: { complaint: 4 },
    });
    expect(a.satisfaction).toMatchObject({
      surveyed: 2,
      grades: { poor: 1, average: 2, satisfied: 3, very_satisfied: 2 },
      // (1 + 3 + 4 + 2) + (2 + 4 + 3 + 3) = 22 of 32
      scoreRate: 22 / 32,
      dissatisfiedCalls: 1,
    });
    expect(a.satisfaction.items.find((i) => i.item === 'attitude')).toEqual({
      item: 'attitude',
      answered: 2,
      grades: { poor: 1, average: 1 },
      belowSatisfied: 2,
      belowSatisfiedRate: 1,
      followUps: ['HF202611-0001', 'HF202611-0002'],
    });
    expect(a.shortfalls).toEqual([
      { item: 'attitude', belowSatisfied: 2, answered: 2, rate: 1 },
      { item: 'promises_kept', belowSatisfied: 1, answered: 2, rate: 0.5 },
    ]);
    expect(a.problems).toEqual({
      total: 1,
      open: 1,
      resolved: 0,
      byCategory: [{ category: '配送', count: 1, open: 1 }],
      byDepartment: [{ department: 'warehouse', count: 1, open: 1 }],
    });
    expect(a.complaints).toEqual([
      {
        followUpNumber: 'HF202611-0001',
        complaintNumber: 'KS202611-0042',
        followedCaseNumber: 'KS202611-0001',
      },
    ]);
    // an empty month: nothing to divide by
    const none = followUpAnalysisOf('2026-10', states, defaultPolicy.survey, 480);
    expect(none.calls.reachRate).toBeNull();
    expect(none.satisfaction.scoreRate).toBeNull();
    expect(none.shortfalls).toEqual([]);
  });

  describe('improvement measures', () => {
    class Measure {
      state: ImprovementState | null = null;
      run(cmd: ImprovementCommand, at: number) {
        const d = decideImprovement(this.state, cmd, at, defaultPolicy, cal);
        if (!d.ok) throw d.error;
        for (const e of d.events) this.state = evolveImprovement(this.state, e);
        return d.events;
      }
      refuse(cmd: ImprovementCommand, at: number): DomainError {
        const d = decideImprovement(this.state, cmd, at, defaultPolicy, cal);
        if (d.ok) throw new Error(`expected a refusal, got ${d.events.map((e) => e.type).join()}`);
        return d.error;
      }
      get s(): ImprovementState {
        if (!this.state) throw new Error('no state');
        return this.state;
      }
    }
    const open = (over: Partial<Extract<ImprovementCommand, { type: 'OpenImprovement' }>> = {}) =>
      ({
        type: 'OpenImprovement',
        actor: csManager,
        caseNumber: 'GJ202612-0001',
        source: {
          analysisMonth: '2026-11',
          finding: 'attitude: 2 of 2 surveys below satisfied',
          followUps: ['HF202611-0001', 'HF202611-0002'],
        },
        measure: '客服话术与服务态度培训',
        goal: '12月回访"态度"一般及较差为 0',
        department: 'warehouse',
        ownerId: 'wh-1',
        dueDate: '2026-12-13',
        ...over,
      }) as ImprovementCommand;

    it('F17 003 §四.4: "明确改进目标、责任人及完成时间" — a CS manager sets the measure with its goal, owner (warehouse, wh-1) and date; due 2026-12-13 (a Sunday) is 18:00 Fri 11 Dec 2026, the owner’s task; 2026-10-03 (National Day) is 18:00 Wed 30 Sep 2026', () => {
      const m = new Measure();
      // only CS's manager sets a measure
      expect(m.refuse({ ...open(), actor: cs }, t('2026-12-02 10:00')).code).toBe('WRONG_ROLE');
      expect(m.refuse({ ...open(), actor: warehouse }, t('2026-12-02 10:00')).code).toBe(
        'WRONG_DEPARTMENT',
      );
      expect(m.refuse(open({ goal: ' ' }), t('2026-12-02 10:00')).details).toMatchObject({
        field: 'goal',
      });
      // a date already past (its last working day's 18:00)
      expect(
        m.refuse(open({ dueDate: '2026-12-01' }), t('2026-12-02 10:00')).details,
      ).toMatchObject({ field: 'dueDate' });
      m.run(open(), t('2026-12-02 10:00'));
      expect(m.s).toMatchObject({
        status: 'in_progress',
        goal: '12月回访"态度"一般及较差为 0',
        department: 'warehouse',
        ownerId: 'wh-1',
      });
      expect(formatLocal(m.s.rounds[0]!.due)).toBe('2026-12-11T18:00+08:00');
      expect(improvementWorkItems(m.s)).toEqual([
        expect.objectContaining({
          type: 'improvement_measure',
          stage: 'measure',
          department: 'warehouse',
          commands: ['RecordImprovementResult'],
        }),
      ]);
      // a date in the National Day holiday (1–7 Oct 2026) is due on the working day before it
      const national = improvementDueOf('2026-10-03', defaultPolicy, cal);
      expect([formatLocal(national.due), national.provisional]).toEqual([
        '2026-09-30T18:00+08:00',
        false,
      ]);
      // a year without holiday data gives a provisional instant
      expect(improvementDueOf('2031-01-06', defaultPolicy, cal).provisional).toBe(true);
    });

    it('F17 003 §四.4: "对改进措施的实施效果进行跟踪评估" — the owner records the result, the CS manager finds it not yet effective and sends it back with 2026-12-25 (18:00 Fri 25 Dec), then closes it effective', () => {
      const m = new Measure();
      m.run(open(), t('2026-12-02 10:00'));
      m.run(
        { type: 'RecordImprovementResult', actor: warehouse, result: '已培训 12 人' },
        t('2026-12-10 16:00'),
      );
      expect(m.s.status).toBe('verifying');
      expect(improvementWorkItems(m.s)).toEqual([
        expect.objectContaining({
          type: 'improvement_check',
          stage: 'check',
          department: 'cs',
          roles: ['manager'],
          commands: ['CheckImprovement'],
        }),
      ]);
      // not effective needs a new date and why
      expect(
        m.refuse(
          { type: 'CheckImprovement', actor: csManager, effective: false, note: '仍有投诉' },
          t('2026-12-11 10:00'),
        ).details,
      ).toMatchObject({ field: 'newDueDate' });
      expect(
        m.refuse({ type: 'CheckImprovement', actor: cs, effective: true }, t('2026-12-11 10:00'))
          .code,
      ).toBe('WRONG_ROLE');
      m.run(
        {
          type: 'CheckImprovement',
          actor: csManager,
          effective: false,
          note: '仍有投诉',
          newDueDate: '2026-12-25',
        },
        t('2026-12-11 10:00'),
      );
      expect(m.s.status).toBe('in_progress');
      expect(m.s.rounds.map((r) => formatLocal(r.due))).toEqual([
        '2026-12-11T18:00+08:00',
        '2026-12-25T18:00+08:00',
      ]);
      expect(improvementWorkItems(m.s)[0]?.key).toBe('improvement_measure:2');
      m.run(
        { type: 'RecordImprovementResult', actor: warehouse, result: '复训并考核' },
        t('2026-12-22 10:00'),
      );
      m.run(
        { type: 'CheckImprovement', actor: csManager, effective: true, note: '目标达成' },
        t('2026-12-23 10:00'),
      );
      expect(m.s).toMatchObject({ status: 'closed', outcome: 'effective' });
      expect(m.s.closedAt).toBe(t('2026-12-23 10:00'));
      expect(improvementWorkItems(m.s)).toEqual([]);
    });
  });
});
