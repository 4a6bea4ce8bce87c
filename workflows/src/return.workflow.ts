import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import {
  type CaseActivities,
  type CaseActor,
  type CaseSnapshot,
  type CompleteTaskInput,
  type ReturnCaseView,
  type ReturnOutcome,
  type ReturnWorkflowInput,
  caseViewQuery,
  completeTaskUpdate,
} from '@aso/contracts';
import {
  type Actor,
  BusinessCalendar,
  type ReturnCommand,
  type ReturnEvent,
  type ReturnState,
  decideReturn,
  defaultHolidayTables,
  evolveReturn,
  returnStageOf,
  returnWorkItems,
} from '@aso/domain';
import { CaseClock } from './shared/clock';
import { DocumentBook } from './shared/documents';
import { Recorder } from './shared/recorder';
import { refusal, refusalOf } from './shared/refusal';
import { ACKNOWLEDGE_ESCALATION, TaskBoard } from './shared/task-board';
import { registerTaskHandlers } from './shared/task-handlers';

// Read-model and audit writes are short and idempotent: as a local activity they run in the
// worker without a server round trip per write (and are retried like any activity).
const writes = proxyLocalActivities<Pick<CaseActivities, 'recordChanges'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '30 seconds' },
});

/**
 * A return / exchange / rework case started from a complaint decision (DOMAIN.md §2, the
 * complaint-origin path of 001 §29): the return slip is approved by the sales VP, the warehouse
 * receives and checks the goods while finance holds the reconciliation task (its clock waits for
 * the goods), finance reconciles approved vs returned quantity — a mismatch goes back to sales
 * with the difference — and a match books the voucher, then the refund (or the reshipment).
 * The state is the domain's ReturnState, built only by decideReturn/evolveReturn.
 */
