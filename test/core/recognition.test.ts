import { recognitionProblems } from '../../src/core/recognition';
import type { RatingLevel } from '../../src/core/types';
import { policy, repeat } from './fixtures';

const good = (n: number): RatingLevel[] => repeat<RatingLevel>('HTTNV', n);
const completed = (n: number): RatingLevel[] => repeat<RatingLevel>('HTNV', n);

describe('recognitionProblems', () => {
  it('is empty when every condition holds', () => {
    expect(recognitionProblems([95, 96, 100, 99.5], [...good(4), ...completed(1)], 'members', policy())).toEqual([]);
  });

  it.each([
    [[94.99, 100, 100, 100], '1.1', '94,99%'],
    [[100, 100, 100, 0], '1.4', '0%'],
  ])('names a criterion below 95%%: %p', (percents, id, shown) => {
    const problems = recognitionProblems(percents, good(5), 'members', policy());
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`Tiêu chí ${id}`);
    expect(problems[0]).toContain(shown);
    expect(problems[0]).toContain('95%');
  });

  it('refuses a missing or non-finite percent', () => {
    expect(recognitionProblems([100, 100, 100], good(5), 'members', policy())).toHaveLength(1);
    expect(recognitionProblems([100, Number.NaN, 100, 100], good(5), 'members', policy())).toHaveLength(1);
  });

  it.each([
    // 80% passes, 79.9% fails (799 of 1000)
    [[...good(4), ...completed(1)], 0],
    [[...good(799), ...completed(201)], 1],
    [[...good(800), ...completed(200)], 0],
    [[...good(3), ...completed(2)], 1],
  ])('good-share boundary (%#)', (ratings, count) => {
    const problems = recognitionProblems([100, 100, 100, 100], ratings, 'members', policy());
    expect(problems).toHaveLength(count);
    if (count) expect(problems[0]).toMatch(/79,9%|60%/);
    if (count) expect(problems[0]).toContain('80%');
  });

  it('needs 100% at HTNV or above, KXL left out', () => {
    const problems = recognitionProblems([100, 100, 100, 100], [...good(9), 'KHTNV', 'KXL'], 'members', policy());
    expect(problems).toEqual(['Tỷ lệ đảng viên được xếp loại "Hoàn thành nhiệm vụ" trở lên là 90% (9/10), cần từ 100% trở lên.']);
    expect(problems[0]).toContain('100%');
    expect(recognitionProblems([100, 100, 100, 100], [...good(9), 'KXL'], 'members', policy())).toEqual([]);
  });

  it('says chi bộ trực thuộc for cells', () => {
    const problems = recognitionProblems([100, 100, 100, 100], ['HTTNV', 'HTNV'], 'cells', policy());
    expect(problems).toEqual([expect.stringContaining('chi bộ trực thuộc')]);
  });

  it('is a problem when nothing is rated', () => {
    expect(recognitionProblems([100, 100, 100, 100], [], 'members', policy())).toHaveLength(1);
    expect(recognitionProblems([100, 100, 100, 100], ['KXL'], 'cells', policy())).toEqual([expect.stringContaining('Chưa có chi bộ trực thuộc')]);
  });

  it('follows the policy', () => {
    const p = policy({ criterionMinPercent: 90, ratingGoodMinPercent: 60 });
    expect(recognitionProblems([90, 90, 90, 90], [...good(3), ...completed(2)], 'members', p)).toEqual([]);
  });

  it('lists every failed condition', () => {
    expect(recognitionProblems([0, 0, 0, 0], ['KHTNV'], 'members', policy())).toHaveLength(6);
  });
});
