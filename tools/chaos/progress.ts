const started = Date.now();

/** Progress lines go to stderr, so the final table on stdout stays clean. */
export const progress = (message: string): void => {
  const t = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[chaos ${t}s] ${message}\n`);
};
