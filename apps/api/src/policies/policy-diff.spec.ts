import { defaultPolicy } from '@aso/domain';
import { diffPolicies } from './policy-diff';

describe('diffPolicies', () => {
  test('the same document: no change', () => {
    expect(diffPolicies(defaultPolicy, structuredClone(defaultPolicy))).toEqual([]);
  });

  test('changed, added and removed leaves, by path, array items by index', () => {
    const b = structuredClone(defaultPolicy) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    b.version = 2;
    b.deadlines.complaint.close.unit = 'calendar_days';
    b.approvalMatrix.rows[0].upToFen = 400_000;
    b.survey.items.pop();
    expect(diffPolicies(defaultPolicy, b)).toEqual([
      { path: 'approvalMatrix.rows.0.upToFen', old: 500_000, new: 400_000 },
      { path: 'deadlines.complaint.close.unit', old: 'working_days', new: 'calendar_days' },
      { path: 'survey.items.3', old: { code: 'promises_kept', label: '答应事项的办理' } },
      { path: 'version', old: 1, new: 2 },
    ]);
  });

  test('a leaf that appears only in the newer document is an addition', () => {
    expect(diffPolicies({ a: 1 }, { a: 1, b: { c: [1] } })).toEqual([
      { path: 'b', new: { c: [1] } },
    ]);
  });
});
