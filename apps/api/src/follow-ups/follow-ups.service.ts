import { Inject, Injectable } from '@nestjs/common';
import { decideFollowUp, formatCaseNumber, type FollowUpSource } from '@aso/domain';
import { CaseGateway } from '@aso/temporal';
import { assertMayOpenFollowUp } from '../auth/access-policy';
import { toCaseActor, type AuthUser } from '../auth/auth-user';
import { CasesService } from '../cases/cases.service';
import { CLOCK, type Clock } from '../common/clock';
import type { IdempotentCommand } from '../idempotency/command-id.decorator';
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

    const { caseNumber } = await this.caseViews.openOnce(
      user,
      'HF',
      input,
      command,
      async ({ caseNumber, openedAt }) => {
        await this.gateway.startFollowUp({
          organisationId,
          storeId: input.storeId ?? null,
          caseNumber,
          openedAt,
          source,
          customer,
          openedBy: actor,
          policy,
        });
      },
    );
    return { caseNumber, policyVersion: policy.version };
  }
}
