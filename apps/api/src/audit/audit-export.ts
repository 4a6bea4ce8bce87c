import type { AuditVerification } from '@aso/persistence';
import type { AuditEventView } from './audit.service';

/** Who an actor id is, for people reading an export outside the system. */
export interface ActorInfo {
  username: string;
  displayName: string;
}

export interface AuditExport {
  caseNumber: string;
  exportedAt: string;
  /** The chain's verification over exactly the exported events. */
  verification: AuditVerification;
  /** Actor id → user, for the user ids among the events' actors (system actors are absent). */
  actors: Record<string, ActorInfo>;
  /** Oldest first, exactly as GET /cases/:n/audit returns them. */
  events: AuditEventView[];
}

export const AUDIT_CSV_COLUMNS = [
  'seq',
  'occurred_at',
  'actor',
  'actor_username',
  'actor_name',
  'action',
  'policy_version',
  'data',
  'prev_hash',
  'hash',
] as const;

/** Excel users (many in China) need the BOM to open UTF-8 CSV as UTF-8 rather than GBK. */
const BOM = '\uFEFF';

/**
 * RFC 4180: CRLF line ends, every field quoted (so commas, quotes and line breaks inside the
 * JSON data survive), quotes doubled. `data` is the event's JSON. Display names are typed by
 * people, so one starting with = + - @ is prefixed with ' to keep Excel from running it as a
 * formula; every other column is written by the system and exported as stored.
 */
export function auditCsv(exported: AuditExport): string {
  const rows = exported.events.map((e) => {
    const who = exported.actors[e.actor];
    return [
      String(e.seq),
      e.occurredAt,
      e.actor,
      who?.username ?? '',
      neutraliseFormula(who?.displayName ?? ''),
      e.action,
      e.policyVersion === null ? '' : String(e.policyVersion),
      JSON.stringify(e.data),
      e.prevHash,
      e.hash,
    ];
  });
  return BOM + [[...AUDIT_CSV_COLUMNS], ...rows].map(csvLine).join('\r\n') + '\r\n';
}

const csvLine = (fields: readonly string[]): string =>
  fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(',');

const neutraliseFormula = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** Response headers carrying the verification, for the CSV (which has no room for it). */
export function verificationHeaders(v: AuditVerification): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Audit-Chain-Valid': String(v.valid),
    'X-Audit-Event-Count': String(v.count),
  };
  if (v.firstBrokenSeq !== undefined)
    headers['X-Audit-First-Broken-Seq'] = String(v.firstBrokenSeq);
  if (v.reason !== undefined) headers['X-Audit-Break-Reason'] = v.reason;
  return headers;
}
