import { createHash } from 'node:crypto';
import {
  auditHash,
  AuditHashError,
  canonicalAuditEvent,
  GENESIS_HASH,
  type AuditEventContent,
} from './audit-hash';

const event = (overrides: Partial<AuditEventContent> = {}): AuditEventContent => ({
  organisationId: 'org-a',
  caseNumber: 'KS202611-0001',
  seq: 1,
  occurredAt: '2026-11-20T02:00:00.000Z',
  actor: 'sales-01',
  action: 'case.opened',
  data: { quantity: 2, customer: { name: '张三' } },
  policyVersion: 3,
  ...overrides,
});

describe('auditHash', () => {
  test('the genesis prev_hash is 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0000000000000000000000000000000000000000000000000000000000000000');
  });

  test('is sha256 of prev_hash followed by the canonical event', () => {
    const canonical =
      '{"action":"case.opened","actor":"sales-01","caseNumber":"KS202611-0001","data":{"customer":{"name":"张三"},"quantity":2},' +
      '"occurredAt":"2026-11-20T02:00:00.000Z","organisationId":"org-a","policyVersion":3,"seq":1}';
    expect(canonicalAuditEvent(event())).toBe(canonical);
    const expected = createHash('sha256')
      .update(GENESIS_HASH + canonical, 'utf8')
      .digest('hex');
    expect(auditHash(GENESIS_HASH, event())).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  test('does not depend on key order of the data', () => {
    const a = auditHash(GENESIS_HASH, event({ data: { a: 1, b: [1, 2] } }));
    const b = auditHash(GENESIS_HASH, event({ data: { b: [1, 2], a: 1 } }));
    expect(a).toBe(b);
  });

  test.each<[string, Partial<AuditEventContent>]>([
    ['organisation', { organisationId: 'org-b' }],
    ['case', { caseNumber: 'KS202611-0002' }],
    ['sequence', { seq: 2 }],
    ['instant', { occurredAt: '2026-11-20T02:00:00.001Z' }],
    ['actor', { actor: 'sales-02' }],
    ['action', { action: 'case.closed' }],
    ['data', { data: { quantity: 3, customer: { name: '张三' } } }],
    ['policy version', { policyVersion: 4 }],
    ['policy version (null)', { policyVersion: null }],
  ])('changing the %s changes the hash', (_field, change) => {
    expect(auditHash(GENESIS_HASH, event(change))).not.toBe(auditHash(GENESIS_HASH, event()));
  });

  test('chains: the same event after a different predecessor hashes differently', () => {
    const first = auditHash(GENESIS_HASH, event());
    const second = auditHash(first, event({ seq: 2 }));
    expect(auditHash('f'.repeat(64), event({ seq: 2 }))).not.toBe(second);
  });

  test('extra properties on the event object never reach the hash', () => {
    const withExtras = { ...event(), hash: 'x', recordedAt: new Date() } as AuditEventContent;
    expect(auditHash(GENESIS_HASH, withExtras)).toBe(auditHash(GENESIS_HASH, event()));
  });

  test.each<[string, string, Partial<AuditEventContent>]>([
    ['a short prev_hash', 'abc', {}],
    ['an upper-case prev_hash', 'A'.repeat(64), {}],
    ['seq 0', GENESIS_HASH, { seq: 0 }],
    ['a fractional seq', GENESIS_HASH, { seq: 1.5 }],
    ['a fractional policy version', GENESIS_HASH, { policyVersion: 1.5 }],
    ['an instant with an offset', GENESIS_HASH, { occurredAt: '2026-11-20T10:00:00+08:00' }],
    ['an instant without milliseconds', GENESIS_HASH, { occurredAt: '2026-11-20T02:00:00Z' }],
    ['an invalid instant', GENESIS_HASH, { occurredAt: 'yesterday' }],
  ])('refuses %s', (_name, prev, change) => {
    expect(() => auditHash(prev, event(change))).toThrow(AuditHashError);
  });
});
