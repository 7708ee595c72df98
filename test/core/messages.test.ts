import { EN } from '../../src/core/messages/en';
import { VI_ALL } from '../../src/core/messages/all';
import { messageIn, msg, placeholders, registerCatalogue, render, type MessageParam } from '../../src/core/messages';
import { ISSUE_CODES, REASON_CODES } from '../../src/core/types';

registerCatalogue('en', EN);

const viKeys = Object.keys(VI_ALL).sort();
const enKeys = Object.keys(EN).sort();

/** A sample value for every placeholder: a nested reference, a percent, a date, a number or text. */
function sampleParams(template: string): Record<string, MessageParam> {
  const samples: MessageParam[] = [{ key: 'rating.HTTNV' }, { pct: 91.6667 }, { date: '2025-03-05' }, 21, 'Nguyễn Văn An'];
  return Object.fromEntries(placeholders(template).map((name, index) => [name, samples[index % samples.length] as MessageParam]));
}

describe('message catalogue', () => {
  it('has every key in both languages', () => {
    expect(enKeys).toEqual(viKeys);
  });

  it.each(viKeys)('%s has the same placeholders in both languages', (key) => {
    const vi = VI_ALL[key as keyof typeof VI_ALL];
    const en = EN[key as keyof typeof EN];
    expect(new Set(placeholders(en))).toEqual(new Set(placeholders(vi)));
  });

  it.each(viKeys)('%s renders with every placeholder filled, in both languages', (key) => {
    const params = sampleParams(VI_ALL[key as keyof typeof VI_ALL]);
    for (const lang of ['vi', 'en'] as const) expect(render({ key, params }, lang)).not.toMatch(/\{\w+\}/);
  });

  it('has a message for every reason code', () => {
    // The rating shares are worded once, for the verdict and for FOURGOOD_REASONS alike.
    const shared: Record<string, string> = {
      RATING_NOT_COMPLETED: 'recognition.completed',
      CELL_NOT_COMPLETED: 'recognition.completed',
      RATING_GOOD_SHARE_LOW: 'recognition.good',
      CELL_GOOD_SHARE_LOW: 'recognition.good',
    };
    for (const code of REASON_CODES) {
      expect([code, shared[code]].some((name) => name !== undefined && viKeys.some((key) => key === name || key.startsWith(`${name}.`)))).toBe(true);
    }
  });

  it('has a message for every data-issue code', () => {
    for (const code of ISSUE_CODES) {
      expect(viKeys.some((key) => key === code || key.startsWith(`${code}.`))).toBe(true);
    }
  });

  it('writes numbers, percents and dates per language', () => {
    const message = msg('ATTENDANCE_LOW.matrix', { percent: { pct: 91.6667 }, present: 11, required: 12, sheet: 'Điểm danh', minimum: { pct: 85 } });
    expect(message.message).toBe('Tỷ lệ đảng viên dự sinh hoạt cả năm là 91,67% (11/12 lượt bắt buộc, theo trang Điểm danh), cần trên 85%.');
    expect(messageIn(message, 'en')).toBe(
      'The yearly attendance rate of party members is 91.67% (11/12 required attendances, from sheet Điểm danh); more than 85% is required.',
    );
  });

  it('renders nested references in the language (a meeting label, a rating level)', () => {
    const message = msg('SPEAKERS_LOW', {
      meeting: { key: 'meeting.dated', params: { date: { date: '2025-03-05' } } },
      speakers: 2,
      needed: 3,
      members: 21,
    });
    expect(message.message).toBe('Buổi sinh hoạt ngày 05/03/2025 có 2 ý kiến phát biểu, cần ít nhất 3 (chi bộ có 21 đảng viên).');
    expect(messageIn(message, 'en')).toBe(
      'The meeting of 05/03/2025 had 2 contributions to the discussion; at least 3 are required (the party cell has 21 party members).',
    );
  });

  it('falls back to the stored message when a finding has no reference', () => {
    expect(messageIn({ message: 'Văn bản cũ' }, 'en')).toBe('Văn bản cũ');
  });

  it('keeps the wording of the glossary: no abbreviation, no space before %, no number opening a sentence', () => {
    for (const [key, template] of Object.entries(VI_ALL)) {
      // They list the abbreviations a clerk may type (fn.levelKxl: a custom function's fixed text, SPEC §4).
      if (key === 'parse.rating' || key === 'fn.levelKxl') continue;
      expect(template).not.toMatch(/\b(HTXSNV|HTTNV|HTNV|KHTNV)\b/);
      expect(template).not.toMatch(/ %/);
      expect(template).not.toMatch(/^\{(percent|count|present)\}/);
      expect(template).not.toMatch(/[Bb]ảng tính|Sổ làm việc/);
      expect((template.match(/dd\/mm\/yyyy/g) ?? []).length).toBeLessThanOrEqual(1);
    }
  });
});
