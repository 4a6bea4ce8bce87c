/**
 * Which webhook URLs may be called (issue 11, Notifications). Pure (no Node builtins): the API
 * checks a URL when it is registered, the worker checks every address the host resolves to
 * before each attempt. Private, loopback, link-local and other non-public addresses are refused
 * unless `WEBHOOK_ALLOW_PRIVATE_URLS=true` (tests and development, where the receiver listens on
 * loopback): a webhook must not become a way to reach the organisation's internal network.
 */
export type WebhookUrlRefusal = 'not_a_url' | 'not_http' | 'credentials' | 'private_address';

export function webhookUrlRefusal(
  raw: string,
  allowPrivate: boolean,
): { refusal: WebhookUrlRefusal; message: string } | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { refusal: 'not_a_url', message: 'must be an absolute http(s) URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { refusal: 'not_http', message: 'must be an http(s) URL' };
  if (url.username || url.password)
    return { refusal: 'credentials', message: 'must not carry credentials' };
  if (!allowPrivate && isPrivateHost(url.hostname))
    return {
      refusal: 'private_address',
      message: 'must not point to a loopback, private or link-local address',
    };
  return null;
}

/** A host name or address literal that is not a public internet address. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  if (host === '' || host.endsWith('.internal')) return true;
  const v4 = ipv4Octets(host);
  if (v4) return isPrivateV4(v4);
  if (host.includes(':')) return isPrivateV6(host);
  return false;
}

function ipv4Octets(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const o = m.slice(1).map(Number);
  return o.every((n) => n <= 255) ? o : null;
}

function isPrivateV4([a = 0, b = 0]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}

function isPrivateV6(host: string): boolean {
  if (host === '::' || host === '::1') return true;
  const mapped = /^::ffff:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(host);
  if (mapped) return isPrivateV4(ipv4Octets(mapped[1] as string) ?? [0]);
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (hex) {
    const hi = parseInt(hex[1] as string, 16);
    return isPrivateV4([hi >> 8, hi & 255]);
  }
  const first = parseInt(host.split(':')[0] || '0', 16);
  return (
    (first & 0xfe00) === 0xfc00 || // fc00::/7 unique local
    (first & 0xffc0) === 0xfe80 || // fe80::/10 link-local
    (first & 0xff00) === 0xff00 // multicast
  );
}
