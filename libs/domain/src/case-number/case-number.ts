import { formatLocal, SHANGHAI_OFFSET_MINUTES } from '../calendar/civil-time';
import { DomainError } from '../errors/domain-error';

/** Form numbering rule 表单编号原则 (001 §21): `<prefix><yyyymm>-<seq>`. */
export const CASE_PREFIXES = {
  complaint: 'KS',
  return: 'TH',
  repair: 'WX',
  consignment: 'DX',
  followUp: 'HF',
  /** 月审: the monthly complaint review of 001 §28 (our prefix; the seed numbers no review) */
  review: 'YS',
  /** 改进: an improvement measure of F17 003 §四.4 (our prefix; the seed numbers none) */
  improvement: 'GJ',
} as const;
export type CaseKind = keyof typeof CASE_PREFIXES;
export type CasePrefix = (typeof CASE_PREFIXES)[CaseKind];

export const CASE_NUMBER_PATTERN = /^(KS|TH|WX|DX|HF|YS|GJ)(\d{4})(0[1-9]|1[0-2])-(\d{4,})$/;

export interface ParsedCaseNumber {
  prefix: CasePrefix;
  year: number;
  month: number;
  seq: number;
}

/** `yyyymm` is the month in the company's zone (Asia/Shanghai) — the caller supplies it; no clock here. */
export function formatCaseNumber(prefix: CasePrefix, yyyymm: string, seq: number): string {
  if (!/^\d{4}(0[1-9]|1[0-2])$/.test(yyyymm)) {
    throw new DomainError('CASE_NUMBER_INVALID', `Invalid yyyymm "${yyyymm}"`, { yyyymm });
  }
  if (!Number.isSafeInteger(seq) || seq < 1) {
    throw new DomainError(
      'CASE_NUMBER_INVALID',
      `Sequence must be a positive integer, got ${seq}`,
      { seq },
    );
  }
  return `${prefix}${yyyymm}-${String(seq).padStart(4, '0')}`;
}

export function parseCaseNumber(value: string): ParsedCaseNumber | undefined {
  const m = CASE_NUMBER_PATTERN.exec(value);
  if (!m) return undefined;
  return { prefix: m[1] as CasePrefix, year: Number(m[2]), month: Number(m[3]), seq: Number(m[4]) };
}

export const isCaseNumber = (value: string): boolean => CASE_NUMBER_PATTERN.test(value);

/**
 * The number of a case opened at `at` (001 §21): the month is the company's (Asia/Shanghai), so
 * a case opened on the 30th at 20:00 UTC is already numbered in the next month.
 */
export function caseNumberAt(prefix: CasePrefix, at: Date | number, seq: number): string {
  const local = formatLocal(typeof at === 'number' ? at : at.getTime(), SHANGHAI_OFFSET_MINUTES);
  return formatCaseNumber(prefix, `${local.slice(0, 4)}${local.slice(5, 7)}`, seq);
}
