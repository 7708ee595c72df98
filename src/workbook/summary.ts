/**
 * The `Tổng hợp` sheet (SPEC §2): the verdict as a party document people print, sign and file,
 * laid out after Hướng dẫn 36-HD/VPTW — the issuing bodies top left, the Party's name and the place
 * and date top right, a centred title, the body, "Nơi nhận" bottom left and the signature block
 * bottom right. Values only (no formulas), Times New Roman, A4 portrait fit to one page wide, with
 * the generated marker in a hidden column.
 *
 * Percentages are rounded to 2 decimals for display only; the CheckResult keeps the exact values.
 */
import { formatDate, isoParts } from '../core/dates';
import { formatNumber, formatPercent } from '../core/text';
import type { IsoDate, OrgKind, RatedLevel, Reason } from '../core/types';
import { MEETING_KIND_LABELS, RATING_LABELS, orgKindLabel } from '../core/vocabulary';
import { rangeA1 } from './a1';
import { CRITERION_LABELS } from './criteriaSeed';
import { uncomputedCriterionText } from '../core/criteria';
import { markerFor, placeMarker } from './marker';
import { SHEET_NAMES } from './template';
import type { CellValue, CheckResult, RangeFormat, SheetLayout } from './types';

export const SUMMARY_MARKER = markerFor('tong-hop');
export const SUMMARY_FONT = 'Times New Roman';

/** The visible columns: A STT, B content, C–F figures. */
const WIDTHS = [6, 46, 13, 12, 12, 13];
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

/** "Hà Nội, ngày 05 tháng 01 năm 2026", or the blank form "…, ngày … tháng … năm …". */
export function dateLine(place?: string, date?: IsoDate): string {
  const where = place && place.trim() !== '' ? place.trim() : '…';
  if (!date) return `${where}, ngày … tháng … năm …`;
  const { year, month, day } = isoParts(date);
  return `${where}, ngày ${String(day).padStart(2, '0')} tháng ${String(month).padStart(2, '0')} năm ${year}`;
}

function percentText(value: number | null): string {
  return value === null ? '—' : formatPercent(value);
}

function shareText(share: number | null): string {
  return share === null ? '—' : formatPercent(share * 100);
}

const LEVELS: RatedLevel[] = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];

function reasonPlace(reason: Reason): string {
  if (reason.sheet === null) return '';
  return reason.cell ? `${reason.sheet}!${reason.cell}` : reason.sheet;
}

function policySourceText(result: CheckResult): string {
  switch (result.policySource) {
    case 'workbook':
      return `theo trang "${SHEET_NAMES.policy}" của bảng tính`;
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
  const orgName = organization.name ?? (kind === 'dang-bo' ? 'ĐẢNG BỘ …' : 'CHI BỘ …');
  const superior = result.info.superior ?? (kind === 'dang-bo' ? '…' : 'ĐẢNG ỦY …');
  const leftEnd = 2; // A:C
  const rightStart = 3; // D:F
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI'];
  let section = 0;
  const heading = (text: string): number => doc.heading(`${roman[section++] ?? String(section)}. ${text}`);

  // ---------------------------------------------------------------- heading (36-HD/VPTW)
  const r1 = doc.row([superior.toUpperCase(), null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM']);
  const r2 = doc.row([orgName.toUpperCase()]);
  const r3 = doc.row(['*', null, null, dateLine(options.place, options.date)]);
  const r4 = doc.row([`Số: …-BC/${kind === 'dang-bo' ? 'ĐU' : 'CB'}`]);
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
  doc.line(`Loại tổ chức: ${organization.kind ? orgKindLabel(organization.kind, organization.level) : '…'}${result.info.typeLabel ? `; loại hình: ${result.info.typeLabel}` : ''}`);
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
      `≥ ${formatNumber(policy.criterionMinPercent)} %`,
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
      ...LEVELS.map((level, index) => [index + 1, RATING_LABELS[level], counts[level], rated > 0 ? shareText(counts[level] / rated) : '—', null, null]),
      [5, `${RATING_LABELS.KXL} (không tính vào tỷ lệ)`, counts.KXL, '—', null, null],
      [6, 'Chưa xếp loại', counts.missing, '—', null, null],
    ],
    ['center', 'left', 'right', 'right', 'left', 'left'],
  );
  doc.line(`Tổng số ${noun} được xếp loại: ${rated}.`);
  // An unreadable rating (a data error) leaves the shares uncomputed: said so, not "—".
  const share = (value: number | null): string => (stats.sharesUncomputed ? 'chưa tính được' : shareText(value));
  doc.line(`Tỷ lệ từ "${RATING_LABELS.HTNV}" trở lên: ${share(stats.completedShare)} (yêu cầu ≥ ${formatNumber(policy.ratingCompletedMinPercent)} %).`);
  doc.line(`Tỷ lệ từ "${RATING_LABELS.HTTNV}" trở lên: ${share(stats.goodShare)} (yêu cầu ≥ ${formatNumber(policy.ratingGoodMinPercent)} %).`);
  doc.line(
    `Tỷ lệ HTXSNV so với số từ HTTNV trở lên: ${share(stats.excellentShare)} (tối đa ${formatNumber(policy.excellentCapPercent)} %, Quy định 366-QĐ/TW).`,
  );

  // ---------------------------------------------------------------- III. meetings (chi bộ)
  if (kind === 'chi-bo') {
    const m = stats.meetingCounts;
    heading('SINH HOẠT CHI BỘ');
    doc.line(
      `Số buổi sinh hoạt trong năm: ${m.total} (${MEETING_KIND_LABELS.regular.toLowerCase()} ${m.regular}, ${MEETING_KIND_LABELS.thematic.toLowerCase()} ${m.thematic}, ${MEETING_KIND_LABELS.combined.toLowerCase()} ${m.combined}).`,
    );
    const source =
      stats.attendanceSource === 'matrix' ? `theo trang "${SHEET_NAMES.attendance}"` : stats.attendanceSource === 'meetings' ? `theo số liệu trang "${SHEET_NAMES.meetings}"` : 'chưa tính được';
    const rate = stats.attendanceUncomputed ? 'chưa tính được' : shareText(stats.attendanceRate);
    doc.line(`Tỷ lệ đảng viên dự sinh hoạt: ${rate} (yêu cầu trên ${formatNumber(policy.attendanceMinPercent)} %; ${source}).`);
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
    doc.line(`Số liệu của bảng tính còn ${errors} lỗi và ${dataWarnings} cảnh báo cần rà soát.`, { italic: true });
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
    print: { paper: 'A4', orientation: 'portrait', fitToWidth: true, area: rangeA1(0, 0, last, LAST_COL) },
    fontName: SUMMARY_FONT,
  };
  return placeMarker(layout, SUMMARY_MARKER);
}
