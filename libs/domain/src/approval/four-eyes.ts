import { DomainError } from '../errors/domain-error';
import { type Fen, formatFen } from '../money/money';
import type { PolicyDocument } from '../policy/policy.schema';
import type { Actor } from '../shared/org';
import { type ApprovalRoute, type ApprovalStep, approvalLimitOf } from './route-approval';

export interface Approver extends Actor {
  /** a personal limit stricter than the role's (acting managers); never raises the role's */
  personalLimitFen?: Fen | null;
}

export interface RecordedApproval {
  stepIndex: number;
  userId: string;
}

/** The step that still needs a signature, or undefined when the chain is complete. */
export const nextApprovalStep = (
  route: ApprovalRoute,
  approvals: readonly RecordedApproval[],
): ApprovalStep | undefined =>
  route.steps.find((s) => !approvals.some((a) => a.stepIndex === s.index));

/**
 * Four-eyes and authority checks for one signature (DOMAIN.md "Approvals"): the proposer never
 * approves their own proposal, nobody signs twice in one chain, the signer holds the step's
 * role in the step's department, and the amount is within the signer's limit.
 */
export function assertMayApprove(input: {
  policy: PolicyDocument;
  route: ApprovalRoute;
  step: ApprovalStep;
  approver: Approver;
  proposerId: string;
  approvals: readonly RecordedApproval[];
}): void {
  const { policy, route, step, approver, proposerId, approvals } = input;
  const who = { userId: approver.userId, action: route.action, stepIndex: step.index };
  if (approver.userId === proposerId) {
    throw new DomainError(
      'SELF_APPROVAL',
      `${approver.userId} proposed this ${route.action} and cannot approve it`,
      { ...who, proposerId },
    );
  }
  if (approvals.some((a) => a.userId === approver.userId)) {
    throw new DomainError(
      'APPROVER_REPEATED',
      `${approver.userId} has already signed this approval chain`,
      {
        ...who,
        earlierSteps: approvals.filter((a) => a.userId === approver.userId).map((a) => a.stepIndex),
      },
    );
  }
  if (!approver.roles.includes(step.role)) {
    throw new DomainError(
      'WRONG_ROLE',
      `Step ${step.index + 1} of ${route.action} needs the role ${step.role}`,
      {
        ...who,
        requiredRole: step.role,
        actualRoles: [...approver.roles],
      },
    );
  }
  if (step.department !== undefined && approver.department !== step.department) {
    throw new DomainError(
      'WRONG_DEPARTMENT',
      `Step ${step.index + 1} of ${route.action} belongs to the ${step.department} department`,
      {
        ...who,
        requiredDepartment: step.department,
        actualDepartment: approver.department,
      },
    );
  }
  if (step.checkLimit) {
    const roleLimit = approvalLimitOf(policy, step.role, step.department ?? approver.department);
    const personal = approver.personalLimitFen ?? null;
    const limit =
      roleLimit === null ? personal : personal === null ? roleLimit : Math.min(roleLimit, personal);
    if (limit !== null && route.amountFen > limit) {
      throw new DomainError(
        'APPROVAL_LIMIT_EXCEEDED',
        `${formatFen(route.amountFen)} exceeds the ${step.role} limit of ${formatFen(limit)}`,
        {
          ...who,
          role: step.role,
          amountFen: route.amountFen,
          limitFen: limit,
          amount: formatFen(route.amountFen),
          limit: formatFen(limit),
          policyVersion: policy.version,
        },
      );
    }
  }
}
