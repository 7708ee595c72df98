/**
 * Issue 17 in the Excel pane (Chromium, the built page, the in-memory Office.js fake): verdicts that
 * hold on the way clerks really type. Each workbook is put into the fake as a clerk would have typed
 * it, the pane's check runs, and the verdict, the reasons and the data issues it shows — with their
 * sheet and cell — are what SPEC (amended, section 7) says:
 * - a combined session written on two rows of one date (Thường kỳ 90 min + Chuyên đề 40 min) is one
 *   Kết hợp session: eligible; 90 + 20 min is one DURATION_SHORT at the Thường kỳ row;
 * - "Không vi phạm" in `Kỷ luật` is no discipline: eligible, no DISCIPLINE;
 * - a self-score above its maximum is SCORE_INVALID at its cell and DATA_INVALID, without a
 *   made-up CRITERION_LOW.
 */
import type { Page } from 'playwright-core';
import type { FakeSheetInit } from '../fakes/office';
import type { SheetGrid } from '../../src/workbook/types';
import { validChiBo, type Cell, type ChiBoSpec, type MeetingSpec } from '../workbook/grids';
import { clickForStatus, showTab } from './excelPage';
import { useExcelHarness } from './pageHarness';

jest.setTimeout(120_000);

const excel = useExcelHarness();

const sheetsOf = (grids: SheetGrid[]): FakeSheetInit[] => grids.map((grid) => ({ name: grid.name, values: grid.values }));

/** March's combined meeting (Sinh hoạt row 4) written as Thường kỳ 90 min (row 4) + Chuyên đề (row 5), one Điểm danh column. */
function splitMarch(spec: ChiBoSpec, thematicMinutes: number): void {
  const march = spec.meetings[2] as MeetingSpec;
  march.kind = 'Thường kỳ';
  march.minutes = 90;
  spec.meetings.splice(3, 0, { ...march, kind: 'Chuyên đề', minutes: thematicMinutes, speakers: 5, noColumn: true });
  for (const row of spec.marks) row.splice(3, 0, row[2] as Cell);
}

interface Shown {
  eligible: string | null;
  reasons: string[];
  issues: string[];
}

/** Opens the pane on the workbook, runs the check and reads what it shows ("CODE Sheet!Cell"). */
async function checkInPane(grids: SheetGrid[]): Promise<Shown> {
  const session = await excel.open(sheetsOf(grids));
  const page: Page = session.page;
  await showTab(page, 'check');
  const { key } = await clickForStatus(page, '[data-testid="check-run"]', ['check.done', 'check.failed']);
  expect(key).toBe('check.done');
  const places = (id: 'reason' | 'issue'): Promise<string[]> =>
    page.evaluate(
      (testid) =>
        [...document.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`)].map(
          (node) => `${node.dataset.code ?? ''} ${node.dataset.sheet ?? '-'}!${node.dataset.cell ?? '-'}`,
        ),
      id,
    );
  return {
    eligible: await page.locator('[data-testid="verdict"]').getAttribute('data-eligible'),
    reasons: await places('reason'),
    issues: await places('issue'),
  };
}

test('a combined session on two rows of one date is one Kết hợp session (Thường kỳ 90 + Chuyên đề 40 min): eligible', async () => {
  const shown = await checkInPane(validChiBo((spec) => splitMarch(spec, 40)));
  expect(shown).toEqual({ eligible: 'true', reasons: [], issues: [] });
});

test('the same session at 90 + 20 min: one DURATION_SHORT, at the Thường kỳ row', async () => {
  const shown = await checkInPane(validChiBo((spec) => splitMarch(spec, 20)));
  expect(shown).toEqual({ eligible: 'false', reasons: ['DURATION_SHORT Sinh hoạt!I4'], issues: [] });
});

test('"Không vi phạm" in Kỷ luật is no discipline: eligible, no DISCIPLINE', async () => {
  const shown = await checkInPane(
    validChiBo((spec) => {
      spec.members[5]!.discipline = 'Không vi phạm';
      spec.members[6]!.discipline = 'Không có kỷ luật';
    }),
  );
  expect(shown).toEqual({ eligible: 'true', reasons: [], issues: [] });
});

test('a self-score above its maximum: SCORE_INVALID at its cell and DATA_INVALID, without a made-up CRITERION_LOW', async () => {
  let cell = '';
  const grids = validChiBo((spec) => {
    // The first sub-item of 1.2 scored one point above its maximum.
    const index = spec.criteria.findIndex((c) => typeof c.code === 'string' && c.code.startsWith('1.2.'));
    const row = spec.criteria[index]!;
    row.self = (row.max as number) + 1;
    cell = `D${index + 2}`;
  });
  const shown = await checkInPane(grids);
  expect(shown).toEqual({ eligible: 'false', reasons: ['DATA_INVALID -!-'], issues: [`SCORE_INVALID Tiêu chí!${cell}`] });
});
