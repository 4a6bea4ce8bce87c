import { Client as PgClient } from 'pg';
import { AUDIT_CORRECTED } from '../../libs/persistence/src/repositories/audit.repository';
import type { Session } from '../../test/support/http';
import type { CaseRun } from './complaint-driver';
import type { CaseHistory } from './history';
import type { ChaosClient, CommandRecord } from './http-client';
import { CHAOS_ORG } from './stack';

/** One goal figure: its value, and up to a few examples that say where to look. */
export interface Finding {
  name: string;
  value: number;
  examples: string[];
}

const finding = (name: string, examples: string[]): Finding => ({
  name,
  value: examples.length,
  examples,
});

export interface CheckInput {
  databaseUrl: string;
  client: ChaosClient;
  auditor: Session;
  runs: CaseRun[];
  histories: CaseHistory[];
}

export interface CheckResult {
  notClosed: Finding;
  /** closed complaints without exactly one HF follow-up, follow-ups failed or without a parent */
  followUps: Finding;
  followUpCases: { rows: number; workflows: number };
  caseRowsVsOpens: { rows: number; opens: number; duplicates: Finding; missing: Finding };
  duplicatedEffects: Finding;
  falseRefusals: Finding;
  otherRefusals: Finding;
  chainsBroken: Finding;
  againstHistory: { available: boolean; broken: Finding };
  timesDifferFromHistory: Finding;
  /** how far the differing times were off, ms */
  timeDiffsMs: number[];
  /** first attempts superseded by a chained AuditCorrected event (their retry wrote other content) */
  supersededAttempts: number;
}

