import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { caseNumberAt, decideFollowUp, formatCaseNumber, type FollowUpSource } from '@aso/domain';
import { CasesRepository } from '@aso/persistence';
import { CaseGateway } from '@aso/temporal';
import { assertMayOpenFollowUp } from '../auth/access-policy';
import { toCaseActor, type AuthUser } from '../auth/auth-user';
import { CasesService } from '../cases/cases.service';
import { ApiError } from '../common/api-error';
import { CLOCK, type Clock } from '../common/clock';
import type { IdempotentCommand } from '../idempotency/command-id.decorator';
import { stableJson } from '../idempotency/request-fingerprint';
import { PoliciesService } from '../policies/policies.service';
import type { OpenedFollowUp, OpenFollowUpBody } from './follow-ups.dto';

/**
 * Planned follow-up calls (DOMAIN.md §5; 004 三.(一)), opened exactly like a complaint
 * (CasesService.openComplaint): the domain judges the request before a number is drawn, the
 * number and the intent are one statement per idempotency key, the workflow starts with id =
 * case number (attached to on a retry), and the answer waits, bounded, for the read-model row.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly caseViews: CasesService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly gateway: CaseGateway,
    private readonly policies: PoliciesService,
  ) {}

  async open(
    user: AuthUser,
    input: OpenFollowUpBody,
    command?: IdempotentCommand,
  ): Promise<OpenedFollowUp> {
    assertMayOpenFollowUp(user);
    const organisationId = user.organisationId;
    const actor = toCaseActor(user);
    const policy = await this.policies.current(organisationId);
    const source: FollowUpSource = { kind: 'plan', plan: input.plan, planRef: input.planRef };
    const customer = { name: input.customer.name, phone: input.customer.phone ?? null };
    const probe = decideFollowUp(
      null,
      {
        type: 'OpenFollowUp',
        actor,
        caseNumber: formatCaseNumber('HF', '202601', 1),
        source,
        customer,
      },
      this.clock(),
      policy,
    );
    if (!probe.ok) throw probe.error;

    const requestHash = createHash('sha256').update(stableJson(input)).digest('hex');
    const intent = await this.cases.recordIntent({
      organisationId,
      userId: user.id,
      key: command?.key ?? `server:${randomUUID()}`,
      requestHash,
      prefix: 'HF',
      now: this.clock(),
      numberFor: (sequence) => caseNumberAt('HF', this.clock(), sequence),
    });
    if (intent.requestHash !== requestHash) {
      throw new ApiError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key already opened a case for a different request',
        { key: command?.key, caseNumber: intent.caseNumber },
      );
    }
    const { caseNumber } = intent;
    await this.gateway.startFollowUp({
      organisationId,
      storeId: input.storeId ?? null,
      caseNumber,
      openedAt: intent.createdAt.toISOString(),
      source,
      customer,
      openedBy: actor,
      policy,
    });
    await this.caseViews.awaitRow(organisationId, caseNumber);
    return { caseNumber, policyVersion: policy.version };
  }
}
