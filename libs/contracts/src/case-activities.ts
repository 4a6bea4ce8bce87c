import type { ComplaintStage } from './complaint.contract';
import type { TaskView } from './task';

/**
 * What workflows may ask of the outside world. Implemented in apps/worker over persistence
 * ports; every activity is idempotent (keyed upserts), because Temporal retries them.
 */
export interface CaseActivities {
  recordTask(task: TaskView & { organisationId: string }): Promise<void>;
  recordCaseProgress(progress: {
    caseNumber: string;
    stage: ComplaintStage;
    classification: string | null;
    severity: string | null;
    acceptedAt: string | null;
    updatedAt: string;
  }): Promise<void>;
}
