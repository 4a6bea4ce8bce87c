import { parseComplaintTaskCommand, parseReturnTaskCommand } from '@aso/contracts';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { workflowBundleOptions } from '@aso/temporal';
import { createTimeSkippingEnv } from '../../tools/provision/temporal-server';

/**
 * The workflow parses completeTask payloads with the contract's zod schemas: zod must bundle and
 * run in the workflow sandbox, and answer there exactly as it does in the API's process.
 */
const complaintCommands: unknown[] = [
  { type: 'RecordFirstResponse', channel: 'phone', summary: 'called back' },
  { type: 'RegisterComplaint', cause: 'transport', severity: 'severe', extra: 'dropped' },
  { type: 'RegisterComplaint', cause: 'weather', severity: 'general' },
  { type: 'ApproveResolution' },
  { type: 'AcknowledgeEscalation' },
  { type: 'RecordRepairCompleted', outcome: '' },
  { type: 'RecordRefund', amountFen: 1 },
  // a regex check (purchaseDate), passing and failing, twice: the sandbox shares the schemas
  // across workflows, frozen (workflows/src/shared/preload.ts)
  ...[0, 1].flatMap(() =>
    ['2026-11-01', '2026/11/01'].map((purchaseDate) => ({
      type: 'RegisterRepair',
      address: 'Nanshan, Shenzhen',
      productModel: 'DR-9',
      spec: '4K',
      purchaseDate,
      purchasePlace: 'store 12',
      serviceKind: 'C',
    })),
  ),
  { summary: 'no type' },
  'not an object',
];
const returnCommands: unknown[] = [
  { type: 'ReceiveGoods', quantity: 3, complete: true, undamaged: true },
  { type: 'RecordRefund', amountFen: 0.5 },
  { type: 'CloseComplaint' },
];

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await createTimeSkippingEnv();
});
afterAll(async () => {
  await env?.teardown();
});

test('the contract’s command parsers run in the workflow sandbox and answer as outside it', async () => {
  const taskQueue = 'contract-parsers-in-sandbox';
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    ...workflowBundleOptions(),
    workflowsPath: require.resolve('./support/contract-parsers.workflow'),
  });
  const run = (caseType: 'complaint' | 'return', commands: unknown[]) =>
    env.client.workflow.execute('parseCommandsInSandbox', {
      taskQueue,
      workflowId: `parse-${caseType}`,
      args: [caseType, commands],
    });
  const [complaint, ret] = await worker.runUntil(
    Promise.all([run('complaint', complaintCommands), run('return', returnCommands)]),
  );
  expect(complaint).toEqual(complaintCommands.map((c) => parseComplaintTaskCommand(c)));
  expect(ret).toEqual(returnCommands.map((c) => parseReturnTaskCommand(c)));
  expect(complaint).toEqual(
    expect.arrayContaining([
      { ok: true, command: { type: 'RegisterComplaint', cause: 'transport', severity: 'severe' } },
      { ok: false, issues: [{ path: 'command.cause', message: expect.any(String) }] },
    ]),
  );
});
