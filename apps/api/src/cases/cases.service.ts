import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aso/config';
import type { CaseActor, CaseView as LiveView, OpenComplaint } from '@aso/contracts';
import {
  DomainError,
  decideComplaint,
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
} from '@aso/persistence';
import { CaseGateway } from '@aso/temporal';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { PoliciesService } from '../policies/policies.service';
import { toCaseView, toDocumentView, type CaseView, type DocumentView } from './case.view';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

@Injectable()
export class CasesService {
  private readonly cases: CasesRepository;
  private readonly tasks: TasksRepository;
  private readonly documents: DocumentsRepository;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    actor: CaseActor,
    input: OpenComplaint,
  ): Promise<{ caseNumber: string; policyVersion: number }> {
    const organisationId = this.config.ASO_ORGANISATION_ID;
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
    const probe = decideComplaint(
      null,
      { type: 'ReportComplaint', actor, caseNumber: formatCaseNumber('KS', '202601', 1), intake },
      now,
      policy,
    );
    if (!probe.ok) throw probe.error;

    const yyyymm = new Date(now.getTime() + SHANGHAI_OFFSET_MS)
      .toISOString()
      .slice(0, 7)
      .replace('-', '');
    const caseNumber = formatCaseNumber('KS', yyyymm, await this.cases.nextSequence('KS'));
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

  async detail(caseNumber: string): Promise<CaseView & { live: LiveView | null }> {
    const row = await this.find(caseNumber);
    const [tasks, live] = await Promise.all([
      this.tasks.forCase(row.organisationId, caseNumber),
      this.gateway.view(caseNumber),
    ]);
    return { ...toCaseView(row, tasks), live: live ?? null };
  }

  async documentsOf(caseNumber: string): Promise<DocumentView[]> {
    const row = await this.find(caseNumber);
    return (await this.documents.forCase(row.organisationId, caseNumber)).map(toDocumentView);
  }

  async find(caseNumber: string): Promise<CaseEntity> {
    if (!isCaseNumber(caseNumber)) {
      throw new DomainError(
        'CASE_NUMBER_INVALID',
        `"${caseNumber}" is not a case number (e.g. KS202611-0001)`,
        {
          issues: [{ path: 'params.caseNumber', message: 'must look like KS202611-0001' }],
        },
      );
    }
    const row = await this.cases.findOne(this.config.ASO_ORGANISATION_ID, caseNumber);
    if (!row) throw new DomainError('CASE_NOT_FOUND', `No case ${caseNumber}`, { caseNumber });
    return row;
  }
}
