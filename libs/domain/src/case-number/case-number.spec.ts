import { formatCaseNumber, parseCaseNumber } from './case-number';

describe('case numbers (001 §21 表单编号原则)', () => {
  it('001 §21: <prefix><yyyymm>-<seq>, prefixes KS/TH/WX/DX/HF', () => {
    expect(formatCaseNumber('KS', '202609', 7)).toBe('KS202609-0007');
    expect(parseCaseNumber('TH202603-0012')).toEqual({
      prefix: 'TH',
      year: 2026,
      month: 3,
      seq: 12,
    });
    expect(parseCaseNumber('XX202603-0012')).toBeUndefined();
    expect(() => formatCaseNumber('WX', '202613', 1)).toThrow(
      expect.objectContaining({ code: 'CASE_NUMBER_INVALID' }),
    );
  });
});
