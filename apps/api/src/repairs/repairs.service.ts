import { Inject, Injectable } from '@nestjs/common';
import { serviceVoucherNumberOf } from '@aso/contracts';
import { decideRepair, formatCaseNumber, type ServiceRegisterEntry } from '@aso/domain';
import { CaseGateway } from '@aso/temporal';
import { assertMayOpenRepair } from '../auth/access-policy';
import { toCaseActor, type AuthUser } from '../auth/auth-user';
import { CasesService } from '../cases/cases.service';
import { namingTheField } from '../common/naming-the-field';
import { CLOCK, type Clock } from '../common/clock';
import type { IdempotentCommand } from '../idempotency/command-id.decorator';
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

    const { caseNumber } = await this.caseViews.openOnce(
      user,
      'WX',
      input,
      command,
      async ({ caseNumber, openedAt }) => {
        await this.gateway.startRepair({
          organisationId,
          storeId: input.storeId ?? null,
          caseNumber,
          parentCaseNumber: null,
          openedAt,
          openedBy: actor,
          entry,
          voucherNumber: serviceVoucherNumberOf(caseNumber),
          policy,
        });
      },
    );
    return {
      caseNumber,
      voucherNumber: serviceVoucherNumberOf(caseNumber),
      policyVersion: policy.version,
    };
  }
}
