import { request } from 'node:http';
import { login } from './support/http';

/** fetch refuses TRACE; node:http sends any method. */
function send(
  url: string,
  method: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; allow?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
import { startApi, type AppProcess } from './support/stack';

/**
 * Found by the fuzz tier (Schemathesis `unsupported_method`): a method the OpenAPI document does
 * not declare on a declared path answered the router's 404, as if the path did not exist.
 */
describe('undeclared methods on declared paths', () => {
  let api: AppProcess & { url: string };
  beforeAll(async () => {
    api = await startApi(`e2e-405-${process.pid}`);
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
  });

  it('fuzz finding: TRACE /auth/me → 405 with Allow: GET, HEAD (not 404)', async () => {
    const session = await login(api.url, 'sales-01');
    const res = await send(`${api.url}/auth/me`, 'TRACE', {
      authorization: `Bearer ${session.accessToken}`,
    });
    expect(res.status).toBe(405);
    expect(res.allow).toBe('GET, HEAD');
    expect((JSON.parse(res.body) as { code: string }).code).toBe('METHOD_NOT_ALLOWED');
  });

  it('fuzz finding: DELETE on a templated path (/tasks/{taskId}/claim) → 405 with Allow: POST', async () => {
    const res = await send(`${api.url}/tasks/KS202612-0001-T1/claim`, 'DELETE');
    expect(res.status).toBe(405);
    expect(res.allow).toBe('POST');
  });

  it('declared methods and unknown paths are untouched', async () => {
    expect((await send(`${api.url}/healthz`, 'GET')).status).not.toBe(405);
    expect((await send(`${api.url}/no-such-path`, 'TRACE')).status).toBe(404);
  });
});
