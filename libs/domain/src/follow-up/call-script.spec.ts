import { BusinessCalendar } from '../calendar/business-calendar';
import { localToInstant } from '../calendar/civil-time';
import type { DomainError } from '../errors/domain-error';
import { defaultPolicy } from '../policy/default-policy';
import type { Actor } from '../shared/org';
import { decideFollowUp } from './follow-up.decide';
import { evolveFollowUp } from './follow-up.evolve';
import type { FollowUpCommand, FollowUpState } from './follow-up.types';

// F14 004 六 回访话术规范: the standard opening and closing around the script's questions.
const cal = new BusinessCalendar(defaultPolicy.calendar);
const at = localToInstant('2026-09-30 10:00').getTime();
const cs: Actor = { userId: 'cs-1', department: 'cs', roles: ['staff'] };

function opened(withCallScript: boolean | undefined): FollowUpState {
  const d = decideFollowUp(
    null,
    {
      type: 'OpenFollowUp',
      actor: { userId: 'system' },
      caseNumber: 'HF202609-0001',
      source: {
        kind: 'case_closed',
        parentCaseNumber: 'KS202609-0007',
        parentCaseType: 'complaint',
        closedAt: at,
      },
      customer: { name: '王五', phone: '13900000000' },
      ...(withCallScript === undefined ? {} : { withCallScript }),
    },
    at,
    defaultPolicy,
    cal,
  );
  if (!d.ok) throw d.error;
  return d.events.reduce<FollowUpState | null>(evolveFollowUp, null)!;
}
const call = (extra: Partial<Extract<FollowUpCommand, { type: 'RecordCall' }>> = {}) =>
  ({
    type: 'RecordCall',
    actor: cs,
    identityConfirmed: true,
    purposeStated: true,
    answers: { result: '满意', process: '较快', handler: '态度好' },
    survey: {
      attitude: 'satisfied',
      skill: 'satisfied',
      arrival_time: 'satisfied',
      promises_kept: 'satisfied',
    },
    ...extra,
  }) as FollowUpCommand;
const decide = (s: FollowUpState, c: FollowUpCommand) =>
  decideFollowUp(s, c, at, defaultPolicy, cal);

describe('F14 004 六: the follow-up call script', () => {
  it('F14 004 六: the call carries the standard opening (the customer’s name in it), the questions and the closing', () => {
    const s = opened(true);
    expect(s.callScript?.opening).toBe(
      '您好,请问是王五先生/女士吗?我是本公司门店的客服,打扰您一下,想跟您沟通了解一些情况,不会占用您太多时间的。',
    );
    expect(s.callScript?.closing).toMatch(/^感谢您抽出时间接听我的电话。/);
    expect(s.callScript?.closing).toContain('欢迎随时拨打我们的客服电话');
    expect(s.script.map((q) => q.code)).toEqual(['result', 'process', 'handler']);
  });

  it('F14 004 六.(五): a call without the closing is refused naming closingSaid; with it the record confirms opening, questions and closing', () => {
    const s = opened(true);
    const refused = decide(s, call());
    expect(refused.ok).toBe(false);
    expect((refused as { error: DomainError }).error).toMatchObject({
      code: 'COMMAND_INVALID',
      details: expect.objectContaining({ field: 'closingSaid' }),
    });
    const d = decide(s, call({ closingSaid: true }));
    if (!d.ok) throw d.error;
    expect(d.events[0]).toMatchObject({
      type: 'CallRecorded',
      record: {
        identityConfirmed: true,
        purposeStated: true,
        closingSaid: true,
        answers: [
          expect.objectContaining({ question: 'result', answer: '满意' }),
          expect.objectContaining({ question: 'process' }),
          expect.objectContaining({ question: 'handler' }),
        ],
      },
    });
  });

  it('F14 004 六: a follow-up whose history predates the script (opened without it) records calls as before', () => {
    const s = opened(undefined);
    expect(s.callScript).toBeNull();
    const d = decide(s, call());
    if (!d.ok) throw d.error;
    expect(d.events[0]?.type).toBe('CallRecorded');
    expect((d.events[0] as { record: object }).record).not.toHaveProperty('closingSaid');
  });
});
