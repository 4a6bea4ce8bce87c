import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aso/config';
import type { CaseActor } from '@aso/contracts';
import {
  AuditRepository,
  DATA_SOURCE,
  type AuditEventEntity,
  type AuditVerification,
} from '@aso/persistence';
import type { DataSource } from 'typeorm';

export interface AuditEventView {
  seq: number;
  occurredAt: string;
  actor: string;
  action: string;
  data: Record<string, unknown>;
  policyVersion: number | null;
  hash: string;
  prevHash: string;
}

/** The case's audit trail: refused actions are recorded here; history and verification read it. */
@Injectable()
export class AuditService {
  private readonly audit: AuditRepository;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) dataSource: DataSource,
  ) {
    this.audit = new AuditRepository(dataSource);
  }

  /**
   * A refusal of an illegal action is an audit event too (DOMAIN.md "Audit"). Keyed by the
   * request id, so a retried request is recorded once.
   */
  async recordRefusal(input: {
    caseNumber: string;
    actor: CaseActor;
    requestId: string;
    action: string;
    code: string;
    message: string;
    details: Record<string, unknown>;
  }): Promise<void> {
    await this.audit.appendKeyed({
      organisationId: this.config.ASO_ORGANISATION_ID,
      caseNumber: input.caseNumber,
      key: `api:${input.requestId}`,
      occurredAt: new Date(),
      actor: input.actor.userId,
      action: 'ActionRefused',
      data: JSON.parse(
        JSON.stringify({
          attempted: input.action,
          code: input.code,
          message: input.message,
          details: input.details,
          department: input.actor.department,
          roles: input.actor.roles,
        }),
      ),
      policyVersion: null,
    });
  }

  async history(caseNumber: string): Promise<AuditEventView[]> {
    const rows = await this.audit.history(this.config.ASO_ORGANISATION_ID, caseNumber);
    return rows.map(toView);
  }

  verify(caseNumber: string): Promise<AuditVerification> {
    return this.audit.verify(this.config.ASO_ORGANISATION_ID, caseNumber);
  }
}

const toView = (r: AuditEventEntity): AuditEventView => ({
  seq: r.seq,
  occurredAt: r.occurredAt.toISOString(),
  actor: r.actor,
  action: r.action,
  data: r.data,
  policyVersion: r.policyVersion,
  hash: r.hash,
  prevHash: r.prevHash,
});
