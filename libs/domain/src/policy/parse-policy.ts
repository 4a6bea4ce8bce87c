import { DomainError } from '../errors/domain-error';
import { type PolicyDocument, policyDocumentSchema } from './policy.schema';

export interface PolicyIssue {
  path: string;
  message: string;
}

/**
 * Validate an untrusted policy document (admin upload, stored JSON). Every offending path is
 * reported at once, so an admin fixes a document in one round, not one error per attempt.
 */
export function parsePolicy(input: unknown): PolicyDocument {
  const result = policyDocumentSchema.safeParse(input);
  if (result.success) return result.data;
  const issues: PolicyIssue[] = result.error.issues.map((i) => ({
    path: i.path.join('.') || '(root)',
    message: i.message,
  }));
  throw new DomainError(
    'POLICY_INVALID',
    `Policy document rejected: ${issues.length} issue(s): ${issues.map((i) => i.path).join(', ')}`,
    {
      issues,
    },
  );
}

export function validatePolicy(
  input: unknown,
): { ok: true; policy: PolicyDocument } | { ok: false; issues: PolicyIssue[] } {
  try {
    return { ok: true, policy: parsePolicy(input) };
  } catch (e) {
    if (e instanceof DomainError && e.code === 'POLICY_INVALID')
      return { ok: false, issues: (e.details as { issues: PolicyIssue[] }).issues };
    throw e;
  }
}
