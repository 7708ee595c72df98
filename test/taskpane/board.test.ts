/** @jest-environment jsdom */
/**
 * The board's view on the standalone page: with many files the overview table, the totals and
 * the pictures come first, and their numbers are `bontot consolidate`'s for the same files (run
 * here through the CLI's own consolidateFiles on the same bytes on disk).
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { chiBoSpec, dangBoSpec, type OrgSpec } from '../../scripts/sampleData';
import { plainLayouts } from '../../scripts/sampleLayouts';
import { consolidateFiles, rowJson } from '../../src/cli/consolidate';
import * as xlsx from '../../src/hosts/xlsx/exceljs';
import { writeWorkbookFile } from '../../src/hosts/xlsx/node';
import { checkWorkbook } from '../../src/workbook/check';
import type { KindKey } from '../../src/workbook/consolidate';
import { summaryLayout } from '../../src/workbook/layout/summary';
import { startApp } from '../../taskpane/app';
import { subordinateTotals } from '../../taskpane/board';
import type { InputFile, StandaloneMode } from '../../taskpane/standaloneMode';
import { tempDir } from '../cli/helpers';
import { byTestId, one } from './helpers';

jest.setTimeout(180_000);

const AS_OF = '2026-03-01';
const ORGS: [string, OrgSpec][] = [
  ['kp1.xlsx', chiBoSpec({ seed: 21, name: 'Chi bộ Khu phố 1', kindLabel: 'Chi bộ trực thuộc' })],
  ['kp2.xlsx', chiBoSpec({ seed: 22, name: 'Chi bộ Khu phố 2', kindLabel: 'Chi bộ trực thuộc', problems: { shortMeeting: true } })],
  ['truong.xlsx', chiBoSpec({ seed: 24, name: 'Chi bộ Trường THCS Nguyễn Du', type: 'co-quan' })],
  ['tram.xlsx', chiBoSpec({ seed: 25, name: 'Chi bộ Trạm Y tế', problems: { unexcusedAbsence: true } })],
  ['cty.xlsx', dangBoSpec({ seed: 26, name: 'Đảng bộ Công ty Cổ phần Minh Phát' })],
  ['htx.xlsx', dangBoSpec({ seed: 27, name: 'Đảng bộ Hợp tác xã Thành Công', problems: { lowCriterion: true } })],
];

let dir: string;
/** The page's inputs, in upload order. */
let files: string[];

beforeAll(async () => {
  dir = tempDir('bontot-board-');
  for (const [file, spec] of ORGS) await writeWorkbookFile(plainLayouts(spec), join(dir, file), { kind: null });
  await writeWorkbookFile(plainLayouts(chiBoSpec({ seed: 23, name: 'Chi bộ Khu phố 3', kindLabel: 'Chi bộ trực thuộc' })), join(dir, 'kp3.xlsx'), {
    kind: null,
  });
  // A lower level's consolidation holding a new organisation (kp3) and one already given (tram).
  await consolidateFiles({ files: [join(dir, 'kp3.xlsx'), join(dir, 'tram.xlsx')], output: join(dir, 'cap-duoi.xlsx'), asOf: AS_OF });
  writeFileSync(join(dir, 'ban-sao-truong.xlsx'), readFileSync(join(dir, 'truong.xlsx')));
  writeFileSync(join(dir, 'hong.xlsx'), 'đây không phải sổ tính');
  const data = await xlsx.readWorkbookData(readFileSync(join(dir, 'kp1.xlsx')));
  await writeWorkbookFile([summaryLayout(checkWorkbook(data.sheets, { asOf: AS_OF }))], join(dir, 'kp1.tonghop.xlsx'), {
    kind: 'tong-hop',
    title: 'Tổng hợp',
  });
  files = [
    'kp1.xlsx',
    'hong.xlsx',
    'kp2.xlsx',
    'truong.xlsx',
    'tram.xlsx',
    'ban-sao-truong.xlsx',
    'cty.xlsx',
    'cap-duoi.xlsx',
    'htx.xlsx',
    'kp1.tonghop.xlsx',
  ];
});

function input(file: string): InputFile {
  return { name: file, read: async () => readFileSync(join(dir, file)) };
}

