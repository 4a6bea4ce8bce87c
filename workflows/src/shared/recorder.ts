import type {
  AuditRecord,
  CaseActivities,
  CaseSnapshot,
  DocumentRecord,
  TaskView,
} from '@aso/contracts';

/**
 * Every write of a case goes through ONE serial queue (a promise chain), so the read models and
 * the audit trail see changes in the order they happened even when update handlers and the main
 * loop both produce them. Audit keys `wf:<n>` come from a deterministic counter; the case
 * snapshot's version is that counter, so an older snapshot never overwrites a newer one.
 */
export class Recorder {
  private seq = 0;
  private audits: AuditRecord[] = [];
  private tasks = new Map<string, TaskView>();
  private documents = new Map<string, DocumentRecord>();
  private chain: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    private readonly activities: Pick<CaseActivities, 'recordChanges'>,
    private readonly ctx: { organisationId: string; caseNumber: string; policyVersion: number },
    private readonly snapshot: (version: number) => CaseSnapshot,
  ) {}

  /** number of audit events emitted so far */
  get auditSeq(): number {
    return this.seq;
  }

  audit(action: string, actor: string, at: Date | number, data: Record<string, unknown>): void {
    this.seq += 1;
    this.audits.push({
      organisationId: this.ctx.organisationId,
      caseNumber: this.ctx.caseNumber,
      key: `wf:${this.seq}`,
      occurredAt: new Date(at).toISOString(),
      actor,
      action,
      data,
      policyVersion: this.ctx.policyVersion,
    });
    this.dirty = true;
  }

  task(task: TaskView): void {
    this.tasks.set(task.taskId, task);
    this.dirty = true;
  }

  document(doc: DocumentRecord): void {
    this.documents.set(`${doc.docType}/${doc.docNumber}/${doc.revision}`, doc);
    this.dirty = true;
  }

  /** Queue what changed since the last flush; resolves once it (and everything before) is written. */
  flush(): Promise<void> {
    if (this.dirty) {
      const audits = this.audits;
      const tasks = [...this.tasks.values()].map((t) => ({ ...t }));
      const documents = [...this.documents.values()].map((d) => structuredCopy(d));
      const snapshot = this.snapshot(this.seq);
      this.audits = [];
      this.tasks = new Map();
      this.documents = new Map();
      this.dirty = false;
      const a = this.activities;
      const organisationId = this.ctx.organisationId;
      this.chain = this.chain.then(() =>
        a.recordChanges({ organisationId, audit: audits, documents, tasks, snapshot }),
      );
    }
    return this.chain;
  }
}

const structuredCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
