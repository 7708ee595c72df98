/**
 * Legacy Vietnamese encodings (TCVN3, VNI) at the workbook level: one scan that every host shares.
 *
 * - `scanLegacyEncoding(sheets)` is the first pass over the workbook's text cells: it runs the
 *   converter's detection once per distinct text, counts the flagged cells per encoding and keeps
 *   the answers. Its `detect(text)` is what the reader (LEGACY_ENCODING warnings, matching the
 *   converted label) and `planLegacyFix` (what to convert) both ask, so a warning and a conversion
 *   always agree.
 * - `planLegacyFix(sheets)` lists the cells to convert, for `bontot fix-encoding` (ExcelJS) and the
 *   task pane's "Chuyển mã sang Unicode" (Office.js).
 *
 * Two workbook-level refinements over cell-by-cell detection:
 * - `prefer`: the encoding most flagged cells are in settles a text that reads equally well in
 *   TCVN3 and in VNI (what the converter's author recommends). Detection runs with TCVN3 first; a
 *   text flagged TCVN3 is asked again only when the workbook turns out to be mostly VNI.
 * - In a workbook that has legacy text, a short label the converter cannot tell on its own (TCVN3
 *   "Cã" = "Có" has 2 characters of evidence, VNI "Toát" = "Tốt" is also a Unicode word) is taken
 *   as legacy when it is no label or header of the template as it stands but is one once
 *   converted with the workbook's encoding. A Unicode workbook never gets this reading.
 *
 * Sheets the product generated (marker) and the backup copies the task pane makes ("… (bản gốc)")
 * are left out of the scan and of the plan.
 */
import { msg, type Message } from '../core/messages';
import '../core/messages/viIssues';
import {
  convertFromTcvn3,
  convertFromVni,
  detectLegacyEncoding,
  mayBeLegacyNfc,
  type LegacyDetection,
  type LegacyEncodingName,
} from '../core/legacyEncoding';
import { defaultPolicy, describeKey, policyToEntries } from '../core/policy';
import { cellText } from '../core/text';
import type { Parsed } from '../core/types';
import {
  MEETING_KIND_LABELS,
  ORG_TYPE_LABELS,
  RATING_LABELS,
  SELF_ASSESSMENT_LABELS,
  parseMark,
  parseMeetingKind,
  parseOrgKind,
  parseOrgType,
  parseRating,
  parseSelfAssessment,
  parseYesNo,
} from '../core/vocabulary';
import { a1 } from './a1';
import { findMarker } from './generated';
import { INFO_ITEMS, SHEET_DEFS, columnsNamedBy, type ColumnDef } from './layout/template';
import type { SheetGrid } from './types';

/** Every TCVN3 and VNI code is in U+00A1–U+00FF: a text without one is never legacy. */
const LATIN1_HIGH = /[\u00a1-\u00ff]/;

/** Whether a text has a character a legacy font code can be (U+00A1–U+00FF). */
export function mayBeLegacy(text: string): boolean {
  return LATIN1_HIGH.test(text);
}

/**
 * Whether a raw value has a character in U+00A1–U+00FF or a combining mark that composes into one
 * (NFD text): the quick test on raw values. A loop, not a regex: the first pass asks it of every
 * string cell of the workbook, most of them one or two characters ("C", "P"), where a call into
 * the regex engine costs more than the look at each character (one loop for every length keeps
 * the task pane's first script small).
 */
function mayBeCandidate(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xa1 && (code <= 0xff || (code >= 0x300 && code <= 0x36f))) return true;
  }
  return false;
}

/** The text a cell is matched by (cellText composed to NFC), or null when it cannot be legacy. */
export function legacyCandidate(value: unknown): string | null {
  if (typeof value !== 'string' || !mayBeCandidate(value)) return null;
  const text = cellText(value);
  if (text === null) return null;
  const nfc = text.normalize('NFC');
  return LATIN1_HIGH.test(nfc) ? nfc : null;
}

/** Font names, as the user knows them, for the messages. */
export const LEGACY_ENCODING_LABELS: Record<LegacyEncodingName, string> = {
  TCVN3: 'TCVN3 (ABC)',
  VNI: 'VNI (VNI-Times)',
};

/** The LEGACY_ENCODING message: what was found, the Unicode text, what to do. */
export function legacyEncodingMessage(encoding: LegacyEncodingName, before: string, after: string): Message {
  return msg('LEGACY_ENCODING', { encoding: LEGACY_ENCODING_LABELS[encoding], before, after });
}

// ---------------------------------------------------------------- backup copies

