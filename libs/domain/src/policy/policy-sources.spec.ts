import { policyV2 } from './default-policy';

// DOMAIN.md Decision 12: where the seeds leave a blank we fill it, and the policy says so
// (`source: default`, for the company to confirm); what a seed states is `source: seed`.
describe('policy v2 marks where each value comes from (DOMAIN.md Decision 12)', () => {
  it('Decision 12: the blanks v2 fills are source default — execution 5 working days, improvement 30 days, owner assignment 1 working day, supplier coordination 5 working days, no customer pause, close 1 working day after execution', () => {
    const d = policyV2.deadlines.complaint;
    expect(d.execution).toMatchObject({ amount: 5, unit: 'working_days', source: 'default' });
    expect(d.improvement).toMatchObject({ amount: 30, unit: 'calendar_days', source: 'default' });
    expect(d.ownerAssignment).toMatchObject({ amount: 1, unit: 'working_days', source: 'default' });
    expect(d.supplierCoordination).toMatchObject({
      amount: 5,
      unit: 'working_days',
      source: 'default',
    });
    const decisions = policyV2.complaint.decisions!;
    expect(decisions.closeClock.pauseWhileWaitingForCustomer).toMatchObject({
      value: false,
      source: 'default',
    });
    expect(decisions.closeTaskWithin).toMatchObject({
      value: { amount: 1, unit: 'working_days' },
      source: 'default',
    });
  });

  it('Decision 12: what the seeds state is source seed — 6 days to close (001 §26.1), the 24 h first response and the 48 h store result (000 §三.6), the letter of a severe decision (001 §18)', () => {
    const d = policyV2.deadlines.complaint;
    expect(d.close).toMatchObject({ amount: 6, unit: 'calendar_days', source: 'seed' });
    expect(d.firstResponse).toMatchObject({ amount: 24, unit: 'calendar_hours', source: 'seed' });
    expect(d.storeResult).toMatchObject({ amount: 48, unit: 'calendar_hours', source: 'seed' });
    expect(policyV2.complaint.decisions!.severeDecisionByLetter).toMatchObject({
      value: true,
      source: 'seed',
    });
  });
});
