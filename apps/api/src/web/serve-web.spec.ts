import { CONTENT_SECURITY_POLICY } from '../common/http-hardening';
import { withStyleNonce } from './serve-web';

const header = Object.entries(CONTENT_SECURITY_POLICY.directives)
  .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${v.join(' ')}`)
  .join(';');

describe('the web app page’s CSP', () => {
  test('adds the per-response nonce to style-src only: scripts stay self-only', () => {
    const csp = withStyleNonce(header, 'abc123');
    const directive = (name: string) => csp.split(';').find((d) => d.startsWith(`${name} `));
    expect(directive('style-src')).toMatch(/^style-src 'self' 'sha256-[^']+' 'nonce-abc123'$/);
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(csp.replace(" 'nonce-abc123'", '')).toBe(header);
  });
});
