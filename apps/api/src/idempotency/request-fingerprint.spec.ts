import { requestFingerprint, stableJson } from './request-fingerprint';

/** A value nested `depth` levels deep, built without recursion. */
function nested(depth: number, kind: 'object' | 'array'): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = kind === 'object' ? { a: v } : [v];
  return v;
}

describe('request fingerprint', () => {
  test('issue 8 #3: a 100,000-deep body is fingerprinted without overflowing the stack', () => {
    for (const kind of ['object', 'array'] as const) {
      const body = nested(100_000, kind);
      const fp = requestFingerprint({ method: 'post', url: '/complaints', body });
      expect(fp).toMatch(/^[0-9a-f]{64}$/);
      // The same deep body gives the same fingerprint; one more level gives another.
      expect(requestFingerprint({ method: 'POST', url: '/complaints', body })).toBe(fp);
      expect(
        requestFingerprint({ method: 'POST', url: '/complaints', body: nested(100_001, kind) }),
      ).not.toBe(fp);
    }
  });

  test('stableJson is JSON with sorted keys, undefined members dropped', () => {
    const value = { b: [1, 'x', null, { d: true, c: undefined }], a: { z: 1, y: [] }, e: {} };
    expect(stableJson(value)).toBe('{"a":{"y":[],"z":1},"b":[1,"x",null,{"d":true}],"e":{}}');
    expect(JSON.parse(stableJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
    expect(stableJson({ b: 1, a: 2 })).toBe(stableJson({ a: 2, b: 1 }));
    expect(stableJson(Buffer.from('hi'))).toBe('"aGk="');
    expect(stableJson(undefined)).toBe('null');
    expect(stableJson([])).toBe('[]');
  });
});
