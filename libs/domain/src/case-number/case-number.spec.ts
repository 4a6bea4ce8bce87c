import { caseNumberAt, formatCaseNumber, parseCaseNumber } from './case-number';

describe('case numbers (001 §21 表单编号原则)', () => {
  it('X03 001 §21: <prefix><yyyymm>-<seq>, prefixes KS/TH/WX/DX/HF', () => {
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

  it('X03 001 §21: the month of a case number is the Asia/Shanghai month of its opening instant', () => {
    expect(caseNumberAt('KS', new Date('2026-11-30T15:59:59Z'), 7)).toBe('KS202611-0007');
    expect(caseNumberAt('TH', new Date('2026-11-30T16:00:00Z'), 8)).toBe('TH202612-0008');
    expect(caseNumberAt('WX', Date.UTC(2026, 11, 31, 16, 0), 1)).toBe('WX202701-0001');
  });
});
