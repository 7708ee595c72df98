import fc from 'fast-check';
import { registerCatalogue, render } from '../../src/core/messages';
import { EN } from '../../src/core/messages/en';
import { compactKey, foldText } from '../../src/core/text';
import type { AttendanceMark, MeetingKind, OrgType, RatingLevel, SelfAssessment } from '../../src/core/types';
import {
  isLowSelfAssessment,
  MARK_LABELS,
  MEETING_KIND_LABELS,
  orgKindLabel,
  ORG_TYPE_LABELS,
  parseMark,
  parseMeetingKind,
  parseOrgKind,
  parseOrgType,
  parseRating,
  parseRecognised,
  parseSelfAssessment,
  parseYesNo,
  isNotYetRated,
  RATING_LABELS,
  RATING_NAMES_EN,
  ratingAtLeast,
  SELF_ASSESSMENT_LABELS,
} from '../../src/core/vocabulary';

/** Without diacritics, đ → d, case kept: "Hoàn thành" → "Hoan thanh". */
function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** Every form a person may type a label in. */
function variants(text: string): string[] {
  const forms = [
    text,
    text.normalize('NFC'),
    text.normalize('NFD'),
    text.toUpperCase(),
    text.toLowerCase(),
    text.toUpperCase().normalize('NFD'),
    stripDiacritics(text),
    stripDiacritics(text).toUpperCase(),
    `  ${text}  `,
    text.replace(/ /g, '  '),
    `\u00a0${text}`,
  ];
  return [...new Set(forms)];
}

function cases<T>(table: readonly (readonly [T, readonly string[]])[]): [string, T][] {
  return table.flatMap(([value, labels]) => labels.flatMap((label) => variants(label).map((form): [string, T] => [form, value])));
}

describe('foldText and compactKey', () => {
  it('folds case, diacritics, đ, NFD and spaces', () => {
    expect(foldText('  ĐẢNG   Bộ\u00a0Cơ sở ')).toBe('dang bo co so');
    expect(foldText('Đảng bộ'.normalize('NFD'))).toBe('dang bo');
    expect(compactKey('HTT-NV')).toBe('httnv');
  });

  it('gives NFC and NFD text the same key', () => {
    fc.assert(fc.property(fc.string(), (text) => foldText(text.normalize('NFC')) === foldText(text.normalize('NFD'))));
  });
});

