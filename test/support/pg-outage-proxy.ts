import { createServer, connect, type Server, type Socket } from 'node:net';
import { freeLoopbackPort } from '../../tools/provision/free-port';

/**
 * A TCP proxy in front of PostgreSQL for ONE process under test, so a test can pull the plug
 * on that process's database without touching the tier's shared server. Armed with a pattern,
 * it cuts every connection the moment a client sends a message containing it (e.g. `COMMIT`),
 * and refuses connections for `outageMs`; then it heals by itself.
 */
export interface PgOutageProxy {
  /** a DATABASE_URL like the target's, through the proxy */
  url: string;
  /** cut at the next client message matching `pattern` (once) */
  armCut(pattern: RegExp, outageMs: number): void;
  /** how many times it cut */
  cuts: () => number;
  close(): Promise<void>;
}

export async function startPgOutageProxy(targetUrl: string): Promise<PgOutageProxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port || 5432);
  const targetHost = target.hostname;
  const sockets = new Set<Socket>();
  let downUntil = 0;
  let armed: { pattern: RegExp; outageMs: number } | undefined;
  let cuts = 0;

  const cutAll = (outageMs: number) => {
    cuts += 1;
    downUntil = Date.now() + outageMs;
    for (const s of sockets) s.destroy();
    sockets.clear();
  };

  const server: Server = createServer((client) => {
    if (Date.now() < downUntil) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, targetHost);
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('data', (chunk: Buffer) => {
      // Messages are not split on purpose here: a query's text arrives in one chunk in practice
      // (small statements on loopback), and a missed match only means no cut.
      if (armed && armed.pattern.test(chunk.toString('latin1'))) {
        const { outageMs } = armed;
        armed = undefined;
        cutAll(outageMs);
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', drop);
    upstream.on('close', drop);
  });
  const port = await freeLoopbackPort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    armCut: (pattern, outageMs) => {
      armed = { pattern, outageMs };
    },
    cuts: () => cuts,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
