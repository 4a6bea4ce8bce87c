import { Injectable } from '@nestjs/common';
import {
  DomainError,
  builtInPoliciesAbove,
  builtInPolicy,
  currentBuiltInPolicy,
  parsePolicy,
  policyDocumentSchema,
  type PolicyDocument,
  type Role,
} from '@aso/domain';
import { AuditRepository, PoliciesRepository, type PolicyVersionEntity } from '@aso/persistence';
import { assertAdmin } from '../auth/access-policy';
import type { AuthUser } from '../auth/auth-user';
import { ApiError } from '../common/api-error';
import { recordOrgEvent } from '../audit/org-audit';
import { diffPolicies, type PolicyChange } from './policy-diff';

/**
 * Who reads the policy versions: admins (who publish them), auditors (who check a case against
 * the version it pinned) and the managers who approve under them (department managers, the
 * sales VP, the VP in charge, the GM: their limits and deadlines are in the document). Staff and
 * supervisors work tasks whose deadlines the case already shows; they are refused.
 */
export const POLICY_READER_ROLES: readonly Role[] = [
  'admin',
  'auditor',
  'manager',
  'sales_vp',
  'vp',
  'gm',
];

export function assertMayReadPolicies(user: AuthUser): void {
  if (POLICY_READER_ROLES.some((r) => user.roles.includes(r))) return;
  throw new DomainError(
    'WRONG_ROLE',
    `Policy versions are read by: ${POLICY_READER_ROLES.join(', ')}`,
    { userId: user.id, requiredRoles: [...POLICY_READER_ROLES], actualRoles: [...user.roles] },
  );
}

export interface PolicyVersionSummary {
  version: number;
  name: string;
  effectiveFrom: string;
  publishedAt: string;
  publishedBy: string;
}

export interface PolicyVersionView extends PolicyVersionSummary {
  document: PolicyDocument;
}

export interface PolicyDiffView {
  from: number;
  to: number;
  changes: PolicyChange[];
}

const summaryOf = (row: PolicyVersionEntity): PolicyVersionSummary => {
  const content = row.content as { name?: unknown; effectiveFrom?: unknown };
  return {
    version: row.version,
    name: typeof content.name === 'string' ? content.name : '',
    effectiveFrom: typeof content.effectiveFrom === 'string' ? content.effectiveFrom : '',
    publishedAt: row.createdAt.toISOString(),
    publishedBy: row.createdBy,
  };
};

/**
 * The policy a new case pins, and the admins' versions (DOMAIN.md "Policy versions"). Versions
 * are data in PostgreSQL, added and never edited (a trigger refuses an UPDATE); an organisation
 * gets every built-in version above its latest stored one recorded on first use (version 2 is
 * the newest: DOMAIN.md's seed decisions), so new cases pin the newest while a case that pinned
 * version 1 keeps it. Running cases never read this again: their workflow input carries the
 * version they started with.
 */
@Injectable()
export class PoliciesService {
  constructor(
    private readonly policies: PoliciesRepository,
    private readonly audit: AuditRepository,
  ) {}

  async current(organisationId: string): Promise<PolicyDocument> {
    const latest = await this.policies.latestVersion(organisationId);
    const missing = builtInPoliciesAbove(latest);
    if (missing.length === 0 && latest !== null) return this.document(organisationId, latest);
    // Oldest first, each at most once (a concurrent first use adds nothing twice); a version
    // the organisation published itself in the meantime wins over the built-in of its number.
    for (const p of missing) await this.policies.add(organisationId, p.version, p, 'system');
    const now = await this.policies.latestVersion(organisationId);
    return now !== null ? this.document(organisationId, now) : currentBuiltInPolicy;
  }

  /**
   * A stored version, parsed once per process: a version is never edited or deleted (a trigger
   * refuses both), so its parse stays true. Every case opening asked for the newest document,
   * and reading and validating it again was ~2 ms of the API's CPU each time (issue 14).
   * Frozen, since every caller shares it; bounded, oldest out first.
   */
  private async document(organisationId: string, version: number): Promise<PolicyDocument> {
    const key = `${organisationId}\u0000${version}`;
    const known = this.parsed.get(key);
    if (known) return known;
    const row = await this.policies.find(organisationId, version);
    if (!row) throw new Error(`policy version ${version} of ${organisationId} vanished`);
    const document = deepFreeze(parsePolicy(row.content));
    if (this.parsed.size >= PARSED_POLICIES_MAX) {
      this.parsed.delete(this.parsed.keys().next().value as string);
    }
    this.parsed.set(key, document);
    return document;
  }