export async function returnCase(input: ReturnWorkflowInput): Promise<ReturnOutcome> {
  const policy = input.policy;
  const clock: CaseClock = new CaseClock(Date.parse(input.openedAt), (run) => recorder.serial(run));
  const calendar = new BusinessCalendar(
    policy.calendar,
    input.holidayTables ?? defaultHolidayTables,
  );
  const caseNumber = input.caseNumber;
  if (input.parentCaseNumber === null || input.approvedQuantity === null) {
    // A customer's own request needs its SN, account and eligibility facts, which
    // ReturnWorkflowInput does not carry yet: only the complaint-origin path runs here.
    throw ApplicationFailure.create({
      type: 'COMMAND_INVALID',
      message: 'A return case needs its parent complaint and the approved quantity',
      nonRetryable: true,
    });
  }
  const parentCaseNumber = input.parentCaseNumber;

  let state: ReturnState | null = null;
  let changes = 0;
  let outcome: string | null = null;
  const recorder: Recorder = new Recorder(
    writes,
    { organisationId: input.organisationId, caseNumber, policyVersion: policy.version },
    (v) => snapshot(v),
    () => clock.at(),
  );
  const board = new TaskBoard({ caseNumber, caseType: 'return', policy, calendar }, recorder);
  const documents = new DocumentBook(recorder, {
    organisationId: input.organisationId,
    caseNumber,
  });
  const current = (): ReturnState => {
    if (!state) throw ApplicationFailure.nonRetryable(`return ${caseNumber} has no state`);
    return state;
  };
  const done = () => current().status === 'completed' || current().status === 'rejected';

  // 3. From a complaint: sales issues the return slip (reason, method, basis) for the sales VP.
  const issued = decideReturn(
    null,
    {
      type: 'IssueReturnSlip',
      actor: actorOf(input.openedBy),
      caseNumber,
      parentCaseNumber,
      reason: input.reason,
      method: input.method,
      basis: `complaint ${parentCaseNumber} handling decision (001 §29.1)`,
      approvedQuantity: input.approvedQuantity,
    },
    new Date(input.openedAt),
    policy,
    calendar,
  );
  if (!issued.ok)
    throw ApplicationFailure.create({
      type: issued.error.code,
      message: issued.error.message,
      details: [issued.error.details],
      nonRetryable: true,
    });
  record(issued.events);
  afterChange(clock.at()); // the opening time the start input records

  // Registered once the first tasks exist: an update that came with the first workflow task is
  // handed to its handler as soon as it is set (see complaint.workflow.ts).
  setHandler(caseViewQuery, (): ReturnCaseView => view());
  registerTaskHandlers(board, recorder, () => (changes += 1), clock);
  setHandler(
    completeTaskUpdate,
    async (req) => {
      const now = await clock.now(`task:${req.taskId} complete`);
      const { taskId, events } = prepare(req, now);
      record(events);
      board.complete(taskId, req.actor.userId, now, {
        command: req.command.type,
        comment: req.comment ?? null,
        events: events.map((e) => e.type),
      });
      afterChange(now);
      await recorder.flush();
      return { taskId, events: events.map((e) => e.type), status: current().status };
    },
    { validator: (req) => void prepare(req, new Date()) },
  );

  await recorder.flush();

  let timedOut = false; // woken by a deadline (a timer history records), not by a change
  while (!done()) {
    board.checkDeadlines(timedOut ? await clock.now('deadlines') : clock.at());
    await recorder.flush();
    const seen = changes;
    const wake = board.nextWakeMs(new Date());
    if (wake === null) {
      await condition(() => changes !== seen || done());
      timedOut = false;
    } else
      timedOut = !(await condition(
        () => changes !== seen || done(),
        Math.max(1, wake - Date.now()),
      ));
  }
  await condition(allHandlersFinished);
  await recorder.flush();
  const final = current();
  return {
    caseNumber,
    status: final.status,
    outcome:
      final.method === 'rework' && outcome === 'reshipped' ? 'reworked' : (outcome ?? final.status),
    returnedQuantity: final.returnedQuantity,
  };

  function prepare(req: CompleteTaskInput, now: Date): { taskId: string; events: ReturnEvent[] } {
    const task = board.get(req.taskId);
    board.assertMayWork(task, req.actor);
    const type = typeof req.command?.type === 'string' ? req.command.type : null;
    if (type === null || !task.commands.includes(type)) {
      throw refusal(
        'COMMAND_INVALID',
        `Task ${task.taskId} (${task.type}) is completed by ${task.commands.join(' or ')}`,
        { taskId: task.taskId, command: type, accepted: task.commands },
      );
    }
    if (type === ACKNOWLEDGE_ESCALATION) return { taskId: task.taskId, events: [] };
    const command = { ...(req.command as object), actor: actorOf(req.actor) } as ReturnCommand;
    const decision = decideReturn(current(), command, now, policy, calendar);
    if (!decision.ok) throw refusalOf(decision.error);
    return { taskId: task.taskId, events: decision.events };
  }

  function record(events: ReturnEvent[]): void {
    for (const e of events) {
      state = evolveReturn(state, e);
      recorder.audit(`return.${e.type}`, e.by, e.at, { ...e });
      slipChanges(e, state);
    }
  }

  /** The return slip 产品退货单 and its copies (001 §29.1(2), §29.3). */
  function slipChanges(e: ReturnEvent, s: ReturnState): void {
    const at = new Date(e.at).toISOString();
    const slip = (
      status: string,
      change?: (content: Record<string, unknown>) => void,
      sign?: { by: string; role: string },
    ) =>
      documents.update('return_slip', caseNumber, 1, e.by, e.at, (d) => {
        d.status = status;
        change?.(d.content);
        if (sign) d.signatures.push({ ...sign, at });
      });
    switch (e.type) {
      case 'ReturnSlipIssued':
        documents.create(
          {
            docType: 'return_slip',
            docNumber: caseNumber,
            revision: 1,
            supersedesRevision: null,
            status: 'issued',
            content: {
              parentCaseNumber: e.parentCaseNumber,
              reason: e.slip.reason,
              method: e.slip.method,
              basis: e.slip.basis,
              approvedQuantity: e.slip.approvedQuantity,
              returnedQuantity: null,
            },
            signatures: [{ by: e.by, role: 'issuer', at }],
          },
          e.by,
          e.at,
        );
        break;
      case 'ReturnSlipApproved':
        recorder.audit('approval.signed', e.by, e.at, {
          action: 'return_slip',
          explanation: s.slip?.route.explanation ?? null,
        });
        documents.update('return_slip', caseNumber, 1, e.by, e.at, (d) => {
          d.status = 'approved';
          d.distribution = e.copies.map((c) => ({ department: c.holder, copy: c.copy }));
          d.signatures.push({ by: e.by, role: 'sales_vp', at });
        });
        break;
      case 'GoodsCheckFailed':
        slip(
          'check_failed',
          (c) =>
            void (c.lastCheck = {
              quantity: e.quantity,
              complete: e.complete,
              undamaged: e.undamaged,
              note: e.note,
            }),
        );
        break;
      case 'GoodsReceived':
        slip('received', (c) => void (c.returnedQuantity = e.totalReturned), {
          by: e.by,
          role: 'warehouse',
        });
        break;
      case 'ReconciliationMismatched':
        slip('quantity_mismatch', (c) => void (c.reconciliation = e.reconciliation));
        break;
      case 'MismatchResolved':
        slip(
          'awaiting_goods',
          (c) => void (c.mismatchResolution = { resolution: e.resolution, note: e.note }),
        );
        break;
      case 'ReconciliationMatched':
        slip(
          'reconciled',
          (c) =>
            void Object.assign(c, {
              reconciliation: e.reconciliation,
              voucherNumber: e.voucherNumber,
            }),
          { by: e.by, role: 'finance' },
        );
        break;
      case 'RefundRecorded':
        slip('refunded', (c) => void (c.refundFen = e.amountFen));
        break;
      case 'ReshipmentRecorded':
        slip('reshipped', (c) => void (c.shipmentNumber = e.shipmentNumber));
        break;
      case 'ReturnCompleted':
        outcome = e.outcome;
        break;
      case 'ReturnRequested':
      case 'ReturnRequestApproved':
      case 'ReturnRequestRejected':
        break;
    }
  }

  function afterChange(now: Date): void {
    board.reconcile(returnWorkItems(current()), now, () => ({}));
    if (done()) board.cancelAll(now, 'case completed');
    changes += 1;
  }

  function view(): ReturnCaseView {
    const s = current();
    return {
      caseNumber,
      caseType: 'return',
      organisationId: input.organisationId,
      policyVersion: policy.version,
      status: s.status,
      state: s,
      tasks: board.views(),
      overdueStages: [...board.overdueStages],
      closingClock: {
        startedAt: null,
        dueAt: null,
        dueProvisional: false,
        closedAt: iso(s.completedAt),
        onTime: null,
      },
      parentCaseNumber,
      childCaseNumbers: [],
      auditSeq: recorder.auditSeq,
      writeIncidents: recorder.writeIncidents,
    };
  }

  function snapshot(version: number): CaseSnapshot {
    const s = current();
    return {
      organisationId: input.organisationId,
      storeId: input.storeId,
      caseNumber,
      caseType: 'return',
      status: s.status,
      stage: returnStageOf(s.status),
      customerName: input.customerName,
      customerPhone: null,
      orderNumber: input.orderNumber,
      quantity: s.approvedQuantity,
      lossAmountFen: null,
      approvedAmountFen: s.refundFen,
      classification: null,
      severity: null,
      method: s.method,
      overdue: board.openTasks().some((t) => t.overdue),
      overdueStages: [...board.overdueStages],
      policyVersion: policy.version,
      parentCaseNumber,
      childCaseNumbers: [],
      openedAt: input.openedAt,
      acceptedAt: null,
      closingDueAt: null,
      closedAt: iso(s.completedAt),
      closedOnTime: null,
      version,
    };
  }
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const actorOf = (a: CaseActor): Actor => ({
  userId: a.userId,
  department: a.department,
  roles: [...a.roles],
});