describe('parseRating', () => {
  const table: [RatingLevel, string[]][] = [
    ['HTXSNV', [RATING_LABELS.HTXSNV, 'HTXSNV', 'HTXS NV', 'htxs-nv', 'Hoàn thành xuất sắc', 'Xuất sắc']],
    ['HTTNV', [RATING_LABELS.HTTNV, 'HTTNV', 'htt nv', 'HTT', 'Hoàn thành tốt']],
    ['HTNV', [RATING_LABELS.HTNV, 'HTNV', 'ht nv']],
    ['KHTNV', [RATING_LABELS.KHTNV, 'KHTNV', 'KHT NV', 'Không hoàn thành']],
    ['KXL', [RATING_LABELS.KXL, 'KXL', 'kxl', 'Không xếp loại chất lượng']],
    // "NV" for "nhiệm vụ", as lists and minutes shorten it.
    ['HTXSNV', ['Hoàn thành xuất sắc NV', 'HT xuất sắc NV']],
    ['HTTNV', ['Hoàn thành tốt NV', 'hoàn thành tốt nv', 'HT tốt NV']],
    ['HTNV', ['Hoàn thành NV']],
    ['KHTNV', ['Không hoàn thành NV', 'Không HTNV']],
  ];
  it.each(cases(table))('%p → %s', (text, level) => {
    expect(parseRating(text)).toEqual({ ok: true, value: level });
  });

  it.each(['Hoàn thành', 'Hoàn thành nhiệm', 'Tốt', 'A', '', 'HTNV HTNV'])('refuses %p, listing the labels', (text) => {
    const parsed = parseRating(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(RATING_LABELS.HTTNV);
  });

  // The English names the English pane and CLI tell a clerk to type (the lead's decision, issue #20).
  const english: [RatingLevel, string[]][] = [
    ['HTXSNV', ['Tasks completed excellently', 'tasks completed excellently', 'TASKS COMPLETED EXCELLENTLY']],
    ['HTTNV', ['Tasks completed well', 'Tasks  completed\u00a0well']],
    ['HTNV', ['Tasks completed', 'tasks completed ']],
    ['KHTNV', ['Tasks not completed', 'TASKS NOT COMPLETED', ' tasks   not completed']],
    ['KXL', ['Not rated', 'not rated', 'NOT  RATED']],
  ];
  it.each(cases(english))('English %p → %s', (text, level) => {
    expect(parseRating(text)).toEqual({ ok: true, value: level });
  });

  it('accepts exactly the English names of the catalogue ("rating.*" of en.ts)', () => {
    for (const level of Object.keys(RATING_LABELS) as RatingLevel[]) {
      expect(EN[`rating.${level}`]).toBe(RATING_NAMES_EN[level]);
      expect(parseRating(RATING_NAMES_EN[level])).toEqual({ ok: true, value: level });
    }
    // "Tasks completed" is a whole name: it never swallows "Tasks not completed" or the longer names.
    expect(parseRating('Tasks completed')).toEqual({ ok: true, value: 'HTNV' });
    expect(parseRating('Tasks not completed')).toEqual({ ok: true, value: 'KHTNV' });
    expect(parseRating('Tasks completed well')).toEqual({ ok: true, value: 'HTTNV' });
  });

  it.each([
    'Tasks',
    'completed',
    'Tasks not',
    'completed well',
    'Tasks completed very well',
    'Not',
    'rated',
    'Excellent',
    'Not yet rated',
    'Completed tasks',
  ])('refuses the English fragment %p', (text) => {
    expect(parseRating(text).ok).toBe(false);
  });

  it('changes no Vietnamese word: no English name shares a key with a Vietnamese form, and "chưa…" is still not yet rated', () => {
    const vietnamese = cases(table).map(([form]) => form);
    const englishKeys = new Set(Object.values(RATING_NAMES_EN).flatMap((name) => [foldText(name), compactKey(name)]));
    for (const form of vietnamese) {
      expect(englishKeys.has(foldText(form))).toBe(false);
      expect(englishKeys.has(compactKey(form))).toBe(false);
    }
    for (const [form, level] of cases(table)) expect(parseRating(form)).toEqual({ ok: true, value: level });
    for (const name of Object.values(RATING_NAMES_EN)) expect(isNotYetRated(name)).toBe(false);
    expect(isNotYetRated('Chưa xếp loại')).toBe(true);
    expect(parseRating('Chưa xếp loại').ok).toBe(false);
  });

  it('words a refusal the same in Vietnamese, and lists the English names in English', () => {
    registerCatalogue('en', EN);
    const parsed = parseRating('Giỏi');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toBe(
      'Xếp loại "Giỏi" không hợp lệ; cần một trong: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ, Không xếp loại (hoặc viết tắt HTXSNV, HTTNV, HTNV, KHTNV, KXL).',
    );
    expect(render(parsed.text!, 'en')).toBe(
      'Rating "Giỏi" is not valid; enter one of: Tasks completed excellently, Tasks completed well, Tasks completed, Tasks not completed, Not rated (or the Vietnamese names or abbreviations HTXSNV, HTTNV, HTNV, KHTNV, KXL).',
    );
  });

  it('orders the levels', () => {
    expect(ratingAtLeast('HTXSNV', 'HTTNV')).toBe(true);
    expect(ratingAtLeast('HTTNV', 'HTTNV')).toBe(true);
    expect(ratingAtLeast('HTNV', 'HTTNV')).toBe(false);
    expect(ratingAtLeast('KHTNV', 'HTNV')).toBe(false);
    expect(ratingAtLeast('KHTNV', 'KHTNV')).toBe(true);
  });

  it('never throws and answers ok or a message', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseRating(text);
        return parsed.ok ? Object.keys(RATING_LABELS).includes(parsed.value) : parsed.message.length > 0;
      }),
    );
  });
});

describe('parseMark', () => {
  const table: [AttendanceMark, string[]][] = [
    ['C', ['C', 'x', '✓', '✔', '1', 'có', 'có mặt', 'CM']],
    ['P', ['P', 'CP', 'VCP', 'có phép', 'vắng có phép', 'có lý do', 'vắng có lý do']],
    ['K', ['K', 'KP', 'VKP', 'không phép', 'vắng không phép', 'không lý do', 'vắng không lý do']],
    ['M', ['M', 'miễn', 'miễn sinh hoạt']],
    ['D', ['D', 'Đ', 'nhiệm vụ đặc biệt', 'NVĐB']],
  ];
  it.each(cases(table))('%p → %s', (text, mark) => {
    expect(parseMark(text)).toEqual({ ok: true, value: mark });
  });

  it.each(['v', 'V', ' v '])('refuses the ambiguous %p with both readings offered', (text) => {
    const parsed = parseMark(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain('"P"');
      expect(parsed.message).toContain('"K"');
    }
  });

  it.each(['Z', '2', 'vắng', 'có mặt muộn'])('refuses the unknown %p, listing the marks', (text) => {
    const parsed = parseMark(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain('C (có mặt)');
  });

  it('has a label for every mark', () => {
    expect(Object.keys(MARK_LABELS).sort()).toEqual(['C', 'D', 'K', 'M', 'P']);
  });
});

describe('parseMeetingKind', () => {
  const table: [MeetingKind, string[]][] = [
    ['regular', [MEETING_KIND_LABELS.regular, 'Thường kì', 'TK', 'Sinh hoạt thường kỳ']],
    ['thematic', [MEETING_KIND_LABELS.thematic, 'CĐ', 'Sinh hoạt chuyên đề']],
    ['combined', [MEETING_KIND_LABELS.combined, 'KH', 'Thường kỳ + Chuyên đề', 'Thường kỳ kết hợp chuyên đề', 'TK+CĐ']],
  ];
  it.each(cases(table))('%p → %s', (text, kind) => {
    expect(parseMeetingKind(text)).toEqual({ ok: true, value: kind });
  });

  it('refuses an unknown kind', () => {
    const parsed = parseMeetingKind('Đột xuất');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain('Thường kỳ, Chuyên đề hoặc Kết hợp');
  });
});

describe('parseYesNo', () => {
  it.each(
    cases([
      [true, ['Có', 'x', 'TRUE', 'Đạt', 'đã ký', '1']],
      [false, ['Không', 'FALSE', 'Không đạt', 'chưa ký', '0', 'K']],
    ] as const),
  )('%p → %p', (text, value) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value });
  });

  it('refuses anything else', () => {
    expect(parseYesNo('có lẽ')).toEqual({
      ok: false,
      message: 'Giá trị "có lẽ" không hợp lệ; cần "Có" hoặc "Không".',
      text: { key: 'parse.yesNo', params: { text: 'có lẽ' } },
    });
  });
});

