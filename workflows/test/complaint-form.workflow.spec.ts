import { Worker } from '@temporalio/worker';
import { workflowBundleOptions } from '@aso/temporal';
import { people } from './support/actors';
import { approve, propose, toExecution, toProposal } from './support/complaint-steps';
import { type Harness, createHarness } from './support/harness';
import { eventually } from './support/poll';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('complaint-form-test');
});
afterAll(async () => {
  await h?.teardown();
});

const formOf = (caseNumber: string) =>
  h.recorded.documentsOf(caseNumber, 'complaint_form').sort((a, b) => a.revision - b.revision);

describe('the complaint handling form 客户投诉处理表', () => {
  test('C39 001 §25.1: the handling form starts at intake — revision 1 from the fields sales filled in, completed by the proposal', async () => {
    const c = await h.startComplaint();
    await eventually(async () => (formOf(c.caseNumber).length > 0 ? true : undefined), 'the form');
    const [atIntake] = formOf(c.caseNumber);
    expect(atIntake).toMatchObject({
      revision: 1,
      supersedesRevision: null,
      status: 'reported',
      distribution: [{ department: 'cs', copy: 1 }],
      signatures: [{ by: people.sales.userId, role: 'reporter' }],
    });
    expect(atIntake!.content.intake).toMatchObject({
      orderNumber: 'SO-1001',
      batchNumber: 'B2611',
      shipDate: '2026-11-01',
      defectiveQuantity: 3,
      demand: 'replace or refund',
      reasons: 'recorder does not power on',
      channel: 'phone',
      attachments: ['photo-1.jpg'],
      salesOpinion: 'plausible, batch B2611',
    });

    await toProposal(c);
    await propose(c, 'apology');
    const forms = formOf(c.caseNumber);
    expect(forms).toHaveLength(1); // the same revision 1, revised
    expect(forms[0]).toMatchObject({ revision: 1, status: 'proposed' });
    expect(forms[0]!.content).toMatchObject({
      method: 'apology',
      intake: { orderNumber: 'SO-1001' },
    });
    expect(forms[0]!.signatures.map((s) => s.role)).toEqual(['reporter', 'proposer']);
    await approve(c);
    expect(formOf(c.caseNumber)[0]).toMatchObject({
      status: 'approved',
      distribution: [{ department: 'cs', copy: 1 }], // no return: finance gets no copy
    });

    // today's code replays the history it wrote (the marker is recorded)
    const history = await c.handle.fetchHistory();
    for await (const replay of Worker.runReplayHistories(workflowBundleOptions(), [
      { workflowId: c.caseNumber, history },
    ]))
      expect(replay.error).toBeUndefined();
  });

  test('C38 001 §29.2: an approved return sends copy 4 (第四联) of the form, with the approved return quantity 2, to finance', async () => {
    const c = await h.startComplaint();
    await toExecution(c, 'return', { approvedReturnQuantity: 2 });
    const form = formOf(c.caseNumber)[0]!;
    expect(form.distribution).toEqual([
      { department: 'cs', copy: 1 },
      { department: 'finance', copy: 4 },
    ]);
    expect(form.content).toMatchObject({
      approvedReturnQuantity: 2,
      financeCopy: { copy: 4, approvedReturnQuantity: 2 },
    });
    expect(form.status).toBe('accepted_by_customer');
  });
});
