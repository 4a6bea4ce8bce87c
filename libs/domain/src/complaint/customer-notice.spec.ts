import { COMPLAINT_PROCESS_FOR_CUSTOMER, customerNoticeFor } from './customer-notice';

describe('customer notices (C33)', () => {
  it('C33 002 服务流程 3; 003 §四.3: at acceptance the customer is told the handling process and the expected time', () => {
    const n = customerNoticeFor(
      'awaiting_registration',
      'investigating',
      'phone',
      '2026-12-08T10:00:00.000Z',
    );
    expect(n).toMatchObject({ stage: 'accepted', channel: 'phone' });
    expect(n?.message).toContain(COMPLAINT_PROCESS_FOR_CUSTOMER);
    expect(n?.message).toContain('2026-12-08 18:00'); // 10:00Z = 18:00 Asia/Shanghai
    expect(COMPLAINT_PROCESS_FOR_CUSTOMER).toContain('调查核实');
  });

  it('C33 000 §三.7: each later stage is told on the complaint’s own channel; internal stages and repeats say nothing', () => {
    expect(customerNoticeFor('investigating', 'report_review', 'email', null)).toBeNull();
    expect(customerNoticeFor('report_review', 'proposing', 'email', null)).toMatchObject({
      stage: 'investigation_done',
      channel: 'email',
    });
    expect(customerNoticeFor('awaiting_approval', 'awaiting_customer', 'store', null)?.stage).toBe(
      'decision_ready',
    );
    expect(customerNoticeFor('awaiting_customer', 'executing', 'online', null)?.stage).toBe(
      'executing',
    );
    expect(customerNoticeFor('ready_to_close', 'closed', 'phone', null)?.stage).toBe('closed');
    expect(customerNoticeFor('executing', 'executing', 'phone', null)).toBeNull();
  });

  it('C33 002 ch.4: a notice never carries the internal form (no amounts, penalties or responsible persons)', () => {
    for (const [from, to] of [
      ['awaiting_registration', 'investigating'],
      ['report_review', 'proposing'],
      ['awaiting_approval', 'awaiting_customer'],
      ['awaiting_customer', 'executing'],
      ['ready_to_close', 'closed'],
    ] as const) {
      const n = customerNoticeFor(from, to, 'phone', null)!;
      expect(Object.keys(n).sort()).toEqual(['channel', 'expectedBy', 'message', 'stage']);
      expect(n.message).not.toMatch(/¥|元|罚|责任/);
    }
  });
});
