import type { CaseSnapshot } from '@aso/contracts';
import type { DataSource } from 'typeorm';
import { CaseEntity } from '../entities/case.entity';

export type CasePrefix = 'KS' | 'TH' | 'WX' | 'DX' | 'HF' | 'YS' | 'GJ';

/** The case row as a workflow last saw it: the contract's snapshot, with instants as Dates. */
export type CaseSnapshotRecord = Omit<
  CaseSnapshot,
  'openedBy' | 'defectDescription' | 'openedAt' | 'acceptedAt' | 'closingDueAt' | 'closedAt'
> & {
  openedBy: string;
  defectDescription?: string | null;
  openedAt: Date;
  acceptedAt: Date | null;
  closingDueAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
};

/** A case opening as first committed: the number drawn for an idempotency key, and when. */
export interface CaseIntent {
  caseNumber: string;
  requestHash: string;
  createdAt: Date;
}

export interface CaseIntentInput {
  organisationId: string;
  userId: string;
  key: string;
  requestHash: string;
  prefix: CasePrefix;
  now: Date;
  /** the case number for a freshly drawn sequence number */
  numberFor: (sequence: number) => string;
}

/**
 * Which cases of an organisation a list shows: all of them, or (confidentiality, DOMAIN.md) those
 * the user opened or their department has (or had) a task on.
 */
/** The case list counts up to here (`totalCapped` beyond: shown as "1,000+"). */
export const CASE_COUNT_CAP = 1_000;

/**
 * Which cases a user who does not see every case sees: those they opened, or their department
 * has a task on (`c` the case, parameters :uid and :dept). Checked per case, newest first, by an
 * index-only probe of tasks_case_department_idx, until the page (or the capped count) is full.
 * OFFSET 0 keeps PostgreSQL from turning the EXISTS into a hashed subplan, which reads every
 * task of the department first: 95 ms for CS at 200,000 tasks (bench:inbox, "case list
 * repository (cs-01)"), against ~1 ms of probes for the page.
 */
export const VISIBLE_TO_STAFF = `(c.opened_by = :uid OR EXISTS (SELECT 1 FROM tasks t
    WHERE t.organisation_id = c.organisation_id AND t.case_number = c.case_number
      AND t.candidate_department = :dept OFFSET 0))`;

export interface CaseListQuery {
  organisationId: string;
  status?: string | undefined;
  /** a case number or its beginning (KS202611) */
  caseNumber?: string | undefined;
  /** part of the customer's name, case-insensitive */
  customer?: string | undefined;
  /** part of the order number, case-insensitive */
  orderNumber?: string | undefined;
  overdue?: boolean | undefined;
  /** opened at or after / before (exclusive) */
  openedFrom?: Date | undefined;
  openedBefore?: Date | undefined;
  visibleTo: 'all' | { userId: string; department: string };
  limit: number;
  offset: number;
}

export class CasesRepository {
  constructor(private readonly ds: DataSource) {}

