/**
 * `fill-subordinates` through ExcelJS (the CLI and the standalone page; no `fs`, browser-safe): the
 * đảng bộ's workbook is loaded whole, its grids planned by the host-neutral planner
 * (planSubordinateFill), and only the planned cells are written into a NEW workbook; the input
 * bytes are never changed. Like `fix-encoding`, it tells which parts of the workbook the rewrite
 * does not carry (lostParts: charts, pivot tables …) so the caller can say so first.
 */
import ExcelJS from 'exceljs';
import { planSubordinateFill, type CellWrite, type ChiBoInput, type FillOptions, type FillOutcome } from '../../workbook/fillSubordinates';
import { loadForRewrite, partsLostBy, workbookParts, type LostPart } from './fix';
import type { InflateRawSync, ZipLimits } from './zip';

export interface FillFileOptions extends FillOptions {
  limits?: Partial<ZipLimits>;
  /** A synchronous inflater for the zip checks (Node passes zlib's): every part is then checked. */
  inflateRaw?: InflateRawSync;
}

export type FillSkipReason = 'formula' | 'missing';

export interface FillFileResult {
  outcome: FillOutcome;
  /** Planned cells not written: a formula (its result is what the plan saw), a merged cell. */
  skipped: { write: CellWrite; reason: FillSkipReason }[];
  /** What the rewritten file lacks compared with the input (empty when nothing was written). */
  lost: LostPart[];
  /** The input's part kinds (charts, pivot tables …). */
  inputParts: { id: string; label: string; parts: string[] }[];
  /** The new workbook's bytes; null when there was nothing to write (or the plan failed). */
  output: Uint8Array | null;
}

function isFormula(value: unknown): boolean {
  return value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value);
}

/** A cell new to the table takes the look of its neighbour (left for a header, above for a row). */
function styleLike(cell: ExcelJS.Cell, model: ExcelJS.Cell | null, text: boolean): void {
  const style: Partial<ExcelJS.Style> = model && model.style ? { ...model.style } : {};
  if (text) style.numFmt = '@';
  if (Object.keys(style).length > 0) cell.style = style as ExcelJS.Style;
}

/**
 * Plans and writes the filled copy of a đảng bộ's workbook. Throws WorkbookReadError (Vietnamese
 * message) when the đảng bộ's bytes are not a readable `.xlsx`; the chi bộ arrive as grids, read by
 * the caller (an unreadable chi bộ file is the caller's to report).
 */
export async function fillSubordinatesXlsx(
  dangBo: ArrayBuffer | Uint8Array,
  chiBo: readonly ChiBoInput[],
  options: FillFileOptions,
): Promise<FillFileResult> {
  const { workbook, sheets, inputNames } = await loadForRewrite(dangBo, options);
  const outcome = planSubordinateFill(sheets, chiBo, options);
  const result: FillFileResult = { outcome, skipped: [], lost: [], inputParts: workbookParts(inputNames), output: null };
  if (!outcome.ok || outcome.plan.writes.length === 0) return result;
  const worksheet = workbook.getWorksheet(outcome.plan.sheet);
  if (!worksheet) return result;

  const plan = outcome.plan;
  const addedRows = new Set(plan.added.map((row) => row.row - 1));
  const addedCols = new Set(plan.writes.filter((write) => write.what === 'header').map((write) => write.col));
  let written = 0;
  for (const write of outcome.plan.writes) {
    const cell = worksheet.getCell(write.row + 1, write.col + 1);
    if (cell.type === ExcelJS.ValueType.Merge) {
      result.skipped.push({ write, reason: 'missing' });
      continue;
    }
    if (isFormula(cell.value)) {
      result.skipped.push({ write, reason: 'formula' });
      continue;
    }
    // Cells of an added column look like their left neighbour, cells of an added row like the
    // cell above; cells the table already had keep their own format.
    if (addedCols.has(write.col)) styleLike(cell, write.col > 0 ? worksheet.getCell(write.row + 1, write.col) : null, write.text);
    else if (addedRows.has(write.row)) styleLike(cell, write.row > 0 ? worksheet.getCell(write.row, write.col + 1) : null, write.text);
    cell.value = write.after;
    written += 1;
  }
  if (written === 0) return result;
  for (const column of outcome.plan.addedColumns) {
    const col = worksheet.getColumn(column.cell.replace(/\d+$/, ''));
    if (!col.width || col.width < 30) col.width = 34;
  }
  const output = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  result.output = output;
  result.lost = partsLostBy(inputNames, output);
  return result;
}
