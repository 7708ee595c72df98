/**
 * `--lang vi|en` and `--codes` for every command: the CLI's own headings in both languages, and the
 * English catalogue registered (the CLI has no bundle size to keep, so it imports it outright).
 */
import { EN } from '../core/messages/en';
import { percentIn, registerCatalogue, render, type Lang, type MessageRef } from '../core/messages';
import type { OrgKind, OrgLevel } from '../core/types';
import { orgKindLabel } from '../core/vocabulary';
import { optionString, UsageError, type ParsedArgs } from './args';

registerCatalogue('en', EN);

/** The options every command takes for its language and for showing codes. */
export const LANG_OPTIONS = [
  { name: 'lang', value: true },
  { name: 'codes', value: false },
] as const;

export function parseLang(parsed: ParsedArgs): Lang {
  const value = optionString(parsed, 'lang');
  if (value === undefined || value === 'vi') return 'vi';
  if (value === 'en') return 'en';
  throw new UsageError(`--lang "${value}" không hợp lệ; cần vi hoặc en.`);
}

const CLI_TEXT = {
  vi: {
    asOf: 'Số liệu tính đến ngày {date}',
    organization: 'Tổ chức: {name} — {kind}, năm {year}',
    noName: '(chưa có tên)',
    noYear: '(chưa rõ)',
    noKind: 'chưa rõ loại tổ chức',
    conclusion: 'Kết luận: {verdict} "{model}".',
    modelCell: 'Chi bộ bốn tốt',
    modelCommittee: 'Đảng bộ cơ sở bốn tốt',
    criteria: 'Tiêu chí (mỗi tiêu chí cần từ {minimum} trở lên):',
    met: 'đạt',
    notMet: 'chưa đạt',
    uncomputed: 'chưa tính được — sửa {place}',
    reasons: 'Lý do chưa đủ điều kiện ({count}):',
    notes: 'Lưu ý ({count}):',
    issues: 'Lỗi và cảnh báo dữ liệu ({count}):',
    wholeWorkbook: 'cả sổ tính',
    unreadable: 'Không đọc được: {message}',
    summary: '{eligible}/{total} tổ chức cơ sở đảng đủ điều kiện đề nghị công nhận ({share}), chỉ tiêu {target}',
    subordinate: 'Chi bộ trực thuộc (không tính vào chỉ tiêu): {eligible}/{total} đủ điều kiện',
    note: 'Lưu ý: {text}',
  },
  en: {
    asOf: 'Figures as of {date}',
    organization: 'Organisation: {name} — {kind}, year {year}',
    noName: '(no name)',
    noYear: '(unknown)',
    noKind: 'kind of organisation unknown',
    conclusion: 'Conclusion: {verdict} as "{model}".',
    modelCell: 'Chi bộ bốn tốt (four-good party cell)',
    modelCommittee: 'Đảng bộ cơ sở bốn tốt (four-good grassroots party committee)',
    criteria: 'Criteria (each needs {minimum} or more):',
    met: 'met',
    notMet: 'not met',
    uncomputed: 'cannot be computed — correct {place}',
    reasons: 'Reasons not yet eligible ({count}):',
    notes: 'Notes ({count}):',
    issues: 'Data errors and warnings ({count}):',
    wholeWorkbook: 'whole workbook',
    unreadable: 'Cannot be read: {message}',
    summary: '{eligible}/{total} grassroots party organisations eligible to be proposed for recognition ({share}), target {target}',
    subordinate: 'Subordinate party cells (not counted toward the target): {eligible}/{total} eligible',
    note: 'Note: {text}',
  },
} as const;

export type CliTextKey = keyof (typeof CLI_TEXT)['vi'];

/** A CLI heading in a language, with its `{placeholders}` filled. */
export function cliText(lang: Lang, key: CliTextKey, params: Record<string, string | number> = {}): string {
  return CLI_TEXT[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

/** The CLI's own text of both languages (tests: English output holds none of the Vietnamese). */
export const CLI_TEXTS = CLI_TEXT;

const ORG_KIND_EN: Record<string, string> = {
  'dang-bo': 'grassroots party committee',
  'co-so': 'grassroots party cell',
  'truc-thuoc': 'subordinate party cell',
  'chi-bo': 'party cell',
};

export function orgKindIn(kind: OrgKind, level: OrgLevel | null, lang: Lang): string {
  if (lang === 'vi') return orgKindLabel(kind, level);
  return ORG_KIND_EN[kind === 'dang-bo' ? 'dang-bo' : (level ?? 'chi-bo')] ?? 'party cell';
}

/** "trang Tiêu chí, ô A17" / "sheet Tiêu chí, cell A17"; a whole sheet "trang X"; nothing: null. */
export function placeIn(sheet: string | null, cell: string | null, lang: Lang): string | null {
  if (sheet && cell) return render({ key: 'place.cell', params: { sheet, cell } }, lang);
  if (sheet) return render({ key: 'place.sheet', params: { sheet } }, lang);
  return null;
}

export function percentTextIn(value: number | null, lang: Lang): string {
  return value === null ? '—' : percentIn(value, lang);
}

/** A catalogue word ("severity.block" …) in a language. */
export function word(key: string, lang: Lang): string {
  const ref: MessageRef = { key };
  return render(ref, lang);
}
