import { isRequiredMark } from '../../src/core/attendance';
import { cellText, formatNumber, formatPercent, isBlank } from '../../src/core/text';

describe('cellText', () => {
  it.each<[unknown, string | null]>([
    ['  Có ', 'Có'],
    ['\u00a0', null],
    ['', null],
    [null, null],
    [undefined, null],
    [12, '12'],
    [Number.NaN, null],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [new Date(Date.UTC(2025, 0, 2)), '2025-01-02'],
    [new Date('x'), null],
    [{}, null],
  ])('%p → %p', (value, text) => {
    expect(cellText(value)).toBe(text);
    expect(isBlank(value)).toBe(text === null);
  });
});

describe('formatNumber and formatPercent', () => {
  it.each([
    [85, '85'],
    [94.994, '94,99'],
    [94.995, '95'],
    [200 / 3, '66,67'],
    [0, '0'],
  ])('%p → %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
    expect(formatPercent(value)).toBe(`${text}%`);
  });
});

describe('isRequiredMark', () => {
  it('is true for C, P and K only', () => {
    expect((['C', 'P', 'K', 'M', 'D', null] as const).map(isRequiredMark)).toEqual([true, true, true, false, false, false]);
  });
});
