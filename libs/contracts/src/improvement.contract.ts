import type {
  HolidayTables,
  ImprovementCommand,
  ImprovementSource,
  ImprovementState,
  PolicyDocument,
} from '@aso/domain';
import { z } from 'zod';
import type { CaseView } from './case-workflow.contract';
import type { CaseActor } from './organisation';
import type { Fits, SameTypes } from './schema/drift-check';
import { issuesOf, optionalText, text } from './schema/primitives';
import { acknowledgeEscalationSchema, type CommandParseResult } from './task-commands';

/** Workflow type names are part of running histories: never rename once shipped. */
export const IMPROVEMENT_WORKFLOW_TYPE = 'improvementMeasure';

/**
 * F17 003 §四.4: one improvement measure (GJ…) set by a CS manager from the follow-up
 * analysis report, with its goal, owner and completion date, tracked to its closing.
 */
export interface ImprovementWorkflowInput {
  organisationId: string;
  caseNumber: string;
  openedAt: string;
  openedBy: CaseActor;
  source: ImprovementSource;
  measure: string;
  goal: string;
  owner: { department: ImprovementState['department']; userId: string };
  /** "YYYY-MM-DD": due 18:00 on the last working day on or before it */
  dueDate: string;
  policy: PolicyDocument;
  holidayTables?: HolidayTables;
}

export interface ImprovementResult {
  caseNumber: string;
  outcome: string | null;
  rounds: number;
}

export type ImprovementCaseView = CaseView<ImprovementState>;

const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S, about: string) =>
  z.object({ type: z.literal(type), ...shape }).describe(about);

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

// ── improvement measure (F17 003 §四.4) ──────────────────────────────────────────────────
export const improvementTaskCommandSchemas = [
  command(
    'RecordImprovementResult',
    { result: text(4000).describe('what was done and what it achieved against the goal') },
    'The measure’s owner records its result (003 §四.4 改进措施制定与实施)',
  ),
  command(
    'CheckImprovement',
    {
      effective: z.boolean().describe('the goal is met: the measure is closed'),
      note: optionalText(2000),
      newDueDate: date
        .optional()
        .describe('not yet effective: the new completion date, back to the owner'),
    },
    'CS checks the measure’s effect (003 §四.4 跟踪评估) and closes it, or sends it back',
  ),
] as const;

export type ImprovementTaskCommand = z.infer<(typeof improvementTaskCommandSchemas)[number]>;

export const improvementCompletionSchema = z.discriminatedUnion('type', [
  ...improvementTaskCommandSchemas,
  acknowledgeEscalationSchema,
]);
export type ImprovementCompletion = z.infer<typeof improvementCompletionSchema>;

export function parseImprovementTaskCommand(
  raw: unknown,
): CommandParseResult<ImprovementCompletion> {
  const parsed = improvementCompletionSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, command: parsed.data }
    : { ok: false, issues: issuesOf(parsed.error, 'command') };
}

// ── compile-time drift check against the domain's command union ─────────────────────────
type PersonImprovementCommand = Exclude<ImprovementCommand, { type: 'OpenImprovement' }>;
export const improvementContractMatchesDomain: [
  SameTypes<ImprovementTaskCommand, PersonImprovementCommand>,
  Fits<ImprovementTaskCommand, ImprovementCommand>,
] = [true, true];
