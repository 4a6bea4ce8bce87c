import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CaseActor } from '@aso/contracts';
import {
  AuditRepository,
  DATA_SOURCE,
  type AuditEventEntity,
  type AuditVerification,
} from '@aso/persistence';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { CasesService } from '../cases/cases.service';

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
    @Inject(DATA_SOURCE) dataSource: DataSource,
    private readonly cases: CasesService,
  ) {
    this.audit = new AuditRepository(dataSource);
  }

  /**
   * A refusal of an illegal action is an audit event too (DOMAIN.md "Audit"). Each refusal is
   * its own event under a key the server makes: the request id is the client's to choose
   * (X-Request-Id), so keying by it let a reused id suppress later refusals (issue 8 #7). The
   * request id is kept in the event's data, to correlate with logs.
   */
  async recordRefusal(input: {
    organisationId: string;
    caseNumber: string;
    actor: CaseActor;
    requestId: string;
    action: string;
    code: string;
    message: string;
    details: Record<string, unknown>;
  }): Promise<void> {
    await this.audit.appendKeyed({
      organisationId: input.organisationId,
      caseNumber: input.caseNumber,
      key: `api:${randomUUID()}`,
      occurredAt: new Date(),
      actor: input.actor.userId,
      action: 'ActionRefused',
      data: JSON.parse(
        JSON.stringify({
          attempted: input.action,
          requestId: input.requestId,
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

  /** The full history: for auditors and those who work the case (it holds the internal form). */
  async history(user: AuthUser, caseNumber: string): Promise<AuditEventView[]> {
    await this.cases.readable(user, caseNumber);
    const rows = await this.audit.history(user.organisationId, caseNumber);
    return rows.map(toView);
  }

  async verify(user: AuthUser, caseNumber: string): Promise<AuditVerification> {
    await this.cases.readable(user, caseNumber);
    return this.audit.verify(user.organisationId, caseNumber);
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
