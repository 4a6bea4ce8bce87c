import { BusinessCalendar } from '../calendar/business-calendar';
import { formatLocal, localToInstant } from '../calendar/civil-time';
import type { ComplaintIntake } from '../complaint/complaint.types';
import type { DomainError } from '../errors/domain-error';
import { defaultPolicy } from '../policy/default-policy';
import type { Actor } from '../shared/org';
import { decideFollowUp } from './follow-up.decide';
import { evolveFollowUp } from './follow-up.evolve';
import { followUpKpis } from './follow-up.kpi';
import { supervisionLedgerOf } from './follow-up.supervision';
import type { FollowUpCommand, FollowUpEvent, FollowUpState } from './follow-up.types';
import { followUpWorkItems } from './follow-up.work-items';

const cal = new BusinessCalendar(defaultPolicy.calendar);
const t = (local: string): number => localToInstant(local).getTime();
const cs: Actor = { userId: 'cs-1', department: 'cs', roles: ['staff'] };
const sup: Actor = { userId: 'cs-sup-1', department: 'cs', roles: ['supervisor'] };
const sales: Actor = { userId: 'sales-1', department: 'sales', roles: ['staff'] };
const system = { userId: 'system' as const };

class Flow {
  state: FollowUpState | null = null;
  events: FollowUpEvent[] = [];
  run(cmd: FollowUpCommand, at: number): FollowUpEvent[] {
    const d = decideFollowUp(this.state, cmd, at, defaultPolicy, cal);
    if (!d.ok) throw d.error;
    for (const e of d.events) this.state = evolveFollowUp(this.state, e);
    this.events.push(...d.events);
    return d.events;
  }
  refuse(cmd: FollowUpCommand, at: number): DomainError {
    const d = decideFollowUp(this.state, cmd, at, defaultPolicy, cal);
    if (d.ok) throw new Error(`expected a refusal, got ${d.events.map((e) => e.type).join()}`);
    return d.error;
  }
  get s(): FollowUpState {
    if (!this.state) throw new Error('no state');
    return this.state;
  }
}

const afterComplaint = (
  caseNumber = 'HF202609-0001',
  closedAt = t('2026-09-30 10:00'),
  spotCheckDraw?: number,
) => {
  const f = new Flow();
  f.run(
    {
      type: 'OpenFollowUp',
      actor: system,
      caseNumber,
      source: {
        kind: 'case_closed',
        parentCaseNumber: 'KS202609-0007',
        parentCaseType: 'complaint',
        closedAt,
      },
      customer: { name: '李女士', phone: '13900000000' },
      ...(spotCheckDraw === undefined ? {} : { spotCheckDraw }),
    },
    closedAt,
  );
  return f;
};

const allSatisfied = {
  attitude: 'very_satisfied',
  skill: 'satisfied',
  arrival_time: 'satisfied',
  promises_kept: 'very_satisfied',
};
const complaintAnswers = { result: '满意', process: '较快', handler: '态度好' };
const record = (survey: Record<string, string> = allSatisfied): FollowUpCommand => ({
  type: 'RecordCall',
  actor: cs,
  identityConfirmed: true,
  purposeStated: true,
  answers: complaintAnswers,
  survey,
});
const intake: ComplaintIntake = {
  customerName: '李女士',
  orderNumber: 'SO-2026-0912',
  batchNumber: 'B-77',
  shipDate: '2026-09-01',
  defectiveQuantity: 1,
  demand: '重新处理',
  reasons: 'follow-up HF202609-0001: arrival time graded poor',
  channel: 'phone',
  attachments: [],
  salesOpinion: '',
};

