// A DELIBERATELY CHANGED complaint workflow, used only to record the non-deterministic replay
// fixture: it sleeps before doing what today's workflow does first, as an unguarded code change
// (one without `patched()`) would. Replaying its history against today's code must fail.
import { sleep } from '@temporalio/workflow';
import type { ComplaintWorkflowInput } from '@aso/contracts';
import { complaint as today } from '../../../src/complaint/complaint.workflow';

export { returnCase } from '../../../src/return/return.workflow';

export async function complaint(input: ComplaintWorkflowInput) {
  await sleep('1 minute');
  return today(input);
}
