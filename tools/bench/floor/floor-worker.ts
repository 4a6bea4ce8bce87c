/**
 * The platform floor's worker process (bench:floor): the SDK's default worker options, the same
 * sticky queue timeout as the app's worker, an activity that does nothing but answer.
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import type { FloorActivities } from './floor.workflow';

async function main(): Promise<void> {
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  const activities: FloorActivities = { record: async (change) => Promise.resolve(change.step) };
  const worker = await Worker.create({
    connection,
    namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: process.env.TEMPORAL_TASK_QUEUE ?? 'floor',
    workflowsPath: require.resolve('./floor.workflow'),
    stickyQueueScheduleToStartTimeout: '3s',
    activities,
  });
  const running = worker.run();
  process.stdout.write('floor worker polling\n');
  process.once('SIGTERM', () => worker.shutdown());
  await running;
  await connection.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
