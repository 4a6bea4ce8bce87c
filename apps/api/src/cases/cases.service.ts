import { ApiError } from '../common/api-error';
import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CaseView as LiveView, OpenComplaint } from '@aso/contracts';
import {
  DepartmentCalendars,
  DomainError,
  builtInPolicy,
  defaultPolicy,
  decideComplaint,
  parsePolicy,
  caseNumberAt,
  formatCaseNumber,
  isCaseNumber,
  type CasePrefix,
  type ComplaintIntake,
} from '@aso/domain';
import {
  CasesRepository,
  DocumentsRepository,
  PoliciesRepository,
  TasksRepository,
  type CaseEntity,
  type TaskEntity,
  AuditRepository,
} from '@aso/persistence';
import { CaseGateway } from '@aso/temporal';
import { assertMayOpenComplaint, assertMayReadCase, seesAllCases } from '../auth/access-policy';
import { toCaseActor, type AuthUser } from '../auth/auth-user';
import { CLOCK, type Clock } from '../common/clock';
import { maskPhone } from '../common/mask';
import type { IdempotentCommand } from '../idempotency/command-id.decorator';
import { stableJson } from '../idempotency/request-fingerprint';
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
import { businessTimeLeft } from './business-time';
import { asBodyFieldError } from './intake-field-error';
import type { CaseViewResponse } from './cases.dto';

/** How long an opening waits for the worker to write the case's row before answering anyway. */
const ROW_WAIT_MS = 5_000;

export interface CaseListFilter {
  status?: string;
  caseNumber?: string;
  customer?: string;
  orderNumber?: string;
  overdue?: 'true' | 'false';
  /** Asia/Shanghai days, both inclusive */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly tasks: TasksRepository,
    private readonly documents: DocumentsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly gateway: CaseGateway,
    private readonly policies: PoliciesService,
    private readonly policyVersions: PoliciesRepository,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Intake by sales (001 §25.1), exactly once per idempotency key across any crash or outage
   * (issue 8 #4). The domain checks the report first (nothing is written for a refused one).
   * Then, in order, each step safe to repeat:
   *  1. the case number is drawn and the intent committed in one statement (a retry with the
   *     same key gets the same number; without a key the server makes one, so no dedupe);
   *  2. the workflow is started with id = case number, attaching to it if it already exists;
   *  3. the workflow's first write creates the read-model row (the worker is its only writer);
   *     the answer waits, bounded, until the row is there, so a GET right after finds it.
   * Nothing is started inside a transaction that may roll back.
   */
  async openComplaint(
    user: AuthUser,
    input: OpenComplaint,
    command?: IdempotentCommand,
  ): Promise<{ caseNumber: string; policyVersion: number }> {
    assertMayOpenComplaint(user);
    const organisationId = user.organisationId;
    const actor = toCaseActor(user);
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
      // C02: absent keys stay absent (not undefined-valued), as in every intake before C02
      ...(input.productSpec === undefined ? {} : { productSpec: input.productSpec }),
      ...(input.occurredAt === undefined
        ? {}
        : { occurredAt: new Date(input.occurredAt).toISOString() }),
    };
    // The domain judges the report before a number is drawn, so a refused report burns no
    // sequence number; the placeholder number only satisfies the command's shape.
    const probe = decideComplaint(
      null,
      { type: 'ReportComplaint', actor, caseNumber: formatCaseNumber('KS', '202601', 1), intake },
      this.clock(),
      policy,
    );
    if (!probe.ok) throw asBodyFieldError(probe.error);

    const { caseNumber } = await this.openOnce(
      user,
      'KS',
      input,
      command,
      ({ caseNumber, openedAt }) =>
        this.gateway.startComplaint({
          organisationId,
          storeId: input.storeId ?? null,
          caseNumber,
          reportedAt: openedAt,
          reportedBy: actor,
          customer: { name: input.customer.name, phone: input.customer.phone ?? null },
          intake,
          policy,
        }),
    );
    return { caseNumber, policyVersion: policy.version };
  }

