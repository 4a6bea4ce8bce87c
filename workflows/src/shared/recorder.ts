import { log } from '@temporalio/workflow';
import type {
  AuditRecord,
  CaseActivities,
  CaseChanges,
  CaseSnapshot,
  DocumentRecord,
  TaskView,
  WriteIncident,
} from '@aso/contracts';
import { sanitiseDeep } from './sanitise';

/**
 * Every write of a case goes through ONE serial queue (a promise chain), so the read models and
 * the audit trail see changes in the order they happened even when update handlers and the main
 * loop both produce them. Audit keys `wf:<n>` come from a deterministic counter; the case
 * snapshot's version is that counter, so an older snapshot never overwrites a newer one.
 *
 * A write the database refuses for good (the activity fails non-retryable, type WRITE_REJECTED,
 * e.g. NUL or a lone surrogate in a text) must not wedge the case: it is recorded as a write
 * incident (in the live view, and a workflow log line), written again sanitised (a pure rule, so
 * replays agree), followed by a `case.write_sanitised` audit event; from then on every write of
 * the case is sanitised before it is sent, so one poison value costs one incident, not one per
 * change.
 */
export class Recorder {
  private seq = 0;
  private audits: AuditRecord[] = [];
  private tasks = new Map<string, TaskView>();
  private documents = new Map<string, DocumentRecord>();
  private chain: Promise<void> = Promise.resolve();
  private dirty = false;
  private sanitising = false;
  private readonly incidents: WriteIncident[] = [];

  constructor(
    private readonly activities: Pick<CaseActivities, 'recordChanges'>,
    private readonly ctx: { organisationId: string; caseNumber: string; policyVersion: number },
    private readonly snapshot: (version: number) => CaseSnapshot,
    /** the case's last recorded "now" (clock.ts) */
    private readonly now: () => Date,
  ) {}

  /** number of audit events emitted so far */
  get auditSeq(): number {
    return this.seq;
  }

  /** whether writes are sanitised before they are sent (after a refused write) */
  get sanitisingWrites(): boolean {
    return this.sanitising;
  }

  /** A run that continues a case: audit keys and snapshot versions go on from the last run's. */
  restore(seq: number, sanitising: boolean): void {
    this.seq = seq;
    this.sanitising = sanitising;
  }

  /** writes the database refused for good, oldest first (a copy, for the live view) */
  get writeIncidents(): WriteIncident[] {
    return this.incidents.map((i) => ({ ...i, auditKeys: [...i.auditKeys] }));
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

  /**
   * Runs a local activity on the same serial queue as the writes. One local activity in flight
   * per case at a time is what keeps replay deterministic: resolutions then arrive in the order
   * they were scheduled, both live and on replay (concurrent local activities from different
   * handlers resolve in completion order live but in marker order on replay).
   */
  serial<R>(run: () => Promise<R>): Promise<R> {
    const result = this.chain.then(run);
    this.chain = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Queue what changed since the last flush; resolves once it (and everything before) is written. */
  async flush(): Promise<void> {
    this.schedule();
    // A refused write queues its own follow-up (the sanitised notice): wait for that too.
    let tail: Promise<void>;
    do {
      tail = this.chain;
      await tail;
    } while (tail !== this.chain);
  }

  private schedule(): void {
    if (!this.dirty) return;
    const changes: CaseChanges = {
      organisationId: this.ctx.organisationId,
      audit: this.audits,
      tasks: [...this.tasks.values()].map((t) => ({ ...t })),
      documents: [...this.documents.values()].map((d) => structuredCopy(d)),
      snapshot: this.snapshot(this.seq),
    };
    this.audits = [];
    this.tasks = new Map();
    this.documents = new Map();
    this.dirty = false;
    this.chain = this.chain.then(() => this.write(changes));
  }

  private async write(changes: CaseChanges): Promise<void> {
    const sent = this.sanitising ? sanitiseDeep(changes) : changes;
    try {
      await this.activities.recordChanges(sent);
      return;
    } catch (e) {
      const refusal = writeRejection(e);
      if (!refusal) throw e;
      const now = this.now().getTime(); // a time history records: the same on replay
      const at = new Date(now).toISOString();
      const auditKeys = changes.audit.map((a) => a.key);
      let resolution: WriteIncident['resolution'] = 'sanitised';
      if (this.sanitising) {
        resolution = 'dropped'; // sanitising did not help: leave this write out
      } else {
        this.sanitising = true;
        try {
          await this.activities.recordChanges(sanitiseDeep(changes));
        } catch (again) {
          if (!writeRejection(again)) throw again;
          resolution = 'dropped';
        }
      }
      this.incidents.push({ ...refusal, at, auditKeys, resolution });
      log.warn('case write refused by the database', {
        caseNumber: this.ctx.caseNumber,
        code: refusal.code,
        message: refusal.message,
        auditKeys,
        resolution,
      });
      this.audit(
        resolution === 'sanitised' ? 'case.write_sanitised' : 'case.write_dropped',
        'system',
        now,
        {
          code: refusal.code,
          auditKeys,
          rule:
            resolution === 'sanitised'
              ? 'NUL removed, unpaired surrogates replaced by U+FFFD'
              : 'left out; later snapshots carry the case forward',
        },
      );
      this.schedule();
    }
  }
}

/** The code and message of a WRITE_REJECTED failure (a local activity's cause), else null. */
function writeRejection(e: unknown): { code: string; message: string } | null {
  for (let f = e as FailureLike | undefined, depth = 0; f && depth < 4; f = f.cause, depth++) {
    if (f.type === 'WRITE_REJECTED') {
      const detail = f.details?.[0] as { code?: unknown; message?: unknown } | undefined;
      return {
        code: typeof detail?.code === 'string' ? detail.code : 'WRITE_REJECTED',
        message: sanitiseDeep(
          typeof detail?.message === 'string' ? detail.message : String(f.message),
        ).slice(0, 500),
      };
    }
  }
  return null;
}

interface FailureLike {
  type?: string;
  message?: string;
  details?: unknown[];
  cause?: FailureLike;
}

const structuredCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