function mount(): {
  root: HTMLElement;
  page: StandaloneMode;
  statuses: string[];
  downloads: { name: string; bytes: Uint8Array }[];
  prints: () => number;
} {
  document.body.innerHTML = '<div id="app"></div><section id="print-view" class="print-view"></section>';
  const root = document.getElementById('app') as HTMLElement;
  const downloads: { name: string; bytes: Uint8Array }[] = [];
  let prints = 0;
  const app = startApp(root, {
    host: 'standalone',
    standalone: {
      loadXlsx: async () => xlsx,
      download: (name, bytes) => downloads.push({ name, bytes }),
      print: () => (prints += 1),
      search: `?asOf=${AS_OF}`,
    },
  });
  const statuses: string[] = [];
  const status = one(root, 'status');
  new MutationObserver(() => statuses.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
  return { root, page: app.standalone as StandaloneMode, statuses, downloads, prints: () => prints };
}

beforeEach(() => localStorage.clear());

test('many files: the table first (unreadable, skipped and duplicates on top), totals and pictures equal `bontot consolidate`', async () => {
  const { root, page, statuses } = mount();
  await page.processFiles(files.map(input));
  const cli = await consolidateFiles({ files: files.map((f) => join(dir, f)), output: join(dir, 'cli-out.xlsx'), asOf: AS_OF });
  const cliRows = cli.consolidation.rows.map((row) => rowJson(row, cli.consolidation.via(row.key) ?? row.source));

  // The overview section comes before the cards.
  const board = one(root, 'totals');
  expect(board.hidden).toBe(false);
  const cardsList = one(root, 'files');
  expect(board.compareDocumentPosition(cardsList) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

  // Table: one row per input file's organisation; problems on top, in input order.
  const rows = byTestId(board, 'board-row');
  const lines = rows.map((r) => ({ file: r.dataset.file, status: r.dataset.status, source: r.dataset.source ?? null }));
  expect(lines.slice(0, 4)).toEqual([
    { file: 'hong.xlsx', status: 'error', source: null },
    { file: 'ban-sao-truong.xlsx', status: 'duplicate', source: null },
    { file: 'cap-duoi.xlsx', status: 'duplicate', source: expect.stringContaining('tram.xlsx') },
    { file: 'kp1.tonghop.xlsx', status: 'skipped', source: null },
  ]);
  const counted = lines.slice(4);
  expect(counted.map((l) => l.status).every((s) => s === 'eligible' || s === 'not-eligible')).toBe(true);
  // The counted rows are the CLI's rows (each organisation once), in the same order.
  const cliCounted = cliRows.filter((r) => !('error' in r));
  expect(counted).toHaveLength(cliCounted.length);
  expect(rows.slice(4).map((r) => r.dataset.name)).toEqual(cliCounted.map((r) => ('organization' in r ? r.organization.name : null)));
  expect(counted.map((l) => l.status === 'eligible')).toEqual(cliCounted.map((r) => r.eligible));
  // The four criteria and the blocking reasons: each row carries its numbers.
  const truong = rows.find((r) => r.dataset.file === 'truong.xlsx') as HTMLElement;
  const truongCli = cliCounted.find((r) => r.file.endsWith('truong.xlsx'));
  const shown = [...truong.querySelectorAll<HTMLElement>('td[data-percent]')].map((td) => Number(td.dataset.percent));
  expect(shown).toEqual(truongCli && 'criteria' in truongCli ? truongCli.criteria.map((c) => c.percent) : []);
  const tram = rows.find((r) => r.dataset.file === 'tram.xlsx') as HTMLElement;
  expect(Number(tram.dataset.blocking)).toBeGreaterThan(0);
  expect(tram.textContent).toContain('Chưa đủ điều kiện');

  // Totals: the CLI's, with the duplicates counted once and the unreadable file apart.
  const totalsLine = one(board, 'totals-line');
  expect({ eligible: Number(totalsLine.dataset.eligible), organizations: Number(totalsLine.dataset.organizations) }).toEqual({
    eligible: cli.totals.eligible,
    organizations: cli.totals.organizations,
  });
  expect(cli.totals.duplicates).toBe(2);
  expect(Number(one(board, 'totals-duplicates').dataset.count)).toBe(2);
  expect(Number(one(board, 'totals-unreadable').dataset.count)).toBe(cli.totals.unreadable);
  const kinds = Object.fromEntries(
    byTestId(board, 'totals-kind').map((li) => [
      li.dataset.kind,
      { organizations: Number(li.dataset.organizations), eligible: Number(li.dataset.eligible) },
    ]),
  );
  const expectedKinds = Object.fromEntries(
    (Object.entries(cli.totals.byKind) as [KindKey, { organizations: number; eligible: number }][])
      .map(([key, bucket]) => [key, key === 'chi-bo-truc-thuoc' ? subordinateTotals(cli.totals) : bucket] as const)
      .filter(([, bucket]) => bucket.organizations > 0),
  );
  expect(kinds).toEqual(expectedKinds);
  expect(kinds['chi-bo-truc-thuoc']).toEqual({ organizations: 3, eligible: 2 });
  const apart = byTestId(board, 'totals-kind').find((li) => li.dataset.kind === 'chi-bo-truc-thuoc') as HTMLElement;
  expect(apart.textContent).toContain('tính riêng');
  expect(board.textContent).not.toMatch(/tổ chức đạt\b/);

  // The verdict picture: the target bar is the totals, one bar per kind, the target line at 50 %.
  const verdicts = one(board, 'chart-verdicts');
  const svg = verdicts.querySelector('svg') as SVGSVGElement;
  expect(svg.getAttribute('role')).toBe('img');
  expect(svg.querySelector('title')?.textContent).toBe('Số tổ chức đủ điều kiện so với chỉ tiêu');
  expect(svg.querySelector('desc')?.textContent).toContain(`${cli.totals.eligible}/${cli.totals.organizations} đủ điều kiện`);
  const bars = [...verdicts.querySelectorAll<SVGGElement>('[data-testid="chart-bar"]')].map((g) => ({
    key: g.dataset.key,
    eligible: Number(g.dataset.eligible),
    organizations: Number(g.dataset.organizations),
    text: g.textContent,
  }));
  expect(bars[0]).toMatchObject({ key: 'target', eligible: cli.totals.eligible, organizations: cli.totals.organizations });
  expect(bars.slice(1).map(({ key, eligible, organizations }) => [key, { eligible, organizations }])).toEqual(
    Object.entries(expectedKinds).map(([key, bucket]) => [key, { eligible: bucket.eligible, organizations: bucket.organizations }]),
  );
  // Each bar says its numbers in words (not colour alone); the eligible segment's width is its share.
  for (const bar of bars) expect(bar.text).toContain(`${bar.eligible}/${bar.organizations} đủ điều kiện`);
  const first = verdicts.querySelector('[data-testid="chart-bar"] rect.seg-eligible') as SVGRectElement;
  expect(Number(first.getAttribute('width'))).toBeCloseTo((cli.totals.eligible / cli.totals.organizations) * 400, 6);
  const target = one(verdicts, 'chart-target');
  expect(Number(target.querySelector('line')?.getAttribute('x1'))).toBe(200);
  expect(target.textContent).toBe('Chỉ tiêu 50%');

  // The criteria picture: per criterion, organisations at ≥ 95 %, below, not computed — from the CLI's rows.
  const criteria = [...one(board, 'chart-criteria').querySelectorAll<SVGGElement>('[data-testid="chart-bar"]')].map((g) => ({
    id: g.dataset.id,
    pass: Number(g.dataset.pass),
    below: Number(g.dataset.below),
    unknown: Number(g.dataset.unknown),
  }));
  const expectedCriteria = ['1.1', '1.2', '1.3', '1.4'].map((id) => {
    const percents = cliCounted.map((r) => ('criteria' in r ? (r.criteria.find((c) => c.id === id)?.percent ?? null) : null));
    return {
      id,
      pass: percents.filter((p) => p !== null && p >= 95).length,
      below: percents.filter((p) => p !== null && p < 95).length,
      unknown: percents.filter((p) => p === null).length,
    };
  });
  expect(criteria).toEqual(expectedCriteria);
  expect(expectedCriteria.some((c) => c.below > 0)).toBe(true); // htx's low criterion shows

  // Progress per file in the status line, then the summary with the board's counts.
  for (const [index, file] of files.entries()) expect(statuses).toContain(`Đang kiểm tra tệp ${index + 1}/${files.length}: ${file}…`);
  expect(statuses).not.toContain('Đang tải bộ đọc tệp Excel…');
  expect(one(root, 'status').textContent).toContain(`${cli.totals.eligible}/${cli.totals.organizations} tổ chức đủ điều kiện`);
});

test('cards are collapsed with several files; a table row opens its card', async () => {
  const { root, page } = mount();
  await page.processFiles(['kp1.xlsx', 'hong.xlsx', 'tram.xlsx'].map(input));
  const cards = [...root.querySelectorAll<HTMLElement>('.file-card')];
  expect(cards.map((c) => c.dataset.file)).toEqual(['kp1.xlsx', 'hong.xlsx', 'tram.xlsx']);
  expect(cards.map((c) => (c.querySelector('details') as HTMLDetailsElement).open)).toEqual([false, false, false]);
  const open = byTestId<HTMLButtonElement>(one(root, 'totals'), 'board-open');
  expect(open.map((b) => b.textContent)).toEqual(['hong.xlsx', 'kp1.xlsx', 'tram.xlsx']);
  open[2]!.click();
  expect(cards.map((c) => (c.querySelector('details') as HTMLDetailsElement).open)).toEqual([false, false, true]);
  expect(document.activeElement?.closest('.file-card')).toBe(cards[2]);
  // One file alone: its card stays open and no board is shown.
  const single = mount();
  await single.page.processFiles([input('kp1.xlsx')]);
  expect((single.root.querySelector('.file-card details') as HTMLDetailsElement).open).toBe(true);
  expect(one(single.root, 'totals').hidden).toBe(true);
});

test('only unreadable files: no totals of 0/0, no picture and nothing to download', async () => {
  const { root, page } = mount();
  await page.processFiles([input('hong.xlsx'), { name: 'rong.xlsx', read: async () => new Uint8Array(0) }]);
  const board = one(root, 'totals');
  expect(board.hidden).toBe(false);
  expect(one(board, 'totals-line').textContent).toBe('Chưa đọc được tổ chức nào (2 tệp không đọc được); không có gì để tổng hợp.');
  expect(board.textContent).not.toContain('0/0');
  expect(board.querySelector('svg')).toBeNull();
  expect(byTestId(root, 'download-consolidation')).toHaveLength(0);
  expect(byTestId(board, 'board-row').map((r) => r.dataset.status)).toEqual(['error', 'error']);
});

test('the downloaded list is the one `bontot consolidate` writes for the same files', async () => {
  const { root, page, downloads } = mount();
  const chosen = ['kp2.xlsx', 'cap-duoi.xlsx', 'hong.xlsx'];
  await page.processFiles(chosen.map(input));
  one<HTMLButtonElement>(root, 'download-consolidation').click();
  const started = Date.now();
  while (downloads.length === 0 && Date.now() - started < 20_000) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(downloads.map((d) => d.name)).toEqual(['danh-sach-to-chuc.xlsx']);
  const cli = await consolidateFiles({ files: chosen.map((f) => join(dir, f)), output: join(dir, 'cli-chosen.xlsx'), asOf: AS_OF });
  // kp2 and the lower level's rows: one chi bộ cơ sở toward the target, two chi bộ trực thuộc counted apart (SPEC §1 Target).
  expect(cli.totals).toMatchObject({ organizations: 1, subordinate: { organizations: 2, eligible: 1 }, unreadable: 1, duplicates: 0 });
  const fromPage = await xlsx.readWorkbookData(downloads[0]!.bytes);
  const fromCli = await xlsx.readWorkbookData(readFileSync(join(dir, 'cli-chosen.xlsx')));
  expect(fromPage.generatedKind).toBe('consolidation');
  // The same sheet, cell for cell; only the CLI's paths carry the folder.
  const text = (sheets: typeof fromPage.sheets): string =>
    JSON.stringify(sheets.map((s) => [s.name, s.values]))
      .split(`${dir}/`)
      .join('');
  expect(text(fromPage.sheets)).toBe(text(fromCli.sheets));
});

test('"In / Lưu PDF bảng tổng hợp" prints the list of organisations with both pictures under it', async () => {
  const { root, page, prints } = mount();
  await page.processFiles(['kp1.xlsx', 'tram.xlsx', 'hong.xlsx'].map(input));
  one<HTMLButtonElement>(root, 'print-board').click();
  expect(prints()).toBe(1);
  const section = document.getElementById('print-view') as HTMLElement;
  const text = one(section, 'print-document').textContent ?? '';
  expect(text).toContain('DANH SÁCH TỔ CHỨC');
  expect(text).toContain('Chi bộ Trạm Y tế');
  expect([...section.querySelectorAll('figure')].map((f) => f.getAttribute('data-testid'))).toEqual(['chart-verdicts', 'chart-criteria']);
  expect(section.querySelector('[data-testid="chart-bar"]')?.getAttribute('data-organizations')).toBe(one(root, 'totals-line').dataset.organizations);
});

test('English labels on the board; cell text stays text', async () => {
  localStorage.setItem('bontot.lang', 'en');
  const { root, page } = mount();
  await page.processFiles(['kp1.xlsx', 'tram.xlsx'].map(input));
  const board = one(root, 'totals');
  expect(board.querySelector('h2')?.textContent).toBe('All organisations');
  expect(board.querySelector('th')?.textContent).toBe('File');
  expect(one(board, 'chart-verdicts').querySelector('title')?.textContent).toBe('Organisations eligible against the target');
  expect(document.querySelectorAll('[style]')).toHaveLength(0);
});
