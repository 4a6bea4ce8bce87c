import { Injectable } from '@nestjs/common';
import { DomainError, defaultPolicy, parsePolicy, type PolicyDocument } from '@aso/domain';
import { PoliciesRepository } from '@aso/persistence';

/**
 * The policy a new case pins. Versions are data in PostgreSQL; an organisation without one gets
 * the default policy (version 1) recorded on first use. Running cases never read this again:
 * their workflow input carries the version they started with.
 */
@Injectable()
export class PoliciesService {
  constructor(private readonly policies: PoliciesRepository) {}

  async current(organisationId: string): Promise<PolicyDocument> {
    const latest = await this.policies.latest(organisationId);
    if (latest) return parsePolicy(latest.content);
    await this.policies.add(organisationId, defaultPolicy.version, defaultPolicy, 'system');
    return defaultPolicy;
  }

  /** Adds a new version (never edits one): its number must follow the latest. */
  async publish(organisationId: string, document: unknown, by: string): Promise<PolicyDocument> {
    const policy = parsePolicy(document);
    const latest = await this.current(organisationId);
    if (policy.version !== latest.version + 1) {
      throw new DomainError('POLICY_INVALID', `The next policy version is ${latest.version + 1}`, {
        issues: [{ path: 'version', message: `must be ${latest.version + 1}` }],
      });
    }
    await this.policies.add(organisationId, policy.version, policy, by);
    return policy;
  }
}
