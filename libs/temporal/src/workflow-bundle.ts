import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';

const LIBS = ['domain', 'contracts'] as const;

/**
 * Where the workflow entry and the libraries it may use live, both when running from the
 * TypeScript sources (tests) and from dist/ (the built app). Workflows may import only
 * @aso/contracts and @aso/domain; the bundler resolves those aliases here.
 */
export function workflowBundleOptions(): Required<
  Pick<WorkerOptions, 'workflowsPath' | 'bundlerOptions'>
> {
  const root = resolve(__dirname, '..', '..', '..'); // libs/temporal/src → repo (or dist) root
  const ext = existsSync(join(root, 'workflows', 'src', 'index.ts')) ? '.ts' : '.js';
  const alias = Object.fromEntries(
    LIBS.map((lib) => [`@aso/${lib}`, join(root, 'libs', lib, 'src', `index${ext}`)]),
  );
  return {
    workflowsPath: join(root, 'workflows', 'src', `index${ext}`),
    bundlerOptions: {
      // Evaluated once per worker and shared by every workflow in the reusable V8 context,
      // instead of once per cached workflow (workflows/src/shared/preload.ts says why it is safe).
      preloadModules: [join(root, 'workflows', 'src', 'shared', `preload${ext}`)],
      webpackConfigHook: (config) => ({
        ...config,
        resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...alias } },
      }),
    },
  };
}

/** Where `npm run build` writes the pre-built workflow bundle (dist/workflow-bundle.js). */
export function prebuiltBundlePath(): string | undefined {
  const root = resolve(__dirname, '..', '..', '..');
  const path = join(root, 'workflow-bundle.js');
  // Only from dist/: tests run the TypeScript sources and bundle them fresh.
  return existsSync(join(root, 'workflows', 'src', 'index.js')) && existsSync(path)
    ? path
    : undefined;
}

/**
 * The worker's workflow code: the pre-built bundle when the app runs from its build (no webpack
 * at start-up, and the code that runs is exactly the code that was built), else a fresh bundle.
 */
export function workflowSource():
  Pick<WorkerOptions, 'workflowBundle'> | ReturnType<typeof workflowBundleOptions> {
  const codePath = prebuiltBundlePath();
  return codePath ? { workflowBundle: { codePath } } : workflowBundleOptions();
}