/** The suffix of the copies the task pane keeps of each sheet it converts. */
export const BACKUP_SUFFIX = 'bản gốc';
const BACKUP_NAME = /\(bản gốc(?: \d+)?\)$/u;

/** True for "Đảng viên (bản gốc)", "Đảng viên (bản gốc 2)" …: the originals kept by a conversion. */
export function isBackupSheetName(name: string): boolean {
  return BACKUP_NAME.test(name.normalize('NFC').trim());
}

/** Excel's limit on sheet names. */
const MAX_SHEET_NAME = 31;

/**
 * The name of the copy of `sheet` that keeps its original text: "Đảng viên (bản gốc)", else
 * "(bản gốc 2)" … — the first one not in `taken` (compared as Excel does, case-insensitively),
 * with the sheet's own name shortened when the whole would pass Excel's 31 characters.
 */
export function backupSheetName(sheet: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((name) => name.normalize('NFC').toLocaleLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = ` (${BACKUP_SUFFIX}${n === 1 ? '' : ` ${n}`})`;
    const base = [...sheet.normalize('NFC')]
      .slice(0, Math.max(1, MAX_SHEET_NAME - suffix.length))
      .join('')
      .trimEnd();
    const name = `${base}${suffix}`;
    if (!used.has(name.toLocaleLowerCase())) return name;
  }
}

// ---------------------------------------------------------------- the scan

/** The template's vocabularies: a text that is a label of one of them (as typed). */
const VOCABULARIES: readonly ((text: string) => Parsed<unknown>)[] = [
  parseRating,
  parseYesNo,
  parseMeetingKind,
  parseSelfAssessment,
  parseMark,
  parseOrgKind,
  parseOrgType,
];

/** The template's column headers and `Thông tin` items, with their aliases. */
const HEADERS: readonly Pick<ColumnDef, 'header' | 'aliases'>[] = [
  ...Object.values(SHEET_DEFS).flatMap((sheet) => sheet.columns),
  ...INFO_ITEMS.map((item) => ({ header: item.label, aliases: item.aliases })),
];

/** A label of the template's vocabularies or one of its headers ("Mã" is "M·" in TCVN3). */
function isLabel(text: string): boolean {
  return VOCABULARIES.some((parse) => parse(text).ok) || columnsNamedBy(text, HEADERS).length > 0;
}

