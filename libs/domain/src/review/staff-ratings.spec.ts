import { staffRatingsOf } from './staff-ratings';

const grade = (attitude: string, skill: string, arrival: string, promises: string) => {
  const score: Record<string, number> = {
    very_satisfied: 4,
    satisfied: 3,
    average: 2,
    poor: 1,
  };
  return [
    { item: 'attitude', grade: attitude, score: score[attitude]! },
    { item: 'skill', grade: skill, score: score[skill]! },
    { item: 'arrival_time', grade: arrival, score: score[arrival]! },
    { item: 'promises_kept', grade: promises, score: score[promises]! },
  ];
};

describe('service staff ratings in the monthly appraisal data (M04 001 §15)', () => {
  it('M04 001 §15: each 001 §17 survey (4 items × 非常满意/满意/一般/较差) counts for every service person of the followed case, per person and item', () => {
    const ratings = staffRatingsOf([
      {
        followUpNumber: 'HF202611-0001',
        followedCaseNumber: 'WX202611-0001',
        items: grade('very_satisfied', 'very_satisfied', 'very_satisfied', 'very_satisfied'),
        max: 16,
        staff: ['cs-01', 'tech-01'],
      },
      {
        followUpNumber: 'HF202611-0002',
        followedCaseNumber: 'WX202611-0002',
        items: grade('satisfied', 'poor', 'average', 'satisfied'),
        max: 16,
        staff: ['tech-01'],
      },
    ]);
    expect(ratings.map((r) => [r.staffId, r.calls, r.scoreRate])).toEqual([
      ['cs-01', 1, 1],
      // (16/16 + 9/16) / 2
      ['tech-01', 2, 0.781],
    ]);
    expect(ratings[1]!.items).toEqual({
      attitude: { very_satisfied: 1, satisfied: 1 },
      skill: { very_satisfied: 1, poor: 1 },
      arrival_time: { very_satisfied: 1, average: 1 },
      promises_kept: { very_satisfied: 1, satisfied: 1 },
    });
    expect(ratings[1]!.followUps).toEqual(['HF202611-0001', 'HF202611-0002']);
    expect(staffRatingsOf([])).toEqual([]);
  });
});
