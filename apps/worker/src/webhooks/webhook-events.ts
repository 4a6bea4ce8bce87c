import type { AuditRecord, CaseChanges, WebhookEventType } from '@aso/contracts';
import type { JsonObject, WebhookEventInput } from '@aso/persistence';

/**
 * The webhook events one case write carries (issue 11, Notifications), as data: pure, so the
 * mapping is unit-tested without a database.
 *
 * - `task.assigned`: a task claimed (`task.claimed`), delegated (`task.delegated`) or opened
 *   already assigned (`task.opened` with an assignee);
 * - `task.escalated`: an escalation step of a missed deadline (`escalation`);
 * - `case.closed`: the snapshot carries a closing instant;
 * - `case.customer_notice`: a notice the case owes the customer (C33, `customer.notice`): what
 *   to say, on which channel, the expected time — for the receiver's SMS/e-mail/phone system.
 *
 * Event ids are deterministic — `<case number>:<audit key>` (the workflow's counter, the same in
 * a retried workflow task) and `<case number>:closed` — so a retried write yields the same ids
 * and the receiver's de-duplication (X-ASO-Event-Id) and ours (primary keys) agree.
 */
export function webhookEventsOf(changes: CaseChanges): WebhookEventInput[] {
  const { snapshot } = changes;
  const base = (id: string, type: WebhookEventType, occurredAt: string, data: JsonObject) => ({
    id,
    organisationId: changes.organisationId,
    type,
    caseNumber: snapshot.caseNumber,
    occurredAt: new Date(occurredAt),
    payload: {
      id,
      type,
      occurredAt,
      organisationId: changes.organisationId,
      caseNumber: snapshot.caseNumber,
      caseType: snapshot.caseType,
      data,
    },
  });
  const events: WebhookEventInput[] = [];
  for (const a of changes.audit) {
    const id = `${a.caseNumber}:${a.key}`;
    const assigned = assignment(a);
    if (assigned) events.push(base(id, 'task.assigned', a.occurredAt, assigned));
    else if (a.action === 'customer.notice') {
      events.push(
        base(id, 'case.customer_notice', a.occurredAt, {
          stage: str(a.data.stage),
          channel: str(a.data.channel),
          message: str(a.data.message),
          expectedBy: str(a.data.expectedBy),
        }),
      );
    } else if (a.action === 'escalation') {
      events.push(
        base(id, 'task.escalated', a.occurredAt, {
          escalatesTaskId: str(a.data.escalatesTaskId),
          escalationTaskId: str(a.data.escalationTaskId),
          level: typeof a.data.level === 'number' ? a.data.level : null,
          to: str(a.data.to),
          stage: str(a.data.stage),
        }),
      );
    }
  }
  if (snapshot.closedAt) {
    events.push(
      base(`${snapshot.caseNumber}:closed`, 'case.closed', snapshot.closedAt, {
        status: snapshot.status,
        closedAt: snapshot.closedAt,
        parentCaseNumber: snapshot.parentCaseNumber,
      }),
    );
  }
  return events;
}

function assignment(a: AuditRecord): JsonObject | null {
  const assignee = str(a.data.assignee);
  const assigning =
    a.action === 'task.claimed' ||
    a.action === 'task.delegated' ||
    (a.action === 'task.opened' && assignee !== null);
  if (!assigning || assignee === null) return null;
  return {
    taskId: str(a.data.taskId),
    taskType: str(a.data.type),
    stage: str(a.data.stage),
    assignee,
    assignedBy: a.actor,
    via: a.action.slice('task.'.length),
  };
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