  private readonly parsed = new Map<string, PolicyDocument>();

  async list(user: AuthUser): Promise<PolicyVersionSummary[]> {
    assertMayReadPolicies(user);
    await this.current(user.organisationId);
    return (await this.policies.list(user.organisationId)).map(summaryOf);
  }

  async get(user: AuthUser, version: number): Promise<PolicyVersionView> {
    assertMayReadPolicies(user);
    const row = await this.row(user.organisationId, version);
    return { ...summaryOf(row), document: parsePolicy(row.content) };
  }

  /** What changed from version `from` to version `to` (either order), leaf by leaf. */
  async diff(user: AuthUser, from: number, to: number): Promise<PolicyDiffView> {
    assertMayReadPolicies(user);
    const [a, b] = await Promise.all([
      this.row(user.organisationId, from),
      this.row(user.organisationId, to),
    ]);
    return { from, to, changes: diffPolicies(a.content, b.content) };
  }

  /**
   * Publishes a new version (an admin's; never an edit): the whole document is validated and
   * every offending path answered at once (400, `body.<path>`), the version must follow the
   * latest, and a concurrent publication of the same number loses with 409. Audited in the
   * organisation's trail with the diff against the version it supersedes.
   */
  async publish(user: AuthUser, document: unknown): Promise<PolicyVersionView> {
    assertAdmin(user, 'Publishing a policy version');
    const latest = await this.current(user.organisationId);
    const issues = validationIssues(document, latest.version + 1);
    if (issues.length > 0) {
      throw new ApiError(
        'VALIDATION_FAILED',
        `Policy document rejected: ${issues.map((i) => i.path).join(', ')}`,
        { issues },
      );
    }
    const policy = parsePolicy(document);
    const added = await this.policies.add(user.organisationId, policy.version, policy, user.id);
    if (!added) {
      throw new ApiError('CONFLICT', `Policy version ${policy.version} was just published`, {
        version: policy.version,
      });
    }
    await recordOrgEvent(this.audit, {
      organisationId: user.organisationId,
      key: `policy:v${policy.version}`,
      actor: user.id,
      action: 'PolicyVersionPublished',
      policyVersion: policy.version,
      data: {
        version: policy.version,
        supersedes: latest.version,
        name: policy.name,
        changes: diffPolicies(latest, policy).map((c) => c.path),
      },
    });
    return this.get(user, policy.version);
  }

  private async row(organisationId: string, version: number): Promise<PolicyVersionEntity> {
    if (builtInPolicy(version)) await this.current(organisationId);
    const row = await this.policies.find(organisationId, version);
    if (!row) {
      throw new ApiError('NOT_FOUND', `No policy version ${version}`, { version });
    }
    return row;
  }
}

/** Parsed versions kept per process (organisations × their versions in use). */
const PARSED_POLICIES_MAX = 1000;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The longest free text of a policy document (a name, an article cited in `basis`, a label). */
const MAX_POLICY_TEXT = 1000;

/** Every offending path of the document (schema and cross-field rules, and the version number). */
function validationIssues(
  document: unknown,
  nextVersion: number,
): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  const parsed = policyDocumentSchema.safeParse(document);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      if (i.code === 'unrecognized_keys')
        for (const k of i.keys)
          issues.push({ path: ['body', ...i.path, k].join('.'), message: 'unknown field' });
      else issues.push({ path: ['body', ...i.path].join('.'), message: i.message });
    }
  }
  // The domain's schema bounds numbers and enums; free text (names, bases, labels) is bounded here.
  const walk = (v: unknown, path: string[]): void => {
    if (typeof v === 'string' && v.length > MAX_POLICY_TEXT)
      issues.push({ path: path.join('.'), message: `at most ${MAX_POLICY_TEXT} characters` });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, String(i)]));
    else if (typeof v === 'object' && v !== null)
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(document, ['body']);
  const version = (document as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version !== nextVersion)
    issues.push({
      path: 'body.version',
      message: `must be ${nextVersion} (the next version; versions are never edited)`,
    });
  return issues;
}
