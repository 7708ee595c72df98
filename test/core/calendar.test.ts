import { countedMonths, countedQuarters, thematicQuarterCount } from '../../src/core/calendar';

describe('thematicQuarterCount', () => {
  it('counts distinct (year, quarter) pairs with a thematic or combined meeting', () => {
    expect(
      thematicQuarterCount([
        { date: '2025-01-10', kind: 'thematic' },
        { date: '2025-03-31', kind: 'combined' }, // same quarter
        { date: '2025-04-01', kind: 'regular' }, // regular does not count
        { date: '2025-07-01', kind: 'combined' },
        { date: '2024-01-10', kind: 'thematic' }, // another year, same quarter number
      ]),
    ).toBe(3);
  });

  it('is 0 without thematic meetings', () => {
    expect(thematicQuarterCount([{ date: '2025-01-10', kind: 'regular' }])).toBe(0);
    expect(thematicQuarterCount([])).toBe(0);
  });

  it('puts months on quarter edges in the right quarter', () => {
    const quarterOfDate = (date: string): number =>
      thematicQuarterCount([
        { date, kind: 'thematic' },
        { date: '2025-05-15', kind: 'thematic' },
      ]);
    expect(quarterOfDate('2025-03-31')).toBe(2); // Q1 + Q2
    expect(quarterOfDate('2025-04-01')).toBe(1); // both Q2
    expect(quarterOfDate('2025-06-30')).toBe(1);
    expect(quarterOfDate('2025-07-01')).toBe(2);
  });
});

describe('countedMonths', () => {
  it.each([
    ['2025-03-30', [1, 2]],
    ['2025-03-31', [1, 2, 3]],
    ['2025-04-01', [1, 2, 3]],
    ['2025-02-28', [1, 2]], // 2025 is not a leap year
    ['2025-01-30', []],
    ['2025-01-31', [1]],
    ['2024-12-31', []], // before the year
    ['2025-12-30', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
    ['2025-12-31', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
    ['2026-06-01', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
  ])('as of %s → %p', (asOf, months) => {
    expect(countedMonths(2025, asOf)).toEqual(months);
  });

  it('knows leap-year February', () => {
    expect(countedMonths(2024, '2024-02-28')).toEqual([1]);
    expect(countedMonths(2024, '2024-02-29')).toEqual([1, 2]);
  });
});

describe('countedQuarters', () => {
  it.each([
    ['2025-03-30', []],
    ['2025-03-31', [1]],
    ['2025-06-29', [1]],
    ['2025-06-30', [1, 2]],
    ['2025-09-30', [1, 2, 3]],
    ['2025-12-30', [1, 2, 3]],
    ['2025-12-31', [1, 2, 3, 4]],
    ['2030-01-01', [1, 2, 3, 4]],
    ['2024-06-30', []],
  ])('as of %s → %p', (asOf, quarters) => {
    expect(countedQuarters(2025, asOf)).toEqual(quarters);
  });
});
