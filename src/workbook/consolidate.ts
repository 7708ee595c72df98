/**
 * Consolidation (SPEC §6, `bontot consolidate`): one row per organisation, the totals against the
 * committee's target, the printable `Danh sách tổ chức` sheet, and reading that sheet back so a
 * consolidation can be the input of another one at any depth without reading the originals again.
 *
 * Host-neutral: rows come from CheckResults (or from an earlier consolidation's grid) and leave as
 * a SheetLayout; the CLI moves files.
 *
 * The same organisation is recognised by its key — year, kind (chi bộ / đảng bộ), name and
 * `Cấp ủy cấp trên` folded (case, diacritics, spaces and punctuation ignored; SPEC §6). The level
 * (cơ sở / trực thuộc) is not part of the key: a chi bộ typed as plain "Chi bộ" in one file and
 * "Chi bộ cơ sở" in another is one organisation. An organisation without a name is keyed by its
 * source file.
 *
 * The target (SPEC §1) counts grassroots organisations only — chi bộ cơ sở, đảng bộ cơ sở and a
 * plain "Chi bộ" whose level is not given; a chi bộ trực thuộc is listed and counted apart.
 */
import { formatDate } from '../core/dates';
import type { Policy } from '../core/policy';
import { shareOf } from '../core/percent';
import { targetMet } from '../core/share';
import { cellText, compactKey, foldText, formatNumber } from '../core/text';
import { CRITERION_IDS, REASON_CODES, type CriterionId, type IsoDate, type OrgKind, type OrgLevel, type ReasonCode } from '../core/types';
import { orgKindLabel, parseOrgKind } from '../core/vocabulary';
import { columnLetters } from './a1';
import { isConsolidationGrid, markerFor, placeMarker } from './generated';
import { printSetup } from './print';
import { layoutRowHeights } from './rowHeights';
import { dateLine, splitCommittee, superiorOrganisation } from './summary';
import type { CellValue, CheckResult, RangeFormat, SheetGrid, SheetLayout } from './types';

// The sheet's name and the reason labels live apart so the task pane can use them without this module.
import { CONSOLIDATION_SHEET, REASON_SHORT_LABELS } from './consolidationNames';
export { CONSOLIDATION_SHEET, REASON_SHORT_LABELS };
export const CONSOLIDATION_MARKER = markerFor('consolidation');

export type RowStatus = 'eligible' | 'not-eligible' | 'error';

export interface ConsolidationRow {
  /** Identity across inputs (see orgKey); "tep:<source>" for an unreadable file or a nameless organisation. */
  key: string;
  status: RowStatus;
  name: string | null;
  kind: OrgKind | null;
  level: OrgLevel | null;
  year: number | null;
  /** Percent of each criterion, unrounded; null when it has no scored row or cannot be computed (an invalid point cell). */
  criteria: Record<CriterionId, number | null>;
  /** Share (fraction) of rated members — or subordinate chi bộ — at HTNV or above. */
  completedShare: number | null;
  /** Share (fraction) at HTTNV or above. */
  goodShare: number | null;
  /** Distinct codes of the blocking reasons, in SPEC order. */
  reasonCodes: ReasonCode[];
  /** The blocking reasons for people (or the read error). */
  reasonText: string;
  /** The original workbook, as its path was given to the consolidation that first read it. */
  source: string;
  error: string | null;
}

/** Identity of an organisation across inputs: year, kind, name and superior committee, folded. */
export function orgKey(name: string | null, kind: OrgKind | null, year: number | null, source: string, superior: string | null = null): string {
  const folded = name ? compactKey(name) : '';
  if (folded === '') return `tep:${source}`;
  return `${year ?? '?'}|${kind ?? '?'}|${folded}|${superior ? compactKey(superior) : ''}`;
}

/**
 * True for the organisations the committee's target counts (SPEC §1, seed I.1: tổ chức cơ sở
 * đảng): every one but a chi bộ known to be trực thuộc. A workbook whose kind could not be read is
 * counted (it is not eligible, and leaving it out would flatter the share).
 */
export function isGrassroots(kind: OrgKind | null, level: OrgLevel | null): boolean {
  return !(kind === 'chi-bo' && level === 'truc-thuoc');
}

function emptyCriteria(): Record<CriterionId, number | null> {
  return { '1.1': null, '1.2': null, '1.3': null, '1.4': null };
}