/** After the run, with every part up: what the database, the API and Temporal's histories say. */
export async function runChecks(input: CheckInput): Promise<CheckResult> {
  const db = new PgClient({ connectionString: input.databaseUrl });
  await db.connect();
  try {
    const allCases = (
      await db.query(
        `SELECT case_number, type, order_number, status, parent_case_number, opened_at, closed_at
           FROM cases WHERE organisation_id = $1`,
        [CHAOS_ORG],
      )
    ).rows as CaseRow[];
    // A closing complaint starts its follow-up call as a child case of its own (HF, DOMAIN.md §5):
    // not one the run opened, and not one it drives, so it stays open. Checked apart (below).
    const cases = allCases.filter((c) => c.type !== FOLLOW_UP_CASE_TYPE);
    const childRows = allCases.filter((c) => c.type === FOLLOW_UP_CASE_TYPE);
    const histories = input.histories.filter((h) => !h.followUp);
    const childHistories = input.histories.filter((h) => h.followUp);
    const tasks = (
      await db.query(
        `SELECT task_id, case_number, status, completed_at, completed_by FROM tasks WHERE organisation_id = $1`,
        [CHAOS_ORG],
      )
    ).rows as Array<{
      task_id: string;
      case_number: string;
      status: string;
      completed_at: Date | null;
      completed_by: string | null;
    }>;
    const audit = (
      await db.query(
        `SELECT case_number, seq, event_key, action, occurred_at, data FROM audit_events
          WHERE organisation_id = $1 ORDER BY case_number, seq`,
        [CHAOS_ORG],
      )
    ).rows as Array<{
      case_number: string;
      seq: number;
      event_key: string | null;
      action: string;
      occurred_at: Date;
      data: Record<string, unknown>;
    }>;
    const docDupes = (
      await db.query(
        `SELECT case_number, doc_type, doc_number, count(*)::int AS n FROM documents
          WHERE organisation_id = $1 GROUP BY case_number, doc_type, doc_number, content HAVING count(*) > 1`,
        [CHAOS_ORG],
      )
    ).rows as Array<{ case_number: string; doc_type: string; doc_number: string; n: number }>;

    const byOrder = groupBy(cases, (c) => c.order_number);
    const opens = input.runs.length;
    const duplicates = [...byOrder].filter(([, rows]) => rows.length > 1);
    const missing = input.runs.filter((r) => !byOrder.has(r.orderNumber));
    const historiesByCase = groupBy(input.histories, (h) => h.caseNumber ?? h.workflowId);
    const historiesByOrder = groupBy(histories, (h) => h.orderNumber ?? '?');

    // every case closed: each case row, each workflow, and each driven case as the client saw it
    const notClosed = [
      ...cases
        .filter((c) => c.status !== 'closed')
        .map((c) => `${c.case_number} (order ${c.order_number}) row status ${c.status}`),
      ...histories
        .filter((h) => h.status !== 'COMPLETED')
        .map((h) => `workflow ${h.workflowId} ${h.status}`),
      ...input.runs
        .filter((r) => !r.closedByClient)
        .map(
          (r) =>
            `${r.ref} ${r.caseNumber ?? '(not opened)'}: ${r.failure ?? 'not driven to the end'}`,
        ),
    ];

    // duplicated effects
    const dupEffects: string[] = [];
    for (const [key, rows] of groupBy(audit, (a) => `${a.case_number} ${a.event_key}`))
      if (rows.length > 1 && rows[0]!.event_key !== null)
        dupEffects.push(`audit key ${key} ×${rows.length}`);
    const completions = audit.filter((a) => a.action === 'task.completed');
    for (const [taskId, rows] of groupBy(completions, (a) => String(a.data.taskId)))
      if (rows.length > 1)
        dupEffects.push(`task ${taskId} completed ×${rows.length} in the audit trail`);
    for (const h of input.histories)
      for (const [taskId, rows] of groupBy(h.completions, (c) => c.taskId))
        if (rows.length > 1)
          dupEffects.push(`task ${taskId} completed ×${rows.length} in ${h.workflowId}'s history`);
    for (const [caseNumber, hs] of historiesByCase)
      if (hs.length > 1) dupEffects.push(`case ${caseNumber}: ${hs.length} workflows`);
    for (const [order, hs] of historiesByOrder)
      if (hs.length > 1)
        dupEffects.push(
          `order ${order}: ${hs.length} workflows (${hs.map((h) => h.workflowId).join(', ')})`,
        );
    for (const d of docDupes)
      dupEffects.push(
        `${d.case_number} document ${d.doc_type}/${d.doc_number}: ${d.n} identical revisions`,
      );

    // refusals: every command the driver sends is legal, so a refusal whose effect happened is
    // false. One per refused command: its ActionRefused audit event is named on the same line.
    const falseByTask = new Map<string, string>();
    const falseRefusals: string[] = [];
    const otherRefusals: string[] = [];
    const taskById = new Map(tasks.map((t) => [t.task_id, t]));
    const runByRef = new Map(input.runs.map((r) => [r.ref, r]));
    for (const c of input.client.commands.filter((c) => c.status >= 400 && c.status < 500)) {
      const line = describeRefusal(c, runByRef.get(c.caseRef));
      const taskId = /^\/tasks\/([^/]+)\/complete$/.exec(c.path)?.[1];
      const tookEffect = taskId !== undefined && taskById.get(taskId)?.status === 'completed';
      if (tookEffect) falseByTask.set(taskId, `${line} — yet the task was completed`);
      else otherRefusals.push(line);
    }
    for (const a of audit.filter((e) => e.action === 'ActionRefused')) {
      const taskId = String(a.data.attempted).split(' ').at(-1) ?? '';
      const event = `ActionRefused seq ${a.seq} (${String(a.data.code)})`;
      const line = falseByTask.get(taskId);
      if (line) falseByTask.set(taskId, `${line}; audited as ${event}`);
      else falseRefusals.push(`${a.case_number} ${event} ${String(a.data.attempted)}`);
    }
    falseRefusals.unshift(...falseByTask.values());

    // audit chains (and, when the API offers it, the chain against the workflow's history)
    const againstAvailable = await verifiesAgainstHistory(input.client, input.auditor);
    const chainsBroken: string[] = [];
    const againstBroken: string[] = [];
    for (const c of allCases) {
      const v = await input.client.read(input.auditor, `/cases/${c.case_number}/audit/verify`);
      if (v.status !== 200 || v.body?.valid !== true)
        chainsBroken.push(`${c.case_number}: ${v.status} ${JSON.stringify(v.body).slice(0, 160)}`);
      if (againstAvailable) {
        const h = await input.client.read(
          input.auditor,
          `/cases/${c.case_number}/audit/verify?against=history`,
        );
        if (h.status !== 200 || h.body?.valid !== true)
          againstBroken.push(
            `${c.case_number}: ${h.status} ${JSON.stringify(h.body).slice(0, 200)}`,
          );
      }
    }

    // times: audit events and read-model timestamps against the workflow's history. The trail is
    // read as the API's verify reads it: a first attempt whose retry wrote other content is
    // superseded by its chained AuditCorrected event (libs/persistence audit.repository).
    const timeDiffs: string[] = [];
    const diffs: number[] = [];
    const { trail: effective, corrected } = effectiveAudit(audit);
    const auditByCase = groupBy(effective, (a) => a.case_number);
    const taskRowsByCase = groupBy(tasks, (t) => t.case_number);
    const note = (what: string, got: number, want: number) => {
      timeDiffs.push(
        `${what}: ${new Date(got).toISOString()} vs history ${new Date(want).toISOString()} (${got - want} ms)`,
      );
      diffs.push(Math.abs(got - want));
    };
    for (const row of cases) {
      const hs = historiesByCase.get(row.case_number) ?? [];
      if (hs.length !== 1) continue; // reported as a duplicate / missing workflow above
      const h = hs[0]!;
      const events = auditByCase.get(row.case_number) ?? [];
      // the closing event: the result's closedAt, cases.closed_at and the ComplaintClosed event
      const closedAt = h.result?.closedAt ? Date.parse(h.result.closedAt) : undefined;
      const closedEvent = events.find((a) => a.action === 'complaint.ComplaintClosed');
      if (closedAt !== undefined) {
        if (row.closed_at && row.closed_at.getTime() !== closedAt)
          note(`${row.case_number} cases.closed_at`, row.closed_at.getTime(), closedAt);
        if (closedEvent && closedEvent.occurred_at.getTime() !== closedAt)
          note(
            `${row.case_number} seq ${closedEvent.seq} ComplaintClosed`,
            closedEvent.occurred_at.getTime(),
            closedAt,
          );
      }
      // each task completion: tasks.completed_at and its task.completed event at the update's time
      const rowsOfCase = new Map(
        (taskRowsByCase.get(row.case_number) ?? []).map((t) => [t.task_id, t]),
      );
      for (const c of h.completions) {
        const t = rowsOfCase.get(c.taskId);
        if (t?.completed_at && t.completed_at.getTime() !== c.at)
          note(`${c.taskId} tasks.completed_at`, t.completed_at.getTime(), c.at);
        const ev = effective.find(
          (a) =>
            a.action === 'task.completed' &&
            a.case_number === row.case_number &&
            a.data.taskId === c.taskId,
        );
        if (ev && ev.occurred_at.getTime() !== c.at)
          note(
            `${row.case_number} seq ${ev.seq} task.completed ${c.taskId}`,
            ev.occurred_at.getTime(),
            c.at,
          );
      }
      // every workflow-written event happened at a workflow time history records
      for (const a of events) {
        if (!a.event_key?.startsWith('wf:') || a.action === 'task.completed' || a === closedEvent)
          continue;
        const t = a.occurred_at.getTime();
        if (t === h.reportedAt || h.effectiveTaskTimes.has(t)) continue;
        const nearest = [...h.effectiveTaskTimes].reduce(
          (best, x) => (Math.abs(x - t) < Math.abs(best - t) ? x : best),
          Number.POSITIVE_INFINITY,
        );
        note(
          `${row.case_number} seq ${a.seq} ${a.action} (no workflow task started then; nearest)`,
          t,
          nearest,
        );
      }
    }

    // the follow-ups: exactly one per closed complaint, alive, and written at its own history's times
    const followUps = checkFollowUps({
      parents: cases,
      childRows,
      childHistories,
      historiesByCase,
      auditByCase,
      note,
    });

    return {
      notClosed: finding('cases not closed', notClosed),
      followUps: finding('closed complaints without exactly one live HF follow-up', followUps),
      followUpCases: { rows: childRows.length, workflows: childHistories.length },
      caseRowsVsOpens: {
        rows: cases.length,
        opens,
        duplicates: finding(
          'orders with duplicate cases',
          duplicates.map(
            ([order, rows]) =>
              `order ${order}: ${rows.map((r) => `${r.case_number} (${r.status})`).join(', ')}`,
          ),
        ),
        missing: finding(
          'opens without a case row',
          missing.map((r) => `${r.ref} order ${r.orderNumber}`),
        ),
      },
      duplicatedEffects: finding('duplicated effects', dupEffects),
      falseRefusals: finding('false refusals', falseRefusals),
      otherRefusals: finding('other refusals', otherRefusals),
      chainsBroken: finding('audit chains not verifying', chainsBroken),
      againstHistory: {
        available: againstAvailable,
        broken: finding('audit chains disagreeing with history (?against=history)', againstBroken),
      },
      timesDifferFromHistory: finding('times differing from history', timeDiffs),
      timeDiffsMs: diffs,
      supersededAttempts: corrected,
    };
  } finally {
    await db.end();
  }
}

