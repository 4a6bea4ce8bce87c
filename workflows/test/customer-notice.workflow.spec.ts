import { Worker } from '@temporalio/worker';
import { workflowBundleOptions } from '@aso/temporal';
import { COMPLAINT_PROCESS_FOR_CUSTOMER } from '@aso/domain';
import { firstResponse, register, toExecution } from './support/complaint-steps';
import { type Harness, createHarness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('customer-notice-test');
});
afterAll(async () => {
  await h?.teardown();
});

const noticesOf = (caseNumber: string) =>
  h.recorded.auditOf(caseNumber).filter((a) => a.action === 'customer.notice');

describe('customer notices (C33)', () => {
  test('C33 002 服务流程 3; 003 §四.3: at acceptance the customer is told the process and the expected time (the 6-day closing clock’s due), on the intake channel', async () => {
    const c = await h.startComplaint({ channel: 'email' });
    await firstResponse(c);
    expect(noticesOf(c.caseNumber)).toEqual([]); // nothing accepted yet
    await register(c);
    const [accepted] = noticesOf(c.caseNumber);
    const closingDue = h.recorded
      .auditOf(c.caseNumber)
      .find((a) => a.action === 'closing_clock.started')?.data.dueAt;
    expect(accepted).toMatchObject({
      actor: 'system',
      data: { stage: 'accepted', channel: 'email', expectedBy: closingDue },
    });
    expect(String(accepted!.data.message)).toContain(COMPLAINT_PROCESS_FOR_CUSTOMER);
    expect(typeof closingDue).toBe('string');
  });

  test('C33 000 §三.7: each stage change keeps the customer informed, once per stage; the history replays', async () => {
    const c = await h.startComplaint();
    await toExecution(c, 'discount'); // a certificate to issue: the case stays executing
    expect(noticesOf(c.caseNumber).map((n) => n.data.stage)).toEqual([
      'accepted',
      'investigation_done',
      'decision_ready',
      'executing',
    ]);
    // the audit keys (the webhook event ids) are distinct and stable
    const keys = noticesOf(c.caseNumber).map((n) => n.key);
    expect(new Set(keys).size).toBe(keys.length);
    const history = await c.handle.fetchHistory();
    for await (const replay of Worker.runReplayHistories(workflowBundleOptions(), [
      { workflowId: c.caseNumber, history },
    ]))
      expect(replay.error).toBeUndefined();
  });
});
