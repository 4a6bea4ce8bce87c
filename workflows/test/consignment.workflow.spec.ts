import type { temporal } from '@temporalio/proto';
import {
  CONSIGNMENT_WORKFLOW_TYPE,
  type ConsignmentOutcome,
  type ConsignmentWorkflowInput,
  completeTaskUpdate,
} from '@aso/contracts';
import { type ConsignmentState, defaultPolicy } from '@aso/domain';
import { people } from './support/actors';
import { type CaseDriver, type Harness, createHarness } from './support/harness';
import { eventually } from './support/poll';
import { local, sleepUntil } from './support/time';

/**
 * A consignment (DX, DOMAIN.md §4, 002 ch.12; K01–K04) on the time-skipping server, with real
 * dates from December 2026 (2027 has no published holiday table yet: weekends only, provisional):
 * the list with a code per item, the customer's signature awaited with reminders, sales by code
 * on a standing task, a report per month generated at 18:00 on the month's last working day,
 * settlement with finance, the unsold goods back through the warehouse; the history bounded by
 * a continue-as-new per period.
 */
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const TASK_QUEUE = 'consignment-workflow-test';
let h: Harness;
beforeAll(async () => {
  h = await createHarness(TASK_QUEUE);
});
afterAll(async () => {
  await h?.teardown();
});

/** Each run's history stays under this many events (one period's sales: ≤ ~100 updates). */
const HISTORY_BOUND = 1_000;

async function open(
  caseNumber: string,
  openedAt: string,
  over: Partial<ConsignmentWorkflowInput['open']> = {},
): Promise<CaseDriver<ConsignmentState>> {
  const input: ConsignmentWorkflowInput = {
    organisationId: 'org-test',
    storeId: null,
    caseNumber,
    openedAt,
    openedBy: people.sales,
    open: {
      consignor: { name: '李明', surname: '李', phone: '13800000000', customerId: null },
      customerKind: 'wholesale',
      goods: [
        { item: 'Espresso machine EM-3', quantity: 10, priceFen: 129_900 },
        { item: 'Grinder G-1', quantity: 12, priceFen: 39_900 },
      ],
      terms: {
        commissionBp: 1500,
        reportPeriod: 'monthly',
        settlementPeriod: 'monthly',
        durationMonths: 12,
      },
      customerPresent: true,
      ...over,
    },
    policy: defaultPolicy,
  };
  await h.env.client.workflow.start(CONSIGNMENT_WORKFLOW_TYPE, {
    workflowId: caseNumber,
    taskQueue: TASK_QUEUE,
    args: [input],
  });
  return h.driver<ConsignmentState>(caseNumber);
}

/** The standing sales task takes a sale and stays open. */
async function sell(
  d: CaseDriver<ConsignmentState>,
  taskId: string,
  sales: { saleId: string; code: string; quantity: number }[],
) {
  const command = { type: 'RecordSales', sales } as { type: string };
  return d.handle.executeUpdate(completeTaskUpdate, {
    args: [{ taskId, actor: people.sales, command }],
  });
}