/**
 * `?against=history` is being added by another change: use it once the API documents the
 * parameter (or refuses a bogus value, which an API that ignores the query never does).
 */
async function verifiesAgainstHistory(client: ChaosClient, auditor: Session): Promise<boolean> {
  const doc = await client.read(undefined, '/docs/openapi.json');
  const route = doc.body?.paths?.['/cases/{caseNumber}/audit/verify']?.get;
  const params = (route?.parameters ?? []) as Array<{ name?: string }>;
  if (params.some((p) => p.name === 'against')) return true;
  const bogus = await client.read(auditor, '/cases/KS202601-0001/audit/verify?against=chaos-bogus');
  return bogus.status === 400;
}

function describeRefusal(c: CommandRecord, run: CaseRun | undefined): string {
  const attempts = c.attempts
    .map((a) => (a.status ? `${a.status}${a.code ? ` ${a.code}` : ''}` : a.error))
    .join(' → ');
  return `${run?.caseNumber ?? c.caseRef} ${c.label} key ${c.key}: ${c.status} ${c.body?.code ?? ''} after [${attempts}]`;
}

interface CaseRow {
  case_number: string;
  type: string;
  order_number: string;
  status: string;
  parent_case_number: string | null;
  opened_at: Date;
  closed_at: Date | null;
}

