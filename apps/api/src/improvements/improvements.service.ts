import { Inject, Injectable } from '@nestjs/common';
import { type Department, decideImprovement, formatCaseNumber } from '@aso/domain';
import { UsersRepository } from '@aso/persistence';
import { CaseGateway } from '@aso/temporal';
import { assertHasRole, assertInDepartment, assertMayWrite } from '../auth/access-policy';
import { toCaseActor, type AuthUser } from '../auth/auth-user';
import { CasesService } from '../cases/cases.service';
import { ApiError } from '../common/api-error';
import { CLOCK, type Clock } from '../common/clock';
import type { IdempotentCommand } from '../idempotency/command-id.decorator';
import { PoliciesService } from '../policies/policies.service';
import type { OpenedImprovement, OpenImprovementBody } from './improvements.dto';

/**
 * F17 003 §四.4: improvement measures, opened exactly like every case (CasesService.openOnce):
 * access, the owner from their user record, the domain's judgement before a number is drawn,
 * then the GJ workflow with id = case number.
 */
@Injectable()
export class ImprovementsService {
  constructor(
    private readonly caseViews: CasesService,
    private readonly users: UsersRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly gateway: CaseGateway,
    private readonly policies: PoliciesService,
  ) {}

  async open(
    user: AuthUser,
    input: OpenImprovementBody,
    command?: IdempotentCommand,
  ): Promise<OpenedImprovement> {
    assertMayWrite(user, 'set an improvement measure');
    assertInDepartment(user, 'cs', 'An improvement measure (003 §四.4)');
    assertHasRole(user, ['manager'], 'set an improvement measure');
    const organisationId = user.organisationId;
    const owner = await this.users.findById(organisationId, input.owner.userId);
    if (!owner || !owner.active)
      throw new ApiError('USER_NOT_FOUND', `No active user ${input.owner.userId}`, {
        userId: input.owner.userId,
      });
    const actor = toCaseActor(user);
    const policy = await this.policies.current(organisationId);
    const opening = {
      source: {
        analysisMonth: input.analysisMonth,
        finding: input.finding,
        followUps: input.followUps ?? [],
      },
      measure: input.measure,
      goal: input.goal,
      department: owner.department as Department,
      ownerId: owner.id,
      dueDate: input.dueDate,
    };
    const probe = decideImprovement(
      null,
      {
        type: 'OpenImprovement',
        actor,
        caseNumber: formatCaseNumber(policy.numbering.prefixes.improvement as 'GJ', '202601', 1),
        ...opening,
      },
      this.clock(),
      policy,
    );
    if (!probe.ok) throw probe.error;

    const { caseNumber } = await this.caseViews.openOnce(
      user,
      'GJ',
      input,
      command,
      async ({ caseNumber, openedAt }) => {
        await this.gateway.startImprovement({
          organisationId,
          caseNumber,
          openedAt,
          openedBy: actor,
          source: opening.source,
          measure: opening.measure,
          goal: opening.goal,
          owner: { department: opening.department, userId: opening.ownerId },
          dueDate: opening.dueDate,
          policy,
        });
      },
    );
    return { caseNumber, policyVersion: policy.version };
  }
}
