/**
 * The inbox as one SQL statement that stays fast at a million tasks (issue 14 #3).
 *
 * A user's inbox is three disjoint queues: tasks held by them, their department's unclaimed
 * tasks that fit their roles, and unclaimed company-wide tasks of a role they have. Each is
 * read from its own partial index already in inbox order (overdue first, then due instant,
 * tasks without a deadline last, task id), so each branch stops after one page, and a merge of
 * the three pages is the page. An OR of the three over one index would instead collect every
 * open task of the department and sort them all.
 *
 * Pages go on by keyset (`after` = the last row's sort key), never by a deep OFFSET; the count
 * stops at `countCap` (a queue of 250,000 tasks is shown as "1,000+").
 */

/** The inbox order as an index expression: NOT overdue (false first), due (no due = ∞), id. */
export const INBOX_SORT_KEY = `(NOT t.overdue), coalesce(t.due_at, 'infinity'::timestamptz), t.task_id`;

/** Where a page ends: the sort key of its last row. */
export interface InboxCursor {
  overdue: boolean;
  /** ISO instant, or null for a task without a deadline */
  dueAt: string | null;
  taskId: string;
}

/** Whose inbox, which of its queues, the filters and the page. */
export interface InboxQuery {
  organisationId: string;
  department: string;
  roles: readonly string[];
  userId: string;
  /** 'mine' = claimed by / delegated to me; 'department' = my department's unclaimed tasks; 'all' = both */
  scope: 'mine' | 'department' | 'all';
  type?: string;
  caseNumber?: string;
  overdueOnly?: boolean;
  /** the case's type (complaint, return, repair, …) */
  caseType?: string;
  /** due instant within [dueFrom, dueTo] (either end optional; tasks without a due date drop out) */
  dueFrom?: Date;
  dueTo?: Date;
  /** a case number fragment, a customer name fragment, or ≥ 4 digits of the customer's phone */
  search?: string;
  limit: number;
  offset: number;
  /** the keyset: the page after this row (InboxPage.nextCursor of the page before) */
  after?: InboxCursor;
}

export interface Sql {
  text: string;
  values: unknown[];
}

const likePattern = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The filters every branch shares, as SQL with numbered parameters. */
function sharedFilters(q: InboxQuery, values: unknown[]): { where: string[]; joinCase: boolean } {
  const p = (v: unknown): string => {
    values.push(v);
    return `$${values.length}`;
  };
  const where: string[] = [];
  let joinCase = false;
  if (q.type) where.push(`t.type = ${p(q.type)}`);
  if (q.caseNumber) where.push(`t.case_number = ${p(q.caseNumber)}`);
  if (q.overdueOnly) where.push(`t.overdue`);
  if (q.dueFrom) where.push(`t.due_at >= ${p(q.dueFrom)}`);
  if (q.dueTo) where.push(`t.due_at <= ${p(q.dueTo)}`);
  if (q.caseType) {
    joinCase = true;
    where.push(`c.type = ${p(q.caseType)}`);
  }
  const search = q.search?.trim();
  if (search) {
    joinCase = true;
    const like = p(likePattern(search));
    const digits = search.replace(/\D/g, '');
    const phone =
      digits.length >= 4 && /^[\d\s+-]+$/.test(search)
        ? ` OR regexp_replace(coalesce(c.customer_phone, ''), '\\D', '', 'g') LIKE ${p(`%${digits}%`)}`
        : '';
    where.push(`(t.case_number ILIKE ${like} OR c.customer_name ILIKE ${like}${phone})`);
  }
  if (q.after) {
    const due =
      q.after.dueAt === null ? `'infinity'::timestamptz` : `${p(q.after.dueAt)}::timestamptz`;
    where.push(
      `(${INBOX_SORT_KEY}) > (${p(!q.after.overdue)}::boolean, ${due}, ${p(q.after.taskId)}::text)`,
    );
  }
  return { where, joinCase };
}