/** cases.type of a follow-up (the follow-up workflow's snapshot, caseType) */
const FOLLOW_UP_CASE_TYPE = 'followUp';

/**
 * The HF follow-ups closing complaints started as children (DOMAIN.md §5). Each closed complaint
 * has exactly one (a second is a duplicated effect of a retried close, not a tolerance); each is
 * running or done, never failed; its row names its parent. Its times are checked against
 * history as its semantics say: it opens at the instant its parent stamped before starting it
 * (in the parent's history, at or after the parent's close, hence before the child's own first
 * workflow task); the call clock runs from the parent's close; everything else it writes was
 * stamped in its own history. Returns the findings; time differences go to `note`.
 */
function checkFollowUps(a: {
  parents: CaseRow[];
  childRows: CaseRow[];
  childHistories: CaseHistory[];
  historiesByCase: Map<string, CaseHistory[]>;
  auditByCase: Map<string, AuditRow[]>;
  note: (what: string, got: number, want: number) => void;
}): string[] {
  const out: string[] = [];
  const childrenOf = groupBy(a.childHistories, (h) => h.followUp!.parentCaseNumber);
  const parentNumbers = new Set(a.parents.map((p) => p.case_number));
  for (const p of a.parents) {
    const kids = childrenOf.get(p.case_number) ?? [];
    const closed = p.status === 'closed';
    if (closed && kids.length !== 1)
      out.push(
        `${p.case_number} closed with ${kids.length} follow-ups${kids.length ? ` (${kids.map((k) => k.workflowId).join(', ')})` : ''}`,
      );
    if (!closed && kids.length > 0)
      out.push(
        `${p.case_number} (${p.status}) has follow-ups ${kids.map((k) => k.workflowId).join(', ')}`,
      );
  }
  for (const [parent, kids] of childrenOf)
    if (!parentNumbers.has(parent))
      out.push(
        `follow-ups ${kids.map((k) => k.workflowId).join(', ')} of an unknown case ${parent}`,
      );
  const rowsByNumber = new Map(a.childRows.map((r) => [r.case_number, r]));
  const historyNumbers = new Set(a.childHistories.map((h) => h.caseNumber));
  for (const r of a.childRows)
    if (!historyNumbers.has(r.case_number)) out.push(`${r.case_number}: a row without a workflow`);
  for (const h of a.childHistories) {
    const f = h.followUp!;
    const number = h.caseNumber ?? h.workflowId;
    if (h.status !== 'RUNNING' && h.status !== 'COMPLETED')
      out.push(`follow-up ${number} of ${f.parentCaseNumber}: workflow ${h.status}`);
    const row = rowsByNumber.get(number);
    if (!row) {
      out.push(`follow-up ${number} of ${f.parentCaseNumber}: no case row`);
      continue;
    }
    if (row.parent_case_number !== f.parentCaseNumber)
      out.push(
        `${number}: row names parent ${row.parent_case_number}, workflow ${f.parentCaseNumber}`,
      );
    const parents = a.historiesByCase.get(f.parentCaseNumber) ?? [];
    const parent = parents.length === 1 ? parents[0] : undefined;
    if (parent) {
      // the call clock's start: the parent's close (its result's closedAt)
      const closedAt = parent.result?.closedAt ? Date.parse(parent.result.closedAt) : undefined;
      if (closedAt !== undefined && f.parentClosedAt !== closedAt)
        a.note(`${number} input source.closedAt (parent's close)`, f.parentClosedAt, closedAt);
      // the opening instant: one the parent stamped, not before its close
      if (
        !parent.effectiveTaskTimes.has(f.openedAt) ||
        (closedAt !== undefined && f.openedAt < closedAt)
      )
        a.note(
          `${number} input openedAt (not a time ${f.parentCaseNumber} stamped at/after its close; nearest)`,
          f.openedAt,
          nearest(parent.effectiveTaskTimes, f.openedAt),
        );
    }
    if (row.opened_at.getTime() !== f.openedAt)
      a.note(`${number} cases.opened_at`, row.opened_at.getTime(), f.openedAt);
    for (const e of a.auditByCase.get(number) ?? []) {
      if (!e.event_key?.startsWith('wf:')) continue;
      const t = e.occurred_at.getTime();
      if (e.action === 'followUp.FollowUpOpened') {
        if (t !== f.openedAt)
          a.note(`${number} seq ${e.seq} FollowUpOpened (input openedAt)`, t, f.openedAt);
        continue;
      }
      if (t === f.openedAt || h.effectiveTaskTimes.has(t)) continue;
      a.note(
        `${number} seq ${e.seq} ${e.action} (no workflow task of ${number} started then; nearest)`,
        t,
        nearest(h.effectiveTaskTimes, t),
      );
    }
  }
  return out;
}

