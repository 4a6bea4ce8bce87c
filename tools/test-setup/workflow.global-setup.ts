import { TEST_SERVER_START } from '../provision/temporal-server';
import { resolveTestServer } from '../provision/test-server';

/**
 * Workflow tier: make sure Temporal's time-skipping test server is at hand (fetched and wrapped
 * on first use); each test file starts its own instance on a free loopback port.
 */
export default async function globalSetup(): Promise<void> {
  const { executable } = resolveTestServer();
  if (executable.type === 'existing-path') process.env.ASO_TEST_SERVER_PATH = executable.path;
  // Set here, in jest's own process, so the test workers inherit it in their real environment:
  // a test file's process.env is jest's copy, which the servers the SDK spawns never see.
  process.env.ASO_TEST_SERVER_START ??= TEST_SERVER_START;
}
