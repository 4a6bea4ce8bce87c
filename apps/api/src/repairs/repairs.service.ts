import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { serviceVoucherNumberOf } from '@aso/contracts';
import {
  caseNumberAt,
  decideRepair,
  DomainError,
  formatCaseNumber,
  type ServiceRegisterEntry,
} from '@aso/domain';
import { CasesRepository } from '@aso/persistence';
import { CaseGateway } from '@aso/temporal';
import { assertMayOpenRepair } from '../auth/access-policy';
import { toCaseActor, type AuthUser } from '../auth/auth-user';
import { CasesService } from '../cases/cases.service';
import { ApiError } from '../common/api-error';
import { CLOCK, type Clock } from '../common/clock';
import type { IdempotentCommand } from '../idempotency/command-id.decorator';
import { stableJson } from '../idempotency/request-fingerprint';
import { PoliciesService } from '../policies/policies.service';
import type { OpenedRepair, OpenRepairBody } from './repairs.dto';

/**
 * Standalone repairs (DOMAIN.md §3): CS takes a service request by phone or document and
 * writes the service register entry (001 §7). Opened exactly like a complaint
 * (CasesService.openComplaint): the domain judges the entry before a number is drawn, the
 * number and the intent are committed in one statement per idempotency key, the workflow is
 * started with id = case number (attached to on a retry), and the answer waits, bounded, for
 * the worker's first write of the read-model row.
 */
@Injectable()
export class RepairsService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly caseViews: CasesService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly gateway: CaseGateway,
    private readonly policies: PoliciesService,
  ) {}

  async openRepair(
    user: AuthUser,
    input: OpenRepairBody,
    command?: IdempotentCommand,
  ): Promise<OpenedRepair> {
    assertMayOpenRepair(user);
    const organisationId = user.organisationId;
    const actor = toCaseActor(user);
    const policy = await this.policies.current(organisationId);
    const entry: ServiceRegisterEntry = { ...input.entry };
    // The domain judges the entry first, so a refused one burns no sequence number; the
    // placeholder numbers only satisfy the command's shape.
    const placeholder = formatCaseNumber('WX', '202601', 1);
    const probe = decideRepair(
      null,
      {
        type: 'OpenRepair',
        actor,
        caseNumber: placeholder,
        entry,
        voucherNumber: serviceVoucherNumberOf(placeholder),
      },
      this.clock(),
      policy,
    );
    if (!probe.ok) throw namingTheField(probe.error);

    const requestHash = createHash('sha256').update(stableJson(input)).digest('hex');
    const intent = await this.cases.recordIntent({
      organisationId,
      userId: user.id,
      key: command?.key ?? `server:${randomUUID()}`,
      requestHash,
      prefix: 'WX',
      now: this.clock(),
      numberFor: (sequence) => caseNumberAt('WX', this.clock(), sequence),
    });
    if (intent.requestHash !== requestHash) {
      throw new ApiError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key already opened a case for a different request',
        { key: command?.key, caseNumber: intent.caseNumber },
      );
    }
    const { caseNumber } = intent;
    const voucherNumber = serviceVoucherNumberOf(caseNumber);
    await this.gateway.startRepair({
      organisationId,
      storeId: input.storeId ?? null,
      caseNumber,
      parentCaseNumber: null,
      // The intent's instant: a retry starts exactly what the first attempt would have.
      openedAt: intent.createdAt.toISOString(),
      openedBy: actor,
      entry,
      voucherNumber,
      policy,
    });
    await this.caseViews.awaitRow(organisationId, caseNumber);
    return { caseNumber, voucherNumber, policyVersion: policy.version };
  }
}

/** A domain refusal about one field of the entry names it like a 400 of the DTO does. */
function namingTheField(error: DomainError): DomainError {
  const field = error.details.field;
  if (typeof field !== 'string' || 'issues' in error.details) return error;
  return new DomainError(error.code, error.message, {
    ...error.details,
    issues: [{ path: `body.${field}`, message: error.message }],
  });
}