/** The row of one checked workbook. */
export function rowFromCheck(source: string, result: CheckResult): ConsolidationRow {
  const { name, kind, level, year } = result.organization;
  const criteria = emptyCriteria();
  for (const criterion of result.criteria) criteria[criterion.id] = criterion.percent;
  const blocking = result.reasons.filter((reason) => reason.severity === 'block');
  const counts = new Map<ReasonCode, number>();
  for (const reason of blocking) counts.set(reason.code, (counts.get(reason.code) ?? 0) + 1);
  const reasonCodes = REASON_CODES.filter((code) => counts.has(code));
  const reasonText = reasonCodes
    .map((code) => {
      const count = counts.get(code) ?? 0;
      return count > 1 ? `${REASON_SHORT_LABELS[code]} (${count})` : REASON_SHORT_LABELS[code];
    })
    .join('; ');
  return {
    key: orgKey(name, kind, year, source, result.info.superior),
    status: result.eligible ? 'eligible' : 'not-eligible',
    name,
    kind,
    level,
    year,
    criteria,
    completedShare: result.stats.completedShare,
    goodShare: result.stats.goodShare,
    reasonCodes,
    reasonText,
    source,
    error: null,
  };
}

/** The row of a file that could not be read. */
export function rowFromError(source: string, message: string): ConsolidationRow {
  return {
    key: `tep:${source}`,
    status: 'error',
    name: null,
    kind: null,
    level: null,
    year: null,
    criteria: emptyCriteria(),
    completedShare: null,
    goodShare: null,
    reasonCodes: [],
    reasonText: message,
    source,
    error: message,
  };
}

// ------------------------------------------------------------------------------------- the state

export interface DuplicateNote {
  key: string;
  name: string | null;
  /** The copy kept (the first seen): its original file and the input that carried it. */
  kept: string;
  keptVia: string;
  /** The copy left out. */
  dropped: string;
  droppedVia: string;
  /** True when the two copies disagree on the verdict. */
  verdictDiffers: boolean;
}

/** "a.xlsx" or "a.xlsx (qua phuong.xlsx)". */
export function sourceText(source: string, via: string): string {
  return via === source ? source : `${source} (qua ${via})`;
}

/** The Vietnamese warning of a duplicate. */
export function duplicateText(note: DuplicateNote): string {
  const kept = sourceText(note.kept, note.keptVia);
  const dropped = sourceText(note.dropped, note.droppedVia);
  return `"${note.name ?? note.key}" có trong nhiều đầu vào: ${kept} và ${dropped}; chỉ tính một lần theo ${kept}${
    note.verdictDiffers ? ' — HAI BẢN CÓ KẾT QUẢ KHÁC NHAU, cần kiểm tra' : ''
  }.`;
}

export interface KindTotals {
  organizations: number;
  eligible: number;
}

export type KindKey = 'chi-bo-co-so' | 'chi-bo-truc-thuoc' | 'chi-bo' | 'dang-bo-co-so' | 'khong-ro';

export const KIND_KEY_LABELS: Record<KindKey, string> = {
  'chi-bo-co-so': 'Chi bộ cơ sở',
  'chi-bo-truc-thuoc': 'Chi bộ trực thuộc',
  'chi-bo': 'Chi bộ (chưa rõ cấp)',
  'dang-bo-co-so': 'Đảng bộ cơ sở',
  'khong-ro': 'Chưa rõ loại tổ chức',
};

export function kindKey(kind: OrgKind | null, level: OrgLevel | null): KindKey {
  if (kind === 'dang-bo') return 'dang-bo-co-so';
  if (kind === 'chi-bo') return level === 'co-so' ? 'chi-bo-co-so' : level === 'truc-thuoc' ? 'chi-bo-truc-thuoc' : 'chi-bo';
  return 'khong-ro';
}

export interface ConsolidationTotals {
  /** Grassroots organisations counted toward the target (readable, each once). */
  organizations: number;
  /** Of those, the ones eligible to be proposed ("đủ điều kiện"). */
  eligible: number;
  /** eligible / organizations, unrounded; null when there is no organisation. */
  share: number | null;
  /** The target as a fraction (policy modelTargetPercent / 100). */
  target: number;
  targetMet: boolean;
  byKind: Record<KindKey, KindTotals>;
  /** Chi bộ trực thuộc: listed and counted apart, outside the target. */
  subordinate: KindTotals;
  /** Files that could not be read (error rows). */
  unreadable: number;
  /** Copies of an organisation left out because it was already counted. */
  duplicates: number;
}

