import fc from 'fast-check';
import { DomainError } from '../errors/domain-error';
import { addFen, fenToYuan, formatFen, multiplyFen, yuanToFen } from './money';

describe('money in integer fen', () => {
  it('task §4: money is exact — "0.1" + "0.2" yuan is exactly 30 fen', () => {
    expect(addFen(yuanToFen('0.1'), yuanToFen('0.2'))).toBe(30);
  });

  it('task §4: approval thresholds parse exactly (¥5,000 = 500000 fen, ¥50,000 = 5000000 fen)', () => {
    expect(yuanToFen('5000')).toBe(500_000);
    expect(yuanToFen('50000.00')).toBe(5_000_000);
    expect(yuanToFen('-3.07')).toBe(-307);
  });

  it('rejects amounts that are not decimal yuan with at most two decimals', () => {
    for (const bad of ['1.234', 'abc', '1e3', '', '1,000']) {
      expect(() => yuanToFen(bad)).toThrow(DomainError);
    }
    expect(() => addFen(0.5)).toThrow(expect.objectContaining({ code: 'MONEY_INVALID' }));
  });

  it('formats for display without locale data', () => {
    expect(formatFen(123_456_789)).toBe('¥1,234,567.89');
    expect(formatFen(-5)).toBe('-¥0.05');
    expect(fenToYuan(100)).toBe('1.00');
  });

  it('multiplies by whole quantities only', () => {
    expect(multiplyFen(1999, 3)).toBe(5997);
    expect(() => multiplyFen(100, 1.5)).toThrow(
      expect.objectContaining({ code: 'QUANTITY_INVALID' }),
    );
  });

  it('property: fenToYuan and yuanToFen round-trip', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        (fen) => yuanToFen(fenToYuan(fen)) === fen,
      ),
    );
  });
});
