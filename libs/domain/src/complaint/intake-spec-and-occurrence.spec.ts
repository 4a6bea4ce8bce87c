import { localToInstant } from '../calendar/civil-time';
import { defaultPolicy } from '../policy/default-policy';
import type { Actor } from '../shared/org';
import { decideComplaint } from './complaint.decide';
import { evolveComplaint } from './complaint.evolve';
import type { ComplaintIntake, ComplaintState } from './complaint.types';

const t = (s: string) => localToInstant(s).getTime();
const sales: Actor = { userId: 'sales-1', department: 'sales', roles: ['staff'] };
const intake: ComplaintIntake = {
  customerName: '王先生',
  orderNumber: 'SO-2026-0042',
  batchNumber: 'B2602',
  shipDate: '2026-02-20',
  defectiveQuantity: 3,
  demand: 'refund',
  reasons: 'screen flickers',
  channel: 'phone',
  attachments: [],
  salesOpinion: 'plausible',
};
const reportAt = t('2026-03-02 10:00');

const report = (patch: Partial<ComplaintIntake>) =>
  decideComplaint(
    null,
    {
      type: 'ReportComplaint',
      actor: sales,
      caseNumber: 'KS202603-0001',
      intake: { ...intake, ...patch },
    },
    reportAt,
    defaultPolicy,
  );

describe('complaint intake (C02)', () => {
  it('C02 001 §24.1(1): intake holds the product spec and the occurrence time', () => {
    const d = report({ productSpec: 'R-300 16GB 黑色', occurredAt: '2026-02-28T09:30:00.000Z' });
    if (!d.ok) throw d.error;
    let s: ComplaintState | null = null;
    for (const e of d.events) s = evolveComplaint(s, e);
    expect(s?.intake).toMatchObject({
      productSpec: 'R-300 16GB 黑色',
      occurredAt: '2026-02-28T09:30:00.000Z',
    });
  });

  it('C02 000 §三.7: the occurrence time is never after the report nor before the ship day', () => {
    const refused = (occurredAt: string) => {
      const d = report({ occurredAt });
      return d.ok ? null : { code: d.error.code, field: d.error.details.field };
    };
    const field = { code: 'COMMAND_INVALID', field: 'intake.occurredAt' };
    expect(refused('2026-03-02T03:00:00.000Z')).toEqual(field); // 11:00 Shanghai, after the 10:00 report
    expect(refused('2026-02-19T15:59:00.000Z')).toEqual(field); // 23:59 Shanghai, the day before shipping
    expect(refused('yesterday')).toEqual(field);
    // the ship day itself (00:00 Shanghai) and the report instant are both accepted
    expect(refused('2026-02-19T16:00:00.000Z')).toBeNull();
    expect(refused(new Date(reportAt).toISOString())).toBeNull();
  });

  it('C02: a complaint reported before C02 (neither field) is still accepted', () => {
    expect(report({}).ok).toBe(true);
    expect(report({ productSpec: '  ' }).ok).toBe(false);
  });
});
