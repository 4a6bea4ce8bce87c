import { canonicalJson, CanonicalJsonError } from './canonical-json';

describe('canonicalJson', () => {
  test('sorts keys recursively and emits no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  test('the same content built in a different key order gives the same string', () => {
    const a = { actor: 'cs-01', data: { amount: 120, currency: 'CNY' }, seq: 2 };
    const b = { seq: 2, data: { currency: 'CNY', amount: 120 }, actor: 'cs-01' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  test('keys sort by UTF-16 code unit, and non-ASCII strings are kept verbatim', () => {
    expect(canonicalJson({ b: 1, B: 2, 张: 3, a: 4 })).toBe('{"B":2,"a":4,"b":1,"张":3}');
    expect(canonicalJson('录音笔无法开机')).toBe('"录音笔无法开机"');
    expect(canonicalJson('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
  });

  test('primitives, empty containers and -0', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(false)).toBe('false');
    expect(canonicalJson(1.5)).toBe('1.5');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
  });

  test.each([
    ['undefined', undefined],
    ['an undefined member', { a: undefined }],
    ['an undefined array item', [1, undefined]],
    ['a sparse array', [1, , 3]], // eslint-disable-line no-sparse-arrays
    ['NaN', { n: NaN }],
    ['Infinity', [Infinity]],
    ['a function', { f: () => 1 }],
    ['a symbol', Symbol('s')],
    ['a bigint', { n: BigInt(1) }],
    ['a Date', { at: new Date('2026-11-20T02:00:00Z') }],
    ['a Map', new Map()],
  ])('refuses %s', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
  });

  test('names the offending path', () => {
    expect(() => canonicalJson({ data: { items: [1, NaN] } })).toThrow('$.data.items[1]');
  });

  test('refuses circular structures instead of overflowing', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => canonicalJson(a)).toThrow('circular');
  });

  test('a shared (non-circular) sub-object is fine', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  test('objects without a prototype are plain objects', () => {
    const o = Object.create(null) as Record<string, unknown>;
    o.k = 'v';
    expect(canonicalJson(o)).toBe('{"k":"v"}');
  });

  test('round trip: parsing the canonical string and canonicalising again is stable', () => {
    const value = { z: [{ b: 2, a: 1 }], y: 'é', x: 1e21, w: 0.1 };
    const once = canonicalJson(value);
    expect(canonicalJson(JSON.parse(once))).toBe(once);
  });
});
