/**
 * The appraisal board's view in Chromium: 18 files (organisations of every kind, two copies of
 * one, two unreadable files, a lower level's consolidation overlapping the others, a `Tổng hợp`
 * file) uploaded through the page's file input. The overview table, the totals and both pictures
 * must give what `bontot consolidate --json` gives for the same files; the cards are collapsed and
 * open from the table; the list prints with its pictures. Then the same files in the Excel pane:
 * the list is written into the open workbook with a native chart drawing the same numbers.
 * Screenshots at 390 and 1280 px go to test/e2e/__screenshots__/ (the README's gallery).
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { chiBoSpec, dangBoSpec, type OrgSpec } from '../../scripts/sampleData';
import { plainLayouts as specLayouts } from '../../scripts/sampleLayouts';
import { writeWorkbookFile } from '../../src/hosts/xlsx/node';
import { readWorkbookData } from '../../src/hosts/xlsx/exceljs';
import { checkWorkbook } from '../../src/workbook/check';
import { summaryLayout } from '../../src/workbook/layout/summary';
import { clickForStatus, fakeState, showTab } from './excelPage';
import { pickFiles, useBrowserHarness } from './pageHarness';
import { cliConsolidate, OUTPUT, screenshotPath, type ConsolidateJsonDoc } from './support';

jest.setTimeout(180_000);

const AS_OF = '2026-03-01';
const DIR = path.join(OUTPUT, 'board');

const ORGS: [string, OrgSpec][] = [
  ['01-kp1.xlsx', chiBoSpec({ seed: 41, name: 'Chi bộ Khu phố 1', kindLabel: 'Chi bộ trực thuộc' })],
  ['02-kp2.xlsx', chiBoSpec({ seed: 42, name: 'Chi bộ Khu phố 2', kindLabel: 'Chi bộ trực thuộc', problems: { shortMeeting: true } })],
  ['03-kp3.xlsx', chiBoSpec({ seed: 43, name: 'Chi bộ Khu phố 3', kindLabel: 'Chi bộ trực thuộc' })],
  ['04-truong-thcs.xlsx', chiBoSpec({ seed: 44, name: 'Chi bộ Trường THCS Nguyễn Du', type: 'co-quan' })],
  ['05-tram-y-te.xlsx', chiBoSpec({ seed: 45, name: 'Chi bộ Trạm Y tế', problems: { unexcusedAbsence: true } })],
  ['06-ubnd.xlsx', chiBoSpec({ seed: 46, name: 'Chi bộ Cơ quan Ủy ban nhân dân', type: 'co-quan' })],
  ['07-cong-an.xlsx', chiBoSpec({ seed: 47, name: 'Chi bộ Công an phường', type: 'vu-trang', problems: { selfLow: true } })],
  ['08-quan-su.xlsx', chiBoSpec({ seed: 48, name: 'Chi bộ Quân sự phường', type: 'vu-trang', problems: { weakRatings: true } })],
  ['09-cty-minh-phat.xlsx', dangBoSpec({ seed: 49, name: 'Đảng bộ Công ty Cổ phần Minh Phát' })],
  ['10-htx.xlsx', dangBoSpec({ seed: 50, name: 'Đảng bộ Hợp tác xã Thành Công', problems: { lowCriterion: true } })],
  ['11-benh-vien.xlsx', dangBoSpec({ seed: 51, name: 'Đảng bộ Bệnh viện Đa khoa' })],
  ['12-truong-thpt.xlsx', chiBoSpec({ seed: 52, name: 'Chi bộ Trường THPT Lê Lợi', type: 'co-quan' })],
];
const LOWER = ['13-kp4.xlsx', '14-kp5.xlsx'];
const FILES = [
  ...ORGS.map(([file]) => file),
  '15-ban-sao-tram-y-te.xlsx', // a copy of 05
  '16-cap-duoi.xlsx', // a consolidation of 13, 14 and 01 (01 is a duplicate)
  '17-hong.xlsx', // text, not a workbook
  '18-cu.xls', // Excel 97-2003
  '19-kp1.tonghop.xlsx', // a Tổng hợp file: skipped
  '20-ban-sao-truong.XLSX', // a copy of 04, upper-case extension
];

const harness = useBrowserHarness({ officeStandIn: true });
let cli: ConsolidateJsonDoc;

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  for (const [file, spec] of ORGS) await writeWorkbookFile(specLayouts(spec), path.join(DIR, file), { kind: null });
  await writeWorkbookFile(specLayouts(chiBoSpec({ seed: 53, name: 'Chi bộ Khu phố 4', kindLabel: 'Chi bộ trực thuộc' })), path.join(DIR, LOWER[0]!), {
    kind: null,
  });
  await writeWorkbookFile(
    specLayouts(chiBoSpec({ seed: 54, name: 'Chi bộ Khu phố 5', kindLabel: 'Chi bộ trực thuộc', problems: { badNumber: true } })),
    path.join(DIR, LOWER[1]!),
    { kind: null },
  );
  copyFileSync(path.join(DIR, '05-tram-y-te.xlsx'), path.join(DIR, '15-ban-sao-tram-y-te.xlsx'));
  copyFileSync(path.join(DIR, '04-truong-thcs.xlsx'), path.join(DIR, '20-ban-sao-truong.XLSX'));
  writeFileSync(path.join(DIR, '17-hong.xlsx'), 'Đây không phải sổ tính.\n');
  const xls = new Uint8Array(4096);
  xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  writeFileSync(path.join(DIR, '18-cu.xls'), xls);
  const kp1 = await readWorkbookData(readFileSync(path.join(DIR, '01-kp1.xlsx')));
  await writeWorkbookFile([summaryLayout(checkWorkbook(kp1.sheets, { asOf: AS_OF }))], path.join(DIR, '19-kp1.tonghop.xlsx'), {
    kind: 'tong-hop',
    title: 'Tổng hợp',
  });
  await cliConsolidate([...LOWER, '01-kp1.xlsx'], AS_OF, DIR, '16-cap-duoi.xlsx');
  cli = await cliConsolidate(FILES, AS_OF, DIR, path.join('..', 'board-cli.xlsx'));
});

async function openPage(width: number): Promise<Page> {
  const session = await harness.standalone({ width, query: `?asOf=${AS_OF}`, stubPrint: true });
  return session.page;
}

async function uploadAll(page: Page): Promise<void> {
  await pickFiles(page, DIR, FILES, { timeout: 120_000 });
}

interface ShownBoard {
  rows: { file: string; status: string; name: string | null; blocking: string | null }[];
  totals: { eligible: number; organizations: number };
  kinds: Record<string, { eligible: number; organizations: number }>;
  verdictBars: { key: string; eligible: number; organizations: number; text: string }[];
  criteriaBars: { id: string; pass: number; below: number; unknown: number }[];
  svgTitles: string[];
  openCards: number;
  statusText: string;
}

function readBoard(page: Page): Promise<ShownBoard> {
  return page.evaluate(() => {
    const board = document.querySelector('[data-testid="totals"]') as HTMLElement;
    const line = board.querySelector<HTMLElement>('[data-testid="totals-line"]') as HTMLElement;
    const bars = (id: string) => [...board.querySelectorAll<SVGGElement>(`[data-testid="${id}"] [data-testid="chart-bar"]`)];
    return {
      rows: [...board.querySelectorAll<HTMLElement>('[data-testid="board-row"]')].map((r) => ({
        file: r.dataset.file ?? '',
        status: r.dataset.status ?? '',
        name: r.dataset.name ?? null,
        blocking: r.dataset.blocking ?? null,
      })),
      totals: { eligible: Number(line.dataset.eligible), organizations: Number(line.dataset.organizations) },
      kinds: Object.fromEntries(
        [...board.querySelectorAll<HTMLElement>('[data-testid="totals-kind"]')].map((li) => [
          li.dataset.kind,
          { eligible: Number(li.dataset.eligible), organizations: Number(li.dataset.organizations) },
        ]),
      ),
      verdictBars: bars('chart-verdicts').map((g) => ({
        key: g.dataset.key ?? '',
        eligible: Number(g.dataset.eligible),
        organizations: Number(g.dataset.organizations),
        text: g.textContent ?? '',
      })),
      criteriaBars: bars('chart-criteria').map((g) => ({
        id: g.dataset.id ?? '',
        pass: Number(g.dataset.pass),
        below: Number(g.dataset.below),
        unknown: Number(g.dataset.unknown),
      })),
      svgTitles: [...board.querySelectorAll('svg > title')].map((t) => t.textContent ?? ''),
      openCards: [...document.querySelectorAll('.file-card details')].filter((d) => (d as HTMLDetailsElement).open).length,
      statusText: document.querySelector('[data-testid="status"]')?.textContent ?? '',
    };
  });
}

/** The CLI's groups as the page shows them: chi bộ trực thuộc from `subordinate` when the core gives it. */
function cliKinds(): Record<string, { eligible: number; organizations: number }> {
  const kinds = Object.entries(cli.totals.byKind).map(
    ([key, bucket]) => [key, key === 'chi-bo-truc-thuoc' && cli.totals.subordinate ? cli.totals.subordinate : bucket] as const,
  );
  return Object.fromEntries(kinds.filter(([, bucket]) => bucket.organizations > 0));
}

