/**
 * Consolidation (SPEC §6, `bontot consolidate`): one row per organisation, the totals against the
 * committee's target, the printable `Danh sách tổ chức` sheet, and reading that sheet back so a
 * consolidation can be the input of another one at any depth without reading the originals again.
 *
 * Host-neutral: rows come from CheckResults (or from an earlier consolidation's grid) and leave as
 * a SheetLayout (layout/consolidation.ts); the CLI moves files.
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
import { ref, render, type Lang, type MessageRef } from '../core/messages';
import '../core/messages/viWorkbook';
import type { Policy } from '../core/policy';
import { shareOf } from '../core/percent';
import { targetMet } from '../core/share';
import { cellText, compactKey, foldText } from '../core/text';
import { CRITERION_IDS, REASON_CODES, type CriterionId, type OrgKind, type OrgLevel, type ReasonCode } from '../core/types';
import { parseOrgKind } from '../core/vocabulary';
import { CONSOLIDATION_COLUMNS as COLUMNS, type ConsolidationColumnId as ColumnId } from './layout/consolidationColumns';
import { isConsolidationGrid, markerFor } from './generated';
import type { CheckResult, SheetGrid } from './types';

// The sheet's name and the reason labels live apart so the task pane can use them without this module.
import { REASON_SHORT_LABELS } from '../core/reasonLabels';
import { CONSOLIDATION_SHEET } from './layout/consolidationNames';
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

/** "a.xlsx" or "a.xlsx (qua phuong.xlsx)" ("a.xlsx (through phuong.xlsx)" in English). */
export function sourceText(source: string, via: string, lang: Lang = 'vi'): string {
  return via === source ? source : render(ref('duplicate.via', { source, via }), lang);
}

/** The warning of a duplicate as a catalogue reference. */
export function duplicateRef(note: DuplicateNote): MessageRef {
  const source = (file: string, via: string): string | MessageRef => (via === file ? file : ref('duplicate.via', { source: file, via }));
  return ref('duplicate.note', {
    name: note.name ?? note.key,
    kept: source(note.kept, note.keptVia),
    dropped: source(note.dropped, note.droppedVia),
    differs: note.verdictDiffers ? ref('duplicate.differs') : '',
  });
}

/** The warning of a duplicate, in Vietnamese unless told. */
export function duplicateText(note: DuplicateNote, lang: Lang = 'vi'): string {
  return render(duplicateRef(note), lang);
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

export const VERDICT_LABELS: Record<RowStatus, string> = {
  eligible: 'Đủ điều kiện',
  'not-eligible': 'Chưa đủ điều kiện',
  error: 'Không đọc được tệp',
};

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
  const wanted = new Map<string, ColumnId>();
  for (const column of COLUMNS) {
    for (const header of [column.header, ...('formerHeaders' in column ? column.formerHeaders : [])]) wanted.set(foldText(header), column.id);
  }
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
