import { CaseHistory } from '@aso/temporal';
import { effectiveContentHash } from '@aso/persistence';
import { firstResponse, register } from './support/complaint-steps';
import { type Harness, createHarness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('write-digest-workflow-test');
});
afterAll(async () => {
  await h?.teardown();
});

test('issue 8 #6: history records what each write wrote (recordChanges digests in the local activity markers), and CaseHistory decodes them', async () => {
  const c = await h.startComplaint();
  await firstResponse(c);
  await register(c);
  const view = await c.view();
  const digests = await new CaseHistory(h.env.client).writeDigests(c.caseNumber);
  const keys = digests.flatMap((d) => d.audit.map((a) => a.key));
  expect(keys).toEqual(Array.from({ length: view.auditSeq }, (_, i) => `wf:${i + 1}`));
  const recorded = new Map(
    h.recorded.auditOf(c.caseNumber).map((e) => [
      e.key,
      effectiveContentHash({
        occurredAt: new Date(e.occurredAt),
        actor: e.actor,
        action: e.action,
        data: JSON.parse(JSON.stringify(e.data)),
        policyVersion: e.policyVersion,
      }),
    ]),
  );
  for (const d of digests) for (const a of d.audit) expect(a.sha256).toBe(recorded.get(a.key));
  expect(digests[digests.length - 1]?.snapshot.version).toBe(view.auditSeq);
  const taskIds = new Set(digests.flatMap((d) => d.tasks.map((t) => t.taskId)));
  for (const t of view.tasks) expect(taskIds.has(t.taskId)).toBe(true);
});