describe('parseOrgKind', () => {
  it.each(
    cases([
      [{ kind: 'chi-bo', level: 'co-so' }, ['Chi bộ cơ sở', 'chi-bo-co-so']],
      [{ kind: 'chi-bo', level: 'truc-thuoc' }, ['Chi bộ trực thuộc', 'Chi bộ trực thuộc đảng bộ cơ sở']],
      [{ kind: 'chi-bo', level: null }, ['Chi bộ']],
      [{ kind: 'dang-bo', level: 'co-so' }, ['Đảng bộ cơ sở', 'Đảng bộ', 'dang-bo']],
    ] as const),
  )('%p → %p', (text, value) => {
    expect(parseOrgKind(text)).toEqual({ ok: true, value });
  });

  it('refuses an unknown kind, listing the labels', () => {
    const parsed = parseOrgKind('Đảng bộ bộ phận');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain('Chi bộ cơ sở, Chi bộ trực thuộc, Đảng bộ cơ sở');
  });

  it('labels kinds back', () => {
    expect(orgKindLabel('dang-bo', 'co-so')).toBe('Đảng bộ cơ sở');
    expect(orgKindLabel('chi-bo', 'co-so')).toBe('Chi bộ cơ sở');
    expect(orgKindLabel('chi-bo', 'truc-thuoc')).toBe('Chi bộ trực thuộc');
    expect(orgKindLabel('chi-bo', null)).toBe('Chi bộ');
  });
});

describe('parseOrgType', () => {
  const table: [OrgType, string[]][] = [
    ['co-quan', [ORG_TYPE_LABELS['co-quan'], 'co-quan', 'Cơ quan', 'Đơn vị sự nghiệp']],
    ['vu-trang', [ORG_TYPE_LABELS['vu-trang'], 'vu-trang', 'Quân đội', 'Công an']],
    ['dia-ban', [ORG_TYPE_LABELS['dia-ban'], 'dia-ban', 'Thôn, khu phố', 'Xã, phường']],
    ['doanh-nghiep', [ORG_TYPE_LABELS['doanh-nghiep'], 'doanh-nghiep', 'DN']],
  ];
  it.each(cases(table))('%p → %s', (text, type) => {
    expect(parseOrgType(text)).toEqual({ ok: true, value: type });
  });

  it('refuses an unknown type', () => {
    expect(parseOrgType('Trường học').ok).toBe(false);
  });
});

describe('parseSelfAssessment', () => {
  const table = (Object.entries(SELF_ASSESSMENT_LABELS) as [SelfAssessment, string][]).map(([value, label]) => [value, [label]] as const);
  it.each(cases(table))('%p → %s', (text, value) => {
    expect(parseSelfAssessment(text)).toEqual({ ok: true, value });
  });

  it('refuses an unknown grade', () => {
    expect(parseSelfAssessment('Xuất sắc').ok).toBe(false);
  });

  it.each<[SelfAssessment, boolean]>([
    ['tot', false],
    ['kha', false],
    ['dat', false],
    ['trung-binh', true],
    ['kem', true],
    ['khong-dat', true],
  ])('%s is low: %p', (value, low) => {
    expect(isLowSelfAssessment(value)).toBe(low);
  });
});

describe('parseRecognised', () => {
  it.each(
    cases([
      [true, ['Có', 'Đạt', 'TRUE', 'x', 'Công nhận', 'Bốn tốt']],
      [false, ['Không', 'Không đạt', 'FALSE', 'Chưa']],
    ] as const),
  )('%p → %p', (text, value) => {
    expect(parseRecognised(text)).toBe(value);
  });

  it.each<[unknown, boolean | null]>([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    [2, null],
    ['không rõ', null],
    [null, null],
    [new Date(), null],
  ])('%p → %p', (value, expected) => {
    expect(parseRecognised(value)).toBe(expected);
  });
});