/** Letters, digits, spaces and ordinary punctuation: what a label typed in Unicode is made of. */
const PLAIN_TEXT = /^[\p{L}\p{M}\p{N}\s.,;:()/'"–-]*$/u;

/**
 * A label as it stands. Labels are matched loosely (case, diacritics and punctuation aside), so
 * TCVN3 "M·" ("Mã") would match the mark "M": a text with a symbol no label has (·, ¸, §, ¶ …
 * are TCVN3 letters) is not taken as a label as it stands.
 */
function isProperLabel(text: string): boolean {
  return PLAIN_TEXT.test(text) && isLabel(text);
}

const CONVERTERS: Record<LegacyEncodingName, (text: string) => string> = {
  TCVN3: convertFromTcvn3,
  VNI: convertFromVni,
};

export interface LegacyScan {
  /** Cells flagged by the first pass, per encoding. */
  readonly counts: Readonly<Record<LegacyEncodingName, number>>;
  /** The encoding most flagged cells are in (TCVN3 on a tie or when none is). */
  readonly prefer: LegacyEncodingName;
  /** Whether the workbook has legacy text at all (some cell flagged by the first pass). */
  readonly hasLegacy: boolean;
  /** The answer for one cell text (NFC, as `legacyCandidate` gives it); null for Unicode. */
  detect(text: string): LegacyDetection | null;
  /**
   * The text of a string value the scan read (trimmed, NFC; null when blank) when the workbook has
   * no legacy text, so that the reader needs no second look at it; undefined when not known.
   */
  textOf(value: string): string | null | undefined;
}

/**
 * The texts the product itself writes into the workbooks it makes (headers, `Thông tin` items, the
 * policy sheet's descriptions; not the seed's criteria, which would put the whole criteria seed into
 * the task pane's first script — taskpane_initial_kb), as the scan sees them (trimmed, NFC). All are
 * Unicode, and detection says so (a test asserts it), so the first pass needs not run it on them:
 * a consolidation reads hundreds of workbooks that repeat these ~100 texts, some of them long.
 * A constant table, made once: nothing a workbook holds changes it.
 */
export const PRODUCT_TEXTS: ReadonlySet<string> = new Set(
  [
    ...HEADERS.flatMap((column) => [column.header, ...(column.aliases ?? [])]),
    ...[RATING_LABELS, MEETING_KIND_LABELS, SELF_ASSESSMENT_LABELS, ORG_TYPE_LABELS].flatMap((labels) => Object.values(labels)),
    ...policyToEntries(defaultPolicy()).flatMap((entry) => {
      const described = describeKey(entry.key);
      return described ? [described.label, described.source] : [];
    }),
  ].flatMap((text) => {
    const found = cellText(text);
    return found === null ? [] : [found.normalize('NFC')];
  }),
);

class Scan implements LegacyScan {
  readonly counts: Record<LegacyEncodingName, number> = { TCVN3: 0, VNI: 0 };
  prefer: LegacyEncodingName = 'TCVN3';
  hasLegacy = false;
  /** First-pass answers (prefer TCVN3), by text. */
  private readonly first = new Map<string, LegacyDetection | null>();
  /**
   * What the first pass found for each string value it read, by raw value: its text when not
   * flagged (null when blank), else the detection. A large workbook repeats its labels (Không,
   * ratings) and each name thousands of times; a repeat then needs neither cellText nor NFC.
   */
  private readonly values = new Map<string, string | null | LegacyDetection>();

  /** The first pass over one string value (as `legacyCandidate` then `firstPass`). */
  readValue(value: string): LegacyDetection | null {
    let known = this.values.get(value);
    if (known === undefined) {
      const text = cellText(value);
      const nfc = text === null ? null : text.normalize('NFC');
      // Most texts (every Unicode name) are settled by the detection's exact pre-filter, faster
      // than a map, and do not fill `first`. (A text without a U+00A1–U+00FF character never passes it.)
      known = nfc === null ? null : mayBeLegacyNfc(nfc) ? (this.firstPass(nfc) ?? nfc) : nfc;
      this.values.set(value, known);
    }
    return known === null || typeof known === 'string' ? null : known;
  }

  textOf(value: string): string | null | undefined {
    // With legacy text, a text the first pass let through may still be a legacy label (asLabel).
    if (this.hasLegacy) return undefined;
    const known = this.values.get(value);
    return known === undefined || known === null || typeof known === 'string' ? known : undefined;
  }
  /** Final answers, by text. */
  private readonly final = new Map<string, LegacyDetection | null>();

  firstPass(text: string): LegacyDetection | null {
    let found = this.first.get(text);
    if (found === undefined) {
      found = PRODUCT_TEXTS.has(text) ? null : detectLegacyEncoding(text);
      this.first.set(text, found);
    }
    return found;
  }

  finish(): void {
    this.hasLegacy = this.counts.TCVN3 + this.counts.VNI > 0;
    this.prefer = this.counts.VNI > this.counts.TCVN3 ? 'VNI' : 'TCVN3';
  }

  detect(text: string): LegacyDetection | null {
    // In a workbook without legacy text the answer is the first pass's (TCVN3 preferred, no
    // reading as a label): no second map to fill for each of its thousands of names.
    if (!this.hasLegacy) return this.firstPass(text);
    const known = this.final.get(text);
    if (known !== undefined) return known;
    let found = this.firstPass(text);
    if (found !== null && found.encoding !== this.prefer) {
      // A TCVN3 reading may only have won the tie the first pass settled for TCVN3.
      found = detectLegacyEncoding(text, { prefer: this.prefer });
    }
    if (found === null && this.hasLegacy) found = this.asLabel(text);
    this.final.set(text, found);
    return found;
  }

  /** A label typed in the workbook's legacy encoding that detection alone cannot tell. */
  private asLabel(text: string): LegacyDetection | null {
    const converted = CONVERTERS[this.prefer](text);
    if (converted === text || isProperLabel(text) || !isLabel(converted)) return null;
    return { encoding: this.prefer, unicode: converted };
  }
}

/** Sheets that hold the user's own text: not generated by the product, not a kept original. */
function userSheets(sheets: readonly SheetGrid[]): SheetGrid[] {
  return sheets.filter((grid) => !isBackupSheetName(grid.name) && findMarker(grid) === null);
}

/**
 * The first pass: detection once per distinct text of the sheets' text cells (generated sheets
 * and kept originals left out), the flagged cells counted per encoding.
 */
export function scanLegacyEncoding(sheets: readonly SheetGrid[]): LegacyScan {
  const scan = new Scan();
  for (const grid of userSheets(sheets)) {
    const rows = grid.values;
    // The last string of each column and its answer: a column repeats its label (Không, a rating)
    // row after row, and a comparison costs less than the candidate test and the map look-up.
    const lastValue: (string | undefined)[] = [];
    const lastFound: (LegacyDetection | null)[] = [];
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as readonly unknown[];
      for (let c = 0; c < row.length; c++) {
        const value = row[c];
        // One character below U+00A1 (the marks C, P, K of the attendance matrix): no candidate.
        if (typeof value !== 'string' || (value.length === 1 && value.charCodeAt(0) < 0xa1)) continue;
        let found: LegacyDetection | null;
        if (value === lastValue[c]) found = lastFound[c] as LegacyDetection | null;
        else {
          found = mayBeCandidate(value) ? scan.readValue(value) : null;
          lastValue[c] = value;
          lastFound[c] = found;
        }
        if (found) scan.counts[found.encoding] += 1;
      }
    }
  }
  scan.finish();
  return scan;
}

