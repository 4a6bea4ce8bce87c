import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JsonObject } from '../audit/canonical-json';

/**
 * One append-only audit event, a link of its case's hash chain. Rows are never updated or
 * deleted (a trigger refuses it, see the audit-trail migration); there is deliberately no
 * foreign key to `cases`, since refusals are audited also for cases that never opened.
 */
@Entity({ name: 'audit_events' })
@Index('audit_events_org_case_seq_idx', ['organisationId', 'caseNumber', 'seq'])
export class AuditEventEntity {
  @Column({ name: 'organisation_id', type: 'text' })
  organisationId!: string;

  @PrimaryColumn({ name: 'case_number', type: 'text' })
  caseNumber!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'jsonb' })
  data!: JsonObject;

  @Column({ name: 'policy_version', type: 'integer', nullable: true })
  policyVersion!: number | null;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;

  /** idempotency key of the writer (`wf:<n>` from a workflow, `api:<request id>` from the API) */
  @Column({ name: 'event_key', type: 'text', nullable: true })
  eventKey!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
