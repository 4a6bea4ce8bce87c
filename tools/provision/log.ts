/** Provisioning talks to stderr so a test run's or start script's stdout stays readable. */
export const log = (message: string): void => {
  process.stderr.write(`[provision] ${message}\n`);
};
