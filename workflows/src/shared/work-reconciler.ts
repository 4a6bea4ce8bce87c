import type {
  BusinessCalendar,
  CaseType,
  DepartmentCalendars,
  Duration,
  PolicyDocument,
  StageOf,
  WorkItem,
} from '@aso/domain';
import { computeStageDeadline, openLedger } from '@aso/domain';
import type { Clock, DeadlineWatch } from './deadline-watch';
import { isOpen, newTaskView, type TaskList, type Tracked } from './task-list';

export interface OpenOptions {
  /** the stage clock starts here instead of now (the first response counts from the report) */
  start?: number;
  /** a deadline set on the form (001 §25.2) */
  override?: Duration;
  /** the task shows this due instant and has no clock of its own (e.g. the closing clock's) */
  fixedDue?: { due: Date | null; provisional: boolean };
  /** the task opens claimed by this person (work meant for one person: the dispatched technician) */
  assignee?: string;
  /**
   * an open task takes the work item's priority when it changes (a carried-over dispatch becomes
   * first priority, 001 §11), audited as `task.reprioritised` with `note`
   */
  reprioritise?: { note: Record<string, unknown> };
}

/** The case a task board works for: its number and type, the pinned policy and its calendar. */
export interface BoardContext<T extends CaseType> {
  caseNumber: string;
  caseType: T;
  policy: PolicyDocument;
  calendar: BusinessCalendar;
  /** a department's own week (Decision 7); absent: every task counts on `calendar` */
  calendars?: DepartmentCalendars;
}

/** Opens the tasks the state's work items need, each with its stage clock (or a fixed due). */
export class WorkReconciler<T extends CaseType> {
  constructor(
    private readonly ctx: BoardContext<T>,
    private readonly list: TaskList,
    private readonly deadlines: DeadlineWatch,
  ) {}

  /**
   * Make the open tasks match the work the state needs: tasks whose work is no longer needed are
   * cancelled (the one an actor just completed was completed before this), needed work without
   * an open task gets a new task with its stage clock. Waiting items pause their clock.
   */
  reconcile(
    items: WorkItem<StageOf<T>>[],
    now: Date,
    options: (item: WorkItem<StageOf<T>>) => OpenOptions,
    cancel: (t: Tracked, reason: string) => void,
  ): void {
    for (const t of this.list.all) {
      if (t.view.type === 'escalation' || !isOpen(t.view)) continue;
      if (!items.some((i) => i.key === t.key)) cancel(t, 'no longer needed in this state');
    }
    for (const item of items) {
      const existing = this.list.all.find((t) => t.key === item.key && isOpen(t.view));
      if (existing) {
        this.deadlines.syncWaiting(existing, item, now);
        const opts = options(item);
        if (opts.reprioritise && existing.view.priority !== item.priority) {
          const previous = existing.view.priority;
          existing.view.priority = item.priority;
          this.list.changed(existing.view, 'task.reprioritised', 'system', now, {
            previousPriority: previous,
            priority: item.priority,
            ...opts.reprioritise.note,
          });
        }
        const fixed = opts.fixedDue;
        if (fixed && existing.clock === null) {
          const dueAt = fixed.due?.toISOString() ?? null;
          if (existing.view.dueAt !== dueAt || existing.view.dueProvisional !== fixed.provisional) {
            existing.view.dueAt = dueAt;
            existing.view.dueProvisional = fixed.provisional;
            this.list.touched(existing.view);
          }
        }
        continue;
      }
      this.open(item, now, options(item));
    }
  }

  private open(item: WorkItem<StageOf<T>>, now: Date, options: OpenOptions): void {
    const { caseNumber, caseType, policy, calendars } = this.ctx;
    const calendar = calendars?.of(item.department) ?? this.ctx.calendar;
    const taskId = this.list.nextId();
    const view = newTaskView(
      {
        taskId,
        caseNumber,
        type: item.type,
        stage: item.stage,
        candidateDepartment: item.department,
        candidateRoles: [...item.roles],
        priority: item.priority,
        commands: [...item.commands],
        escalationLevel: 0,
        escalatesTaskId: null,
      },
      now,
    );
    let clock: Clock | null = null;
    let basis: string | null = null;
    // explanation facts only when they apply: other tasks' audit data stays as it was
    const explained: Record<string, unknown> = {};
    if (options.fixedDue) {
      view.dueAt = options.fixedDue.due?.toISOString() ?? null;
      view.dueProvisional = options.fixedDue.provisional;
    } else {
      const start = options.start ?? now.getTime();
      const { override } = options;
      const deadline = computeStageDeadline(
        policy,
        calendar,
        caseType,
        item.stage,
        start,
        override,
      );
      view.dueAt = deadline.due.toISOString();
      view.dueProvisional = deadline.provisional;
      basis = deadline.basis;
      const own = item.department ? policy.calendar.departments?.[item.department] : undefined;
      if (own && calendars?.hasOwn(item.department)) {
        explained.calendar = { department: item.department, basis: own.basis, source: own.source };
      }
      if (!deadline.calendarCovered) {
        explained.calendarCovered = false;
        explained.calendarWarning = deadline.calendarWarning;
      }
      const ledger = openLedger(policy, caseType, item.stage, start, override);
      clock = { id: taskId, stage: item.stage, ledger, overdue: false, level: 0, taskId };
      this.deadlines.watch(clock);
    }
    // Only a task opened for one person carries the key: other tasks' audit data is unchanged.
    if (options.assignee !== undefined) {
      view.status = 'claimed';
      view.assignee = options.assignee;
    }
    const t: Tracked = { view, key: item.key, clock };
    this.list.add(t);
    this.list.changed(view, 'task.opened', 'system', now, {
      key: item.key,
      stage: item.stage,
      dueAt: view.dueAt,
      basis,
      ...explained,
      ...(options.assignee !== undefined ? { assignee: options.assignee } : {}),
    });
    this.deadlines.syncWaiting(t, item, now);
  }
}