describe('follow-up call (DOMAIN.md §5; 004; 001 §17)', () => {
  it('F08 004 五.(三)3: the call is due 3 working days after the close — across National Day, with the 10-10 make-up Saturday', () => {
    // closed Wed 2026-09-30 10:00; 10-01…10-07 off; Thu 10-08, Fri 10-09, Sat 10-10 (调休上班)
    const f = afterComplaint();
    expect(formatLocal(f.s.callDue)).toBe('2026-10-10T10:00+08:00');
    const [task] = followUpWorkItems(f.s);
    expect(task).toMatchObject({
      type: 'follow_up_call',
      department: 'cs',
      commands: ['RecordCall', 'RecordCallAttempt'],
    });
    expect(task?.dueAt).toBe(t('2026-10-10 10:00'));
  });

  it('F09 004 四.(五): a complaint customer is asked about the result, the process and the handler', () => {
    const f = afterComplaint();
    expect(f.s.script.map((q) => q.code)).toEqual(['result', 'process', 'handler']);
    const e = f.refuse(
      { ...record(), answers: { result: '满意' } } as FollowUpCommand,
      t('2026-10-08 10:00'),
    );
    expect(e.code).toBe('COMMAND_INVALID');
    expect(e.details).toMatchObject({ field: 'answers', missingQuestions: ['process', 'handler'] });
  });

  it('F03 004 三.(三): identity confirmed and purpose stated before the record is taken', () => {
    const f = afterComplaint();
    const noId = f.refuse(
      { ...record(), identityConfirmed: false } as FollowUpCommand,
      t('2026-10-08 10:00'),
    );
    expect(noId.details).toMatchObject({ field: 'identityConfirmed' });
    const noPurpose = f.refuse(
      { ...record(), purposeStated: false } as FollowUpCommand,
      t('2026-10-08 10:00'),
    );
    expect(noPurpose.details).toMatchObject({ field: 'purposeStated' });
    expect(f.refuse({ ...record(), actor: sales }, t('2026-10-08 10:00')).code).toBe(
      'WRONG_DEPARTMENT',
    );
  });

  it('F10 001 §17: four items × four grades (非常满意 / 满意 / 一般 / 较差) are scored on the record', () => {
    const f = afterComplaint();
    f.run(record(), t('2026-10-08 10:00'));
    expect(f.s.call?.survey?.items.map((i) => i.item)).toEqual([
      'attitude',
      'skill',
      'arrival_time',
      'promises_kept',
    ]);
    expect(f.s.call?.survey?.total).toBe(14); // 4 + 3 + 3 + 4 of 16
    expect(f.s.call?.survey?.max).toBe(16);
    const bad = afterComplaint().refuse(
      record({ ...allSatisfied, skill: 'great' }),
      t('2026-10-08 10:00'),
    );
    expect(bad.code).toBe('SURVEY_INVALID');
  });

  it('F04 004 三.(四): the store head / CS supervisor reviews the record — not the caller, not plain staff; sent back it is redone', () => {
    const f = afterComplaint();
    f.run(record(), t('2026-10-08 10:00'));
    expect(f.s.status).toBe('under_review');
    const [review] = followUpWorkItems(f.s);
    expect(review).toMatchObject({ type: 'follow_up_review', roles: ['supervisor', 'manager'] });
    // 1 working day to review: Thu 10:00 → Fri 2026-10-09 10:00
    expect(review?.dueAt).toBe(t('2026-10-09 10:00'));
    expect(
      f.refuse({ type: 'ReviewCallRecord', actor: cs, approve: true }, t('2026-10-08 11:00')).code,
    ).toBe('WRONG_ROLE');
    const noComment = f.refuse(
      { type: 'ReviewCallRecord', actor: sup, approve: false },
      t('2026-10-08 11:00'),
    );
    expect(noComment.details).toMatchObject({ field: 'comment' });
    f.run(
      { type: 'ReviewCallRecord', actor: sup, approve: false, comment: '答案不完整' },
      t('2026-10-08 11:00'),
    );
    expect(f.s.status).toBe('calling');
    f.run(record(), t('2026-10-08 14:00'));
    expect(f.s.call?.revision).toBe(2);
    f.run({ type: 'ReviewCallRecord', actor: sup, approve: true }, t('2026-10-08 15:00'));
    expect(f.s).toMatchObject({ status: 'closed', outcome: 'satisfied' });
  });

  it('F11 003 §四.2 / Decision 11: dissatisfied → CS writes the intake of a new complaint linked to the old case; the survey stays on the follow-up', () => {
    const f = afterComplaint();
    f.run(record({ ...allSatisfied, arrival_time: 'poor' }), t('2026-10-08 10:00'));
    f.run({ type: 'ReviewCallRecord', actor: sup, approve: true }, t('2026-10-08 11:00'));
    expect(f.s.status).toBe('awaiting_complaint_intake');
    expect(followUpWorkItems(f.s)[0]).toMatchObject({
      type: 'linked_complaint_intake',
      commands: ['OpenLinkedComplaint'],
      priority: 1,
    });
    // the 001 §25.1 intake fields are required whoever opens it (Decision 1)
    const incomplete = f.refuse(
      { type: 'OpenLinkedComplaint', actor: cs, intake: { ...intake, batchNumber: '' } },
      t('2026-10-08 12:00'),
    );
    expect(incomplete.details).toMatchObject({ field: 'intake.batchNumber' });
    const [requested] = f.run(
      { type: 'OpenLinkedComplaint', actor: cs, intake },
      t('2026-10-08 12:00'),
    );
    expect(requested).toMatchObject({
      type: 'LinkedComplaintRequested',
      parentCaseNumber: 'KS202609-0007',
    });
    expect(followUpWorkItems(f.s)).toEqual([]);
    f.run(
      { type: 'RecordLinkedComplaint', actor: system, complaintNumber: 'KS202610-0003' },
      t('2026-10-08 12:00'),
    );
    expect(f.s).toMatchObject({ status: 'closed', outcome: 'dissatisfied' });
    expect(f.s.linkedComplaint?.caseNumber).toBe('KS202610-0003');
    expect(f.s.call?.survey?.dissatisfiedItems).toEqual(['arrival_time']);
  });

  it('F12 DOMAIN.md §5: unreachable → retried 1 working day later, closed as unreachable after the 3rd attempt', () => {
    const f = afterComplaint();
    f.run({ type: 'RecordCallAttempt', actor: cs, note: '无人接听' }, t('2026-10-09 10:00'));
    // Fri 10:00 + 1 working day = the make-up Saturday 2026-10-10 10:00
    expect(formatLocal(f.s.nextAttemptAt as number)).toBe('2026-10-10T10:00+08:00');
    expect(followUpWorkItems(f.s)[0]).toMatchObject({
      stage: 'retry',
      dueAt: t('2026-10-10 10:00'),
    });
    f.run({ type: 'RecordCallAttempt', actor: cs, note: '关机' }, t('2026-10-10 10:00'));
    expect(f.s.status).toBe('calling');
    const last = f.run(
      { type: 'RecordCallAttempt', actor: cs, note: '空号' },
      t('2026-10-12 10:00'),
    );
    expect(last.map((e) => e.type)).toEqual([
      'CallAttemptFailed',
      'CustomerUnreachable',
      'FollowUpClosed',
    ]);
    expect(f.s).toMatchObject({ status: 'closed', outcome: 'unreachable' });
    expect(f.s.attempts).toHaveLength(3);
  });

  it('F16 X14 004 七.(二), 003 §五.1: every 10th record is re-checked by CS supervision, never by the caller', () => {
    const f = afterComplaint('HF202609-0010');
    f.run(record(), t('2026-10-08 10:00'));
    f.run({ type: 'ReviewCallRecord', actor: sup, approve: true }, t('2026-10-08 11:00'));
    expect(f.s.status).toBe('spot_check');
    expect(followUpWorkItems(f.s)[0]).toMatchObject({
      type: 'follow_up_spot_check',
      commands: ['RecordSpotCheck'],
    });
    const self = f.refuse(
      { type: 'RecordSpotCheck', actor: { ...sup, userId: 'cs-1' }, consistent: true },
      t('2026-10-08 12:00'),
    );
    expect(self.code).toBe('SELF_APPROVAL');
    f.run(
      { type: 'RecordSpotCheck', actor: sup, consistent: true, note: '回拨核实一致' },
      t('2026-10-08 12:00'),
    );
    expect(f.s).toMatchObject({ status: 'closed', outcome: 'satisfied' });
    expect(afterComplaint('HF202609-0011').s.spotCheck.sampled).toBe(false);
  });

  it('F16 004 七.(二), 八.(二): the record is drawn at random — a draw under the rate of 0.1 (one in ten, ours) is drawn whatever its number, 0.1 and over is not; the draw is kept on the record', () => {
    expect(defaultPolicy.followUp.spotCheck).toMatchObject({ rate: 0.1, source: 'default' });
    const drawn = afterComplaint('HF202609-0011', t('2026-09-30 10:00'), 0.0999);
    expect(drawn.s.spotCheck).toEqual({ sampled: true, draw: 0.0999, result: null });
    expect(drawn.events[0]).toMatchObject({ sampledForSpotCheck: true, spotCheckDraw: 0.0999 });
    expect(afterComplaint('HF202609-0010', t('2026-09-30 10:00'), 0.1).s.spotCheck).toEqual({
      sampled: false,
      draw: 0.1,
      result: null,
    });
    expect(afterComplaint('HF202609-0012', t('2026-09-30 10:00'), 0).s.spotCheck.sampled).toBe(
      true,
    );
    // a history recorded before the random draw keeps its rule: every 10th by case number
    expect(afterComplaint('HF202609-0010').s.spotCheck).toEqual({ sampled: true, result: null });
  });

  it('F16 004 七.(二), 八.(二): the supervision ledger lists each spot check — record, caller, checker, when, result, the problems found and how they were handled; records not drawn are not listed', () => {
    const ok = afterComplaint('HF202609-0021', t('2026-09-30 10:00'), 0.05);
    ok.run(record(), t('2026-10-08 10:00'));
    ok.run({ type: 'ReviewCallRecord', actor: sup, approve: true }, t('2026-10-08 11:00'));
    ok.run(
      { type: 'RecordSpotCheck', actor: sup, consistent: true, note: '回拨核实一致' },
      t('2026-10-08 12:00'),
    );
    const bad = afterComplaint('HF202609-0022', t('2026-09-30 10:00'), 0.02);
    bad.run(record(), t('2026-10-08 10:00'));
    bad.run(
      {
        type: 'ReviewCallRecord',
        actor: sup,
        approve: true,
        problems: [
          {
            category: 'service',
            description: '安装师傅迟到',
            department: 'tech',
            ownerId: 'as-1',
            deadline: new Date(t('2026-10-12 18:00')).toISOString(),
          },
        ],
      },
      t('2026-10-08 11:00'),
    );
    const pending = afterComplaint('HF202609-0023', t('2026-09-30 10:00'), 0.09);
    const notDrawn = afterComplaint('HF202609-0024', t('2026-09-30 10:00'), 0.5);
    const ledger = supervisionLedgerOf([pending.s, notDrawn.s, bad.s, ok.s]);
    expect(ledger.map((l) => [l.caseNumber, l.result])).toEqual([
      ['HF202609-0021', 'consistent'],
      ['HF202609-0022', 'pending'],
      ['HF202609-0023', 'pending'],
    ]);
    expect(ledger[0]).toEqual({
      caseNumber: 'HF202609-0021',
      customer: '李女士',
      caller: 'cs-1',
      calledAt: t('2026-10-08 10:00'),
      draw: 0.05,
      checker: 'cs-sup-1',
      checkedAt: t('2026-10-08 12:00'),
      result: 'consistent',
      note: '回拨核实一致',
      problems: [],
    });
    expect(ledger[1]!.problems).toEqual([
      {
        source: 'review',
        description: 'service: 安装师傅迟到',
        department: 'tech',
        ownerId: 'as-1',
        handling: null,
        handledAt: null,
      },
    ]);
  });

  it('F06 004 五.(一): a plan call (new customer) asks the plan script, the service survey is optional', () => {
    const f = new Flow();
    f.run(
      {
        type: 'OpenFollowUp',
        actor: system,
        caseNumber: 'HF202610-0002',
        source: { kind: 'plan', plan: 'new_customer', planRef: 'SO-1' },
        customer: { name: '王先生', phone: null },
      },
      t('2026-10-12 09:00'),
    );
    expect(f.s.script.map((q) => q.code)).toEqual(['usage', 'needs']);
    // the call stage: 3 working days from Mon 09:00 = the end of Wed 2026-10-14
    expect(f.s.callDue).toBe(t('2026-10-14 18:00'));
    f.run(
      {
        type: 'RecordCall',
        actor: cs,
        identityConfirmed: true,
        purposeStated: true,
        answers: { usage: '正常', needs: '无' },
      },
      t('2026-10-13 10:00'),
    );
    expect(f.s.call?.survey).toBeNull();
  });

  it('F15 004 七.(一): completion rate, record quality rate and the satisfaction distribution', () => {
    const ok = afterComplaint('HF202609-0001');
    ok.run(record(), t('2026-10-08 10:00'));
    ok.run({ type: 'ReviewCallRecord', actor: sup, approve: true }, t('2026-10-08 11:00'));
    const redo = afterComplaint('HF202609-0002');
    redo.run(record(), t('2026-10-08 10:00'));
    redo.run(
      { type: 'ReviewCallRecord', actor: sup, approve: false, comment: 'redo' },
      t('2026-10-08 11:00'),
    );
    const gone = afterComplaint('HF202609-0003');
    for (const at of ['2026-10-08 10:00', '2026-10-09 10:00', '2026-10-10 10:00'])
      gone.run({ type: 'RecordCallAttempt', actor: cs, note: '-' }, t(at));
    const k = followUpKpis([ok.s, redo.s, gone.s]);
    expect(k).toMatchObject({
      cases: 3,
      closed: 2,
      unreachable: 1,
      completionRate: 0.5,
      recordQualityRate: 0.5,
    });
    expect(k.satisfaction).toEqual({ very_satisfied: 4, satisfied: 4 });
  });
});