// ---------------------------------------------------------------- the plan

export interface LegacyFix {
  sheet: string;
  /** A1 address on the sheet. */
  cell: string;
  /** The cell's value as it is (a string). */
  before: string;
  /** The value to write: the converted text, with the cell's surrounding spaces kept. */
  after: string;
  encoding: LegacyEncodingName;
}

/**
 * The cells to convert: every text cell the scan flags, in sheet order then row by row, on the
 * user's sheets (generated sheets and kept originals left out). Only string values are looked at:
 * numbers, dates and booleans never change. A host writing the plan must still leave formula
 * cells alone (a grid holds their results, not their formulas).
 */
export function planLegacyFix(sheets: readonly SheetGrid[], scan: LegacyScan = scanLegacyEncoding(sheets)): LegacyFix[] {
  const fixes: LegacyFix[] = [];
  for (const grid of userSheets(sheets)) {
    grid.values.forEach((row, r) => {
      row.forEach((value, c) => {
        const text = legacyCandidate(value);
        if (text === null) return;
        const found = scan.detect(text);
        if (!found) return;
        const raw = value as string;
        const lead = /^[\s\u00a0]*/.exec(raw)?.[0] ?? '';
        const trail = /[\s\u00a0]*$/.exec(raw)?.[0] ?? '';
        fixes.push({
          sheet: grid.name,
          cell: a1(grid.originRow + r, grid.originCol + c),
          before: raw,
          after: `${lead}${found.unicode}${trail}`,
          encoding: found.encoding,
        });
      });
    });
  }
  return fixes;
}

export interface LegacySheetCount {
  sheet: string;
  cells: number;
  /** Cells per encoding. */
  encodings: Record<LegacyEncodingName, number>;
}

/** How many cells a plan converts on each sheet, in the plan's sheet order. */
export function countBySheet(fixes: readonly LegacyFix[]): LegacySheetCount[] {
  const counts = new Map<string, LegacySheetCount>();
  for (const fix of fixes) {
    let entry = counts.get(fix.sheet);
    if (!entry) {
      entry = { sheet: fix.sheet, cells: 0, encodings: { TCVN3: 0, VNI: 0 } };
      counts.set(fix.sheet, entry);
    }
    entry.cells += 1;
    entry.encodings[fix.encoding] += 1;
  }
  return [...counts.values()];
}

/** "TCVN3 (ABC)", "VNI (VNI-Times)" or both, for a count. */
export function encodingsLabel(encodings: Record<LegacyEncodingName, number>): string {
  return (Object.keys(encodings) as LegacyEncodingName[])
    .filter((name) => encodings[name] > 0)
    .map((name) => LEGACY_ENCODING_LABELS[name])
    .join(' và ');
}

// ---------------------------------------------------------------- fonts

/**
 * Legacy fonts draw TCVN3/VNI codes as Vietnamese letters: Unicode text left in such a font shows
 * as garbage again. The Unicode font that takes the place of a legacy font, or null when `name` is
 * not a legacy font (".VnTime", ".VnTimeH", ".VnArial", "VNI-Times", "VNI-Helve", "VNtimes new roman" …).
 */
export function unicodeFontFor(name: string | null | undefined): string | null {
  if (!name) return null;
  const key = name.trim().toLowerCase();
  const legacy = /^\.vn/.test(key) || /^vni[-_ ]/.test(key) || /^vn[a-z]/.test(key);
  if (!legacy) return null;
  if (/arial|helve|swiss|univers|avant|sans/.test(key)) return 'Arial';
  if (/courier|mono/.test(key)) return 'Courier New';
  return 'Times New Roman';
}
