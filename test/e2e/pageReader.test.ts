/**
 * How the standalone page reads files (taskpane/reader.ts), in Chromium: with the browser's
 * DecompressionStream('deflate-raw') the sample and picked files are checked by the values reader
 * in the board's chunk and the ExcelJS chunk (chunks/xlsx.*) is not requested until a download
 * button is pressed; in a browser whose DecompressionStream lacks 'deflate-raw' (older Safari:
 * the constructor throws for that format) or that has none, the page falls back to the ExcelJS
 * chunk and shows the same verdicts. Every verdict is compared with `bontot check --json`.
 */
import path from 'path';
import type { Page } from 'playwright-core';
import { AS_OF, writeBooks, type BookFiles } from './books';
import { pickFiles, readCards as readFileCards, useBrowserHarness, waitForCards, type ShownPlace } from './pageHarness';
import { cliCheck, ROOT, type CliFile, type CliJson, type CliPlace, type Session } from './support';

jest.setTimeout(120_000);

const SAMPLE = 'chi-bo-mau';
/** The name the page shows for samples/chi-bo-mau.xlsx (blankTemplate.ts exampleFileName). */
const SAMPLE_SHOWN = 'vi-du-chi-bo.xlsx';
const EXCELJS_CHUNK = /\/chunks\/xlsx\.[0-9a-f]+\.js$/;
const BOARD_CHUNK = /\/chunks\/board\.[0-9a-f]+\.js$/;

/** Init scripts that take 'deflate-raw' away before the page's own scripts run. */
const WITHOUT_DEFLATE_RAW = `
  (() => {
    const Native = globalThis.DecompressionStream;
    globalThis.DecompressionStream = class DecompressionStream extends Native {
      constructor(format) {
        if (format === 'deflate-raw') throw new TypeError("Unsupported compression format: 'deflate-raw'");
        super(format);
      }
    };
  })();
`;
const WITHOUT_DECOMPRESSION_STREAM = `delete globalThis.DecompressionStream;`;

const harness = useBrowserHarness();
let books: BookFiles;
let cli: CliJson;
let sampleCli: CliFile;
let session: Session | null = null;

beforeAll(async () => {
  books = await writeBooks();
  const [picked, sample] = await Promise.all([
    cliCheck(pickedFiles(), AS_OF, books.dir),
    cliCheck([`${SAMPLE}.xlsx`], AS_OF, path.join(ROOT, 'samples')),
  ]);
  cli = picked.json;
  const [onlyFile] = sample.json.files;
  if (!onlyFile) throw new Error('bontot check --json gave no entry for the sample');
  sampleCli = onlyFile;
});

function pickedFiles(): string[] {
  return [books.correct, books.ruleBreaks, books.dataErrors, books.unreadable, books.dangBo];
}

/** Opens the page with the sample (its check starts on open) and waits for the sample's verdict. */
async function openWithSample(initScript?: string): Promise<Page> {
  session = await harness.standalone({
    query: `?sample=${SAMPLE}&asOf=${AS_OF}`,
    waitFor: `.file-card[data-file="${SAMPLE_SHOWN}"] [data-testid="verdict"]`,
    initScript,
    stubPrint: true,
  });
  await waitForCards(session.page, 1);
  return session.page;
}

/** Picks files through the page's own file input and waits until their cards are there. */
async function pick(page: Page, files: readonly string[], cardsAfter: number): Promise<void> {
  await pickFiles(page, books.dir, files, { cards: cardsAfter });
}

const requested = (pattern: RegExp): string[] => (session as Session).requests.filter((url) => pattern.test(new URL(url).pathname));

interface ShownCard {
  file: string;
  status: string;
  eligible: boolean | null;
  criteria: { id: string; percent: number | null; pass: boolean | null }[];
  places: string[];
  error: string | null;
}

const placeText = (p: ShownPlace | CliPlace): string => `${p.code}|${p.severity}|${p.sheet}|${p.cell}|${p.message}`;

