import { createServer, get, IncomingMessage, ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Socket } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import pinoHttp, { type Options as PinoHttpOptions } from 'pino-http';
import { loggerParams, pinoOptions, REDACTED, scrubLogValue, scrubText } from './logging';

/** The real pino logger with the API's options, writing into memory. */
function capture(): { logger: pino.Logger; lines: () => string } {
  let out = '';
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      out += chunk.toString();
      cb();
    },
  });
  return { logger: pino(pinoOptions('info'), sink), lines: () => out };
}

describe('log redaction', () => {
  test('passwords, tokens, secrets and authorization headers never reach a line, at any depth', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        body: { organisation: 'demo', username: 'cs-01', password: 'hunter2-secret' },
        session: {
          accessToken: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl',
          refreshToken: 'r-123',
        },
        req: { headers: { authorization: 'Bearer abc.def.ghi', cookie: 'sid=1' } },
        user: { passwordHash: '$argon2id$v=19$abc' },
      },
      'login',
    );
    const out = lines();
    for (const secret of [
      'hunter2-secret',
      'eyJhbGci',
      'r-123',
      'abc.def.ghi',
      'sid=1',
      'argon2id',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain(REDACTED);
    expect(JSON.parse(out)).toMatchObject({ msg: 'login', body: { username: 'cs-01' } });
  });

  test('phone numbers are masked in fields and inside messages', () => {
    const { logger, lines } = capture();
    logger.info({ customer: { name: '张三', phone: '13800138000' } }, 'called 13912345678 back');
    logger.warn('error for +86 139-1234-5678');
    const out = lines();
    expect(out).not.toMatch(/13800138000|13912345678|139-1234-5678/);
    expect(out).toContain('138****8000');
    expect(out).toContain('139****5678');
  });

  test('bearer tokens and JWTs inside free text (error messages, stacks) are removed', () => {
    expect(scrubText('failed with Bearer abc.def-1.ghi_2')).toBe(`failed with Bearer ${REDACTED}`);
    expect(scrubText('token eyJa.eyJb.sig here')).toBe(`token ${REDACTED} here`);
    const e = new Error('refused 13800138000');
    expect(scrubLogValue({ err: e })).toMatchObject({ err: { message: 'refused 138****8000' } });
  });

  test('ordinary data passes untouched; cycles do not hang', () => {
    const o: Record<string, unknown> = { caseNumber: 'KS202611-0001', quantity: 3 };
    o.self = o;
    expect(scrubLogValue(o)).toEqual({ caseNumber: 'KS202611-0001', quantity: 3, self: '[…]' });
  });

  test('issue 8 #9: secret and personal query parameters in a request URL are [REDACTED]', () => {
    const url =
      '/auth/login?password=hunter2&access_token=eyJ.x&token=t-42&refresh_token=r-77' +
      '&phone=13800138000&api%5Fkey=k-9&status=open&limit=5#frag';
    const scrubbed = scrubText(url);
    for (const secret of ['hunter2', 'eyJ.x', 't-42', 'r-77', '13800138000', '138****8000', 'k-9'])
      expect(scrubbed).not.toContain(secret);
    expect(scrubbed).toBe(
      `/auth/login?password=${REDACTED}&access_token=${REDACTED}&token=${REDACTED}` +
        `&refresh_token=${REDACTED}&phone=${REDACTED}&api%5Fkey=${REDACTED}&status=open&limit=5#frag`,
    );
    // pino-http's request serializer, then the record formatter: the line holds no secret.
    const { logger, lines } = capture();
    const http = loggerParams('info').pinoHttp as {
      serializers: { req: (r: object) => object };
    };
    logger.info(
      { req: http.serializers.req({ id: 'r1', method: 'GET', url }) },
      'request completed',
    );
    const line = JSON.parse(lines()) as { req: { url: string } };
    expect(line.req.url).toBe(scrubbed);
    expect(lines()).not.toMatch(/hunter2|t-42|r-77|13800138000|k-9/);
  });
  test('a request line keeps the response status, not its headers (no set-cookie, no CSP)', () => {
    const http = loggerParams('info').pinoHttp as {
      serializers: { res: (r: object) => object };
    };
    const res = {
      statusCode: 201,
      headers: {
        'set-cookie': 'aso_refresh=r-77',
        'content-security-policy': "default-src 'self'",
      },
    };
    expect(http.serializers.res(res)).toEqual({ statusCode: 201 });
    // as pino-http passes it: the standard serialization, the response as `raw`
    expect(http.serializers.res({ statusCode: null, headers: res.headers, raw: res })).toEqual({
      statusCode: 201,
    });
  });

  test('key names are classified the same on every line (the remembered kinds)', () => {
    for (let i = 0; i < 3; i++) {
      expect(
        scrubLogValue({ refreshToken: 'r-77', customerPhone: '13800138000', note: 'x' }),
      ).toEqual({
        refreshToken: REDACTED,
        customerPhone: '138****8000',
        note: 'x',
      });
    }
  });

  test('pino-http hands the request and response to their serializers as they are: not walked, not copied', () => {
    const req = new IncomingMessage(new Socket());
    const res = new ServerResponse(req);
    const scrubbed = scrubLogValue({ req, res, responseTime: 3 }) as Record<string, unknown>;
    expect(scrubbed.req).toBe(req);
    expect(scrubbed.res).toBe(res);
    expect(scrubbed.responseTime).toBe(3);
    // under any other key nothing reduces them to safe fields, so they are not written
    // (also `req`/`res` nested deeper: pino's serializers act on top-level keys only)
    expect(scrubLogValue({ response: res, nested: { request: req, req, res } })).toEqual({
      response: '[http message]',
      nested: { request: '[http message]', req: '[http message]', res: '[http message]' },
    });
  });

  test('a request line through the real pino-http: id, method, scrubbed URL and status only', async () => {
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        out += chunk.toString();
        cb();
      },
    });
    const middleware = pinoHttp(loggerParams('info').pinoHttp as PinoHttpOptions, sink);
    const server: Server = createServer((rq, rs) => {
      (rq as IncomingMessage & { id?: string }).id = 'req-1';
      middleware(rq, rs);
      rs.setHeader('set-cookie', 'aso_refresh=r-77');
      rs.statusCode = 201;
      rs.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      await new Promise<void>((resolve, reject) =>
        get(
          {
            host: '127.0.0.1',
            port,
            path: '/cases?token=t-42&status=open',
            headers: { authorization: 'Bearer eyJ.a.b' },
          },
          (r) => r.resume().on('end', resolve),
        ).on('error', reject),
      );
      for (let i = 0; i < 50 && !out.includes('\n'); i++)
        await new Promise((r) => setTimeout(r, 10));
    } finally {
      await new Promise((r) => server.close(r));
    }
    const line = JSON.parse(out.trim().split('\n')[0] ?? '{}') as Record<string, unknown>;
    expect(line.req).toEqual({
      id: 'req-1',
      method: 'GET',
      url: `/cases?token=${REDACTED}&status=open`,
    });
    expect(line.res).toEqual({ statusCode: 201 });
    expect(out).not.toMatch(/r-77|t-42|eyJ|authorization|socket/i);
  });
});
