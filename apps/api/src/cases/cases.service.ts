import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aso/config';
import { type Actor, type ComplaintCaseState, type OpenComplaint } from '@aso/contracts';
import { DomainError, formatCaseNumber, isCaseNumber } from '@aso/domain';
import { CaseEntity, CasesRepository, DATA_SOURCE, TasksRepository } from '@aso/persistence';
import { ComplaintGateway } from '@aso/temporal';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { toCaseView, type CaseView } from './case.view';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

@Injectable()
export class CasesService {
  private readonly cases: CasesRepository;
  private readonly tasks: TasksRepository;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly complaints: ComplaintGateway,
  ) {
    this.cases = new CasesRepository(dataSource);
    this.tasks = new TasksRepository(dataSource);
  }

  /**
   * Intake by sales (001 §25.1). The read-model row and the workflow start together: the row is
   * inserted in a transaction that commits only once the workflow has started, so a failure
   * leaves neither behind.
   */
  async openComplaint(actor: Actor, input: OpenComplaint): Promise<{ caseNumber: string }> {
    if (actor.department !== 'sales') {
      throw new DomainError('WRONG_DEPARTMENT', 'Complaints are opened by sales (001 §25.1)', {
        required: 'sales',
        actual: actor.department,
      });
    }
    const now = this.clock();
    const yyyymm = new Date(now.getTime() + SHANGHAI_OFFSET_MS)
      .toISOString()
      .slice(0, 7)
      .replace('-', '');
    const caseNumber = formatCaseNumber('KS', yyyymm, await this.cases.nextSequence('KS'));
    const organisationId = this.config.ASO_ORGANISATION_ID;
    await this.dataSource.transaction(async (tx) => {
      await tx.getRepository(CaseEntity).insert({
        caseNumber,
        organisationId,
        type: 'complaint',
        status: 'open',
        stage: 'registration',
        customerName: input.customer.name,
        customerPhone: input.customer.phone ?? null,
        orderNumber: input.orderNumber,
        defectDescription: input.defectDescription,
        quantity: input.quantity,
        classification: null,
        severity: null,
        openedBy: actor.userId,
        openedAt: now,
        acceptedAt: null,
        updatedAt: now,
      });
      await this.complaints.start({
        ...input,
        organisationId,
        caseNumber,
        openedAt: now.toISOString(),
        openedBy: actor.userId,
      });
    });
    return { caseNumber };
  }

  async detail(caseNumber: string): Promise<CaseView & { live: ComplaintCaseState | null }> {
    const row = await this.find(caseNumber);
    const [tasks, live] = await Promise.all([
      this.tasks.forCase(row.organisationId, caseNumber),
      this.complaints.state(caseNumber),
    ]);
    return { ...toCaseView(row, tasks), live: live ?? null };
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