/** What the page shows per file: verdict, criteria, every reason and issue with its place and message. */
async function readCards(page: Page): Promise<ShownCard[]> {
  return (await readFileCards(page)).map((card) => ({
    file: card.file,
    status: card.status,
    eligible: card.eligible,
    criteria: card.criteria,
    places: [...card.reasons, ...card.issues].map(placeText).sort(),
    error: card.error,
  }));
}

const cliPlaces = (file: CliFile): string[] => [...(file.reasons ?? []), ...(file.issues ?? [])].map(placeText).sort();

/** Every card equals `bontot check --json` for its file (the sample under its shown name). */
function expectCliVerdicts(cards: readonly ShownCard[]): void {
  expect(cards.map((c) => c.file)).toEqual([SAMPLE_SHOWN, ...pickedFiles()]);
  for (const card of cards) {
    const expected = card.file === SAMPLE_SHOWN ? sampleCli : cli.files.find((f) => f.file === card.file);
    if (!expected) throw new Error(`bontot check --json has no entry for ${card.file}`);
    if (expected.error !== undefined) {
      expect({ file: card.file, status: card.status, error: card.error }).toEqual({ file: card.file, status: 'error', error: expected.error });
      continue;
    }
    expect({ file: card.file, status: card.status, eligible: card.eligible, criteria: card.criteria, places: card.places }).toEqual({
      file: card.file,
      status: 'checked',
      eligible: expected.eligible,
      criteria: expected.criteria,
      places: cliPlaces(expected),
    });
  }
}

test('the sample and picked files are checked without the ExcelJS chunk; it loads when a download button is pressed', async () => {
  const page = await openWithSample();
  expect(requested(BOARD_CHUNK)).toHaveLength(1);
  expect(requested(EXCELJS_CHUNK)).toEqual([]);

  await pick(page, pickedFiles(), 1 + pickedFiles().length);
  expectCliVerdicts(await readCards(page));
  // The comparison is not vacuous: both verdicts and an unreadable file are there.
  const cards = await readCards(page);
  expect(new Set(cards.map((c) => c.eligible))).toEqual(new Set([true, false, null]));
  expect(requested(EXCELJS_CHUNK)).toEqual([]);

  // Printing needs no ExcelJS either; the summary's download does.
  await page.locator(`[data-testid="board-row"][data-file="${books.ruleBreaks}"] [data-testid="board-open"]`).click();
  const card = page.locator(`.file-card[data-file="${books.ruleBreaks}"]`);
  await card.locator('[data-testid="print-summary"]').click();
  expect(requested(EXCELJS_CHUNK)).toEqual([]);
  const [download] = await Promise.all([page.waitForEvent('download'), card.locator('[data-testid="download-summary"]').click()]);
  expect(download.suggestedFilename()).toBe('chi-bo-vi-pham.tonghop.xlsx');
  expect(requested(EXCELJS_CHUNK)).toHaveLength(1);
});

test.each([
  ["DecompressionStream without 'deflate-raw' (older Safari)", WITHOUT_DEFLATE_RAW],
  ['no DecompressionStream at all', WITHOUT_DECOMPRESSION_STREAM],
])('%s: the page falls back to the ExcelJS chunk and gives the same verdicts', async (_name, initScript) => {
  const page = await openWithSample(initScript);
  // The override took: this page cannot inflate raw deflate.
  await expect(
    page.evaluate(() => {
      try {
        new DecompressionStream('deflate-raw');
        return true;
      } catch {
        return false;
      }
    }),
  ).resolves.toBe(false);
  // The sample was read by the fallback: the ExcelJS chunk came before its verdict.
  expect(requested(EXCELJS_CHUNK)).toHaveLength(1);

  await pick(page, pickedFiles(), 1 + pickedFiles().length);
  expectCliVerdicts(await readCards(page));
  expect(requested(EXCELJS_CHUNK)).toHaveLength(1);
});
