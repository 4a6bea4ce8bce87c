import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('issue 11 Notifications: X-ASO-Signature', () => {
  const body = '{"id":"KS202612-0001:wf:4","type":"task.assigned"}';
  test('t=<unix>,v1=HMAC-SHA256(secret, "t.body") in hex', () => {
    const expected = createHmac('sha256', 'whsec_test').update(`1764640000.${body}`).digest('hex');
    expect(signWebhook('whsec_test', 1764640000, body)).toBe(`t=1764640000,v1=${expected}`);
  });
  test('verifies with the secret; another secret, another body or a stale timestamp fail', () => {
    const header = signWebhook('whsec_test', 1764640000, body);
    expect(verifyWebhookSignature('whsec_test', header, body, 1764640100)).toBe(true);
    expect(verifyWebhookSignature('whsec_other', header, body, 1764640100)).toBe(false);
    expect(verifyWebhookSignature('whsec_test', header, `${body} `, 1764640100)).toBe(false);
    expect(verifyWebhookSignature('whsec_test', header, body, 1764640000 + 301)).toBe(false);
    expect(verifyWebhookSignature('whsec_test', 'garbage', body, 1764640000)).toBe(false);
  });
});
