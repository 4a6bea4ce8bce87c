import { DomainError } from '../errors/domain-error';
import { defaultPolicy, defaultPolicyInput } from './default-policy';
import { parsePolicy, validatePolicy } from './parse-policy';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
/** Write (or delete, with `undefined`) a value at a dotted path of an untyped copy: the tests build documents the schema must reject. */
function mutate(doc: unknown, edits: Record<string, unknown>): unknown {
  const copy = clone(doc);
  for (const [path, value] of Object.entries(edits)) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    const parent = keys.reduce<Record<string, unknown>>(
      (node, k) => node[k] as Record<string, unknown>,
      copy as Record<string, unknown>,
    );
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return copy;
}

describe('policy as versioned data', () => {
  it('task §1: the default policy is version 1 and round-trips through JSON (it travels in workflow inputs)', () => {
    expect(defaultPolicy.version).toBe(1);
    expect(parsePolicy(clone(defaultPolicy))).toEqual(defaultPolicy);
  });

  it('C30 000 §三.6 / 002: first response within 24 calendar hours', () => {
    expect(defaultPolicy.deadlines.complaint.firstResponse).toMatchObject({
      amount: 24,
      unit: 'calendar_hours',
      owner: 'sales',
    });
  });

  it('001 §26.1: 6 days to close from CS acceptance, in the unit the policy states (working days)', () => {
    expect(defaultPolicy.deadlines.complaint.close).toMatchObject({
      amount: 6,
      unit: 'working_days',
      owner: 'cs',
    });
  });

  it('C14 001 §25.3: 3 days for the investigation report', () => {
    expect(defaultPolicy.deadlines.complaint.investigationReport).toMatchObject({
      amount: 3,
      unit: 'working_days',
      owner: 'rnd',
    });
  });

  it('001 篇3 退换货 5: 7-day no-reason return window', () => {
    expect(defaultPolicy.returns.noReasonWindow).toEqual({ amount: 7, unit: 'calendar_days' });
  });

  it('002 ch.10: workshop repair takes 1–6 months; Thai silver is not accepted', () => {
    expect(defaultPolicy.repair.workshopReturnMonths).toEqual({ min: 1, max: 6 });
    expect(defaultPolicy.repair.notAcceptedItemClasses).toContain('thai_silver');
  });

  it('DOMAIN §5: follow-up within 3 working days of close', () => {
    expect(defaultPolicy.followUp.afterClose).toEqual({ amount: 3, unit: 'working_days' });
  });

  it('001 §28.1: monthly review by the 10th', () => {
    expect(defaultPolicy.complaint.monthlyReviewByDay).toBe(10);
  });

  it('X03 001 §21: numbering prefixes KS/TH/WX/DX/HF', () => {
    expect(defaultPolicy.numbering.prefixes).toEqual({
      complaint: 'KS',
      return: 'TH',
      repair: 'WX',
      consignment: 'DX',
      followUp: 'HF',
      // the monthly review (001 §28): our prefix, the seed numbers no review
      review: 'YS',
      // F17 003 §四.4 improvement measures: our prefix (改进), the seed numbers none
      improvement: 'GJ',
    });
  });

  it('001 §17: four survey items, four grades', () => {
    expect(defaultPolicy.survey.items.map((i) => i.code)).toEqual([
      'attitude',
      'skill',
      'arrival_time',
      'promises_kept',
    ]);
    expect(defaultPolicy.survey.grades.map((g) => g.code)).toEqual([
      'very_satisfied',
      'satisfied',
      'average',
      'poor',
    ]);
  });

  it('X01 001 篇3 考勤制度: working hours 9:00–18:00, Asia/Shanghai', () => {
    expect(defaultPolicy.calendar).toMatchObject({
      timeZone: 'Asia/Shanghai',
      utcOffsetMinutes: 480,
      workingHours: { start: '09:00', end: '18:00' },
    });
  });

  it('task §1: an invalid policy document is rejected with every offending path listed', () => {
    const bad = mutate(defaultPolicyInput, {
      version: 0,
      'deadlines.complaint.close.unit': 'fortnights',
      'deadlines.return.refund': undefined,
      'calendar.workingHours': { start: '18:00', end: '09:00' },
      'approvalMatrix.rows.0.upToFen': 12.5,
      'returns.noReasonWindow.amount': -7,
      surprise: true,
    });
    let error: unknown;
    try {
      parsePolicy(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    {
      const e = error as DomainError<'POLICY_INVALID', { issues: Array<{ path: string }> }>;
      expect(e.code).toBe('POLICY_INVALID');
      const paths = e.details.issues.map((i) => i.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'version',
          'deadlines.complaint.close.unit',
          'deadlines.return.refund',
          'calendar.workingHours.end',
          'approvalMatrix.rows.0.upToFen',
          'returns.noReasonWindow.amount',
          '(root)',
        ]),
      );
    }
  });

  it('001 §27: a matrix whose level decreases as the amount grows, or that leaves amounts unrouted, is rejected', () => {
    const bad = mutate(defaultPolicyInput, {
      'approvalMatrix.rows.1.chain': [{ role: 'supervisor' }], // ≤ ¥50,000 below the ≤ ¥5,000 manager
      'approvalMatrix.rows.2.upToFen': 9_000_000, // last bracket bounded
    });
    const result = validatePolicy(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'approvalMatrix.rows.1.chain' }),
          expect.objectContaining({ path: 'approvalMatrix.rows.2.upToFen' }),
        ]),
      );
    }
  });
});
