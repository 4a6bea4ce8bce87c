import { localToInstant } from '../calendar/civil-time';
import { defaultPolicy } from '../policy/default-policy';
import type { Actor } from '../shared/org';
import { decideReturn } from './return.decide';
import { evolveReturn } from './return.evolve';
import type { ReturnCommand, ReturnState } from './return.types';
import { returnStageOf, returnWorkItems } from './work-items';

const at = localToInstant('2026-03-10 10:00');
const sales: Actor = { userId: 'sales-1', department: 'sales', roles: ['staff'] };
const salesVp: Actor = { userId: 'svp', department: 'sales', roles: ['sales_vp'] };
const warehouse: Actor = { userId: 'wh-1', department: 'warehouse', roles: ['staff'] };

const run = (commands: ReturnCommand[]): ReturnState =>
  commands.reduce<ReturnState | null>((s, c) => {
    const d = decideReturn(s, c, at, defaultPolicy);
    if (!d.ok) throw d.error;
    return d.events.reduce<ReturnState | null>(evolveReturn, s);
  }, null) as ReturnState;

const slip: ReturnCommand = {
  type: 'IssueReturnSlip',
  actor: sales,
  caseNumber: 'TH202603-0001',
  parentCaseNumber: 'KS202603-0001',
  reason: 'bad solder',
  method: 'refund',
  basis: 'KS202603-0001 rev 1',
  approvedQuantity: 3,
};

describe('return work items (DOMAIN.md §2)', () => {
  it('R01 001 §29.1(2): an issued slip needs the sales VP', () => {
    expect(returnWorkItems(run([slip]))).toEqual([
      expect.objectContaining({
        key: 'return_slip_approval',
        department: null,
        roles: ['sales_vp'],
      }),
    ]);
  });

  it('001 §29.2–3: after approval warehouse and finance work in parallel; finance waits for the goods', () => {
    const s = run([slip, { type: 'ApproveReturnSlip', actor: salesVp }]);
    expect(returnWorkItems(s).map((i) => [i.key, i.department, i.waitingFor])).toEqual([
      ['goods_receipt', 'warehouse', null],
      ['reconciliation', 'finance', 'waiting_for_goods'],
    ]);
    const received = run([
      slip,
      { type: 'ApproveReturnSlip', actor: salesVp },
      { type: 'ReceiveGoods', actor: warehouse, quantity: 3, complete: true, undamaged: true },
    ]);
    expect(returnWorkItems(received).map((i) => [i.key, i.waitingFor])).toEqual([
      ['reconciliation', null],
    ]);
    expect(returnStageOf(received.status)).toBe('reconciliation');
  });
});
