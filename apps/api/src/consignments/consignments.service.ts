import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ConsignmentWorkflowInput } from '@aso/contracts';
import { caseNumberAt, decideConsignment, DomainError, formatCaseNumber } from '@aso/domain';
import { CasesRepository } from '@aso/persistence';
import { CaseGateway } from '@aso/temporal';
import { assertMayOpenConsignment } from '../auth/access-policy';
import { toCaseActor, type AuthUser } from '../auth/auth-user';
import { CasesService } from '../cases/cases.service';
import { ApiError } from '../common/api-error';
import { CLOCK, type Clock } from '../common/clock';
import type { IdempotentCommand } from '../idempotency/command-id.decorator';
import { stableJson } from '../idempotency/request-fingerprint';
import { PoliciesService } from '../policies/policies.service';
import type { OpenConsignmentBody, OpenedConsignment } from './consignments.dto';

/**
 * A consignment (DOMAIN.md §4, 002 ch.12), opened like a return (ReturnsService.open): the
 * domain judges the opening before a number is drawn, the number and the intent are one
 * statement per idempotency key, the workflow starts with id = case number (attached to on a
 * retry), and the answer waits, bounded, for the read-model row.
 */
@Injectable()
export class ConsignmentsService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly caseViews: CasesService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly gateway: CaseGateway,
    private readonly policies: PoliciesService,
  ) {}

  async open(
    user: AuthUser,
    input: OpenConsignmentBody,
    command?: IdempotentCommand,
  ): Promise<OpenedConsignment> {
    assertMayOpenConsignment(user);
    const organisationId = user.organisationId;
    const actor = toCaseActor(user);
    const policy = await this.policies.current(organisationId);
    const reportPeriod = input.terms.reportPeriod ?? policy.consignment.reportPeriod;
    const open: ConsignmentWorkflowInput['open'] = {
      consignor: {
        name: input.consignor.name,
        surname: input.consignor.surname,
        phone: input.consignor.phone ?? null,
        customerId: input.consignor.customerId ?? null,
      },
      customerKind: input.customerKind,
      goods: input.goods.map((g) => ({ ...g })),
      terms: {
        commissionBp: input.terms.commissionBp,
        reportPeriod,
        settlementPeriod: input.terms.settlementPeriod ?? reportPeriod,
        durationMonths: input.terms.durationMonths,
      },
      customerPresent: input.customerPresent,
    };
    const probe = decideConsignment(
      null,
      {
        type: 'OpenConsignment',
        actor,
        caseNumber: formatCaseNumber('DX', '202601', 1),
        ...open,
      },
      this.clock(),
      policy,
    );
    if (!probe.ok) throw namingTheField(probe.error);
    const [opened] = probe.events;
    if (opened?.type !== 'ConsignmentOpened') throw new Error('OpenConsignment opened nothing');

    const prefix = 'DX' as const;
    const requestHash = createHash('sha256').update(stableJson(input)).digest('hex');
    const intent = await this.cases.recordIntent({
      organisationId,
      userId: user.id,
      key: command?.key ?? `server:${randomUUID()}`,
      requestHash,
      prefix,
      now: this.clock(),
      numberFor: (sequence) => caseNumberAt(prefix, this.clock(), sequence),
    });
    if (intent.requestHash !== requestHash) {
      throw new ApiError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key already opened a case for a different request',
        { key: command?.key, caseNumber: intent.caseNumber },
      );
    }
    const { caseNumber } = intent;
    await this.gateway.startConsignment({
      organisationId,
      storeId: input.storeId ?? null,
      caseNumber,
      openedAt: intent.createdAt.toISOString(),
      openedBy: actor,
      open,
      policy,
    });
    await this.caseViews.awaitRow(organisationId, caseNumber);
    return {
      caseNumber,
      policyVersion: policy.version,
      listNumber: `${caseNumber}-L`,
      items: opened.items.map((i) => ({
        code: i.code,
        item: i.item,
        quantity: i.quantity,
        priceFen: i.priceFen,
      })),
      labels: opened.items.map((i) => ({ code: i.code, item: i.item, copies: i.quantity })),
      status: input.customerPresent ? 'active' : 'awaiting_signature',
    };
  }
}

/** A domain refusal about one field of the request names it like a 400 of the DTO does. */
function namingTheField(error: DomainError): DomainError {
  const field = error.details.field;
  if (typeof field !== 'string' || 'issues' in error.details) return error;
  return new DomainError(error.code, error.message, {
    ...error.details,
    issues: [{ path: `body.${field}`, message: error.message }],
  });
}
