import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature of a webhook body (issue 11): `X-ASO-Signature: t=<unix seconds>,v1=<hex>`,
 * v1 = HMAC-SHA256(secret, `${t}.${body}`) — the Stripe scheme, so receivers verify with a few
 * lines and refuse stale timestamps against replays.
 */
export const SIGNATURE_HEADER = 'X-ASO-Signature';
export const EVENT_ID_HEADER = 'X-ASO-Event-Id';
export const EVENT_TYPE_HEADER = 'X-ASO-Event-Type';
export const ATTEMPT_HEADER = 'X-ASO-Delivery-Attempt';

export function signWebhook(secret: string, unixSeconds: number, body: string): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`, 'utf8').digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/** What a receiver does: true when the header signs this body with this secret, recently enough. */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = Object.fromEntries(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
    }),
  );
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, t, body).split('v1=')[1] as string, 'hex');
  const given = Buffer.from(String(parts.v1 ?? ''), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
