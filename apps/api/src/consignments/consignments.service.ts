import { Inject, Injectable } from '@nestjs/common';
import type { ConsignmentWorkflowInput } from '@aso/contracts';
import { decideConsignment, formatCaseNumber } from '@aso/domain';
import { CaseGateway } from '@aso/temporal';
import { assertMayOpenConsignment } from '../auth/access-policy';
import { toCaseActor, type AuthUser } from '../auth/auth-user';
import { CasesService } from '../cases/cases.service';
import { namingTheField } from '../common/naming-the-field';
import { CLOCK, type Clock } from '../common/clock';
import type { IdempotentCommand } from '../idempotency/command-id.decorator';
import { PoliciesService } from '../policies/policies.service';
import type { OpenConsignmentBody, OpenedConsignment } from './consignments.dto';

/**
 * A consignment (DOMAIN.md §4, 002 ch.12): the domain judges the opening before a number is
 * drawn, then it is opened exactly once per idempotency key like every case (CasesService.openOnce).
 */
@Injectable()
export class ConsignmentsService {
  constructor(
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

    const { caseNumber } = await this.caseViews.openOnce(
      user,
      'DX',
      input,
      command,
      async ({ caseNumber, openedAt }) => {
        await this.gateway.startConsignment({
          organisationId,
          storeId: input.storeId ?? null,
          caseNumber,
          openedAt,
          openedBy: actor,
          open,
          policy,
        });
      },
    );
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
