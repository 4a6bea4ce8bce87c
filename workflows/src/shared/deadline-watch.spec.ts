import { BusinessCalendar, defaultPolicy, openLedger, stopLedger } from '@aso/domain';
import { DeadlineWatch } from './deadline-watch';
import type { Recorder } from './recorder';
import { newTaskView, TaskList, type Tracked } from './task-list';

const HOUR = 3_600_000;
// Tue 1 Dec 2026, 09:00 in Shanghai: a working day, the next one too
const openedAt = Date.parse('2026-12-01T01:00:00.000Z');
// the seed's 24 h for the first response (000 §三.6; 002 回应时间不超过24小时)
const due = openedAt + 24 * HOUR;

/** One first-response task with its clock on a watch; the writes are collected, not sent. */
function watchOneTask(skips: () => boolean) {
  const audits: string[] = [];
  const recorder = {
    audit: (action: string) => void audits.push(action),
    task: () => undefined,
  } as unknown as Recorder;
  const tasks = new TaskList('KS202612-0001', recorder);
  const watch = new DeadlineWatch(
    'KS202612-0001',
    new BusinessCalendar(defaultPolicy.calendar),
    tasks,
    undefined,
    skips,
  );
  const view = newTaskView(
    {
      taskId: tasks.nextId(),
      caseNumber: 'KS202612-0001',
      type: 'first_response',
      stage: 'firstResponse',
      candidateDepartment: 'sales',
      candidateRoles: ['staff'],
      priority: 2,
      commands: ['RecordFirstResponse'],
      escalationLevel: 0,
      escalatesTaskId: null,
    },
    new Date(openedAt),
  );
  const ledger = openLedger(defaultPolicy, 'complaint', 'firstResponse', openedAt);
  const t: Tracked = {
    view,
    key: 'first_response',
    clock: {
      id: view.taskId,
      stage: 'firstResponse',
      ledger,
      overdue: false,
      level: 0,
      taskId: view.taskId,
    },
  };
  tasks.add(t);
  watch.watch(t.clock!);
  /** what TaskBoard.complete does to the task and its clock */
  const complete = (at: number) => {
    t.view.status = 'completed';
    t.view.completedAt = new Date(at).toISOString();
    t.clock!.ledger = stopLedger(t.clock!.ledger, at);
  };
  const escalations = () => tasks.all.filter((e) => e.view.type === 'escalation');
  return { watch, t, complete, escalations, audits };
}

describe('DeadlineWatch.checkDeadlines: closed work (patch deadlines-skip-closed-tasks)', () => {
  test('C36 001 §24.3(1): a task completed a minute after its 24 h first response was due, checked only after (the case loop was still stamping its now), is marked overdue but opens no escalation — the patch is asked exactly then', () => {
    let asked = 0;
    const w = watchOneTask(() => ++asked > 0);
    w.complete(due + 60_000);
    // the loop's now is the stamp it took when it woke, before the completion
    w.watch.checkDeadlines(new Date(due + 1_000));
    expect(w.escalations()).toEqual([]);
    expect(w.t.view).toMatchObject({ status: 'completed', overdue: true, escalationLevel: 0 });
    expect(w.watch.overdueStages).toEqual(['firstResponse']);
    expect(w.audits).toEqual(['task.overdue']);
    expect(asked).toBe(1);
  });

  test('a history from before the patch (patched answers false) opens the escalation as it did', () => {
    const w = watchOneTask(() => false);
    w.complete(due + 60_000);
    w.watch.checkDeadlines(new Date(due + 1_000));
    expect(w.escalations().map((e) => e.view)).toEqual([
      expect.objectContaining({
        status: 'open',
        escalatesTaskId: w.t.view.taskId,
        escalationLevel: 1,
        candidateRoles: ['manager'],
        candidateDepartment: 'sales',
      }),
    ]);
  });

  test('the patch is not asked for open work (it escalates) nor for work closed before its deadline', () => {
    let asked = 0;
    const open = watchOneTask(() => ++asked > 0);
    open.watch.checkDeadlines(new Date(due + 60_000));
    expect(open.escalations()).toHaveLength(1);
    expect(open.t.view).toMatchObject({ overdue: true, escalationLevel: 1 });

    const early = watchOneTask(() => ++asked > 0);
    early.complete(due - 60_000);
    early.watch.checkDeadlines(new Date(due + 60_000));
    expect(early.escalations()).toEqual([]);
    expect(early.t.view.overdue).toBe(false);
    expect(asked).toBe(0);
  });
});