  /** A page of the list, newest first, and how many cases match in all. */
  async list(
    q: CaseListQuery,
  ): Promise<{ rows: CaseEntity[]; total: number; totalCapped: boolean }> {
    const qb = this.ds
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where('c.organisation_id = :org', { org: q.organisationId });
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    const like = (v: string) => `%${v.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    if (q.caseNumber)
      qb.andWhere(`c.case_number LIKE :cnPrefix ESCAPE '\\'`, {
        cnPrefix: `${like(q.caseNumber).slice(1)}`,
      });
    // The grams narrow the search through their GIN index (a name holding the query holds each
    // of its bigrams, migration 1763803500000); the ILIKE decides, exactly as it did alone.
    if (q.customer)
      qb.andWhere(
        `c.customer_name_grams @> case_search_query_grams(:customerText) AND c.customer_name ILIKE :customer ESCAPE '\\'`,
        { customerText: q.customer, customer: like(q.customer) },
      );
    if (q.orderNumber)
      qb.andWhere(`c.order_number ILIKE :order ESCAPE '\\'`, { order: like(q.orderNumber) });
    if (q.overdue !== undefined) qb.andWhere('c.overdue = :overdue', { overdue: q.overdue });
    if (q.openedFrom) qb.andWhere('c.opened_at >= :openedFrom', { openedFrom: q.openedFrom });
    if (q.openedBefore)
      qb.andWhere('c.opened_at < :openedBefore', { openedBefore: q.openedBefore });
    if (q.visibleTo !== 'all') {
      qb.andWhere(VISIBLE_TO_STAFF, { uid: q.visibleTo.userId, dept: q.visibleTo.department });
    }
    // The count stops after CASE_COUNT_CAP matches: counting every visible case of a busy
    // organisation (an EXISTS per case for staff) cost more than the page (bench:inbox).
    const [countSql, countParams] = qb
      .clone()
      .select('1')
      .limit(CASE_COUNT_CAP + 1)
      .getQueryAndParameters();
    const [rows, count] = await Promise.all([
      qb
        .orderBy('c.opened_at', 'DESC')
        .addOrderBy('c.case_number', 'DESC')
        .take(q.limit)
        .skip(q.offset)
        .getMany(),
      this.ds.query(`SELECT count(*)::int AS n FROM (${countSql}) q`, countParams) as Promise<
        Array<{ n: number }>
      >,
    ]);
    const n = count[0]?.n ?? 0;
    return { rows, total: Math.min(n, CASE_COUNT_CAP), totalCapped: n > CASE_COUNT_CAP };
  }

  /**
   * What the read models say of a case's times, for the check against workflow history: the
   * case row's closedAt (undefined when there is no row) and each task's creation instant.
   */
  async readModelTimes(
    organisationId: string,
    caseNumber: string,
  ): Promise<{ closedAt: Date | null | undefined; taskCreatedAt: Map<string, Date> }> {
    const [caseRows, taskRows] = await Promise.all([
      this.ds.query(`SELECT closed_at FROM cases WHERE organisation_id = $1 AND case_number = $2`, [
        organisationId,
        caseNumber,
      ]) as Promise<Array<{ closed_at: Date | null }>>,
      this.ds.query(
        `SELECT task_id, created_at FROM tasks WHERE organisation_id = $1 AND case_number = $2`,
        [organisationId, caseNumber],
      ) as Promise<Array<{ task_id: string; created_at: Date }>>,
    ]);
    return {
      closedAt: caseRows[0]?.closed_at,
      taskCreatedAt: new Map(taskRows.map((t) => [t.task_id, t.created_at])),
    };
  }

  /** Next number of the prefix's PostgreSQL sequence (gap-tolerant, never reused). */
  async nextSequence(prefix: CasePrefix): Promise<number> {
    const rows: Array<{ seq: string }> = await this.ds.query(
      `SELECT nextval('case_number_seq_${prefix.toLowerCase()}') AS seq`,
    );
    const seq = rows[0]?.seq;
    if (seq === undefined) throw new Error('sequence returned no value');
    return Number(seq);
  }

  /**
   * The case number of an opening, drawn at most once per (organisation, user, key): the first
   * call draws it and commits the intent in one statement; every later call (a retry after a
   * crash, an outage or a lost response; a concurrent duplicate, which waits on the unique
   * index) gets that same intent back. A number drawn by a losing duplicate is a harmless gap.
   */
  async recordIntent(i: CaseIntentInput): Promise<CaseIntent> {
    const existing = await this.findIntent(i);
    if (existing) return existing;
    const caseNumber = i.numberFor(await this.nextSequence(i.prefix));
    const inserted: IntentRow[] = await this.ds.query(
      `INSERT INTO case_intents
         (organisation_id, scope_user_id, idempotency_key, request_hash, case_number, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (organisation_id, scope_user_id, idempotency_key) DO NOTHING
       RETURNING case_number, request_hash, created_at`,
      [i.organisationId, i.userId, i.key, i.requestHash, caseNumber, i.now],
    );
    const row = inserted[0] ?? (await this.findIntentRow(i));
    if (!row) throw new Error(`case intent ${i.key}: neither inserted nor found`);
    return toIntent(row);
  }

  private async findIntent(i: CaseIntentInput): Promise<CaseIntent | undefined> {
    const row = await this.findIntentRow(i);
    return row && toIntent(row);
  }

  private async findIntentRow(i: CaseIntentInput): Promise<IntentRow | undefined> {
    const rows: IntentRow[] = await this.ds.query(
      `SELECT case_number, request_hash, created_at FROM case_intents
        WHERE organisation_id = $1 AND scope_user_id = $2 AND idempotency_key = $3`,
      [i.organisationId, i.userId, i.key],
    );
    return rows[0];
  }

  findOne(organisationId: string, caseNumber: string): Promise<CaseEntity | null> {
    return this.ds.getRepository(CaseEntity).findOneBy({ organisationId, caseNumber });
  }

  /**
   * Whether the case has its row yet: the opening's wait for the worker polls this (issue 14:
   * findOne built the entity's whole query each time, ~1 ms of the API's CPU per poll).
   */
  async exists(organisationId: string, caseNumber: string): Promise<boolean> {
    const rows = (await this.ds.query(
      `SELECT 1 FROM cases WHERE organisation_id = $1 AND case_number = $2`,
      [organisationId, caseNumber],
    )) as unknown[];
    return rows.length > 0;
  }

  /**
   * Idempotent and monotonic: inserts the row, or updates it only when the snapshot is not older
   * (`version` grows with every change the workflow records), so a late activity never moves a
   * case backwards; an equal version wins because it is a retry of the same change, and the last
   * attempt is the one workflow history holds (a workflow task that failed after its write
   * committed recomputes times such as closedAt from the new task's clock). Intake fields the API wrote (defect description, opener) are
   * kept.
   */
  async recordSnapshot(s: CaseSnapshotRecord): Promise<void> {
    const upsert = snapshotUpsertSql(s, 0);
    await this.ds.query(upsert.text, upsert.values);
  }
}

/**
 * The snapshot's upsert (see CasesRepository.recordSnapshot) with its parameters numbered after
 * `offset` others, so a statement can carry it with other writes (TasksRepository.upsertWithSnapshot).
 */
export function snapshotUpsertSql(
  s: CaseSnapshotRecord,
  offset: number,
): { text: string; values: unknown[] } {
  const p = (n: number): string => `$${offset + n}`;
  const values = [
    s.caseNumber,
    s.organisationId,
    s.storeId,
    s.caseType,
    s.status,
    s.stage,
    s.customerName,
    s.customerPhone,
    s.orderNumber,
    s.quantity,
    s.classification,
    s.severity,
    s.method,
    s.lossAmountFen,
    s.approvedAmountFen,
    s.overdue,
    s.overdueStages,
    s.policyVersion,
    s.parentCaseNumber,
    s.childCaseNumbers,
    s.openedBy,
    s.openedAt,
    s.acceptedAt,
    s.closingDueAt,
    s.closedAt,
    s.closedOnTime,
    s.version,
    s.updatedAt,
    s.defectDescription ?? null,
  ];
  const text = `INSERT INTO cases (case_number, organisation_id, store_id, type, status, stage, customer_name,
         customer_phone, order_number, quantity, classification, severity, method, loss_amount_fen,
         approved_amount_fen, overdue, overdue_stages, policy_version, parent_case_number,
         child_case_numbers, opened_by, opened_at, accepted_at, closing_due_at, closed_at,
         closed_on_time, version, updated_at, defect_description)
       VALUES (${values.map((_, i) => p(i + 1)).join(',')})
       ON CONFLICT (case_number) DO UPDATE SET
         status = EXCLUDED.status, stage = EXCLUDED.stage, classification = EXCLUDED.classification,
         severity = EXCLUDED.severity, method = EXCLUDED.method,
         loss_amount_fen = EXCLUDED.loss_amount_fen, approved_amount_fen = EXCLUDED.approved_amount_fen,
         overdue = EXCLUDED.overdue, overdue_stages = EXCLUDED.overdue_stages,
         policy_version = EXCLUDED.policy_version, parent_case_number = EXCLUDED.parent_case_number,
         child_case_numbers = EXCLUDED.child_case_numbers, accepted_at = EXCLUDED.accepted_at,
         closing_due_at = EXCLUDED.closing_due_at, closed_at = EXCLUDED.closed_at,
         closed_on_time = EXCLUDED.closed_on_time, version = EXCLUDED.version,
         updated_at = EXCLUDED.updated_at
       WHERE cases.organisation_id = EXCLUDED.organisation_id AND cases.version <= EXCLUDED.version`;
  return { text, values };
}

interface IntentRow {
  case_number: string;
  request_hash: string;
  created_at: Date;
}

const toIntent = (r: IntentRow): CaseIntent => ({
  caseNumber: r.case_number,
  requestHash: r.request_hash,
  createdAt: new Date(r.created_at),
});
