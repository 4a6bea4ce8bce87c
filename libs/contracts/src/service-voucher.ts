import { parseCaseNumber } from '@aso/domain';

/** The prefix of the service voucher 服务凭证 (001 §7): `FW` (服务). */
export const SERVICE_VOUCHER_PREFIX = 'FW';

/**
 * The number of the service voucher drawn for a repair (001 §7: one voucher per service
 * request): the repair's own number under the voucher prefix, `WX202612-0007` → `FW202612-0007`.
 * Derived, not drawn from a second sequence, so every retry of an opening (and a repair started
 * as a complaint's child) gets the same number and voucher and register line match one to one.
 */
export function serviceVoucherNumberOf(repairCaseNumber: string): string {
  const parsed = parseCaseNumber(repairCaseNumber);
  if (!parsed || parsed.prefix !== 'WX')
    throw new Error(`"${repairCaseNumber}" is not a repair number (WXyyyymm-seq)`);
  return `${SERVICE_VOUCHER_PREFIX}${repairCaseNumber.slice(2)}`;
}
