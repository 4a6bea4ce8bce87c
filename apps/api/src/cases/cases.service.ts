import { Inject, Injectable } from '@nestjs/common';
import type { CaseView as LiveView, OpenComplaint } from '@aso/contracts';
import {
  DomainError,
  decideComplaint,
  caseNumberAt,
  formatCaseNumber,
  isCaseNumber,
  type ComplaintIntake,
} from '@aso/domain';
import {
  CaseEntity,
  CasesRepository,
  DATA_SOURCE,
  DocumentsRepository,
  TasksRepository,
  type TaskEntity,
} from '@aso/persistence';
import { CaseGateway } from '@aso/temporal';
import type { DataSource } from 'typeorm';
import { assertMayOpenComplaint, assertMayReadCase, seesAllCases } from '../auth/access-policy';
import { toCaseActor, type AuthUser } from '../auth/auth-user';
import { CLOCK, type Clock } from '../common/clock';
import { maskPhone } from '../common/mask';
import { PoliciesService } from '../policies/policies.service';
import {
  toCaseListItem,
  toCaseView,
  toCustomerCaseView,
  toDocumentView,
  type CaseListItem,
  type CaseView,
  type CustomerCaseView,
  type DocumentView,
} from './case.view';

export interface CaseListFilter {
  status?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class CasesService {
  private readonly cases: CasesRepository;
  private readonly tasks: TasksRepository;
  private readonly documents: DocumentsRepository;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly gateway: CaseGateway,
    private readonly policies: PoliciesService,
  ) {
    this.cases = new CasesRepository(dataSource);
    this.tasks = new TasksRepository(dataSource);
    this.documents = new DocumentsRepository(dataSource);
  }

  /**
   * Intake by sales (001 §25.1). The domain checks the report first (nothing is written for a
   * refused one); then the read-model row and the workflow start together: the row is inserted
   * in a transaction that commits only once the workflow has started.
   */
  async openComplaint(
    user: AuthUser,
    input: OpenComplaint,
  ): Promise<{ caseNumber: string; policyVersion: number }> {
    assertMayOpenComplaint(user);
    const organisationId = user.organisationId;
    const actor = toCaseActor(user);
    const now = this.clock();
    const policy = await this.policies.current(organisationId);
    const intake: ComplaintIntake = {
      customerName: input.customer.name,
      orderNumber: input.orderNumber,
      batchNumber: input.batchNumber,
      shipDate: input.shipDate,
      defectiveQuantity: input.quantity,
      demand: input.demand,
      reasons: input.defectDescription,
      channel: input.channel,
      attachments: input.attachments,
      salesOpinion: input.salesOpinion,
    };
    // The domain judges the report before a number is drawn, so a refused report burns no
    // sequence number; the placeholder number only satisfies the command's shape.
    const probe = decideComplaint(
      null,
      { type: 'ReportComplaint', actor, caseNumber: formatCaseNumber('KS', '202601', 1), intake },
      now,
      policy,
    );
    if (!probe.ok) throw probe.error;

    const caseNumber = caseNumberAt('KS', now, await this.cases.nextSequence('KS'));
    await this.dataSource.transaction(async (tx) => {
      await tx.getRepository(CaseEntity).insert({
        caseNumber,
        organisationId,
        storeId: input.storeId ?? null,
        type: 'complaint',
        status: 'awaiting_registration',
        stage: 'registration',
        customerName: input.customer.name,
        customerPhone: input.customer.phone ?? null,
        orderNumber: input.orderNumber,
        defectDescription: input.defectDescription,
        quantity: input.quantity,
        classification: null,
        severity: null,
        method: null,
        lossAmountFen: null,
        approvedAmountFen: null,
        overdue: false,
        overdueStages: [],
        policyVersion: policy.version,
        parentCaseNumber: null,
        childCaseNumbers: [],
        openedBy: actor.userId,
        openedAt: now,
        acceptedAt: null,
        closingDueAt: null,
        closedAt: null,
        closedOnTime: null,
        version: 0,
        updatedAt: now,
      });
      await this.gateway.startComplaint({
        organisationId,
        storeId: input.storeId ?? null,
        caseNumber,
        reportedAt: now.toISOString(),
        reportedBy: actor,
        customer: { name: input.customer.name, phone: input.customer.phone ?? null },
        intake,
        policy,
      });
    });
    return { caseNumber, policyVersion: policy.version };
  }

  /** Internal view for those who work the case: read model + live workflow state. */
  async detail(user: AuthUser, caseNumber: string): Promise<CaseView & { live: LiveView | null }> {
    const { row, tasks } = await this.readable(user, caseNumber);
    const live = await this.gateway.view(caseNumber);
    return { ...toCaseView(row, tasks), live: live ?? null };
  }

  /** The customer-facing view (allow-listed fields only, phone masked): see CustomerCaseView. */
  async customerView(user: AuthUser, caseNumber: string): Promise<CustomerCaseView> {
    const { row } = await this.readable(user, caseNumber);
    const documents = await this.documents.forCase(row.organisationId, caseNumber);
    return toCustomerCaseView(row, documents, maskPhone);
  }

  async documentsOf(user: AuthUser, caseNumber: string): Promise<DocumentView[]> {
    const { row } = await this.readable(user, caseNumber);
    return (await this.documents.forCase(row.organisationId, caseNumber)).map(toDocumentView);
  }

  /**
   * The organisation's cases the user may see (all of them for auditors and the GM's office;
   * otherwise those they opened or their department has a task on), phones masked.
   */
  async list(
    user: AuthUser,
    filter: CaseListFilter,
  ): Promise<{ items: CaseListItem[]; total: number }> {
    const qb = this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where('c.organisation_id = :org', { org: user.organisationId });
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (!seesAllCases(user)) {
      qb.andWhere(
        `(c.opened_by = :uid OR EXISTS (SELECT 1 FROM tasks t WHERE t.organisation_id = c.organisation_id
           AND t.case_number = c.case_number AND t.candidate_department = :dept))`,
        { uid: user.id, dept: user.department },
      );
    }
    const [rows, total] = await qb
      .orderBy('c.opened_at', 'DESC')
      .addOrderBy('c.case_number', 'DESC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { items: rows.map((r) => toCaseListItem(r, maskPhone)), total };
  }

  /**
   * The case of the user's organisation, if the user works it. Another organisation's case
   * is "not found", exactly like a case that does not exist: nothing about it leaks.
   */
  async readable(
    user: AuthUser,
    caseNumber: string,
  ): Promise<{ row: CaseEntity; tasks: TaskEntity[] }> {
    const row = await this.find(user.organisationId, caseNumber);
    const tasks = await this.tasks.forCase(user.organisationId, caseNumber);
    assertMayReadCase(
      user,
      row,
      tasks.map((t) => t.candidateDepartment),
    );
    return { row, tasks };
  }

  async find(organisationId: string, caseNumber: string): Promise<CaseEntity> {
    if (!isCaseNumber(caseNumber)) {
      throw new DomainError(
        'CASE_NUMBER_INVALID',
        `"${caseNumber}" is not a case number (e.g. KS202611-0001)`,
        {
          issues: [{ path: 'params.caseNumber', message: 'must look like KS202611-0001' }],
        },
      );
    }
    const row = await this.cases.findOne(organisationId, caseNumber);
    if (!row) throw new DomainError('CASE_NOT_FOUND', `No case ${caseNumber}`, { caseNumber });
    return row;
  }
}
