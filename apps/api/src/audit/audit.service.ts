import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CaseActor } from '@aso/contracts';
import { CaseHistory } from '@aso/temporal';
import {
  AuditRepository,
  CasesRepository,
  type AuditEventEntity,
  type AuditVerification,
} from '@aso/persistence';
import type { AuthUser } from '../auth/auth-user';
import { CasesService } from '../cases/cases.service';
import { caseAsOf, type CaseAsOf } from './as-of';
import { disagreementsWithHistory, type HistoryDisagreement } from './history-check';

/** The chain check, and with `?against=history` what the database says differently from history. */
export interface AuditVerificationReport extends AuditVerification {
  against?: 'history';
  /** present with `against=history`: every event/time whose effective content differs */
  disagreements?: HistoryDisagreement[];
}

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
  constructor(
    private readonly audit: AuditRepository,
    private readonly readModels: CasesRepository,
    private readonly cases: CasesService,
    private readonly caseHistory: CaseHistory,
  ) {}

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

  /** The case as of a moment, from its audit trail (see as-of.ts): auditors' time slider. */
  async asOf(user: AuthUser, caseNumber: string, at: Date): Promise<CaseAsOf> {
    const { row } = await this.cases.readable(user, caseNumber);
    const rows = await this.audit.history(user.organisationId, caseNumber);
    return caseAsOf(caseNumber, row.type, rows, at);
  }

  async verify(
    user: AuthUser,
    caseNumber: string,
    against?: 'history',
  ): Promise<AuditVerificationReport> {
    await this.cases.readable(user, caseNumber);
    const chain = await this.audit.verify(user.organisationId, caseNumber);
    if (against !== 'history') return chain;
    const disagreements = await this.settledDisagreements(user.organisationId, caseNumber);
    return {
      ...chain,
      valid: chain.valid && disagreements.length === 0,
      against,
      disagreements,
    };
  }

  /**
   * History and the database are read one after the other while the case may still be
   * writing (a timer fired, a child started at the close). A write lands in the database before
   * history records its marker, so one read of each can see a write on one side only. What is
   * read is history first, then the database; a disagreement is read again, a few times, a
   * little later (about 1 s in all): a real one persists, one caught mid-write does not.
   */
  private async settledDisagreements(
    organisationId: string,
    caseNumber: string,
  ): Promise<HistoryDisagreement[]> {
    let disagreements: HistoryDisagreement[] = [];
    for (let attempt = 1; attempt <= VERIFY_ATTEMPTS; attempt++) {
      const digests = await this.caseHistory.writeDigests(caseNumber);
      const [trail, times] = await Promise.all([
        this.audit.history(organisationId, caseNumber),
        this.readModels.readModelTimes(organisationId, caseNumber),
      ]);
      disagreements = disagreementsWithHistory({
        digests,
        trail,
        caseClosedAt: times.closedAt,
        tasks: times.taskCreatedAt,
      });
      if (disagreements.length === 0 || attempt === VERIFY_ATTEMPTS) break;
      await new Promise((r) => setTimeout(r, VERIFY_PAUSE_MS * attempt));
    }
    return disagreements;
  }
}

/** Reads of history and the database before a disagreement is reported (see verify). */
const VERIFY_ATTEMPTS = 4;
const VERIFY_PAUSE_MS = 150;

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