describe('consignment 代卖·委托代销 (DOMAIN.md §4, 002 ch.12)', () => {
  test('K01 002 ch.12 1: the goods counted on Mon 7 Dec 2026 are listed on DX202612-0001-L, every item coded (pf001李, pf002李) with its labels; the sales task is due 18:00 Thu 31 Dec 2026', async () => {
    await sleepUntil(h, '2026-12-07T02:00:00Z'); // Mon 7 Dec 2026 10:00 in Shanghai
    const d = await open('DX202612-0001', '2026-12-07T02:00:00.000Z');
    const task = await d.task('consignment_sales');
    expect(local(task.dueAt)).toBe('2026-12-31T18:00+08:00');
    expect(task.commands).toEqual(['RecordSales', 'RequestReturn']);
    const [list] = h.recorded.documentsOf('DX202612-0001', 'consignment_list');
    expect(list).toMatchObject({ docNumber: 'DX202612-0001-L', status: 'signed' });
    expect(list?.content).toMatchObject({
      items: [
        { code: 'pf001李', quantity: 10, priceFen: 129_900 },
        { code: 'pf002李', quantity: 12, priceFen: 39_900 },
      ],
      labels: [
        { code: 'pf001李', copies: 10 },
        { code: 'pf002李', copies: 12 },
      ],
      totalQuantity: 22,
    });
    // sales by code: unknown codes and overselling are refused, a sale id counts once
    const unknown = await sell(d, task.taskId, [
      { saleId: 'x1', code: 'pf009李', quantity: 1 },
    ]).catch((e: { cause?: { type?: string } }) => e.cause?.type);
    expect(unknown).toBe('CONSIGNMENT_ITEM_UNKNOWN');
    const over = await sell(d, task.taskId, [
      { saleId: 'x2', code: 'pf001李', quantity: 11 },
    ]).catch((e: { cause?: { type?: string } }) => e.cause?.type);
    expect(over).toBe('CONSIGNMENT_OVERSOLD');
    await sell(d, task.taskId, [{ saleId: 'x3', code: 'pf001李', quantity: 2 }]);
    await sell(d, task.taskId, [{ saleId: 'x3', code: 'pf001李', quantity: 2 }]);
    const view = await d.view();
    expect(view.state.items[0]?.sold).toBe(2);
    expect(view.tasks.filter((t) => t.type === 'consignment_sales')).toHaveLength(1);
    await d.handle.terminate('test done');
  });

  test('K03 002 ch.12 2: the customer absent on Tue 8 Dec 2026, the quantities and contract go for signature due Tue 15 Dec 10:00, reminded Wed 9, Thu 10, Fri 11 and Mon 14 Dec; late, sales’ manager is told; signed, the term starts', async () => {
    await sleepUntil(h, '2026-12-08T02:00:00Z');
    const d = await open('DX202612-0002', '2026-12-08T02:00:00.000Z', {
      customerPresent: false,
      consignor: { name: '薛红', surname: '薛', phone: null, customerId: null },
      customerKind: 'franchise',
    });
    const task = await d.task('consignment_contract_signature');
    expect(task).toMatchObject({ candidateDepartment: 'sales', commands: ['RecordSignature'] });
    expect(local(task.dueAt)).toBe('2026-12-15T10:00+08:00');
    expect(h.recorded.documentsOf('DX202612-0002', 'consignment_contract')[0]?.status).toBe(
      'awaiting_signature',
    );
    await sleepUntil(h, '2026-12-15T02:05:00Z');
    const escalated = await eventually(async () => {
      const v = await d.view();
      return v.tasks.some((t) => t.type === 'escalation') ? v : undefined;
    }, 'the escalation');
    expect(escalated.tasks.find((t) => t.type === 'escalation')).toMatchObject({
      candidateDepartment: 'sales',
      candidateRoles: ['manager'],
    });
    const reminders = h.recorded
      .auditOf('DX202612-0002')
      .filter((a) => a.action === 'consignment.signature_reminder')
      .map((a) => local(a.occurredAt));
    expect(reminders).toEqual([
      '2026-12-09T10:00+08:00',
      '2026-12-10T10:00+08:00',
      '2026-12-11T10:00+08:00',
      '2026-12-14T10:00+08:00',
    ]);
    await d.complete('consignment_contract_signature', people.sales, {
      type: 'RecordSignature',
      signatory: '薛红',
    });
    const sales = await d.task('consignment_sales');
    expect(local(sales.dueAt)).toBe('2026-12-31T18:00+08:00');
    expect((await d.view()).state.items.map((i) => i.code)).toEqual(['jm001薛', 'jm002薛']);
    expect(h.recorded.documentsOf('DX202612-0002', 'consignment_contract')[0]?.status).toBe(
      'signed',
    );
    await d.handle.terminate('test done');
  });

  test(`K04 002 ch.12 3: a 12-month consignment from Wed 16 Dec 2026 with 1,000 sales reports at 18:00 on each month's last working day (Thu 31 Dec 2026, Fri 29 Jan 2027, …, Tue 30 Nov 2027), settles with finance, takes the unsold goods back and closes; it continues as new per period and no run's history reaches ${HISTORY_BOUND} events`, async () => {
    await sleepUntil(h, '2026-12-16T02:00:00Z');
    const caseNumber = 'DX202612-0003';
    const d = await open(caseNumber, '2026-12-16T02:00:00.000Z', {
      goods: [
        { item: 'Espresso machine EM-3', quantity: 600, priceFen: 129_900 },
        { item: 'Grinder G-1', quantity: 600, priceFen: 39_900 },
      ],
    });
    const firstRunId = (await d.handle.describe()).runId;
    const ends: string[] = [];
    let sale = 0;
    for (let period = 1; period <= 12; period++) {
      const task = await d.task('consignment_sales');
      const count = period <= 4 ? 84 : 83; // 4 × 84 + 8 × 83 = 1,000
      for (let i = 0; i < count; i++) {
        sale += 1;
        const code = sale % 2 === 0 ? 'pf001李' : 'pf002李';
        await sell(d, task.taskId, [{ saleId: `S-${sale}`, code, quantity: 1 }]);
      }
      ends.push(local(task.dueAt) ?? '');
      await sleepUntil(h, new Date(new Date(task.dueAt ?? 0).getTime() + 60_000));
      await eventually(
        async () => (await d.tasks('consignment_sales_report')).find((t) => t.status === 'open'),
        `the report of period ${period}`,
      );
      await d.complete('consignment_sales_report', people.sales, {
        type: 'MarkReportSent',
        period,
        channel: 'wechat',
      });
      await d.complete('consignment_settlement', people.finance, {
        type: 'SettlePeriod',
        settlement: period,
        voucherRef: `V-${period}`,
      });
    }
    expect(ends.slice(0, 3)).toEqual([
      '2026-12-31T18:00+08:00',
      '2027-01-29T18:00+08:00',
      '2027-02-26T18:00+08:00',
    ]);
    expect(ends[11]).toBe('2027-11-30T18:00+08:00');
    const reports = h.recorded.documentsOf(caseNumber, 'consignment_sales_report');
    expect(reports).toHaveLength(12);
    expect(reports.find((r) => r.docNumber === `${caseNumber}-R1`)?.content).toMatchObject({
      proceedsFen: 42 * 129_900 + 42 * 39_900,
      stockLeft: 1200 - 84,
    });
    // the term ended: the warehouse takes back 500 + 500 unsold against the list
    await d.complete('consignment_goods_return', people.warehouse, {
      type: 'RecordReturnReceipt',
      lines: [
        { code: 'pf001李', quantity: 100 },
        { code: 'pf002李', quantity: 100 },
      ],
    });
    const outcome = (await d.handle.result()) as ConsignmentOutcome;
    expect(outcome).toMatchObject({
      status: 'closed',
      salesCount: 1000,
      proceedsFen: 500 * 129_900 + 500 * 39_900,
      commissionFen: Math.floor(((500 * 129_900 + 500 * 39_900) * 15) / 100),
    });
    // every run, from the first through each continue-as-new, stays under the bound
    const lengths: number[] = [];
    let runId: string | undefined = firstRunId;
    while (runId) {
      const history: { events?: HistoryEvent[] | null } = await h.env.client.workflow
        .getHandle(caseNumber, runId)
        .fetchHistory();
      const events: HistoryEvent[] = history.events ?? [];
      lengths.push(events.length);
      runId =
        events.find((e) => e.workflowExecutionContinuedAsNewEventAttributes)
          ?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
    }
    expect(lengths.length).toBe(13); // 12 period ends, then the run that closes
    expect(Math.max(...lengths)).toBeLessThan(HISTORY_BOUND);
    process.stdout.write(`consignment history lengths per run: ${lengths.join(', ')}\n`);
    // the audit trail goes on across runs without a gap or a repeated key
    const keys = h.recorded.auditOf(caseNumber).map((a) => Number(a.key.slice(3)));
    expect(new Set(keys).size).toBe(keys.length);
    expect(Math.max(...keys)).toBe(keys.length);
  }, 900_000);
});