  /**
   * Opens a case exactly once per idempotency key, for every case type (issue 8 #4). Call it
   * after the domain has judged the request, so a refused one burns no sequence number. Then,
   * in order, each step safe to repeat:
   *  1. the case number is drawn and the intent committed in one statement (a retry with the
   *     same key gets the same number and instant; without a key the server makes one);
   *  2. `start` starts the workflow with id = case number, attaching to it if it exists, from
   *     the intent's instant (not this attempt's), so a retry starts what the first would have;
   *  3. the answer waits, bounded, for the worker's read-model row (awaitRow).
   * Nothing is started inside a transaction that may roll back.
   */
  async openOnce(
    user: AuthUser,
    prefix: CasePrefix,
    request: unknown,
    command: IdempotentCommand | undefined,
    start: (opened: { caseNumber: string; openedAt: string }) => Promise<unknown>,
  ): Promise<{ caseNumber: string; openedAt: string }> {
    const requestHash = createHash('sha256').update(stableJson(request)).digest('hex');
    const intent = await this.cases.recordIntent({
      organisationId: user.organisationId,
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
    const opened = { caseNumber: intent.caseNumber, openedAt: intent.createdAt.toISOString() };
    await start(opened);
    await this.awaitRow(user.organisationId, opened.caseNumber);
    return opened;
  }

  /**
   * Waits (bounded) for the worker to write the case's row. Past the bound the case is still
   * opened — its workflow is durable and will write the row once a worker runs — so the answer
   * is the same 201; only a GET in that moment would not find it yet. Part of openOnce.
   */
  async awaitRow(organisationId: string, caseNumber: string): Promise<void> {
    const deadline = Date.now() + ROW_WAIT_MS;
    let pause = 20;
    while (Date.now() < deadline) {
      if (await this.cases.exists(organisationId, caseNumber)) return;
      await new Promise((r) => setTimeout(r, pause));
      pause = Math.min(pause * 2, 200);
    }
  }

  /** Internal view for those who work the case: read model + live workflow state. */
  async detail(
    user: AuthUser,
    caseNumber: string,
  ): Promise<CaseView & { live: LiveView | null; businessTime: CaseViewResponse['businessTime'] }> {
    const { row, tasks } = await this.readable(user, caseNumber);
    const live = await this.gateway.view(caseNumber);
    return {
      ...toCaseView(row, tasks),
      live: live ?? null,
      businessTime: await this.businessTime(row, tasks),
    };
  }

  /** Remaining working time of the closing clock and each open task, on the pinned calendar. */
  private async businessTime(
    row: CaseEntity,
    tasks: TaskEntity[],
  ): Promise<CaseViewResponse['businessTime']> {
    const pinned = await this.policyVersions.find(row.organisationId, row.policyVersion);
    const policy = pinned
      ? parsePolicy(pinned.content)
      : (builtInPolicy(row.policyVersion) ?? defaultPolicy);
    // the closing clock counts on the company's calendar; a task on its department's (Decision 7)
    const calendars = new DepartmentCalendars(policy.calendar);
    const calendar = calendars.company;
    const now = this.clock();
    const open = tasks.filter((t) => t.status === 'open' || t.status === 'claimed');
    return {
      at: now.toISOString(),
      closing: row.closedAt ? null : businessTimeLeft(calendar, now, row.closingDueAt),
      tasks: Object.fromEntries(
        open
          .filter((t) => t.dueAt)
          .map((t) => [
            t.taskId,
            businessTimeLeft(calendars.of(t.candidateDepartment), now, t.dueAt),
          ]),
      ),
    };
  }

  /** The customer-facing view (allow-listed fields only, phone masked): see CustomerCaseView. */
  async customerView(user: AuthUser, caseNumber: string): Promise<CustomerCaseView> {
    const { row } = await this.readable(user, caseNumber);
    const documents = await this.documents.forCase(row.organisationId, caseNumber);
    // C33: what the case told the customer (customer-safe by construction, customer-notice.ts)
    const notices = (await this.audit.history(row.organisationId, caseNumber))
      .filter((a) => a.action === 'customer.notice')
      .map((a) => ({
        at: a.occurredAt.toISOString(),
        stage: String(a.data.stage),
        channel: String(a.data.channel),
        message: String(a.data.message),
        expectedBy: typeof a.data.expectedBy === 'string' ? a.data.expectedBy : null,
      }));
    return { ...toCustomerCaseView(row, documents, maskPhone), notices };
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
  ): Promise<{ items: CaseListItem[]; total: number; totalCapped: boolean }> {
    const { rows, total, totalCapped } = await this.cases.list({
      organisationId: user.organisationId,
      status: filter.status,
      caseNumber: filter.caseNumber,
      customer: filter.customer,
      orderNumber: filter.orderNumber,
      overdue: filter.overdue === undefined ? undefined : filter.overdue === 'true',
      openedFrom: filter.from ? new Date(`${filter.from}T00:00:00+08:00`) : undefined,
      openedBefore: filter.to
        ? new Date(new Date(`${filter.to}T00:00:00+08:00`).getTime() + 86_400_000)
        : undefined,
      visibleTo: seesAllCases(user) ? 'all' : { userId: user.id, department: user.department },
      limit: filter.limit,
      offset: filter.offset,
    });
    return { items: rows.map((r) => toCaseListItem(r, maskPhone)), total, totalCapped };
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
    if (!row) throw new ApiError('CASE_NOT_FOUND', `No case ${caseNumber}`, { caseNumber });
    return row;
  }
}
