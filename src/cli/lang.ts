/**
 * `--lang vi|en` and `--codes` for every command: the CLI's own headings in both languages, and the
 * English catalogue registered (the CLI has no bundle size to keep, so it imports it outright).
 */
import { EN } from '../core/messages/en';
import { percentIn, registerCatalogue, render, type Lang, type MessageRef } from '../core/messages';
import type { OrgKind, OrgLevel, OrgType } from '../core/types';
import { orgKindLabel, ORG_TYPE_LABELS } from '../core/vocabulary';
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
  throw new UsageError(`--lang "${value}" không hợp lệ; cần vi hoặc en.`, `--lang "${value}" is not valid; use vi or en.`);
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
    errorPrefix: 'Lỗi: {message}',
    outputSuffix: 'Tệp kết quả phải có đuôi .xlsx: "{file}".',
    outputIsInput: 'Tệp kết quả trùng tệp đầu vào "{file}"; bontot không sửa tệp đầu vào. Hãy cho một tên tệp mới.',
    outputExists: 'Tệp "{file}" đã có; không ghi đè. Hãy cho một tên tệp mới, hoặc thêm --force nếu muốn ghi đè.',
    cannotRead: 'không đọc được "{file}": {detail}',
    cannotWrite: 'không ghi được "{file}": {detail}',
    lostParts: 'Cảnh báo: sổ tính mới được ghi lại bằng thư viện ExcelJS, vốn không giữ được các phần sau (tệp gốc vẫn còn nguyên):',
    lostPart: '  - {label}: {count} phần{kept} ({parts})',
    lostKept: ', còn {count}',
    lostFixInExcel: '  Nếu cần giữ các phần này, hãy chuyển mã ngay trong Excel (nút "Chuyển mã sang Unicode" của Bốn Tốt).',
    lostFillInExcel: '  Nếu cần giữ các phần này, hãy điền ngay trong Excel (thẻ "Chi bộ trực thuộc" của Bốn Tốt).',
    unreadableFile: 'Không đọc được {file}: {message}',
    checkFailed: 'Lỗi khi kiểm tra tệp: {detail}',
    'template.kind': '--kind "{value}" không hợp lệ; cần chi-bo, chi-bo-truc-thuoc hoặc dang-bo.',
    'template.type': '--type "{value}" không hợp lệ; cần một trong: {accepted}.',
    'template.year': '--year "{value}" không hợp lệ; cần năm có 4 chữ số, ví dụ 2025.',
    'template.noFile': 'Thiếu tên tệp cần tạo: bontot template OUT.xlsx',
    'template.oneFile': 'Chỉ cho một tệp: bontot template OUT.xlsx',
    'template.suffix': 'Tệp mẫu phải có đuôi .xlsx: "{file}".',
    'template.exists': 'Tệp "{file}" đã có; không ghi đè (có thể là sổ tính đã nhập liệu). Dùng --force nếu muốn ghi đè.',
    'template.year.part': 'năm {year}',
    'template.type.part': 'loại hình: {type}',
    'template.created': 'Đã tạo sổ tính mẫu: {file} ({parts}).',
    'fix.noFile': 'Thiếu tệp cần chuyển mã: bontot fix-encoding IN.xlsx -o OUT.xlsx',
    'fix.oneFile': 'Chỉ cho một tệp đầu vào: bontot fix-encoding IN.xlsx -o OUT.xlsx',
    'fix.noOutput': 'Thiếu tệp kết quả: -o OUT.xlsx (tệp mới; tệp đầu vào không bị sửa).',
    'fix.nothing': '{file}: không có ô nào gõ bằng phông TCVN3 (ABC) hoặc VNI (VNI-Times); không cần chuyển mã.',
    'fix.found': '{file}: {count} ô gõ bằng phông {encodings}.',
    'fix.bySheet': 'Số ô chuyển mã sang Unicode theo từng trang:',
    'fix.sheet': '  {sheet}: {count} ô ({encodings})',
    'fix.skipped': 'Không chuyển {count} ô:',
    'fix.skipFormula': 'ô có công thức (chữ nằm trong công thức: hãy sửa công thức trong Excel)',
    'fix.skipChanged': 'ô không còn giữ đúng giá trị đã đọc',
    'fix.skipMissing': 'ô không tìm thấy',
    'fix.more': '  … và {count} ô khác.',
    'fix.fonts':
      'Đổi phông của {count} ô từ phông TCVN3/VNI (.VnTime, VNI-Times …) sang phông Unicode (Times New Roman, Arial) để chữ hiển thị đúng.',
    'fix.noneConverted': 'Không có ô nào chuyển mã được; không ghi tệp mới.',
    'fix.dryRun': 'Chạy thử (--dry-run): không ghi tệp nào.',
    'fix.written': 'Đã ghi {output}: {count} ô đã chuyển mã sang Unicode. Tệp gốc {input} không bị sửa.',
    'fill.noFiles': 'Thiếu tệp của đảng bộ và các tệp của chi bộ: bontot fill-subordinates DANG-BO.xlsx CHI-BO.xlsx... -o OUT.xlsx',
    'fill.noCells': 'Thiếu tệp của chi bộ trực thuộc: bontot fill-subordinates DANG-BO.xlsx CHI-BO.xlsx... -o OUT.xlsx',
    'fill.noOutput': 'Thiếu tệp kết quả: -o OUT.xlsx (tệp mới; các tệp đầu vào không bị sửa).',
    'fill.blank': '(trống)',
    'fill.noName': 'Đảng bộ (chưa ghi tên)',
    'fill.heading': '{file}: {org}, năm {year} — trang {sheet}; kết quả tự kiểm tra của các chi bộ tính đến ngày {date}.',
    'fill.row': '  Dòng {row}: {name} [{file}]',
    'fill.added': 'Thêm chi bộ mới',
    'fill.changed': 'Cập nhật',
    'fill.unchanged': 'Đã đúng, không đổi',
    'fill.members': '{count} đảng viên',
    'fill.membersUnknown': 'không rõ số đảng viên',
    'fill.leftAlone': 'Giữ nguyên ({count}):',
    'fill.leftRow': '  Dòng {row}: {name} — {reason}',
    'fill.noRowName': '(không tên)',
    'fill.addedColumns': 'Thêm cột: {columns}.',
    'fill.refused': 'Không dùng ({count}):',
    'fill.untouched': 'Cột "Xếp loại" (do đảng ủy quyết định) và "Chi bộ bốn tốt" (do cấp ủy công nhận) không bị thay đổi.',
    'fill.skipCell': 'Không ghi ô {place}: {reason}.',
    'fill.skipFormula': 'ô có công thức (giữ nguyên công thức)',
    'fill.skipMerged': 'ô thuộc vùng gộp ô',
    'fill.noChange': 'Trang không cần thay đổi; không ghi tệp mới.',
    'fill.written': 'Đã ghi {output}. Tệp gốc {input} và các tệp của chi bộ không bị sửa.',
    'cons.noOutput': 'Thiếu tệp kết quả: bontot consolidate FILE.xlsx... -o OUT.xlsx',
    'cons.noInputs': 'Thiếu tệp cần tổng hợp: bontot consolidate FILE.xlsx... -o OUT.xlsx',
    'cons.issuer': '--issuer cần tên cấp ủy ban hành, ví dụ --issuer "Đảng ủy phường Bến Thành".',
    'cons.notOurs': 'Tệp "{file}" đã có và không phải tệp tổng hợp do bontot tạo; không ghi đè. Dùng --force nếu muốn ghi đè.',
    'cons.ownOutput': 'Bỏ qua: đây là tệp kết quả của chính lệnh này (-o).',
    'cons.row': '{file}: {name} ({kind}) — {verdict}{reasons}{duplicate}',
    'cons.duplicate': ' [trùng, không tính lại]',
    'check.noFiles': 'Thiếu tệp cần kiểm tra: bontot check FILE.xlsx...',
    'check.summaryWritten': 'Đã ghi bản tổng hợp: {file}',
    'check.summaryFailed': 'Không ghi được bản tổng hợp của "{file}": {detail}',
    'check.summaryTaken': 'Không ghi "{file}": tệp này đã có và không phải bản tổng hợp do bontot tạo. Hãy đổi tên hoặc xóa tệp đó.',
    'cons.skipSummary': 'Bỏ qua: bản "Tổng hợp" riêng lẻ (.tonghop.xlsx) không phải sổ tính của tổ chức.',
    'cons.skipOutput': 'Bỏ qua: đây là tệp kết quả của chính lệnh này (-o).',
    'cons.noKind': 'chưa rõ loại',
    'cons.consolidation': '{file}: tệp tổng hợp, {rows} dòng ({added} dòng mới)',
    'cons.unreadable': '{file}: không đọc được — {message}',
    'cons.totals': '{eligible}/{total} tổ chức cơ sở đảng đủ điều kiện đề nghị công nhận ({share}), chỉ tiêu {target} — {met}',
    'cons.targetMet': 'đủ so với chỉ tiêu',
    'cons.targetNotMet': 'chưa đủ so với chỉ tiêu',
    'cons.subordinate': '  Chi bộ trực thuộc (không tính vào chỉ tiêu): {eligible}/{total} đủ điều kiện',
    'cons.unreadableCount': '  Tệp không đọc được (không tính): {count}',
    'cons.warning': 'Cảnh báo: {text}',
    'cons.written': 'Đã ghi: {file}',
    policyUnset: '(không đặt)',
    policyFromFile: 'tệp cấu hình --policy',
    policyFromSheet: 'trang "Cấu hình" của sổ tính',
    policyChanged: 'Ngưỡng theo {from}, khác mặc định: {changes}.',
    'generated.tong-hop': 'Bỏ qua: đây là bản "Tổng hợp" do bontot tạo, không phải sổ tính của tổ chức.',
    'generated.consolidation': 'Bỏ qua: đây là danh sách tổng hợp do bontot tạo; dùng "bontot consolidate" để đọc lại.',
    'generated.other': 'Bỏ qua: tệp do bontot tạo, không phải sổ tính của tổ chức.',
    'kind.chi-bo-co-so': 'Chi bộ cơ sở',
    'kind.chi-bo-truc-thuoc': 'Chi bộ trực thuộc',
    'kind.chi-bo': 'Chi bộ (chưa rõ cấp)',
    'kind.dang-bo-co-so': 'Đảng bộ cơ sở',
    'kind.khong-ro': 'Chưa rõ loại tổ chức',
    'verdict.eligible': 'Đủ điều kiện',
    'verdict.not-eligible': 'Không đủ điều kiện',
    'verdict.error': 'Không đọc được tệp',
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
    errorPrefix: 'Error: {message}',
    outputSuffix: 'The result file must end in .xlsx: "{file}".',
    outputIsInput: 'The result file is the input file "{file}"; bontot does not change input files. Give a new file name.',
    outputExists: 'File "{file}" exists; it is not overwritten. Give a new file name, or add --force to overwrite it.',
    cannotRead: '"{file}" cannot be read: {detail}',
    cannotWrite: '"{file}" cannot be written: {detail}',
    lostParts: 'Warning: the new workbook is written by the ExcelJS library, which cannot keep the following parts (the original file is untouched):',
    lostPart: '  - {label}: {count} parts{kept} ({parts})',
    lostKept: ', {count} kept',
    lostFixInExcel: '  To keep these parts, convert in Excel (Bốn Tốt\'s "Chuyển mã sang Unicode" button).',
    lostFillInExcel: '  To keep these parts, fill the sheet in Excel (Bốn Tốt\'s "Chi bộ trực thuộc" tab).',
    unreadableFile: '{file} cannot be read: {message}',
    checkFailed: 'Error while checking the file: {detail}',
    'template.kind': '--kind "{value}" is not valid; use chi-bo, chi-bo-truc-thuoc or dang-bo.',
    'template.type': '--type "{value}" is not valid; use one of: {accepted}.',
    'template.year': '--year "{value}" is not valid; give a 4-digit year, for example 2025.',
    'template.noFile': 'The file to create is missing: bontot template OUT.xlsx',
    'template.oneFile': 'Give only one file: bontot template OUT.xlsx',
    'template.suffix': 'The template file must end in .xlsx: "{file}".',
    'template.exists': 'File "{file}" exists; it is not overwritten (it may be a workbook already filled in). Use --force to overwrite it.',
    'template.year.part': 'year {year}',
    'template.type.part': 'kind: {type}',
    'template.created': 'Blank workbook created: {file} ({parts}).',
    'fix.noFile': 'The file to convert is missing: bontot fix-encoding IN.xlsx -o OUT.xlsx',
    'fix.oneFile': 'Give only one input file: bontot fix-encoding IN.xlsx -o OUT.xlsx',
    'fix.noOutput': 'The result file is missing: -o OUT.xlsx (a new file; the input file is not changed).',
    'fix.nothing': '{file}: no cell is typed in a TCVN3 (ABC) or VNI (VNI-Times) font; nothing to convert.',
    'fix.found': '{file}: {count} cells typed in a {encodings} font.',
    'fix.bySheet': 'Cells converted to Unicode, per sheet:',
    'fix.sheet': '  {sheet}: {count} cells ({encodings})',
    'fix.skipped': '{count} cells not converted:',
    'fix.skipFormula': 'a cell with a formula (the text is in the formula: correct the formula in Excel)',
    'fix.skipChanged': 'the cell no longer holds the value that was read',
    'fix.skipMissing': 'the cell was not found',
    'fix.more': '  … and {count} other cells.',
    'fix.fonts':
      'The font of {count} cells is changed from TCVN3/VNI (.VnTime, VNI-Times …) to a Unicode font (Times New Roman, Arial) so the text shows correctly.',
    'fix.noneConverted': 'No cell could be converted; no new file is written.',
    'fix.dryRun': 'Dry run (--dry-run): no file is written.',
    'fix.written': 'Written {output}: {count} cells converted to Unicode. The original file {input} is not changed.',
    'fill.noFiles':
      "The party committee's file and the party cells' files are missing: bontot fill-subordinates DANG-BO.xlsx CHI-BO.xlsx... -o OUT.xlsx",
    'fill.noCells': "The subordinate party cells' files are missing: bontot fill-subordinates DANG-BO.xlsx CHI-BO.xlsx... -o OUT.xlsx",
    'fill.noOutput': 'The result file is missing: -o OUT.xlsx (a new file; the input files are not changed).',
    'fill.blank': '(blank)',
    'fill.noName': 'Party committee (no name yet)',
    'fill.heading': "{file}: {org}, year {year} — sheet {sheet}; the party cells' self-check results as of {date}.",
    'fill.row': '  Row {row}: {name} [{file}]',
    'fill.added': 'Party cells added',
    'fill.changed': 'Updated',
    'fill.unchanged': 'Already right, unchanged',
    'fill.members': '{count} party members',
    'fill.membersUnknown': 'number of party members unknown',
    'fill.leftAlone': 'Left as they were ({count}):',
    'fill.leftRow': '  Row {row}: {name} — {reason}',
    'fill.noRowName': '(no name)',
    'fill.addedColumns': 'Columns added: {columns}.',
    'fill.refused': 'Not used ({count}):',
    'fill.untouched': 'The "Xếp loại" (rated by the party committee) and "Chi bộ bốn tốt" (recognised by the committee) columns are not changed.',
    'fill.skipCell': 'Cell not written, {place}: {reason}.',
    'fill.skipFormula': 'it holds a formula (the formula is kept)',
    'fill.skipMerged': 'it is part of merged cells',
    'fill.noChange': 'The sheet needs no change; no new file is written.',
    'fill.written': "Written {output}. The original file {input} and the party cells' files are not changed.",
    'cons.noOutput': 'The result file is missing: bontot consolidate FILE.xlsx... -o OUT.xlsx',
    'cons.noInputs': 'The files to consolidate are missing: bontot consolidate FILE.xlsx... -o OUT.xlsx',
    'cons.issuer': '--issuer needs the name of the issuing committee, for example --issuer "Đảng ủy phường Bến Thành".',
    'cons.notOurs': 'File "{file}" exists and is not a consolidation bontot wrote; it is not overwritten. Use --force to overwrite it.',
    'cons.ownOutput': "Skipped: this is this command's own result file (-o).",
    'cons.row': '{file}: {name} ({kind}) — {verdict}{reasons}{duplicate}',
    'cons.duplicate': ' [duplicate, not counted again]',
    'check.noFiles': 'The files to check are missing: bontot check FILE.xlsx...',
    'check.summaryWritten': 'Summary written: {file}',
    'check.summaryFailed': 'The summary of "{file}" could not be written: {detail}',
    'check.summaryTaken': '"{file}" is not written: the file exists and is not a summary bontot wrote. Rename or delete it.',
    'cons.skipSummary': 'Skipped: a separate "Tổng hợp" summary (.tonghop.xlsx) is not an organisation\'s workbook.',
    'cons.skipOutput': 'Skipped: this is the output file of this very command (-o).',
    'cons.noKind': 'kind unknown',
    'cons.consolidation': '{file}: a consolidation, {rows} rows ({added} new)',
    'cons.unreadable': '{file}: cannot be read — {message}',
    'cons.totals': '{eligible}/{total} grassroots party organisations eligible to be proposed for recognition ({share}), target {target} — {met}',
    'cons.targetMet': 'the target is reached',
    'cons.targetNotMet': 'the target is not yet reached',
    'cons.subordinate': '  Subordinate party cells (not counted toward the target): {eligible}/{total} eligible',
    'cons.unreadableCount': '  Files that cannot be read (not counted): {count}',
    'cons.warning': 'Warning: {text}',
    'cons.written': 'Written: {file}',
    policyUnset: '(not set)',
    policyFromFile: 'the --policy file',
    policyFromSheet: 'the workbook\'s "Cấu hình" sheet',
    policyChanged: 'Thresholds from {from}, other than the defaults: {changes}.',
    'generated.tong-hop': 'Skipped: this is a "Tổng hợp" summary bontot wrote, not an organisation\'s workbook.',
    'generated.consolidation': 'Skipped: this is a consolidation bontot wrote; use "bontot consolidate" to read it again.',
    'generated.other': "Skipped: a file bontot wrote, not an organisation's workbook.",
    'kind.chi-bo-co-so': 'Grassroots party cells',
    'kind.chi-bo-truc-thuoc': 'Subordinate party cells',
    'kind.chi-bo': 'Party cells (level unknown)',
    'kind.dang-bo-co-so': 'Grassroots party committees',
    'kind.khong-ro': 'Kind of organisation unknown',
    'verdict.eligible': 'Eligible',
    'verdict.not-eligible': 'Not yet eligible',
    'verdict.error': 'File cannot be read',
  },
} as const;

