/**
 * The printable, machine-readable `Danh sách tổ chức` sheet of a consolidation (SPEC §6): the heading
 * of a party document, one row per organisation, the totals against the target, the signature. The
 * rows and totals come from ../consolidate; the sheet is read back there (readConsolidation).
 */
import { formatDate } from '../../core/dates';
import type { Policy } from '../../core/policy';
import { shareOf } from '../../core/percent';
import { foldText, formatNumber } from '../../core/text';
import type { IsoDate } from '../../core/types';
import { orgKindLabel } from '../../core/vocabulary';
import { columnLetters } from '../a1';
import {
  CONSOLIDATION_MARKER,
  consolidationTotals,
  duplicateText,
  KIND_KEY_LABELS,
  VERDICT_LABELS,
  type ConsolidationRow,
  type DuplicateNote,
  type KindKey,
} from '../consolidate';
import { placeMarker } from '../generated';
import type { CellValue, RangeFormat, SheetLayout } from '../types';
import {
  CONSOLIDATION_COLUMNS as COLUMNS,
  LAST_VISIBLE_COLUMN as LAST_VISIBLE,
  VISIBLE_COLUMNS,
  type ConsolidationColumnId as ColumnId,
} from './consolidationColumns';
import { CONSOLIDATION_SHEET } from './consolidationNames';
import { printSetup } from './print';
import { layoutRowHeights } from './rowHeights';
import { dateLine, splitCommittee, superiorOrganisation } from './summary';

function percentText(fraction: number | null): string {
  return fraction === null ? '—' : `${formatNumber(fraction * 100)}%`;
}

export interface ConsolidationLayoutOptions {
  asOf: IsoDate;
  policy: Policy;
  duplicates?: readonly DuplicateNote[];
  /** The committee that issues the consolidation (`--issuer`, "Đảng ủy phường X"): its heading and
   * signature; without it those lines are dotted, to be completed by hand. */
  issuer?: string | null;
  /** Former name of `issuer`. */
  committee?: string | null;
}

export interface IssuerHeading {
  /** Top line: the party organisation ("ĐẢNG BỘ PHƯỜNG X"), dotted when unknown. */
  organisation: string;
  /** The issuing committee ("ĐẢNG ỦY PHƯỜNG X"), dotted without an issuer. */
  body: string;
  /** The symbol after "-BC/" in the number line ("ĐU", "TU", "QU", "HU"), "…" when unknown. */
  symbol: string;
  /** "T/M ĐẢNG ỦY", "T/M BAN THƯỜNG VỤ", or dotted. */
  signature: string;
  /** Who keeps the copy ("Văn phòng Đảng ủy"). */
  office: string;
}

const COMMITTEE_SYMBOLS: Record<string, { symbol: string; office: string }> = {
  dang: { symbol: 'ĐU', office: 'Văn phòng Đảng ủy' },
  thanh: { symbol: 'TU', office: 'Văn phòng Thành ủy' },
  tinh: { symbol: 'TU', office: 'Văn phòng Tỉnh ủy' },
  quan: { symbol: 'QU', office: 'Văn phòng Quận ủy' },
  huyen: { symbol: 'HU', office: 'Văn phòng Huyện ủy' },
};

/**
 * The heading and signature of a consolidation issued by `issuer` (Hướng dẫn 36-HD/VPTW): a đảng ủy
 * ("Đảng ủy phường X") signs "T/M ĐẢNG ỦY" under "ĐẢNG BỘ PHƯỜNG X / ĐẢNG ỦY PHƯỜNG X"; a thành ủy,
 * tỉnh ủy, quận ủy or huyện ủy — or an issuer named "Ban Thường vụ …" — signs "T/M BAN THƯỜNG VỤ".
 * Any other name is printed as typed with the organisation line and the signature dotted; no issuer
 * leaves every line dotted.
 */
export function issuerHeading(issuer: string | null | undefined): IssuerHeading {
  const dotted: IssuerHeading = {
    organisation: 'ĐẢNG BỘ ……………',
    body: '……………………',
    symbol: '…',
    signature: 'T/M ……………',
    office: 'Văn phòng cấp ủy',
  };
  const name = issuer?.normalize('NFC').replace(/\s+/g, ' ').trim() ?? '';
  if (name === '') return dotted;
  const standing = /^ban thuong vu /.exec(foldText(name)) !== null;
  const committee = standing ? name.split(' ').slice(3).join(' ') : name;
  const split = splitCommittee(committee);
  if (!split) return { ...dotted, body: committee.toUpperCase(), ...(standing ? { signature: 'T/M BAN THƯỜNG VỤ' } : {}) };
  const known = COMMITTEE_SYMBOLS[split.level] ?? { symbol: '…', office: 'Văn phòng cấp ủy' };
  return {
    organisation: superiorOrganisation(committee) ?? dotted.organisation,
    body: committee.toUpperCase(),
    symbol: known.symbol,
    signature: split.level === 'dang' && !standing ? 'T/M ĐẢNG ỦY' : 'T/M BAN THƯỜNG VỤ',
    office: known.office,
  };
}

