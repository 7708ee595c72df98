/**
 * The `Tổng hợp` sheet (SPEC §2): the verdict as a party document people print, sign and file,
 * laid out after Hướng dẫn 36-HD/VPTW — the issuing bodies top left, the Party's name and the place
 * and date top right, a centred title, the body, "Nơi nhận" bottom left and the signature block
 * bottom right. Values only (no formulas), Times New Roman, A4 portrait fit to one page wide, with
 * the generated marker in a hidden column.
 *
 * Percentages are rounded to 2 decimals for display only; the CheckResult keeps the exact values.
 */
import { formatDate, isoParts } from '../../core/dates';
import { foldText, formatNumber } from '../../core/text';
import { percentIn } from '../../core/messages';
import type { IsoDate, OrgKind, RatedLevel, Reason } from '../../core/types';
import { MEETING_KIND_LABELS, RATING_LABELS, orgKindLabel } from '../../core/vocabulary';
import { rangeA1 } from '../a1';
import { CRITERION_LABELS, uncomputedCriterionText } from '../../core/criteria';
import { markerFor, placeMarker } from '../generated';
import { printSetup } from './print';
import { layoutRowHeights } from './rowHeights';
import { SHEET_NAMES } from './template';
import type { CellValue, CheckResult, RangeFormat, SheetLayout } from '../types';

export const SUMMARY_MARKER = markerFor('tong-hop');
export const SUMMARY_FONT = 'Times New Roman';

/** The visible columns: A STT, B content, C–F figures. D:F hold "ĐẢNG CỘNG SẢN VIỆT NAM" in 14 pt
 * bold on one line (about 200 pt; a merged cell that is too narrow clips it in Excel). */
const WIDTHS = [6, 42, 13, 13, 13, 15];
const LAST_COL = WIDTHS.length - 1;

export interface SummaryOptions {
  sheetName?: string;
  /** Place of the date line ("Hà Nội"); "…" when not given. */
  place?: string;
  /** Date of the document; "ngày … tháng … năm …" when not given. */
  date?: IsoDate;
}

class DocumentBuilder {
  readonly values: CellValue[][] = [];
  readonly formats: RangeFormat[] = [];
  readonly merges: string[] = [];

  get next(): number {
    return this.values.length;
  }

  row(cells: CellValue[] = []): number {
    const row: CellValue[] = Array.from({ length: WIDTHS.length }, (_, c) => cells[c] ?? null);
    this.values.push(row);
    return this.values.length - 1;
  }

  merge(r: number, c1: number, c2: number): void {
    if (c2 > c1) this.merges.push(rangeA1(r, c1, r, c2));
  }

  format(r1: number, c1: number, r2: number, c2: number, format: Omit<RangeFormat, 'range'>): void {
    this.formats.push({ range: rangeA1(r1, c1, r2, c2), ...format });
  }

  /** A line of text across the page (merged A:F). */
  line(text: string, format: Omit<RangeFormat, 'range'> = {}): number {
    const r = this.row([text]);
    this.merge(r, 0, LAST_COL);
    this.format(r, 0, r, LAST_COL, { wrap: true, verticalAlign: 'top', ...format });
    return r;
  }

  /** A section heading ("I. …"). */
  heading(text: string): number {
    this.row();
    return this.line(text, { bold: true });
  }

  /** A bordered table: header row bold and shaded, body rows. */
  table(header: CellValue[], rows: CellValue[][], align: ('left' | 'center' | 'right')[]): void {
    const top = this.row(header);
    this.format(top, 0, top, LAST_COL, { bold: true, fill: '#F2F2F2', align: 'center', verticalAlign: 'middle', wrap: true });
    for (const cells of rows) this.row(cells);
    const bottom = this.next - 1;
    // A table narrower than the page stretches its last column to the right margin (no empty
    // bordered column).
    const lastUsed = header.reduce<number>((last, cell, c) => (cell === null ? last : c), 0);
    for (let r = top; r <= bottom; r++) this.merge(r, lastUsed, LAST_COL);
    this.format(top, 0, bottom, LAST_COL, { border: true });
    align.forEach((a, c) => {
      if (bottom > top) this.format(top + 1, c, bottom, c, { align: a, verticalAlign: 'top', wrap: true });
    });
  }
}