const nearest = (times: Set<number>, t: number): number =>
  [...times].reduce(
    (best, x) => (Math.abs(x - t) < Math.abs(best - t) ? x : best),
    Number.POSITIVE_INFINITY,
  );

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

interface AuditRow {
  case_number: string;
  seq: number;
  event_key: string | null;
  action: string;
  occurred_at: Date;
  data: Record<string, unknown>;
}

/**
 * The trail as readers present it: each keyed event with the content of its latest chained
 * correction, the corrections themselves left out; `corrected` counts the superseded rows.
 */
function effectiveAudit(rows: AuditRow[]): { trail: AuditRow[]; corrected: number } {
  const latest = new Map<
    string,
    { occurredAt: string; action: string; data: Record<string, unknown> }
  >();
  for (const r of rows)
    if (r.action === AUDIT_CORRECTED && typeof r.data.supersedes === 'string')
      latest.set(`${r.case_number} ${r.data.supersedes}`, r.data.event as never);
  let corrected = 0;
  const trail = rows
    .filter((r) => r.action !== AUDIT_CORRECTED)
    .map((r) => {
      const c = r.event_key ? latest.get(`${r.case_number} ${r.event_key}`) : undefined;
      if (!c) return r;
      corrected += 1;
      return { ...r, occurred_at: new Date(c.occurredAt), action: c.action, data: c.data };
    });
  return { trail, corrected };
}
