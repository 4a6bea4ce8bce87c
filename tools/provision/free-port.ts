import { createServer } from 'node:net';

/** A port that is free on loopback right now (tests only ever listen on 127.0.0.1). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not determine a free port'));
      });
    });
  });
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free loopback port in [lo, hi]. Temporal's own server stores its services' ports in
 * PostgreSQL as `smallint` (cluster_membership.rpc_port), so they must stay below 32768;
 * the kernel's ephemeral range (from 32768 on Linux) never fits.
 */
export async function freeLoopbackPortIn(
  lo: number,
  hi: number,
  taken = new Set<number>(),
): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = lo + Math.floor(Math.random() * (hi - lo + 1));
    if (!taken.has(port) && (await isPortFree(port))) return port;
  }
  throw new Error(`no free loopback port in ${lo}–${hi}`);
}
