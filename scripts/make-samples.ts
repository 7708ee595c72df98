/**
 * Regenerates samples/chi-bo-mau.xlsx and samples/dang-bo-mau.xlsx: workbooks as `bontot template`
 * makes them, filled in with a realistic (invented) year of a chi bộ and of a đảng bộ cơ sở. Each
 * carries a few real problems for the checker to find. Deterministic: same data on every run.
 *
 *   node -r ts-node/register/transpile-only scripts/make-samples.ts [OUTDIR]
 */
import { mkdirSync } from 'fs';
import { join } from 'path';
import { writeWorkbookFile } from '../src/hosts/xlsx/node';
import { templateLayouts } from '../src/workbook/layout/templateLayouts';
import { chiBoSpec, dangBoSpec } from './sampleData';
import { fillTemplate } from './sampleLayouts';

/** Fixed document date, so the files' properties do not change between runs. */
const TIMESTAMP = new Date(Date.UTC(2026, 0, 5, 8, 0, 0));

/**
 * Chi bộ Khu phố 3 (phường Bến Thành), a chi bộ trực thuộc (counted apart from the target), 15
 * members (one exempt), twelve monthly meetings of which four combined with a thematic one — the
 * September one written on two rows of the same date (Thường kỳ and Chuyên đề), read as one
 * combined session — plus a stand-alone thematic meeting on 19/05. Problems: one member absent
 * without reason in July (K), the August meeting lasted 75 minutes (needs 90), April
 * self-assessed "Trung bình" and October attended by 11 of 14 (warnings).
 */
export const CHI_BO_SAMPLE = chiBoSpec({
  seed: 2025_03,
  name: 'Chi bộ Khu phố 3',
  kindLabel: 'Chi bộ trực thuộc',
  type: 'dia-ban',
  superior: 'Đảng ủy phường Bến Thành',
  standaloneThematic: true,
  splitCombinedMonth: 9,
  problems: { unexcusedAbsence: true, shortMeeting: true, selfLow: true, lowAttendanceMeeting: true },
});

/**
 * Đảng bộ Công ty Cổ phần Cơ khí Minh Phát, seven chi bộ trực thuộc. Problems: criterion 1.2
 * self-scored at 90 % (needs 95 %), one chi bộ not yet rated.
 */
export const DANG_BO_SAMPLE = dangBoSpec({
  seed: 2025_07,
  name: 'Đảng bộ Công ty Cổ phần Cơ khí Minh Phát',
  type: 'doanh-nghiep',
  problems: { lowCriterion: true, missingRating: true },
});

export async function makeSamples(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const chiBo = join(outDir, 'chi-bo-mau.xlsx');
  const chiBoTemplate = templateLayouts({ kind: 'chi-bo', level: 'truc-thuoc', type: 'dia-ban', year: 2025, name: CHI_BO_SAMPLE.info.name });
  await writeWorkbookFile(fillTemplate(CHI_BO_SAMPLE, chiBoTemplate), chiBo, {
    kind: 'template',
    title: 'Sổ tính mẫu: chi bộ',
    timestamp: TIMESTAMP,
  });
  const dangBo = join(outDir, 'dang-bo-mau.xlsx');
  const dangBoTemplate = templateLayouts({ kind: 'dang-bo', level: 'co-so', type: 'doanh-nghiep', year: 2025, name: DANG_BO_SAMPLE.info.name });
  await writeWorkbookFile(fillTemplate(DANG_BO_SAMPLE, dangBoTemplate), dangBo, {
    kind: 'template',
    title: 'Sổ tính mẫu: đảng bộ cơ sở',
    timestamp: TIMESTAMP,
  });
  return [chiBo, dangBo];
}

if (require.main === module) {
  const outDir = process.argv[2] ?? join(__dirname, '..', 'samples');
  makeSamples(outDir).then(
    (files) => process.stdout.write(`Đã tạo: ${files.join(', ')}\n`),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