test('18 files: one table, the totals and both pictures equal `bontot consolidate --json`; cards collapsed', async () => {
  const page = await openPage(1280);
  await uploadAll(page);
  const shown = await readBoard(page);

  // The fixtures do what they were made for.
  expect(cli.totals.duplicates).toBe(3);
  expect(cli.totals.unreadable).toBe(2);
  expect(cli.skipped.map((s) => s.file)).toEqual(['19-kp1.tonghop.xlsx']);

  // The table: unreadable, skipped and duplicate lines first, in upload order; then each organisation once, in the CLI's order.
  const problems = shown.rows.filter((r) => ['error', 'skipped', 'duplicate'].includes(r.status));
  expect(shown.rows.slice(0, problems.length)).toEqual(problems);
  expect(problems.map((r) => [r.file, r.status])).toEqual([
    ['15-ban-sao-tram-y-te.xlsx', 'duplicate'],
    ['16-cap-duoi.xlsx', 'duplicate'],
    ['17-hong.xlsx', 'error'],
    ['18-cu.xls', 'error'],
    ['19-kp1.tonghop.xlsx', 'skipped'],
    ['20-ban-sao-truong.XLSX', 'duplicate'],
  ]);
  const counted = shown.rows.slice(problems.length);
  const cliCounted = cli.rows.filter((r) => r.error === undefined);
  expect(counted.map((r) => r.name)).toEqual(cliCounted.map((r) => r.organization?.name ?? null));
  expect(counted.map((r) => r.status === 'eligible')).toEqual(cliCounted.map((r) => r.eligible));
  expect(counted.every((r) => r.blocking !== null && (r.status === 'eligible') === (r.blocking === '0'))).toBe(true);

  // Totals and groups.
  expect(shown.totals).toEqual({ eligible: cli.totals.eligible, organizations: cli.totals.organizations });
  expect(shown.kinds).toEqual(cliKinds());

  // The pictures: the first bar is the totals, then one per group; the criteria from the CLI's rows.
  expect(shown.svgTitles).toEqual(['Số tổ chức đủ điều kiện so với chỉ tiêu', 'Bốn tiêu chí trên các tổ chức']);
  expect(shown.verdictBars.map(({ key, eligible, organizations }) => ({ key, eligible, organizations }))).toEqual([
    { key: 'target', eligible: cli.totals.eligible, organizations: cli.totals.organizations },
    ...Object.entries(cliKinds()).map(([key, bucket]) => ({ key, ...bucket })),
  ]);
  for (const bar of shown.verdictBars) expect(bar.text).toContain(`${bar.eligible}/${bar.organizations} đủ điều kiện`);
  const criteria = ['1.1', '1.2', '1.3', '1.4'].map((id) => {
    const percents = cliCounted.map((r) => r.criteria?.find((c) => c.id === id)?.percent ?? null);
    return {
      id,
      pass: percents.filter((p) => p !== null && p >= 95).length,
      below: percents.filter((p) => p !== null && p < 95).length,
      unknown: percents.filter((p) => p === null).length,
    };
  });
  expect(shown.criteriaBars).toEqual(criteria);

  // Cards collapsed; the status line gives the totals.
  expect(shown.openCards).toBe(0);
  expect(shown.statusText).toContain(`${cli.totals.eligible}/${cli.totals.organizations} tổ chức đủ điều kiện`);
  await page.screenshot({ path: screenshotPath('standalone-board-1280'), fullPage: true });

  // A row opens its card, which then shows the verdict.
  await page.locator('[data-testid="board-row"][data-file="05-tram-y-te.xlsx"] [data-testid="board-open"]').click();
  const card = page.locator('.file-card[data-file="05-tram-y-te.xlsx"]');
  await expect(card.locator('[data-testid="verdict"]').isVisible()).resolves.toBe(true);
  await expect(card.locator('[data-testid="verdict"]').getAttribute('data-eligible')).resolves.toBe('false');
});

