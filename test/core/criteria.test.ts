import { codeSegments, criterionOf, criterionPercent, criterionResults } from '../../src/core/criteria';
import { criteria, criterionRow, policy } from './fixtures';

describe('criterionPercent', () => {
  it('is 100 × Σ scores / Σ maxima', () => {
    expect(criterionPercent([10, 20, 65], [10, 20, 70])).toBe(95);
    expect(criterionPercent([9.5], [10])).toBe(95);
    expect(criterionPercent([0, 0], [50, 50])).toBe(0);
  });

  it('is NaN when the maxima sum to 0', () => {
    expect(criterionPercent([], [])).toBeNaN();
  });
});

describe('codes', () => {
  it.each([
    ['1.1', ['1', '1'], '1.1'],
    [' 1.2.3 ', ['1', '2', '3'], '1.2'],
    ['1.4.', ['1', '4'], '1.4'],
    ['1.10', ['1', '10'], null],
    ['2.1', ['2', '1'], null],
    ['1', ['1'], null],
    ['', [], null],
  ])('%p → segments %p, criterion %p', (code, segments, id) => {
    expect(codeSegments(code)).toEqual(segments);
    expect(criterionOf(code)).toBe(id);
  });
});

describe('criterionResults', () => {
  const percentOf = (rows: Parameters<typeof criterionResults>[0], id: string): number | null =>
    criterionResults(rows, policy()).results.find((r) => r.id === id)?.percent ?? null;

  it('sums the leaf rows under a criterion, not the criterion row or intermediate rows', () => {
    const rows = [
      criterionRow(2, '1.1', 100, 100), // has sub-items: not counted
      criterionRow(3, '1.1.1', 60, 50), // has sub-items: not counted
      criterionRow(4, '1.1.1.1', 30, 30),
      criterionRow(5, '1.1.1.2', 30, 27),
      criterionRow(6, '1.1.2', 40, 38),
    ];
    expect(percentOf(rows, '1.1')).toBe(95); // (30 + 27 + 38) / (30 + 30 + 40)
  });

  it("uses the criterion's own row when it has no sub-items", () => {
    expect(percentOf([criterionRow(2, '1.2', 20, 19)], '1.2')).toBe(95);
  });

  it('counts a blank self-score as 0', () => {
    expect(percentOf([criterionRow(2, '1.3.1', 50, 50), criterionRow(3, '1.3.2', 50, null)], '1.3')).toBe(50);
  });

  it('ignores rows without a maximum and codes outside 1.1–1.4', () => {
    const rows = [criterionRow(2, '1.4.1', 10, 10), criterionRow(3, '1.4.2', null, 5), criterionRow(4, '2.1', 10, 0), criterionRow(5, '1.10', 10, 0)];
    expect(percentOf(rows, '1.4')).toBe(100);
  });

  it('does not take 1.10 for a sub-item of 1.1', () => {
    const rows = [criterionRow(2, '1.1', 10, 10), criterionRow(3, '1.10', 10, 0)];
    expect(percentOf(rows, '1.1')).toBe(100);
  });

  it.each([
    [95, true],
    [94.9, false],
    [100, true],
    [0, false],
  ])('%p points of 100 pass: %p (minimum 95%%)', (self, pass) => {
    const { results, findings } = criterionResults(criteria({ '1.2': [[self, 100]] }), policy());
    expect(results.find((r) => r.id === '1.2')).toEqual({ id: '1.2', percent: self, pass });
    expect(findings.map((f) => f.code)).toEqual(pass ? [] : ['CRITERION_LOW']);
  });

  it('names the percent, the points and the minimum, at the criterion row', () => {
    const { findings } = criterionResults(
      criteria({
        '1.3': [
          [40, 50],
          [49, 50],
        ],
      }),
      policy(),
    );
    expect(findings).toEqual([expect.objectContaining({ code: 'CRITERION_LOW', sheet: 'Tiêu chí', cell: 'A6' })]);
    expect(findings[0]?.message).toContain('89%');
    expect(findings[0]?.message).toContain('89/100');
    expect(findings[0]?.message).toContain('95%');
  });

  it('follows the policy minimum', () => {
    const { results } = criterionResults(criteria({ '1.1': [[90, 100]] }), policy({ criterionMinPercent: 90 }));
    expect(results[0]).toEqual({ id: '1.1', percent: 90, pass: true });
  });

  it('points at no cell when the criterion has no row of its own', () => {
    const { findings } = criterionResults(
      [criterionRow(2, '1.1.1', 10, 5), criterionRow(3, '1.2', 1, 1), criterionRow(4, '1.3', 1, 1), criterionRow(5, '1.4', 1, 1)],
      policy(),
    );
    expect(findings).toEqual([expect.objectContaining({ code: 'CRITERION_LOW', cell: null })]);
  });

  it('reports CRITERION_MISSING for a criterion without a scored row', () => {
    const rows = criteria().filter((row) => !row.code.startsWith('1.4'));
    rows.push(criterionRow(20, '1.4', null, null));
    const { results, findings } = criterionResults(rows, policy());
    expect(results[3]).toEqual({ id: '1.4', percent: null, pass: false });
    expect(findings).toEqual([expect.objectContaining({ code: 'CRITERION_MISSING', sheet: 'Tiêu chí', cell: 'A20' })]);
    expect(findings[0]?.message).toContain('95%');
  });

  it('reports CRITERION_MISSING for every criterion of an empty sheet, and a zero maximum', () => {
    expect(criterionResults([], policy()).findings.map((f) => [f.code, f.cell])).toEqual([
      ['CRITERION_MISSING', null],
      ['CRITERION_MISSING', null],
      ['CRITERION_MISSING', null],
      ['CRITERION_MISSING', null],
    ]);
    const zero = criterionResults(criteria({ '1.1': [[0, 0]] }), policy());
    expect(zero.results[0]?.percent).toBeNull();
    expect(zero.findings.map((f) => f.code)).toEqual(['CRITERION_MISSING']);
  });
});
