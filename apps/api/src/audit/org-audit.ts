import type { JsonObject } from '@aso/persistence';
import type { AuditRepository } from '@aso/persistence';

/**
 * The organisation's own audit trail (not a case's): policy publications, absences and their
 * task hand-overs. It is a hash chain of `audit_events` like a case's, under the chain name
 * `org:<organisation id>` (never a case number: those are `<prefix><yyyymm>-<seq>`), so the
 * append-only trigger and the chain check cover it the same way. `key` makes a retry a no-op.
 */
export const orgAuditChain = (organisationId: string): string => `org:${organisationId}`;

export async function recordOrgEvent(
  audit: AuditRepository,
  input: {
    organisationId: string;
    key: string;
    actor: string;
    action: string;
    data: Record<string, unknown>;
    policyVersion?: number | null;
    at?: Date;
  },
): Promise<void> {
  await audit.appendKeyed({
    organisationId: input.organisationId,
    caseNumber: orgAuditChain(input.organisationId),
    key: input.key,
    occurredAt: new Date(Math.floor((input.at ?? new Date()).getTime())),
    actor: input.actor,
    action: input.action,
    data: JSON.parse(JSON.stringify(input.data)) as JsonObject,
    policyVersion: input.policyVersion ?? null,
  });
}