function rowCells(row: ConsolidationRow, index: number): CellValue[] {
  const cells: Record<ColumnId, CellValue> = {
    stt: index + 1,
    name: row.name ?? (row.status === 'error' ? '(không đọc được)' : '(chưa có tên)'),
    kind: row.kind ? orgKindLabel(row.kind, row.level) : row.status === 'error' ? '' : 'Chưa rõ',
    year: row.year,
    'c1.1': row.criteria['1.1'],
    'c1.2': row.criteria['1.2'],
    'c1.3': row.criteria['1.3'],
    'c1.4': row.criteria['1.4'],
    completed: row.completedShare,
    good: row.goodShare,
    verdict: VERDICT_LABELS[row.status],
    reasons: row.reasonText,
    source: row.source,
    key: row.key,
    status: row.status,
    kindCode: row.kind,
    levelCode: row.level,
    codes: row.reasonCodes.join(','),
  };
  return COLUMNS.map((column) => cells[column.id]);
}

/** The printable, machine-readable `Danh sách tổ chức` sheet. */
export function consolidationLayout(rows: readonly ConsolidationRow[], options: ConsolidationLayoutOptions): SheetLayout {
  const { policy, asOf } = options;
  const totals = consolidationTotals(rows, policy, options.duplicates?.length ?? 0);
  const width = COLUMNS.length;
  const values: CellValue[][] = [];
  const formats: RangeFormat[] = [];
  const merges: string[] = [];
  const line = (cells: CellValue[] = []): number => {
    const row = [...cells];
    while (row.length < width) row.push(null);
    values.push(row);
    return values.length - 1;
  };
  const leftEnd = 'D';
  const rightStart = 'F';
  let r: number;
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort();

  // Heading of a party document (Hướng dẫn 36-HD/VPTW): the organisation and the issuing committee
  // left, the Party's name and the date right; dotted where no issuer was given.
  const issuer = issuerHeading(options.issuer ?? options.committee ?? null);
  const headingRow = (left: CellValue, right: CellValue): number => {
    const at = line([left]);
    values[at]![5] = right;
    merges.push(`A${at + 1}:${leftEnd}${at + 1}`, `${rightStart}${at + 1}:${LAST_VISIBLE}${at + 1}`);
    formats.push({ range: `A${at + 1}`, align: 'center' }, { range: `${rightStart}${at + 1}`, align: 'center' });
    return at;
  };
  r = headingRow(issuer.organisation, 'ĐẢNG CỘNG SẢN VIỆT NAM');
  formats.push({ range: `${rightStart}${r + 1}`, bold: true, underline: true, fontSize: 14 });
  r = headingRow(issuer.body, dateLine(undefined, asOf));
  formats.push({ range: `A${r + 1}`, bold: true }, { range: `${rightStart}${r + 1}`, italic: true });
  headingRow('*', null);
  headingRow(`Số …-BC/${issuer.symbol}`, null);
  line();
  r = line(['DANH SÁCH TỔ CHỨC ĐẢNG VÀ KẾT QUẢ ĐÁNH GIÁ MÔ HÌNH "CHI BỘ BỐN TỐT", "ĐẢNG BỘ CƠ SỞ BỐN TỐT"']);
  merges.push(`A${r + 1}:${LAST_VISIBLE}${r + 1}`);
  formats.push({ range: `A${r + 1}`, bold: true, fontSize: 14, align: 'center', wrap: true });
  r = line([`${years.length > 0 ? `Năm ${years.join(', ')}` : 'Năm đánh giá: chưa rõ'} — số liệu tính đến ngày ${formatDate(asOf)}`]);
  merges.push(`A${r + 1}:${LAST_VISIBLE}${r + 1}`);
  formats.push({ range: `A${r + 1}`, italic: true, align: 'center' });
  line();

  const headerRow = line(COLUMNS.map((c) => c.header));
  formats.push({
    range: `A${headerRow + 1}:${columnLetters(width - 1)}${headerRow + 1}`,
    bold: true,
    align: 'center',
    verticalAlign: 'middle',
    wrap: true,
    border: true,
    fill: '#D9E1F2',
  });
  rows.forEach((row, index) => line(rowCells(row, index)));
  const firstData = headerRow + 2;
  const lastData = headerRow + 1 + rows.length;
  if (rows.length > 0) {
    formats.push({ range: `A${firstData}:${LAST_VISIBLE}${lastData}`, border: true, verticalAlign: 'top', wrap: true });
    formats.push({ range: `E${firstData}:H${lastData}`, numberFormat: '0.00' });
    formats.push({ range: `I${firstData}:J${lastData}`, numberFormat: '0.00%' });
    formats.push({ range: `A${firstData}:A${lastData}`, align: 'center' }, { range: `D${firstData}:D${lastData}`, align: 'center' });
    formats.push({ range: `${columnLetters(VISIBLE_COLUMNS)}${firstData}:${columnLetters(width - 1)}${lastData}`, numberFormat: '@' });
  }

  // Totals: how many, how many recognised, the share against the target, by kind.
  line();
  const totalLine = (text: string, bold = false): void => {
    const at = line([text]);
    merges.push(`A${at + 1}:${LAST_VISIBLE}${at + 1}`);
    if (bold) formats.push({ range: `A${at + 1}`, bold: true });
  };
  totalLine('TỔNG HỢP', true);
  // A check decides "đủ điều kiện đề nghị công nhận"; recognition ("đạt mô hình") is the committee's.
  totalLine(`Tổng số tổ chức cơ sở đảng (tính vào chỉ tiêu): ${totals.organizations}`);
  totalLine(`Số tổ chức cơ sở đảng đủ điều kiện đề nghị công nhận: ${totals.eligible}`);
  totalLine(
    `Tỷ lệ đủ điều kiện: ${percentText(totals.share)} — so với chỉ tiêu ${formatNumber(policy.modelTargetPercent)}%: ${totals.targetMet ? 'ĐỦ' : 'CHƯA ĐỦ'}`,
    true,
  );
  if (totals.subordinate.organizations > 0) {
    totalLine(`Chi bộ trực thuộc (không tính vào chỉ tiêu): ${totals.subordinate.eligible}/${totals.subordinate.organizations} đủ điều kiện`);
  }
  for (const key of Object.keys(KIND_KEY_LABELS) as KindKey[]) {
    const bucket = totals.byKind[key];
    if (bucket.organizations === 0) continue;
    totalLine(
      `  ${KIND_KEY_LABELS[key]}: ${bucket.eligible}/${bucket.organizations} đủ điều kiện (${percentText(shareOf(bucket.eligible, bucket.organizations))})`,
    );
  }
  if (totals.unreadable > 0) totalLine(`Tệp không đọc được (không tính): ${totals.unreadable}`);
  for (const note of options.duplicates ?? []) totalLine(`Lưu ý: ${duplicateText(note)}`);

  // Recipients bottom left, signature bottom right.
  line();
  const sign = line(['Nơi nhận:']);
  formats.push({ range: `A${sign + 1}`, bold: true, italic: true });
  values[sign]![7] = issuer.signature;
  merges.push(`A${sign + 1}:${leftEnd}${sign + 1}`, `${columnLetters(7)}${sign + 1}:${LAST_VISIBLE}${sign + 1}`);
  formats.push({ range: `${columnLetters(7)}${sign + 1}`, bold: true, align: 'center' });
  const recipients = line(['- Cấp ủy cấp trên (để báo cáo),']);
  values[recipients]![7] = 'BÍ THƯ';
  merges.push(`A${recipients + 1}:${leftEnd}${recipients + 1}`, `${columnLetters(7)}${recipients + 1}:${LAST_VISIBLE}${recipients + 1}`);
  formats.push({ range: `${columnLetters(7)}${recipients + 1}`, bold: true, align: 'center' });
  for (const text of ['- Các tổ chức đảng trực thuộc,', `- Lưu ${issuer.office}.`]) {
    const at = line([text]);
    merges.push(`A${at + 1}:${leftEnd}${at + 1}`);
  }

  const layout: SheetLayout = {
    name: CONSOLIDATION_SHEET,
    values,
    columns: COLUMNS.map((c) => ({ width: c.width, ...('machine' in c ? { hidden: true } : {}) })),
    formats,
    merges,
    validations: [],
    frozenRows: 0,
    hidden: false,
    print: printSetup('landscape', { area: `A1:${LAST_VISIBLE}${values.length}`, titleRows: `${headerRow + 1}:${headerRow + 1}` }),
    fontName: 'Times New Roman',
  };
  formats.push({ range: `A${headerRow + 1}`, fontSize: 12 });
  layout.rowHeights = layoutRowHeights(layout);
  return placeMarker(layout, CONSOLIDATION_MARKER);
}
