import type { CaseActivities } from '@aso/contracts';
import { caseNumberAt } from '@aso/domain';
import type {
  AuditRepository,
  CasesRepository,
  DocumentsRepository,
  JsonObject,
  TasksRepository,
} from '@aso/persistence';

export interface CaseActivityPorts {
  cases: CasesRepository;
  tasks: TasksRepository;
  documents: DocumentsRepository;
  audit: AuditRepository;
}

const date = (iso: string): Date => new Date(iso);
const dateOrNull = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

/**
 * Read-model and audit writers for the workflows. Each is idempotent — keyed upserts, snapshots
 * that only move forward, audit appends keyed by the workflow's counter — because Temporal
 * retries activities.
 */
export function createCaseActivities(ports: CaseActivityPorts): CaseActivities {
  const activities: CaseActivities = {
    async recordChanges(changes) {
      // In this order, like the workflow's serial queue: the trail first, the snapshot last.
      if (changes.audit.length > 0) await activities.appendAudit(changes.audit);
      if (changes.documents.length > 0) await activities.recordDocuments(changes.documents);
      if (changes.tasks.length > 0) {
        await activities.recordTasks({
          organisationId: changes.organisationId,
          tasks: changes.tasks,
        });
      }
      await activities.recordCase(changes.snapshot);
    },

    async recordCase(s) {
      await ports.cases.recordSnapshot({
        ...s,
        openedBy: 'system',
        openedAt: date(s.openedAt),
        acceptedAt: dateOrNull(s.acceptedAt),
        closingDueAt: dateOrNull(s.closingDueAt),
        closedAt: dateOrNull(s.closedAt),
        updatedAt: new Date(),
      });
    },

    async recordTasks({ organisationId, tasks }) {
      await ports.tasks.upsertMany(
        tasks.map((t) => ({
          taskId: t.taskId,
          organisationId,
          caseNumber: t.caseNumber,
          type: t.type,
          stage: t.stage,
          candidateDepartment: t.candidateDepartment,
          candidateRoles: t.candidateRoles,
          assignee: t.assignee,
          priority: t.priority,
          status: t.status,
          commands: t.commands,
          overdue: t.overdue,
          dueAt: dateOrNull(t.dueAt),
          dueProvisional: t.dueProvisional,
          escalationLevel: t.escalationLevel,
          escalatesTaskId: t.escalatesTaskId,
          createdAt: date(t.createdAt),
          completedAt: dateOrNull(t.completedAt),
          completedBy: t.completedBy,
        })),
      );
    },

    async recordDocuments(documents) {
      await ports.documents.upsertMany(
        documents.map((d) => ({ ...d, updatedAt: date(d.updatedAt) })),
      );
    },

    async appendAudit(events) {
      // In order: each append chains onto the previous one.
      for (const e of events) {
        await ports.audit.appendKeyed({
          organisationId: e.organisationId,
          caseNumber: e.caseNumber,
          key: e.key,
          occurredAt: date(e.occurredAt),
          actor: e.actor,
          action: e.action,
          data: JSON.parse(JSON.stringify(e.data)) as JsonObject,
          policyVersion: e.policyVersion,
        });
      }
    },

    async allocateCaseNumber({ prefix, at }) {
      return caseNumberAt(prefix, date(at), await ports.cases.nextSequence(prefix));
    },
  };
  return activities;
}
