import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundleOptions } from '../libs/temporal/src/workflow-bundle';

/** Part of `npm run build`: bundles the workflows once, for the worker to load in production. */
async function main(): Promise<void> {
  const { workflowsPath, bundlerOptions } = workflowBundleOptions();
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    ...bundlerOptions,
  });
  const out = join(__dirname, '..', 'workflow-bundle.js'); // dist/workflow-bundle.js
  writeFileSync(out, code);
  process.stderr.write(`workflow bundle: ${out} (${(code.length / 1024).toFixed(0)} KiB)\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
