import type { WorkItem } from '../complaint/work-items';
import type { StageOf } from '../shared/case-types';
import { IMPROVEMENT_TRACKER_ROLES } from './improvement.decide';
import type { ImprovementState } from './improvement.types';

export type ImprovementStage = StageOf<'improvement'>;
export type ImprovementWorkItem = WorkItem<ImprovementStage>;

/**
 * The measure's human work (F17 003 §四.4): its owner's, in the owner's department, due at the
 * completion date (the workflow opens it claimed by the owner, its clock to that instant); then
 * the CS manager's check of its effect.
 */
export function improvementWorkItems(s: ImprovementState): ImprovementWorkItem[] {
  const n = s.rounds.length;
  switch (s.status) {
    case 'in_progress':
      return [
        {
          key: `improvement_measure:${n}`,
          type: 'improvement_measure',
          stage: 'measure',
          department: s.department,
          roles: [],
          commands: ['RecordImprovementResult'],
          priority: 2,
          waitingFor: null,
        },
      ];
    case 'verifying':
      return [
        {
          key: `improvement_check:${n}`,
          type: 'improvement_check',
          stage: 'check',
          department: 'cs',
          roles: [...IMPROVEMENT_TRACKER_ROLES],
          commands: ['CheckImprovement'],
          priority: 2,
          waitingFor: null,
        },
      ];
    case 'closed':
      return [];
  }
}