export type CliTextKey = keyof (typeof CLI_TEXT)['vi'];

/** A CLI heading in a language, with its `{placeholders}` filled. */
export function cliText(lang: Lang, key: CliTextKey, params: Record<string, string | number> = {}): string {
  return CLI_TEXT[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

/** A usage error in both languages: the launcher prints the one `--lang` asks for. */
export function usageError(key: CliTextKey, params: Record<string, string | number> = {}): UsageError {
  return new UsageError(cliText('vi', key, params), cliText('en', key, params));
}

/** The CLI's own text of both languages (tests: English output holds none of the Vietnamese). */
export const CLI_TEXTS = CLI_TEXT;

const ORG_KIND_EN: Record<string, string> = {
  'dang-bo': 'grassroots party committee',
  'co-so': 'grassroots party cell',
  'truc-thuoc': 'subordinate party cell',
  'chi-bo': 'party cell',
};

const ORG_TYPE_EN: Record<OrgType, string> = {
  'co-quan': 'administrative agency, public service unit',
  'vu-trang': 'armed forces',
  'dia-ban': 'village, neighbourhood, ward, commune',
  'doanh-nghiep': 'enterprise',
};

/** The kind of organisation (Loại hình) in a language. */
export function orgTypeIn(type: OrgType, lang: Lang): string {
  return lang === 'vi' ? ORG_TYPE_LABELS[type] : ORG_TYPE_EN[type];
}

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

/** A part a rewrite through ExcelJS cannot keep (src/hosts/xlsxFix.ts LostPart). */
export interface LostPartLine {
  id: string;
  label: string;
  input: number;
  output: number;
  parts: readonly string[];
}

/** The lines saying what a rewrite through ExcelJS loses, with how to keep it (fix-encoding, fill-subordinates). */
export function lostPartsLinesIn(lost: readonly LostPartLine[], keepIt: 'lostFixInExcel' | 'lostFillInExcel', lang: Lang): string[] {
  if (lost.length === 0) return [];
  const lines = [cliText(lang, 'lostParts')];
  for (const part of lost) {
    const kept = part.output > 0 ? cliText(lang, 'lostKept', { count: part.output }) : '';
    const parts = `${part.parts.slice(0, 3).join(', ')}${part.parts.length > 3 ? ', …' : ''}`;
    lines.push(cliText(lang, 'lostPart', { label: word(`part.${part.id}`, lang), count: part.input, kept, parts }));
  }
  lines.push(cliText(lang, keepIt));
  return lines;
}