function effectiveKind(result: CheckResult): OrgKind {
  return result.organization.kind ?? 'chi-bo';
}

/** "T/M CHI ỦY" when the chi bộ has a committee, "T/M CHI BỘ" when not, "T/M ĐẢNG ỦY" for a đảng bộ. */
export function signatureLabel(result: CheckResult): string {
  if (effectiveKind(result) === 'dang-bo') return 'T/M ĐẢNG ỦY';
  return result.info.hasCommittee === true ? 'T/M CHI ỦY' : 'T/M CHI BỘ';
}

/** “CHI BỘ BỐN TỐT” or “ĐẢNG BỘ CƠ SỞ BỐN TỐT”, in the case asked. */
function modelName(kind: OrgKind): string {
  return kind === 'dang-bo' ? 'đảng bộ cơ sở bốn tốt' : 'chi bộ bốn tốt';
}

/**
 * The date line of a party document (Hướng dẫn 36-HD/VPTW): days under 10 and the months 1 and 2
 * with a leading zero — "Hà Nội, ngày 05 tháng 01 năm 2026", "…, ngày 15 tháng 4 năm 2026" — or the
 * blank form "…, ngày … tháng … năm …" to complete by hand. Every document the product writes
 * uses this one form.
 */
export function dateLine(place?: string, date?: IsoDate): string {
  const where = place && place.trim() !== '' ? place.trim() : '…';
  if (!date) return `${where}, ngày … tháng … năm …`;
  const { year, month, day } = isoParts(date);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month < 3 ? `0${month}` : String(month);
  return `${where}, ngày ${dd} tháng ${mm} năm ${year}`;
}

/** Upper case as a heading prints it (NFC, Vietnamese letters included). */
function upper(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toUpperCase();
}

/** Committees whose name gives their party organisation (SPEC §2): "Quận ủy X" → "ĐẢNG BỘ QUẬN X". */
const COMMITTEE_ORGANISATIONS: Record<string, string> = {
  dang: 'ĐẢNG BỘ',
  thanh: 'ĐẢNG BỘ THÀNH PHỐ',
  tinh: 'ĐẢNG BỘ TỈNH',
  quan: 'ĐẢNG BỘ QUẬN',
  huyen: 'ĐẢNG BỘ HUYỆN',
};

/** The committee word of a name ("Đảng ủy", "Thành uỷ", "Quan uy") and the rest, or null. */
export function splitCommittee(name: string): { level: string; rest: string } | null {
  const words = name.normalize('NFC').trim().split(/\s+/);
  if (words.length < 3) return null;
  const level = foldText(words[0] as string);
  if (foldText(words[1] as string) !== 'uy' || !(level in COMMITTEE_ORGANISATIONS)) return null;
  return { level, rest: words.slice(2).join(' ') };
}

/**
 * The superior party organisation printed top left, from `Cấp ủy cấp trên` (SPEC §2): "Đảng ủy X" →
 * "ĐẢNG BỘ X"; "Thành ủy / Tỉnh ủy / Quận ủy / Huyện ủy X" → "ĐẢNG BỘ THÀNH PHỐ / TỈNH / QUẬN /
 * HUYỆN X"; anything else as typed, upper-cased. null when nothing is typed.
 */
export function superiorOrganisation(superior: string | null | undefined): string | null {
  if (!superior || superior.trim() === '') return null;
  const split = splitCommittee(superior);
  if (!split) return upper(superior);
  return `${COMMITTEE_ORGANISATIONS[split.level]} ${upper(split.rest)}`;
}

/**
 * The issuing body under it: "CHI BỘ Y" for a chi bộ (its `Tên tổ chức`, with "Chi bộ" added when
 * the name lacks it), "ĐẢNG ỦY Y" for a đảng bộ cơ sở ("Đảng bộ Y" → "ĐẢNG ỦY Y").
 */