/** Rows collected one input at a time; only the rows are kept, never a workbook. */
export class Consolidation {
  private readonly byKey = new Map<string, { row: ConsolidationRow; via: string }>();
  readonly duplicates: DuplicateNote[] = [];

  /** Adds a row unless its organisation is already in; `via` names the input file that carried it. */
  add(row: ConsolidationRow, via: string = row.source): boolean {
    const existing = this.byKey.get(row.key);
    if (existing) {
      this.duplicates.push({
        key: row.key,
        name: row.name ?? existing.row.name,
        kept: existing.row.source,
        keptVia: existing.via,
        dropped: row.source,
        droppedVia: via,
        verdictDiffers: existing.row.status !== row.status,
      });
      return false;
    }
    this.byKey.set(row.key, { row, via });
    return true;
  }

  get rows(): ConsolidationRow[] {
    return [...this.byKey.values()].map((entry) => entry.row);
  }

  /** The input that carried the row of `key`. */
  via(key: string): string | null {
    return this.byKey.get(key)?.via ?? null;
  }

  totals(policy: Policy): ConsolidationTotals {
    return consolidationTotals(this.rows, policy, this.duplicates.length);
  }
}

export function consolidationTotals(rows: readonly ConsolidationRow[], policy: Policy, duplicates = 0): ConsolidationTotals {
  const byKind = Object.fromEntries((Object.keys(KIND_KEY_LABELS) as KindKey[]).map((key) => [key, { organizations: 0, eligible: 0 }])) as Record<
    KindKey,
    KindTotals
  >;
  let organizations = 0;
  let eligible = 0;
  let unreadable = 0;
  const subordinate: KindTotals = { organizations: 0, eligible: 0 };
  for (const row of rows) {
    if (row.status === 'error') {
      unreadable += 1;
      continue;
    }
    const bucket = byKind[kindKey(row.kind, row.level)];
    bucket.organizations += 1;
    if (row.status === 'eligible') bucket.eligible += 1;
    if (!isGrassroots(row.kind, row.level)) {
      subordinate.organizations += 1;
      if (row.status === 'eligible') subordinate.eligible += 1;
      continue;
    }
    organizations += 1;
    if (row.status === 'eligible') eligible += 1;
  }
  const share = shareOf(eligible, organizations);
  return {
    organizations,
    eligible,
    share,
    target: policy.modelTargetPercent / 100,
    targetMet: share !== null && targetMet(share, policy),
    byKind,
    subordinate,
    unreadable,
    duplicates,
  };
}

// ------------------------------------------------------------------------------------- the sheet

/** Columns of the list, in order. The last five are hidden machine columns read back by readConsolidation. */
const COLUMNS = [
  { id: 'stt', header: 'STT', width: 5 },
  { id: 'name', header: 'Tên tổ chức', width: 30 },
  { id: 'kind', header: 'Loại tổ chức', width: 14 },
  { id: 'year', header: 'Năm', width: 7 },
  { id: 'c1.1', header: 'Tiêu chí 1.1 (%)', width: 9 },
  { id: 'c1.2', header: 'Tiêu chí 1.2 (%)', width: 9 },
  { id: 'c1.3', header: 'Tiêu chí 1.3 (%)', width: 9 },
  { id: 'c1.4', header: 'Tiêu chí 1.4 (%)', width: 9 },
  { id: 'completed', header: 'Tỷ lệ HTNV trở lên', width: 10 },
  { id: 'good', header: 'Tỷ lệ HTTNV trở lên', width: 10 },
  { id: 'verdict', header: 'Kết quả', width: 14 },
  { id: 'reasons', header: 'Lý do', width: 38 },
  { id: 'source', header: 'Tệp nguồn', width: 22 },
  { id: 'key', header: 'Khóa', width: 10, machine: true },
  { id: 'status', header: 'Trạng thái', width: 10, machine: true },
  { id: 'kindCode', header: 'Mã loại', width: 10, machine: true },
  { id: 'levelCode', header: 'Mã cấp', width: 10, machine: true },
  { id: 'codes', header: 'Mã lý do', width: 10, machine: true },
] as const;

