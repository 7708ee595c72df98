/**
 * The texts of one workbook's cells, in one place: `labelText`, the seam every text cell passes
 * through (trim, NFC, TCVN3/VNI → Unicode), and `CellTexts`, the per-workbook cache of every
 * answer the reader derives from a text. A large workbook repeats a few strings (marks, ratings,
 * Có/Không, Kỷ luật "Không") and each name thousands of times, so each answer is kept by text; the
 * cache is made by each readWorkbook call and dropped with it (no module state: nothing outlives a
 * workbook, nothing one workbook read can change how another is read).
 */
import { parseDiscipline, type DisciplineReading } from '../../core/discipline';
import { detectLegacyEncoding, type LegacyDetection } from '../../core/legacyEncoding';
import '../../core/messages/viIssues';
import { cellText } from '../../core/text';
import type { Issue, Parsed } from '../../core/types';
import { isNotYetRated } from '../../core/vocabulary';
import { legacyEncodingMessage, mayBeLegacy, scanLegacyEncoding, type LegacyScan } from '../legacyFix';
import type { SheetGrid } from '../types';

/** Where a cell is, for issues raised while reading its text. */
export interface CellRef {
  sheet: string;
  cell: string;
}

/**
 * The single function every text cell passes through before it is parsed or matched (labels,
 * headers, names, codes): trims, blanks (cellText) and composes to NFC. Text typed in TCVN3 or
 * VNI fonts comes out converted to Unicode, so that it matches ("Hoµn thµnh tèt nhiÖm vô" reads as
 * HTTNV), with a LEGACY_ENCODING warning pushed to `issues` that offers the Unicode text (none when
 * `issues` is null: a look that reads no data, such as the header search). With a workbook's
 * `legacy` texts (CellTexts) the detection is the workbook's (preferred encoding, labels, one detection per
 * distinct text) and each cell is warned about once; without it the cell is judged alone.
 */
export function labelText(value: unknown, at: CellRef, issues: Issue[] | null, legacy?: CellTexts): string | null {
  const text = cellText(value);
  if (text === null) return null;
  const nfc = text.normalize('NFC');
  // Numbers, dates and ASCII text are never legacy (every legacy code is in U+00A1–U+00FF).
  if (typeof value !== 'string' || !mayBeLegacy(nfc)) return nfc;
  const found = legacy ? legacy.scan.detect(nfc) : detectLegacyEncoding(nfc);
  if (!found) return nfc;
  const key = `${at.sheet}!${at.cell}`;
  if (issues && !legacy?.warned.has(key)) {
    legacy?.warned.add(key);
    issues.push({
      severity: 'warning',
      sheet: at.sheet,
      cell: at.cell,
      code: 'LEGACY_ENCODING',
      ...legacyEncodingMessage(found.encoding, nfc, found.unicode),
    });
  }
  return found.unicode;
}

/** Bounds of the maps (a workbook of free text in a label column must not grow them without end). */
const MAX_LABELS = 10_000;
const MAX_READINGS = 1000;

/**
 * One function's answers by text, at most `limit` of them. The last text asked is answered first,
 * without a map look-up: a column asks the same label, rating or Kỷ luật text row after row.
 */
class TextAnswers<V> {
  private readonly byText = new Map<string, V>();
  private lastText: string | null = null;
  private last: V | undefined;

  constructor(
    private readonly answer: (text: string) => V,
    private readonly limit: number,
  ) {}

  get(text: string): V {
    if (text === this.lastText) return this.last as V;
    let value = this.byText.get(text);
    if (value === undefined) {
      value = this.answer(text);
      if (this.byText.size < this.limit) this.byText.set(text, value);
    }
    this.lastText = text;
    this.last = value;
    return value;
  }
}

/**
 * One workbook's text cache, made by readWorkbook and handed to every sheet view (and so to every
 * cell reader): the first pass over the text cells (legacy encodings), the cells already warned
 * about, and the answers by text — the text of a raw string, each vocabulary parser's reading,
 * "not rated yet", the Kỷ luật reading.
 */
export class CellTexts {
  /** The cells already warned about as legacy text, `Sheet!A1` (a cell read twice is warned about once). */
  readonly warned = new Set<string>();
  /** labelText of raw string values that are not legacy text (legacy ones get a warning per cell). */
  private readonly texts = new Map<string, string | null>();
  private readonly labels = new Map<(text: string) => Parsed<unknown>, TextAnswers<Parsed<unknown>>>();
  private readonly notYetRatedAnswers = new TextAnswers(isNotYetRated, MAX_READINGS);
  private readonly disciplineAnswers = new TextAnswers(parseDiscipline, MAX_READINGS);

  /** `scan`: the first pass over the workbook's text cells (legacyFix.ts). */
  constructor(readonly scan: LegacyScan) {}

  /** The cache of a workbook: the first pass over the text cells of `sheets`. */
  static of(sheets: readonly SheetGrid[]): CellTexts {
    return new CellTexts(scanLegacyEncoding(sheets));
  }

  /** The known text of a raw string value (null: blank), or undefined when not read yet. */
  known(value: string): string | null | undefined {
    return this.scan.textOf(value) ?? this.texts.get(value);
  }

  /** Keeps the text of a raw string value that is not legacy text. */
  remember(value: string, text: string | null): void {
    this.texts.set(value, text);
  }

  /** The workbook's legacy reading of a text (NFC), or null for Unicode. */
  detect(text: string): LegacyDetection | null {
    return this.scan.detect(text);
  }

  /** `parse(text)`, once per parser and text. */
  parse<T>(parse: (text: string) => Parsed<T>, text: string): Parsed<T> {
    let answers = this.labels.get(parse);
    if (!answers) {
      answers = new TextAnswers<Parsed<unknown>>(parse, MAX_LABELS);
      this.labels.set(parse, answers);
    }
    return answers.get(text) as Parsed<T>;
  }

  /** Whether a rating text says the rating is not given yet ("Chưa xếp loại"); folding each costs. */
  notYetRated(text: string): boolean {
    return this.notYetRatedAnswers.get(text);
  }

  /** What a Kỷ luật text says (the same few words on every row). */
  discipline(text: string): DisciplineReading {
    return this.disciplineAnswers.get(text);
  }
}
