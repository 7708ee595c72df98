/**
 * The documents the render test prints: the sample's `Tổng hợp`, the consolidation of both samples
 * (issued by a đảng ủy) and a new chi bộ template, written as the product writes them.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { readWorkbookBuffer, writeWorkbookFile } from '../../src/hosts/xlsx/node';
import { defaultPolicy } from '../../src/core/policy';
import { checkWorkbook } from '../../src/workbook/check';
import { Consolidation, rowFromCheck } from '../../src/workbook/consolidate';
import { consolidationLayout } from '../../src/workbook/layout/consolidation';
import { summaryLayout } from '../../src/workbook/layout/summary';
import { templateLayouts } from '../../src/workbook/layout/templateLayouts';
import type { SheetLayout } from '../../src/workbook/types';

export const ROOT = join(__dirname, '..', '..');
export const AS_OF = '2026-01-15';
export const ISSUER = 'Đảng ủy phường Bến Thành';

export interface WrittenDocuments {
  summary: string;
  consolidation: string;
  /** One file per visible template sheet (its sheet alone, plus the hidden list sheet). */
  template: { sheet: string; file: string }[];
}

export async function writeDocuments(dir: string): Promise<WrittenDocuments> {
  const samples = ['chi-bo-mau.xlsx', 'dang-bo-mau.xlsx'];
  const results = [];
  for (const sample of samples) {
    const sheets = await readWorkbookBuffer(readFileSync(join(ROOT, 'samples', sample)));
    results.push(checkWorkbook(sheets, { asOf: AS_OF }));
  }
  const summary = join(dir, 'tong-hop.xlsx');
  await writeWorkbookFile([summaryLayout(results[0]!)], summary, { kind: 'tong-hop', title: 'Tổng hợp' });

  const consolidationRows = new Consolidation();
  results.forEach((result, index) => consolidationRows.add(rowFromCheck(samples[index]!, result), samples[index]!));
  const consolidation = join(dir, 'tong-hop-to-chuc.xlsx');
  await writeWorkbookFile([consolidationLayout(consolidationRows.rows, { asOf: AS_OF, policy: defaultPolicy(), issuer: ISSUER })], consolidation, {
    kind: 'consolidation',
    title: 'Danh sách tổ chức',
  });

  const layouts = templateLayouts({ kind: 'chi-bo', level: 'co-so', type: 'dia-ban', year: 2025, name: 'Chi bộ Khu phố 3' });
  const hidden = layouts.filter((layout) => layout.hidden);
  const template: { sheet: string; file: string }[] = [];
  for (const [index, layout] of layouts.entries()) {
    if (layout.hidden) continue;
    const file = join(dir, `mau-${index + 1}.xlsx`);
    await writeWorkbookFile([layout, ...hidden] as SheetLayout[], file, { kind: 'template', title: layout.name });
    template.push({ sheet: layout.name, file });
  }
  writeFileSync(join(dir, 'documents.json'), JSON.stringify({ summary, consolidation, template }, null, 2));
  return { summary, consolidation, template };
}