export function issuingBody(kind: OrgKind, name: string | null): string {
  if (kind === 'dang-bo') {
    if (!name || name.trim() === '') return 'ĐẢNG ỦY …';
    const words = name.normalize('NFC').trim().split(/\s+/);
    const rest = words.length > 2 && foldText(`${words[0]} ${words[1]}`) === 'dang bo' ? words.slice(2).join(' ') : name;
    return `ĐẢNG ỦY ${upper(rest)}`;
  }
  if (!name || name.trim() === '') return 'CHI BỘ …';
  return foldText(name).startsWith('chi bo ') ? upper(name) : `CHI BỘ ${upper(name)}`;
}

/** "trang Điểm danh, ô J4" — a place as a document names it (never Excel's `Sheet!A1`). */
export function placeText(sheet: string | null, cell: string | null): string {
  if (sheet === null) return '';
  return cell ? `trang ${sheet}, ô ${cell}` : `trang ${sheet}`;
}

function percentText(value: number | null): string {
  return value === null ? '—' : percentIn(value, 'vi');
}

function shareText(share: number | null): string {
  return share === null ? '—' : percentIn(share * 100, 'vi');
}

const LEVELS: RatedLevel[] = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];

function reasonPlace(reason: Reason): string {
  return placeText(reason.sheet, reason.cell);
}

function policySourceText(result: CheckResult): string {
  switch (result.policySource) {
    case 'workbook':
      return `theo trang "${SHEET_NAMES.policy}" của sổ tính`;
    case 'given':
      return 'theo tệp cấu hình được chỉ định';
    default:
      return 'mặc định theo Kế hoạch';
  }
}

