import { firstResponse, register } from './support/complaint-steps';
import { type Harness, createHarness } from './support/harness';
import { eventually } from './support/poll';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('write-rejection-workflow-test');
});
afterAll(async () => {
  await h?.teardown();
});

describe('a write the database refuses for good (issue 8 #1b)', () => {
  test('issue 8 #1b: a case with poison text (lone surrogate, NUL) keeps answering updates, flags the incident and its read model catches up sanitised', async () => {
    const poison = 'bad \ud800 name\u0000';
    const c = await h.startComplaint({ customerName: poison });

    // The first write was refused once, flagged, and written again sanitised.
    const view = await eventually(async () => {
      const v = await c.view();
      return v.writeIncidents.length > 0 ? v : undefined;
    }, 'the write incident');
    expect(view.writeIncidents).toEqual([
      expect.objectContaining({
        code: '22P05',
        resolution: 'sanitised',
        auditKeys: expect.arrayContaining(['wf:1']),
      }),
    ]);
    expect(h.recorded.rejectedWrites).toEqual([c.caseNumber]);

    // Updates answer, and every later write is sanitised before it is sent (no new refusal).
    const started = Date.now();
    await firstResponse(c);
    await register(c);
    expect(Date.now() - started).toBeLessThan(5_000);
    const after = await c.view();
    expect(after.writeIncidents).toHaveLength(1);
    expect(h.recorded.rejectedWrites).toHaveLength(1);

    // The read model caught up with the workflow: latest version, sanitised text.
    await eventually(
      async () => h.recorded.caseOf(c.caseNumber)?.version === (await c.view()).auditSeq,
      'the snapshot to catch up',
    );
    const snapshot = h.recorded.caseOf(c.caseNumber);
    expect(snapshot?.customerName).toBe('bad \ufffd name');
    expect(snapshot?.status).toBe((await c.view()).status);
    const trail = h.recorded.auditOf(c.caseNumber);
    expect(trail.map((e) => e.key)).toEqual(
      Array.from({ length: after.auditSeq }, (_, i) => `wf:${i + 1}`),
    );
    expect(trail.find((e) => e.action === 'case.write_sanitised')?.data).toMatchObject({
      code: '22P05',
      auditKeys: expect.arrayContaining(['wf:1']),
    });
    // The workflow's own state keeps what was entered; only the stored copy is sanitised.
    expect((await c.view()).state.intake.customerName).toBe(poison);
  });
});
