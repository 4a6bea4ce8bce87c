import { DomainError } from '../errors/domain-error';
import { type Fen, assertFen, formatFen } from '../money/money';
import type { PolicyDocument } from '../policy/policy.schema';

/** 001 §6: paid (A), contract (B), free (C), internal (D) service. */
export const SERVICE_KINDS = ['A', 'B', 'C', 'D'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export interface FeeHandling {
  kind: ServiceKind;
  mode: 'collect_on_site' | 'invoice_later' | 'under_contract' | 'no_fee' | 'internal_cost';
  /** who issues the invoice, and from what */
  invoice: 'finance_mails_after_cash_handover' | 'finance_issues_from_voucher' | null;
  feeFen: Fen;
  basis: string;
}

/**
 * 001 §9: a low paid-service fee is collected on the spot and handed to finance, which then
 * mails the invoice; otherwise finance invoices from the service voucher and collects later.
 * "Low" is the policy's collectOnSiteUpToFen.
 */
export function feeHandling(kind: ServiceKind, feeFen: Fen, policy: PolicyDocument): FeeHandling {
  assertFen(feeFen, 'feeFen');
  if (feeFen < 0)
    throw new DomainError('MONEY_INVALID', 'A service fee cannot be negative', { feeFen });
  const fee = policy.repair.serviceKinds[kind].fee;
  if (fee !== 'charged' && feeFen > 0) {
    throw new DomainError(
      'COMMAND_INVALID',
      `Service kind ${kind} (${policy.repair.serviceKinds[kind].label}) charges no fee, got ${formatFen(feeFen)}`,
      { kind, feeFen },
    );
  }
  switch (fee) {
    case 'charged':
      return feeFen <= policy.repair.collectOnSiteUpToFen
        ? {
            kind,
            mode: 'collect_on_site',
            invoice: 'finance_mails_after_cash_handover',
            feeFen,
            basis: '001 §9 费用较低者当场收费,交财务部凭以补寄发票',
          }
        : {
            kind,
            mode: 'invoice_later',
            invoice: 'finance_issues_from_voucher',
            feeFen,
            basis: '001 §9 以服务凭证为据,由财务部开具发票,另行前往收费',
          };
    case 'contract':
      return {
        kind,
        mode: 'under_contract',
        invoice: null,
        feeFen: 0,
        basis: '001 §6 合同服务(B)',
      };
    case 'free':
      return { kind, mode: 'no_fee', invoice: null, feeFen: 0, basis: '001 §6 免费服务(C)' };
    case 'internal':
      return {
        kind,
        mode: 'internal_cost',
        invoice: null,
        feeFen: 0,
        basis: '001 §6 内务服务(D); 001 §12 travel costs go to service cost',
      };
  }
}
