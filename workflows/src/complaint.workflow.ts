import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  caseStateQuery,
  completeTaskUpdate,
  csRegistrationPayloadSchema,
  type CaseActivities,
  type ComplaintCaseState,
  type ComplaintInput,
  type TaskView,
} from '@aso/contracts';
import { refusal, TaskBoard } from './shared/human-tasks';

const activities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const HOUR = 3_600_000;

/**
 * The complaint case, DOMAIN.md §1. Walking skeleton: intake → CS registration (with the
 * 24 h first-response deadline, 000 §三.6) → R&D investigation. Later steps follow.
 */
export async function complaint(input: ComplaintInput): Promise<ComplaintCaseState> {
  const tasks = new TaskBoard(input.caseNumber);
  const state: ComplaintCaseState = {
    caseNumber: input.caseNumber,
    stage: 'registration',
    classification: null,
    severity: null,
    acceptedAt: null,
    tasks: [],
  };
  const view = (): ComplaintCaseState => ({ ...state, tasks: tasks.all() });
  const record = (task: TaskView) =>
    activities.recordTask({ ...task, organisationId: input.organisationId });

  setHandler(caseStateQuery, view);
  setHandler(
    completeTaskUpdate,
    async ({ taskId, actor, payload }) => {
      const now = new Date();
      const task = tasks.complete(taskId, actor, now);
      if (task.type === 'cs_registration') {
        const registration = csRegistrationPayloadSchema.parse(payload);
        state.classification = registration.classification;
        state.severity = registration.severity;
        state.acceptedAt = now.toISOString(); // 001 §26.1: acceptance starts the 6-day closing clock
      }
      await record(task);
      return { taskId, status: 'completed' as const, stage: state.stage };
    },
    {
      validator: ({ taskId, actor, payload }) => {
        const task = tasks.assertCanComplete(taskId, actor);
        if (task.type === 'cs_registration') {
          const parsed = csRegistrationPayloadSchema.safeParse(payload);
          if (!parsed.success) {
            throw refusal('VALIDATION_FAILED', 'Invalid registration payload', {
              issues: parsed.error.issues.map((i) => ({
                path: ['payload', ...i.path].join('.'),
                message: i.message,
              })),
            });
          }
        }
      },
    },
  );

  // 2. Registration by CS; the first response is due 24 h after intake.
  const opened = new Date(input.openedAt);
  const registration = tasks.open(
    {
      type: 'cs_registration',
      candidateDepartment: 'cs',
      candidateRole: 'staff',
      dueAt: new Date(opened.getTime() + 24 * HOUR),
    },
    opened,
  );
  await record(registration);
  await untilDoneOrOverdue(registration.taskId);

  // 3. Investigation by R&D.
  state.stage = 'investigation';
  await activities.recordCaseProgress({
    caseNumber: state.caseNumber,
    stage: state.stage,
    classification: state.classification,
    severity: state.severity,
    acceptedAt: state.acceptedAt,
    updatedAt: new Date().toISOString(),
  });
  const investigation = tasks.open(
    {
      type: 'rnd_investigation',
      candidateDepartment: 'rnd',
      candidateRole: 'staff',
      dueAt: new Date(Date.now() + 72 * HOUR),
    },
    new Date(),
  );
  await record(investigation);
  await untilDoneOrOverdue(investigation.taskId);
  await condition(allHandlersFinished);
  return view();

  /** Waits for the task; a missed deadline marks it overdue (escalation comes with issue 4). */
  async function untilDoneOrOverdue(taskId: string): Promise<void> {
    const done = () => tasks.get(taskId).status !== 'open';
    const remaining = new Date(tasks.get(taskId).dueAt).getTime() - Date.now();
    if (!(await condition(done, Math.max(remaining, 1)))) {
      await record(tasks.markOverdue(taskId));
      await condition(done);
    }
  }
}
