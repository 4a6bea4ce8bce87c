import { Inject, Injectable } from '@nestjs/common';
import type { StandaloneReturnRequest } from '@aso/contracts';
import { decideReturn, formatCaseNumber } from '@aso/domain';
import { CaseGateway } from '@aso/temporal';
import { assertMayOpenReturn } from '../auth/access-policy';
import { toCaseActor, type AuthUser } from '../auth/auth-user';
import { CasesService } from '../cases/cases.service';
import { ApiError } from '../common/api-error';
import { namingTheField } from '../common/naming-the-field';
import { CLOCK, type Clock } from '../common/clock';
import type { IdempotentCommand } from '../idempotency/command-id.decorator';
import { PoliciesService } from '../policies/policies.service';
import {
  eligibilityView,
  type OpenedReturn,
  type OpenReturnBody,
  settlementView,
} from './returns.dto';

/** How far a request time may run ahead of the server's clock (the caller's clock skew). */
const REQUEST_CLOCK_LEEWAY_MS = 60_000;

/**
 * A customer's own return / exchange (DOMAIN.md §2; 001 篇3 退货流程): opened exactly like a
 * repair (RepairsService.openRepair): the domain judges the request and evaluates its rules
 * before a number is drawn, the number and the intent are one statement per idempotency key,
 * the workflow starts with id = case number (attached to on a retry), and the answer waits,
 * bounded, for the read-model row. The answer carries what the rules said and which rule decided.
 */
@Injectable()
export class ReturnsService {
  constructor(
    private readonly caseViews: CasesService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly gateway: CaseGateway,
    private readonly policies: PoliciesService,
  ) {}

  async open(
    user: AuthUser,
    input: OpenReturnBody,
    command?: IdempotentCommand,
  ): Promise<OpenedReturn> {
    assertMayOpenReturn(user);
    const organisationId = user.organisationId;
    const actor = toCaseActor(user);
    // The customer cannot have asked later than now (a minute's leeway for the caller's clock).
    if (Date.parse(input.requestedAt) > this.clock().getTime() + REQUEST_CLOCK_LEEWAY_MS) {
      throw new ApiError('VALIDATION_FAILED', 'Invalid input: body.requestedAt', {
        issues: [{ path: 'body.requestedAt', message: 'must not be in the future' }],
      });
    }
    const policy = await this.policies.current(organisationId);
    const standalone = standaloneRequestOf(input);
    const probe = decideReturn(
      null,
      {
        type: 'RequestReturn',
        actor,
        caseNumber: formatCaseNumber('TH', '202601', 1),
        request: standalone.request,
        ...(standalone.eligibility ? { eligibility: standalone.eligibility } : {}),
        ...(standalone.priceDifference ? { priceDifference: standalone.priceDifference } : {}),
        ...(standalone.shippingClaim ? { shippingClaim: standalone.shippingClaim } : {}),
      },
      this.clock(),
      policy,
    );
    if (!probe.ok) throw namingTheField(probe.error);
    const [requested] = probe.events;
    if (requested?.type !== 'ReturnRequested') throw new Error('RequestReturn decided no request');

    const { caseNumber } = await this.caseViews.openOnce(
      user,
      'TH',
      input,
      command,
      async ({ caseNumber, openedAt }) => {
        await this.gateway.startReturn({
          organisationId,
          storeId: input.storeId ?? null,
          caseNumber,
          parentCaseNumber: null,
          openedAt,
          openedBy: actor,
          approvedQuantity: null,
          method: standalone.request.method,
          orderNumber: input.orderNumber,
          customerName: input.customer.name,
          reason: input.reasonText,
          policy,
          standalone,
        });
      },
    );
    return {
      caseNumber,
      policyVersion: policy.version,
      eligibility: eligibilityView(requested.eligibility),
      settlement: settlementView(requested.settlement),
    };
  }
}

/** The request as the workflow and the domain take it (instants as epoch ms). */
export function standaloneRequestOf(b: OpenReturnBody): StandaloneReturnRequest {
  const requestedAt = Date.parse(b.requestedAt);
  const standalone: StandaloneReturnRequest = {
    request: {
      orderNumber: b.orderNumber,
      serialNumber: b.serialNumber,
      reason: b.reasonText,
      customerAccount: b.customer.account,
      quantity: b.quantity,
      method: b.kind === 'exchange' ? 'exchange' : 'refund',
      kind: b.kind,
      channel: b.channel,
      customerKind: b.customerKind,
      requestedAt: new Date(requestedAt).toISOString(),
    },
    customerPhone: b.customer.phone ?? null,
  };
  if ((b.kind === 'return' || b.kind === 'exchange') && b.deliveredAt !== undefined) {
    standalone.eligibility = {
      customerKind: b.customerKind,
      reason: b.reason,
      requestType: b.kind,
      deliveredAt: Date.parse(b.deliveredAt),
      requestedAt,
      qualityProblemConfirmed: b.qualityProblemConfirmed,
      poweredOn: b.poweredOn,
      partsReturned: [...new Set(b.partsReturned)],
      ...(b.remedyPossible !== undefined ? { remedyPossible: b.remedyPossible } : {}),
      ...(b.selfPickup !== undefined ? { selfPickup: b.selfPickup } : {}),
      ...(b.videoChecked !== undefined ? { videoChecked: b.videoChecked } : {}),
      ...(b.replacementAvailable !== undefined
        ? { replacementAvailable: b.replacementAvailable }
        : {}),
      ...(b.franchise ? { franchise: { ...b.franchise, requestedQuantity: b.quantity } } : {}),
    };
  }
  if (b.kind === 'price_difference' && b.priceDifference)
    standalone.priceDifference = { ...b.priceDifference, quantity: b.quantity };
  if (b.kind === 'shipping_claim' && b.shippingClaim)
    standalone.shippingClaim = { ...b.shippingClaim };
  return standalone;
}