/** The `Tổng hợp` sheet for one checked workbook. */
export function summaryLayout(result: CheckResult, options: SummaryOptions = {}): SheetLayout {
  const doc = new DocumentBuilder();
  const kind = effectiveKind(result);
  const { organization, policy, stats } = result;
  const year = organization.year === null ? '…' : String(organization.year);
  const superior = superiorOrganisation(result.info.superior) ?? 'ĐẢNG BỘ ……………';
  const leftEnd = 2; // A:C
  const rightStart = 3; // D:F
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI'];
  let section = 0;
  const heading = (text: string): number => doc.heading(`${roman[section++] ?? String(section)}. ${text}`);

  // ---------------------------------------------------------------- heading (36-HD/VPTW)
  const r1 = doc.row([superior, null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM']);
  const r2 = doc.row([issuingBody(kind, organization.name)]);
  const r3 = doc.row(['*', null, null, dateLine(options.place, options.date)]);
  const r4 = doc.row([`Số …-BC/${kind === 'dang-bo' ? 'ĐU' : 'CB'}`]);
  for (const r of [r1, r2, r3, r4]) {
    doc.merge(r, 0, leftEnd);
    doc.merge(r, rightStart, LAST_COL);
  }
  doc.format(r1, 0, r4, leftEnd, { align: 'center' });
  doc.format(r2, 0, r2, leftEnd, { bold: true });
  doc.format(r1, rightStart, r1, LAST_COL, { bold: true, underline: true, align: 'center', fontSize: 14 });
  doc.format(r3, rightStart, r3, LAST_COL, { italic: true, align: 'center' });
  doc.row();
  doc.line('BÁO CÁO', { bold: true, align: 'center', fontSize: 15 });
  doc.line(`KẾT QUẢ TỰ ĐÁNH GIÁ MÔ HÌNH “${modelName(kind).toUpperCase()}” NĂM ${year}`, { bold: true, align: 'center', fontSize: 14 });
  doc.line('-----', { align: 'center' });
  doc.row();

  doc.line(`Tên tổ chức: ${organization.name ?? '…'}`);
  doc.line(
    `Loại tổ chức: ${organization.kind ? orgKindLabel(organization.kind, organization.level) : '…'}${result.info.typeLabel ? `; loại hình: ${result.info.typeLabel}` : ''}`,
  );
  doc.line(`Năm đánh giá: ${year}; số liệu tính đến ngày ${formatDate(result.asOf)}.`);
  doc.line(`Ngưỡng áp dụng: ${policySourceText(result)}.`);

  // ---------------------------------------------------------------- I. criteria
  heading('KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ');
  doc.table(
    ['STT', 'Tiêu chí', 'Tỷ lệ đạt', 'Yêu cầu', 'Kết quả', null],
    result.criteria.map((criterion) => [
      criterion.id,
      CRITERION_LABELS[criterion.id],
      criterion.invalidAt ? uncomputedCriterionText(criterion.invalidAt) : criterion.percent === null ? 'Chưa chấm' : percentText(criterion.percent),
      `≥ ${formatNumber(policy.criterionMinPercent)}%`,
      criterion.pass === null ? 'Chưa tính được' : criterion.pass ? 'Đạt' : 'Không đạt',
      null,
    ]),
    ['center', 'left', 'right', 'center', 'center', 'left'],
  );

  // ---------------------------------------------------------------- II. ratings
  const counts = stats.ratingCounts;
  const rated = LEVELS.reduce((total, level) => total + counts[level], 0);
  const noun = kind === 'dang-bo' ? 'chi bộ trực thuộc' : 'đảng viên';
  heading(`XẾP LOẠI CHẤT LƯỢNG ${noun.toUpperCase()}`);
  doc.table(
    ['STT', 'Mức xếp loại', 'Số lượng', 'Tỷ lệ', null, null],
    [
      ...LEVELS.map((level, index) => [
        index + 1,
        RATING_LABELS[level],
        counts[level],
        rated > 0 ? shareText(counts[level] / rated) : '—',
        null,
        null,
      ]),
      [5, `${RATING_LABELS.KXL} (không tính vào tỷ lệ)`, counts.KXL, '—', null, null],
      [6, 'Chưa xếp loại', counts.missing, '—', null, null],
    ],
    ['center', 'left', 'right', 'right', 'left', 'left'],
  );
  doc.line(`Tổng số ${noun} được xếp loại: ${rated}.`);
  // An unreadable rating (a data error) leaves the shares uncomputed: said so, not "—".
  const share = (value: number | null): string => (stats.sharesUncomputed ? 'chưa tính được' : shareText(value));
  doc.line(
    `Tỷ lệ từ "${RATING_LABELS.HTNV}" trở lên: ${share(stats.completedShare)} (yêu cầu ≥ ${formatNumber(policy.ratingCompletedMinPercent)}%).`,
  );
  doc.line(`Tỷ lệ từ "${RATING_LABELS.HTTNV}" trở lên: ${share(stats.goodShare)} (yêu cầu ≥ ${formatNumber(policy.ratingGoodMinPercent)}%).`);
  doc.line(
    `Tỷ lệ "${RATING_LABELS.HTXSNV}" so với số từ "${RATING_LABELS.HTTNV}" trở lên: ${share(stats.excellentShare)} (tối đa ${formatNumber(policy.excellentCapPercent)}%, Quy định 366-QĐ/TW).`,
  );

  // ---------------------------------------------------------------- III. meetings (chi bộ)
  if (kind === 'chi-bo') {
    const m = stats.meetingCounts;
    heading('SINH HOẠT CHI BỘ');
    doc.line(
      `Số buổi sinh hoạt trong năm: ${m.total} (${MEETING_KIND_LABELS.regular.toLowerCase()} ${m.regular}, ${MEETING_KIND_LABELS.thematic.toLowerCase()} ${m.thematic}, ${MEETING_KIND_LABELS.combined.toLowerCase()} ${m.combined}).`,
    );
    const source =
      stats.attendanceSource === 'matrix'
        ? `theo trang "${SHEET_NAMES.attendance}"`
        : stats.attendanceSource === 'meetings'
          ? `theo số liệu trang "${SHEET_NAMES.meetings}"`
          : 'chưa tính được';
    const rate = stats.attendanceUncomputed ? 'chưa tính được' : shareText(stats.attendanceRate);
    doc.line(`Tỷ lệ đảng viên dự sinh hoạt: ${rate} (yêu cầu trên ${formatNumber(policy.attendanceMinPercent)}%; ${source}).`);
    doc.line(
      stats.longestAbsenceStreak === null
        ? `Số lần vắng liên tiếp nhiều nhất: chưa kiểm tra được (cần trang "${SHEET_NAMES.attendance}"; tối đa ${policy.absenceMaxStreak} lần).`
        : `Số lần vắng liên tiếp nhiều nhất của một đảng viên: ${stats.longestAbsenceStreak} (tối đa ${policy.absenceMaxStreak} lần).`,
    );
    doc.line(`Số đảng viên bị kỷ luật trong năm: ${stats.membersDisciplined}.`);
  } else if (stats.membersDisciplined > 0) {
    heading('KỶ LUẬT');
    doc.line(`Số đảng viên bị kỷ luật trong năm: ${stats.membersDisciplined}.`);
  }

  // ---------------------------------------------------------------- verdict
  const blocking = result.reasons.filter((reason) => reason.severity === 'block').length;
  const warnings = result.reasons.length - blocking;
  heading('KẾT LUẬN');
  doc.line(
    result.eligible
      ? `Đủ điều kiện đề nghị công nhận “${modelName(kind)}” năm ${year}.`
      : `Chưa đủ điều kiện đề nghị công nhận “${modelName(kind)}” năm ${year}: ${blocking} nội dung không đạt.`,
    { bold: true },
  );
  if (warnings > 0) doc.line(`Có ${warnings} nội dung cần lưu ý (cảnh báo, không ảnh hưởng đến kết quả).`);
  const errors = result.issues.filter((issue) => issue.severity === 'error').length;
  const dataWarnings = result.issues.length - errors;
  if (result.issues.length > 0) {
    doc.line(`Số liệu của sổ tính còn ${errors} lỗi và ${dataWarnings} cảnh báo cần rà soát.`, { italic: true });
  }

  // ---------------------------------------------------------------- reasons
  if (result.reasons.length > 0) {
    heading('CÁC NỘI DUNG KHÔNG ĐẠT VÀ CẦN LƯU Ý');
    doc.table(
      ['STT', 'Nội dung (ngưỡng áp dụng)', 'Mức', 'Vị trí', null, null],
      result.reasons.map((reason, index) => [
        index + 1,
        reason.message,
        reason.severity === 'block' ? 'Không đạt' : 'Lưu ý',
        reasonPlace(reason),
        null,
        null,
      ]),
      ['center', 'left', 'center', 'left', 'left', 'left'],
    );
  }

  // ---------------------------------------------------------------- Nơi nhận, signature
  doc.row();
  const signature = signatureLabel(result);
  const s1 = doc.row(['Nơi nhận:', null, null, signature]);
  const s2 = doc.row([`- ${result.info.superior ?? 'Cấp ủy cấp trên'} (để báo cáo),`, null, null, 'BÍ THƯ']);
  const s3 = doc.row([kind === 'dang-bo' ? '- Lưu Văn phòng Đảng ủy.' : '- Lưu Chi bộ.']);
  doc.row();
  doc.row();
  const s6 = doc.row([null, null, null, '']);
  for (const r of [s1, s2, s3]) doc.merge(r, 0, leftEnd);
  for (const r of [s1, s2, s3, s6]) doc.merge(r, rightStart, LAST_COL);
  doc.format(s1, 0, s1, 1, { bold: true, underline: true });
  doc.format(s2, 0, s3, 1, { fontSize: 11 });
  doc.format(s1, rightStart, s2, LAST_COL, { bold: true, align: 'center' });
  doc.format(s6, rightStart, s6, LAST_COL, { bold: true, align: 'center' });

  const last = doc.next - 1;
  const layout: SheetLayout = {
    name: options.sheetName ?? SHEET_NAMES.summary,
    values: doc.values,
    columns: WIDTHS.map((width) => ({ width })),
    formats: [{ range: rangeA1(0, 0, last, LAST_COL), fontSize: 13, verticalAlign: 'top' }, ...doc.formats],
    merges: doc.merges,
    validations: [],
    frozenRows: 0,
    hidden: false,
    print: printSetup('portrait', { area: rangeA1(0, 0, last, LAST_COL) }),
    fontName: SUMMARY_FONT,
  };
  layout.rowHeights = layoutRowHeights(layout);
  return placeMarker(layout, SUMMARY_MARKER);
}