type ColumnId = (typeof COLUMNS)[number]['id'];
const VISIBLE = COLUMNS.filter((c) => !('machine' in c)).length;
const LAST_VISIBLE = columnLetters(VISIBLE - 1);

export const VERDICT_LABELS: Record<RowStatus, string> = {
  eligible: 'Đủ điều kiện',
  'not-eligible': 'Không đủ điều kiện',
  error: 'Không đọc được tệp',
};

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
    formats.push({ range: `${columnLetters(VISIBLE)}${firstData}:${columnLetters(width - 1)}${lastData}`, numberFormat: '@' });
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

// ------------------------------------------------------------------------------------- reading back

function numberOrNull(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const text = cellText(value);
  if (text === null) return null;
  const parsed = Number(text.replace(',', '.').replace('%', '').trim());
  return Number.isFinite(parsed) ? parsed : null;
}

function textOrNull(value: unknown): string | null {
  return cellText(value);
}

/**
 * Reads the rows of a consolidation back from its grids; null when no sheet is a consolidation.
 * Rows come from the hidden machine columns, so what a person reformats in the visible ones does not
 * change the totals.
 */
export function readConsolidation(sheets: readonly SheetGrid[]): ConsolidationRow[] | null {
  const grid =
    sheets.find((sheet) => foldText(sheet.name) === foldText(CONSOLIDATION_SHEET) && isConsolidationGrid(sheet)) ??
    sheets.find((sheet) => isConsolidationGrid(sheet));
  if (!grid) return null;
  const wanted = new Map(COLUMNS.map((c) => [foldText(c.header), c.id]));
  let headerIndex = -1;
  const columnOf = new Map<ColumnId, number>();
  for (let r = 0; r < grid.values.length && headerIndex < 0; r++) {
    const row = grid.values[r] ?? [];
    const found = new Map<ColumnId, number>();
    row.forEach((value, c) => {
      const text = cellText(value);
      const id = text === null ? undefined : wanted.get(foldText(text));
      if (id !== undefined && !found.has(id)) found.set(id, c);
    });
    if (found.has('key') && found.has('status') && found.has('name')) {
      headerIndex = r;
      for (const [id, c] of found) columnOf.set(id, c);
    }
  }
  if (headerIndex < 0) return [];
  const rows: ConsolidationRow[] = [];
  for (let r = headerIndex + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const get = (id: ColumnId): unknown => {
      const c = columnOf.get(id);
      return c === undefined ? null : row[c];
    };
    const key = textOrNull(get('key'));
    const status = textOrNull(get('status'));
    if (key === null || (status !== 'eligible' && status !== 'not-eligible' && status !== 'error')) {
      // The list ends at its first row without a machine key (the totals follow a blank row).
      if (rows.length > 0 || r > headerIndex + 1) break;
      continue;
    }
    const kindText = textOrNull(get('kindCode'));
    const levelText = textOrNull(get('levelCode'));
    let kind: OrgKind | null = kindText === 'chi-bo' || kindText === 'dang-bo' ? kindText : null;
    const level: OrgLevel | null = levelText === 'co-so' || levelText === 'truc-thuoc' ? levelText : null;
    if (kind === null && status !== 'error') {
      const label = textOrNull(get('kind'));
      const parsed = label ? parseOrgKind(label) : null;
      if (parsed?.ok) kind = parsed.value.kind;
    }
    const criteria = emptyCriteria();
    for (const id of CRITERION_IDS) criteria[id] = numberOrNull(get(`c${id}` as ColumnId));
    const codes = (textOrNull(get('codes')) ?? '')
      .split(',')
      .map((code) => code.trim())
      .filter((code): code is ReasonCode => (REASON_CODES as readonly string[]).includes(code));
    const reasonText = textOrNull(get('reasons')) ?? '';
    const year = numberOrNull(get('year'));
    rows.push({
      key,
      status,
      name: status === 'error' ? null : textOrNull(get('name')),
      kind,
      level,
      year: year !== null && Number.isInteger(year) ? year : null,
      criteria,
      completedShare: numberOrNull(get('completed')),
      goodShare: numberOrNull(get('good')),
      reasonCodes: codes,
      reasonText,
      source: textOrNull(get('source')) ?? '',
      error: status === 'error' ? reasonText : null,
    });
  }
  return rows;
}
