import { DomainError } from '../errors/domain-error';
import type { PolicyDocument } from '../policy/policy.schema';

export type ConsignorKind = 'wholesale' | 'franchise';

export interface ConsignmentCode {
  kind: ConsignorKind;
  number: number;
  surname: string;
}

/** A Chinese surname: one or two Han characters (李, 欧阳). */
const SURNAME = /^\p{Script=Han}{1,2}$/u;

/**
 * 002 ch.12 §1: every consigned item is labelled `pf`/`jm` + number + the consignor's surname,
 * e.g. `pf012李`. The seed shows both three and two digits (pf×××李, jm××薛): parsing accepts
 * any width, formatting pads to `width` (3 by default, as in DOMAIN.md's example).
 */
export function formatConsignmentCode(
  code: ConsignmentCode,
  policy: PolicyDocument,
  width = 3,
): string {
  if (!Number.isSafeInteger(code.number) || code.number < 0) {
    throw new DomainError(
      'CONSIGNMENT_CODE_INVALID',
      `Item number must be a non-negative integer, got ${code.number}`,
      { number: code.number },
    );
  }
  if (!SURNAME.test(code.surname))
    throw new DomainError(
      'CONSIGNMENT_CODE_INVALID',
      `"${code.surname}" is not a surname in Chinese characters`,
      { surname: code.surname },
    );
  return `${policy.consignment.codePrefixes[code.kind]}${String(code.number).padStart(width, '0')}${code.surname}`;
}

export function parseConsignmentCode(value: string, policy: PolicyDocument): ConsignmentCode {
  const m = /^([a-z]{2})(\d+)(\p{Script=Han}{1,2})$/u.exec(value.trim());
  const prefixes = policy.consignment.codePrefixes;
  const kind: ConsignorKind | undefined =
    m?.[1] === prefixes.wholesale
      ? 'wholesale'
      : m?.[1] === prefixes.franchise
        ? 'franchise'
        : undefined;
  if (!m || !kind) {
    throw new DomainError(
      'CONSIGNMENT_CODE_INVALID',
      `"${value}" is not a consignment code (${prefixes.wholesale}|${prefixes.franchise} + number + surname)`,
      { value },
    );
  }
  return { kind, number: Number(m[2]), surname: m[3] as string };
}
