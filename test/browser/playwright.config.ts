import { defineConfig } from '@playwright/test';
import { join } from 'node:path';
import { findChromium } from '../../tools/provision/chromium';

/**
 * The browser tier (`npm run test:browser`): real Chromium, headless, driving the built web app
 * served by the real API (with its worker, PostgreSQL and the Temporal dev server: global-setup.ts).
 */
export default defineConfig({
  testDir: __dirname,
  testMatch: /.*\.browser\.ts$/,
  globalSetup: join(__dirname, 'global-setup.ts'),
  outputDir: join(__dirname, '..', '..', '.browser-results'),
  // One API, one worker, a machine shared with other work: one browser at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: findChromium(),
      // Root in a container: Chromium's sandbox needs user namespaces it does not get there.
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
