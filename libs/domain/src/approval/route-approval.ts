import { DomainError } from '../errors/domain-error';
import { assertFen, type Fen, formatFen } from '../money/money';
import type { ApprovalRow, PolicyDocument } from '../policy/policy.schema';
import { type Department, ROLE_RANK, type Role } from '../shared/org';
import type { ApprovalAction } from './approval-actions';

export interface ApprovalContext {
  /** the proposer's department: resolves `department: 'requester'` (e.g. out-of-town service) */
  requesterDepartment?: Department;
  /** free-form facts shown in the explanation (case number, handling method …) */
  [key: string]: unknown;
}

export interface ApprovalStep {
  index: number;
  role: Role;
  department?: Department;
  checkLimit: boolean;
  source: 'bracket' | 'mandatory';
  basis: string;
}

export interface ApprovalExplanation {
  inputs: { action: ApprovalAction; amountFen: Fen; amount: string; context: ApprovalContext };
  policyVersion: number;
  matchedRow: ApprovalRow;
  bracket: { aboveFen: Fen | null; upToFen: Fen | null };
  mandatoryAdded: Array<{ role: Role; basis: string }>;
}

export interface ApprovalRoute {
  action: ApprovalAction;
  amountFen: Fen;
  steps: ApprovalStep[];
  /** the highest role rank in the chain: never decreases as the amount grows (policy-validated) */
  requiredLevel: number;
  explanation: ApprovalExplanation;
}

/**
 * 核决权限 (001 §27): which roles must approve `action` for `amountFen`, in order, and why.
 * The bracket is the first row of the action whose upper bound holds the amount; the action's
 * mandatory approvers (the sales VP on certificates and slips) are appended when missing.
 */
export function routeApproval(
  policy: PolicyDocument,
  action: ApprovalAction,
  amountFen: Fen,
  context: ApprovalContext = {},
): ApprovalRoute {
  assertFen(amountFen, 'amountFen');
  if (amountFen < 0)
    throw new DomainError('MONEY_INVALID', 'An approval amount cannot be negative', { amountFen });
  const rows = policy.approvalMatrix.rows.filter((r) => r.action === action);
  const index = rows.findIndex((r) => r.upToFen === null || amountFen <= r.upToFen);
  const row = rows[index];
  if (!row) {
    throw new DomainError(
      'APPROVAL_ROUTE_NOT_FOUND',
      `Policy v${policy.version} routes no approval for ${action} of ${formatFen(amountFen)}`,
      {
        action,
        amountFen,
        policyVersion: policy.version,
      },
    );
  }
  const resolve = (dept: Department | 'requester' | undefined): Department | undefined => {
    if (dept !== 'requester') return dept;
    if (!context.requesterDepartment) {
      throw new DomainError(
        'COMMAND_INVALID',
        `${action} is approved by the requester's department manager: requesterDepartment is required`,
        { action },
      );
    }
    return context.requesterDepartment;
  };
  const steps: ApprovalStep[] = row.chain.map((spec, i) => {
    const department = resolve(spec.department);
    return {
      index: i,
      role: spec.role,
      ...(department ? { department } : {}),
      checkLimit: spec.checkLimit,
      source: 'bracket',
      basis: row.basis,
    };
  });
  const mandatoryAdded: ApprovalExplanation['mandatoryAdded'] = [];
  for (const m of policy.approvalMatrix.mandatory.filter((x) => x.action === action)) {
    const department = resolve(m.approver.department);
    if (
      steps.some(
        (s) =>
          s.role === m.approver.role && (department === undefined || s.department === department),
      )
    )
      continue;
    steps.push({
      index: steps.length,
      role: m.approver.role,
      ...(department ? { department } : {}),
      checkLimit: m.approver.checkLimit,
      source: 'mandatory',
      basis: m.basis,
    });
    mandatoryAdded.push({ role: m.approver.role, basis: m.basis });
  }
  const previous = rows[index - 1];
  return {
    action,
    amountFen,
    steps,
    requiredLevel: Math.max(...steps.map((s) => ROLE_RANK[s.role])),
    explanation: {
      inputs: { action, amountFen, amount: formatFen(amountFen), context },
      policyVersion: policy.version,
      matchedRow: row,
      bracket: { aboveFen: previous?.upToFen ?? null, upToFen: row.upToFen },
      mandatoryAdded,
    },
  };
}

/** The most a holder of `role` (in `department`) may approve; null = unlimited, 0 = nothing. */
export function approvalLimitOf(
  policy: PolicyDocument,
  role: Role,
  department?: Department,
): Fen | null {
  const limits = policy.approvalMatrix.limits.filter((l) => l.role === role);
  const specific = limits.find((l) => l.department !== undefined && l.department === department);
  const general = limits.find((l) => l.department === undefined);
  const found = specific ?? general;
  return found ? found.maxFen : 0;
}
