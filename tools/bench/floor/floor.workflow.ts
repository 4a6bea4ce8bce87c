/**
 * The platform floor's case (bench:floor): the Temporal shape of a complaint with no product
 * code. It opens with one local activity, then takes `steps` updates, each written by one local
 * activity, and ends after the last one — the commands the complaint's runtime issues for the
 * same steps (recordChanges per change), without the domain, the task board, the audit or SQL.
 */
import {
  allHandlersFinished,
  condition,
  defineUpdate,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';

export interface FloorActivities {
  record(change: { step: number; payload: string }): Promise<number>;
}

const { record } = proxyLocalActivities<FloorActivities>({ startToCloseTimeout: '30 seconds' });

export const stepUpdate = defineUpdate<number, [{ step: number; payload: string }]>('step');

export async function floorCase(steps: number): Promise<number> {
  let done = 0;
  setHandler(stepUpdate, async (change) => {
    await record(change);
    done += 1;
    return done;
  });
  await record({ step: 0, payload: 'open' });
  await condition(() => done >= steps);
  await condition(allHandlersFinished); // the last update answers before the case closes
  return done;
}
