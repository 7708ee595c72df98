import fc from 'fast-check';
import {
  daysBetween,
  daysInMonth,
  endOfMonth,
  excelSerialToIso,
  formatDate,
  isoParts,
  isoToExcelSerial,
  isValidYmd,
  parseDate,
  quarterOf,
  todayIso,
  toIsoDate,
} from '../../src/core/dates';

describe('parseDate', () => {
  it.each<[unknown, string]>([
    ['05/03/2025', '2025-03-05'],
    ['5/3/2025', '2025-03-05'],
    [' 05/03/2025 ', '2025-03-05'],
    ['05.03.2025', '2025-03-05'],
    ['05-03-2025', '2025-03-05'],
    ['05 / 03 / 2025', '2025-03-05'],
    ['2025-03-05', '2025-03-05'],
    ['29/02/2024', '2024-02-29'],
    ['31/12/2025', '2025-12-31'],
    [45658, '2025-01-01'],
    [45658.75, '2025-01-01'], // a time of day is dropped
    [45351, '2024-02-29'],
    [new Date(Date.UTC(2025, 2, 5)), '2025-03-05'],
  ])('%p → %s', (value, iso) => {
    expect(parseDate(value)).toEqual({ ok: true, value: iso });
  });

  it.each<[unknown, RegExp]>([
    ['31/02/2025', /không tồn tại/],
    ['29/02/2025', /không tồn tại/],
    ['00/01/2025', /không tồn tại/],
    ['12/13/2025', /không tồn tại/],
    ['2025-02-30', /không tồn tại/],
    ['hôm qua', /dd\/mm\/yyyy/],
    ['05/03/25', /dd\/mm\/yyyy/],
    ['', /dd\/mm\/yyyy/],
    [0, /không phải là một ngày/],
    [-5, /không phải là một ngày/],
    [Number.NaN, /không phải là một ngày/],
    [true, /dd\/mm\/yyyy/],
    [null, /dd\/mm\/yyyy/],
    [new Date('garbage'), /không hợp lệ/],
  ])('refuses %p', (value, message) => {
    const parsed = parseDate(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.anything(), (value) => typeof parseDate(value).ok === 'boolean'));
  });
});

describe('Excel serials', () => {
  it('maps serials to dates and back', () => {
    expect(excelSerialToIso(25569)).toBe('1970-01-01');
    expect(isoToExcelSerial('2025-01-01')).toBe(45658);
    expect(excelSerialToIso(2_958_465)).toBe('9999-12-31');
    expect(excelSerialToIso(2_958_466)).toBeNull();
  });

  it('round-trips every date from 1900-03-01 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), (serial) => {
        const iso = excelSerialToIso(serial);
        return iso !== null && isoToExcelSerial(iso) === serial;
      }),
    );
  });
});

describe('calendar helpers', () => {
  it('validates year, month and day', () => {
    expect(isValidYmd(2024, 2, 29)).toBe(true);
    expect(isValidYmd(2025, 2, 29)).toBe(false);
    expect(isValidYmd(2025, 4, 31)).toBe(false);
    expect(isValidYmd(1899, 1, 1)).toBe(false);
    expect(isValidYmd(2025, 1.5, 1)).toBe(false);
  });

  it('knows month lengths and ends', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(endOfMonth(2025, 4)).toBe('2025-04-30');
    expect(endOfMonth(2025, 12)).toBe('2025-12-31');
  });

  it.each([
    [1, 1],
    [3, 1],
    [4, 2],
    [6, 2],
    [7, 3],
    [9, 3],
    [10, 4],
    [12, 4],
  ])('month %p is in quarter %p', (month, quarter) => {
    expect(quarterOf(month)).toBe(quarter);
  });

  it('formats and splits dates', () => {
    expect(toIsoDate(2025, 3, 5)).toBe('2025-03-05');
    expect(formatDate('2025-03-05')).toBe('05/03/2025');
    expect(isoParts('2025-03-05')).toEqual({ year: 2025, month: 3, day: 5 });
  });

  it('counts days between dates', () => {
    expect(daysBetween('2025-12-31', '2026-02-15')).toBe(46);
    expect(daysBetween('2025-03-01', '2025-02-28')).toBe(-1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('reads today from a given clock', () => {
    expect(todayIso(new Date(2025, 6, 9, 23, 30))).toBe('2025-07-09');
  });
});