test('at 390 px the board fits the width (the table scrolls inside its frame) and prints with its pictures', async () => {
  const page = await openPage(390);
  await uploadAll(page);
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.view);
  await page.screenshot({ path: screenshotPath('standalone-board-390'), fullPage: false });

  await page.locator('[data-testid="print-board"]').click();
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const view = document.getElementById('print-view') as HTMLElement;
    return {
      display: getComputedStyle(view).display,
      figures: [...view.querySelectorAll('figure')].map((f) => ({ id: f.getAttribute('data-testid'), height: f.getBoundingClientRect().height })),
      text: view.textContent ?? '',
    };
  });
  expect(printed.display).not.toBe('none');
  expect(printed.figures.map((f) => f.id)).toEqual(['chart-verdicts', 'chart-criteria']);
  for (const figure of printed.figures) expect(figure.height).toBeGreaterThan(50);
  expect(printed.text).toContain('DANH SÁCH TỔ CHỨC');
  expect(printed.text).toContain(`Tổng số tổ chức cơ sở đảng (tính vào chỉ tiêu): ${cli.totals.organizations}`);
  await page.emulateMedia({ media: 'screen' });
});

test('in the Excel pane: the same files give the same totals, and the list is written with a native chart of the same numbers', async () => {
  const { page } = await harness.excel([{ name: 'Ghi chép', values: [['của văn phòng', 1]] }], { width: 350, today: AS_OF });
  await showTab(page, 'summary');
  await page.setInputFiles(
    '[data-testid="board-file-input"]',
    FILES.map((file) => path.join(DIR, file)),
  );
  await page.waitForFunction(() => (document.querySelector('[data-testid="status"]')?.textContent ?? '').startsWith('Đã xử lý'), undefined, {
    timeout: 120_000,
  });
  const line = page.locator('[data-testid="board-results"] [data-testid="totals-line"]');
  await expect(line.getAttribute('data-organizations')).resolves.toBe(String(cli.totals.organizations));
  await expect(line.getAttribute('data-eligible')).resolves.toBe(String(cli.totals.eligible));
  await page.screenshot({ path: screenshotPath('excel-board-350'), fullPage: true });

  const { key } = await clickForStatus(page, '[data-testid="board-write"]', ['board.pane.written', 'board.pane.renamed', 'board.pane.failed']);
  expect(key).toBe('board.pane.written');
  const state = await fakeState(page);
  expect(state.sheets.map((s) => s.name)).toEqual(['Ghi chép', 'Danh sách tổ chức']);
  const charts = JSON.parse(
    await page.evaluate(() =>
      JSON.stringify((window as unknown as { __e2e: { fake: import('../fakes/office').FakeExcel } }).__e2e.fake.charts('Danh sách tổ chức')),
    ),
  ) as { type: string; categories: unknown[]; series: { name: string; values: number[] }[] }[];
  expect(charts).toHaveLength(1);
  expect(charts[0]!.series[0]!.values[0]).toBe(cli.totals.eligible);
  expect(charts[0]!.series[1]!.values[0]).toBe(cli.totals.organizations - cli.totals.eligible);
  expect(charts[0]!.categories.length).toBe(1 + Object.keys(cliKinds()).length);
});