/** The queues of a scope, each a WHERE fragment matching one partial index. */
function queues(q: InboxQuery, values: unknown[]): string[] {
  const p = (v: unknown): string => {
    values.push(v);
    return `$${values.length}`;
  };
  // Parameters are numbered as they are pushed: only a queue the scope reads pushes its own.
  const mine = (): string => `t.assignee = ${p(q.userId)}`;
  // No candidate roles = any working role of the department (the domain's convention);
  // auditors and admins are not workers, so such tasks never reach their queue.
  const worker = q.roles.some((r) => r !== 'auditor' && r !== 'admin');
  if (q.scope === 'mine') return [mine()];
  const roles = p([...q.roles]);
  const department =
    `t.assignee IS NULL AND t.candidate_department = ${p(q.department)} AND ` +
    `(t.candidate_roles && ${roles}::text[]${worker ? ' OR cardinality(t.candidate_roles) = 0' : ''})`;
  const roleOnly = `t.assignee IS NULL AND t.candidate_department IS NULL AND t.candidate_roles && ${roles}::text[]`;
  if (q.scope === 'department') return [department, roleOnly];
  return [mine(), department, roleOnly];
}

const OPEN = `t.status IN ('open', 'claimed')`;

function branchesOf(q: InboxQuery, values: unknown[]): { from: string; wheres: string[] } {
  const org = (values.push(q.organisationId), `$${values.length}`);
  const shared = sharedFilters(q, values);
  const from = shared.joinCase
    ? `tasks t LEFT JOIN cases c ON c.organisation_id = t.organisation_id AND c.case_number = t.case_number`
    : `tasks t`;
  const wheres = queues(q, values).map((queue) =>
    [`t.organisation_id = ${org}`, OPEN, queue, ...shared.where].join(' AND '),
  );
  return { from, wheres };
}

/**
 * The page: each queue's first `offset + limit` rows in inbox order, merged, then the page
 * cut from the merge with its case joined. Selects `t.*` and the case's columns as `c__<col>`.
 */
export function inboxPageSql(q: InboxQuery, caseColumns: readonly string[]): Sql {
  const values: unknown[] = [];
  const { from, wheres } = branchesOf(q, values);
  values.push(q.offset + q.limit);
  const perBranch = `$${values.length}`;
  const branches = wheres.map(
    (w) => `(SELECT t.* FROM ${from} WHERE ${w} ORDER BY ${INBOX_SORT_KEY} LIMIT ${perBranch})`,
  );
  values.push(q.limit, q.offset);
  const [limit, offset] = [`$${values.length - 1}`, `$${values.length}`];
  const caseSelect = caseColumns.map((col) => `c."${col}" AS "c__${col}"`).join(', ');
  const text =
    `WITH page AS (${branches.join(' UNION ALL ')}) ` +
    `SELECT t.*, ${caseSelect} FROM page t ` +
    `LEFT JOIN cases c ON c.organisation_id = t.organisation_id AND c.case_number = t.case_number ` +
    `ORDER BY ${INBOX_SORT_KEY} LIMIT ${limit} OFFSET ${offset}`;
  return { text, values };
}

/** How many tasks the inbox holds, counted up to `cap + 1` per queue (so "more than cap"). */
export function inboxCountSql(q: InboxQuery, cap: number): Sql {
  const values: unknown[] = [];
  const { from, wheres } = branchesOf({ ...q, after: undefined }, values);
  values.push(cap + 1);
  const branches = wheres.map((w) => `(SELECT 1 FROM ${from} WHERE ${w} LIMIT $${values.length})`);
  return { text: `SELECT count(*)::int AS n FROM (${branches.join(' UNION ALL ')}) q`, values };
}

/** The cursor after a row, as the opaque string clients send back in `after`. */
export function encodeInboxCursor(row: {
  overdue: boolean;
  dueAt: Date | null;
  taskId: string;
}): string {
  const c: InboxCursor = {
    overdue: row.overdue,
    dueAt: row.dueAt ? row.dueAt.toISOString() : null,
    taskId: row.taskId,
  };
  return Buffer.from(JSON.stringify([c.overdue, c.dueAt, c.taskId])).toString('base64url');
}

/** The cursor a client sent, or null when it is not one of ours. */
export function decodeInboxCursor(s: string): InboxCursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 3) return null;
    const [overdue, dueAt, taskId] = v as unknown[];
    if (typeof overdue !== 'boolean' || typeof taskId !== 'string' || taskId.length > 64)
      return null;
    if (dueAt !== null && (typeof dueAt !== 'string' || Number.isNaN(Date.parse(dueAt))))
      return null;
    return { overdue, dueAt: dueAt as string | null, taskId };
  } catch {
    return null;
  }
}
