/** `--lang vi|en` and `--codes`: every reason and issue in the chosen language, codes only when asked. */
import { VI_ALL } from '../../src/core/messages/all';
import { EN } from '../../src/core/messages/en';
import { placeholders } from '../../src/core/messages';
import { ISSUE_CODES, REASON_CODES } from '../../src/core/types';
import { CLI_TEXTS } from '../../src/cli/lang';
import { SHEET_NAMES } from '../../src/core/sheets';
import { copyFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ROOT, runCli, tempDir } from './helpers';

jest.setTimeout(120_000);

const SHEETS = new Set<string>(Object.values(SHEET_NAMES));
const SAMPLES = ['samples/chi-bo-mau.xlsx', 'samples/dang-bo-mau.xlsx'];
const CODES = [...REASON_CODES, ...ISSUE_CODES];
/** Mid-year (YEAR_NOT_OVER and meeting rules) and after the year. */
const DATES = ['2025-06-30', '2026-01-15'];

const EN_TEXT = [...Object.values(EN), ...Object.values(CLI_TEXTS.en)].join('\n');

/** The fixed text of every Vietnamese template and CLI heading: what English output must not hold. */
function vietnameseFragments(): string[] {
  // The recognition's titles ("Chi bộ bốn tốt") are proper names: English output quotes them with a gloss.
  const { modelCell: _cell, modelCommittee: _committee, ...headings } = CLI_TEXTS.vi;
  const templates = [...Object.values(VI_ALL), ...Object.values(headings)];
  const fragments = new Set<string>();
  for (const template of templates) {
    let rest = template;
    for (const name of placeholders(template)) rest = rest.replace(`{${name}}`, '\u0000');
    for (const part of rest.split('\u0000')) {
      const fragment = part.trim().replace(/^[\s"(),.:;—–-]+|[\s"(),.:;—–-]+$/g, '');
      // Short pieces ("ô", "đạt") could be part of a name or a sheet's own words.
      // "Chi bộ {name}" names a subordinate chi bộ; organisations' own names start with it too.
      // Sheet names stay Vietnamese in English text: they are the workbook's own names.
      // A fragment the English catalogue writes too ("dd/mm/yyyy") belongs to neither language.
      if (fragment.length >= 6 && fragment !== 'Chi bộ' && !SHEETS.has(fragment) && !EN_TEXT.includes(fragment)) fragments.add(fragment);
    }
  }
  return [...fragments];
}

describe.each(DATES)('bontot check as of %s', (asOf) => {
  it.each(['vi', 'en'])('--lang %s text shows no reason or issue code, and every code with --codes', async (lang) => {
    const plain = await runCli(['check', ...SAMPLES, '--as-of', asOf, '--lang', lang], ROOT);
    const withCodes = await runCli(['check', ...SAMPLES, '--as-of', asOf, '--lang', lang, '--codes'], ROOT);
    const json = JSON.parse((await runCli(['check', ...SAMPLES, '--as-of', asOf, '--json'], ROOT)).stdout) as {
      files: { reasons: { code: string }[]; issues: { code: string }[] }[];
    };
    for (const code of CODES) expect(plain.stdout).not.toContain(code);
    const found = json.files.flatMap((file) => [...file.reasons, ...file.issues].map((finding) => finding.code));
    expect(found.length).toBeGreaterThan(0);
    for (const code of found) expect(withCodes.stdout).toContain(`[${code}]`);
  });

  it('--lang en holds no text of the Vietnamese catalogue, and gives English reasons', async () => {
    const run = await runCli(['check', ...SAMPLES, '--as-of', asOf, '--lang', 'en', '--codes'], ROOT);
    for (const fragment of vietnameseFragments()) expect(run.stdout).not.toContain(fragment);
    expect(run.stdout).toContain('Not yet eligible to be proposed for recognition');
  });
});

describe('--json with --lang', () => {
  it('keeps codes and Vietnamese messages by default, English messages with --lang en', async () => {
    type Json = { files: { reasons: { code: string; message: string; sheet: string | null; cell: string | null }[] }[] };
    const vi = JSON.parse((await runCli(['check', SAMPLES[0] as string, '--as-of', '2025-06-30', '--json'], ROOT)).stdout) as Json;
    const en = JSON.parse((await runCli(['check', SAMPLES[0] as string, '--as-of', '2025-06-30', '--json', '--lang', 'en'], ROOT)).stdout) as Json;
    const viReasons = vi.files[0]?.reasons ?? [];
    const enReasons = en.files[0]?.reasons ?? [];
    expect(enReasons.map((r) => [r.code, r.sheet, r.cell])).toEqual(viReasons.map((r) => [r.code, r.sheet, r.cell]));
    const absence = viReasons.find((r) => r.code === 'ABSENCE_UNEXCUSED');
    expect(absence?.message).toBe(
      'Đồng chí Lê Quang Sơn vắng mặt không có lý do tại buổi sinh hoạt ngày 08/07/2025; theo Kế hoạch, không được có đảng viên vắng mặt không có lý do.',
    );
    expect(enReasons.find((r) => r.code === 'ABSENCE_UNEXCUSED')?.message).toBe(
      'Comrade Lê Quang Sơn was absent without a reason from the meeting of 08/07/2025; under the Plan, no party member may be absent without a reason.',
    );
  });

  it('words the notes of skipped files in --lang (check and consolidate), fields unchanged', async () => {
    const dir = tempDir('bontot-lang-json-');
    const book = join(dir, 'chi-bo.xlsx');
    copyFileSync(join(ROOT, SAMPLES[0] as string), book);
    const list = join(dir, 'tong.xlsx');
    const summary = join(dir, 'chi-bo.tonghop.xlsx');
    expect((await runCli(['consolidate', book, '-o', list, '--as-of', '2026-01-15'], ROOT)).code).toBe(0);
    await runCli(['check', book, '--write-summary', '--as-of', '2026-01-15'], ROOT);
    type CheckJson = { files: Record<string, unknown>[] };
    type ConsJson = { skipped: Record<string, unknown>[] };
    const check = async (lang: string): Promise<CheckJson> =>
      JSON.parse((await runCli(['check', list, summary, '--json', '--lang', lang, '--as-of', '2026-01-15'], ROOT)).stdout) as CheckJson;
    // The list is its own output (-o) and the summary a summary-only file: both skipped.
    const consolidate = async (lang: string): Promise<ConsJson> =>
      JSON.parse(
        (await runCli(['consolidate', summary, list, '-o', list, '--json', '--lang', lang, '--as-of', '2026-01-15'], ROOT)).stdout,
      ) as ConsJson;
    const [checkVi, checkEn, consVi, consEn] = [await check('vi'), await check('en'), await consolidate('vi'), await consolidate('en')];
    expect(checkVi.files).toEqual([
      { file: list, skipped: CLI_TEXTS.vi['generated.consolidation'] },
      { file: summary, skipped: CLI_TEXTS.vi['generated.tong-hop'] },
    ]);
    expect(checkEn.files).toEqual([
      { file: list, skipped: CLI_TEXTS.en['generated.consolidation'] },
      { file: summary, skipped: CLI_TEXTS.en['generated.tong-hop'] },
    ]);
    expect(consVi.skipped).toEqual([
      { file: summary, skipped: CLI_TEXTS.vi['cons.skipSummary'] },
      { file: list, skipped: CLI_TEXTS.vi['cons.skipOutput'] },
    ]);
    expect(consEn.skipped).toEqual([
      { file: summary, skipped: CLI_TEXTS.en['cons.skipSummary'] },
      { file: list, skipped: CLI_TEXTS.en['cons.skipOutput'] },
    ]);
    for (const fragment of vietnameseFragments()) expect(JSON.stringify([checkEn, consEn.skipped])).not.toContain(fragment);
  });

  it("gives an unreadable input's row error in --lang (consolidate --json)", async () => {
    const dir = tempDir('bontot-lang-json-');
    const notWorkbook = join(dir, 'ghi-chu.xlsx');
    writeFileSync(notWorkbook, 'không phải sổ tính');
    type ConsJson = { rows: Record<string, unknown>[] };
    const rowOf = async (lang: string): Promise<Record<string, unknown> | undefined> => {
      const args = ['consolidate', SAMPLES[0] as string, notWorkbook, '-o', join(dir, `tong-${lang}.xlsx`), '--json', '--lang', lang];
      const json = JSON.parse((await runCli([...args, '--as-of', '2026-01-15'], ROOT)).stdout) as ConsJson;
      return json.rows.find((row) => row.file === notWorkbook);
    };
    const [vi, en] = [await rowOf('vi'), await rowOf('en')];
    expect(vi).toEqual({
      file: notWorkbook,
      via: notWorkbook,
      error: expect.stringContaining('Tệp không phải là sổ tính Excel (.xlsx).'),
      eligible: false,
    });
    expect(en).toEqual({
      file: notWorkbook,
      via: notWorkbook,
      error: expect.stringContaining('The file is not an Excel workbook (.xlsx).'),
      eligible: false,
    });
    for (const fragment of vietnameseFragments()) expect(JSON.stringify(en)).not.toContain(fragment);
  });

  it('refuses a language it does not have', async () => {
    const run = await runCli(['check', SAMPLES[0] as string, '--lang', 'fr'], ROOT);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--lang "fr" không hợp lệ; cần vi hoặc en.');
  });
});

describe('text output headings', () => {
  it('places as "trang X, ô Y", severity words, and headings that count what they list', async () => {
    const run = await runCli(['check', SAMPLES[0] as string, '--as-of', '2025-06-30'], ROOT);
    expect(run.stdout).toContain('Lý do chưa đủ điều kiện (2):');
    expect(run.stdout).toContain('  Không đạt — trang Điểm danh, ô J4: Đồng chí Lê Quang Sơn vắng mặt không có lý do');
    expect(run.stdout).toContain('Lưu ý (3):');
    expect(run.stdout).not.toMatch(/\[chặn\]|\[cảnh báo\]|![A-Z]+\d/);
  });
});

describe('every command follows --lang', () => {
  const ownWords = /Cách dùng|Tùy chọn|Thiếu tệp|không hợp lệ|Đã ghi|Đã tạo|Bỏ qua|Cảnh báo|Lỗi:|không đọc được/;

  const done = new Map<string, Promise<{ name: string; out: string }[]>>();
  /** Each command's runs (a result in text, and errors), run once per language. */
  function runs(lang: 'vi' | 'en'): Promise<{ name: string; out: string }[]> {
    if (!done.has(lang)) done.set(lang, runAll(lang));
    return done.get(lang) as Promise<{ name: string; out: string }[]>;
  }

  async function runAll(lang: 'vi' | 'en'): Promise<{ name: string; out: string }[]> {
    const dir = tempDir('bontot-lang-');
    const args = (list: string[]): string[] => [...list, '--lang', lang];
    const copied = join(dir, 'ban-sao.xlsx');
    copyFileSync(join(ROOT, SAMPLES[0] as string), copied);
    const notWorkbook = join(dir, 'ghi-chu.xlsx');
    writeFileSync(notWorkbook, 'không phải sổ tính');
    const all = [
      ['template', args(['template', join(dir, 'mau.xlsx'), '--year', '2025'])],
      ['template usage', args(['template'])],
      ['template --type', args(['template', join(dir, 'x.xlsx'), '--type', 'nope'])],
      ['consolidate', args(['consolidate', ...SAMPLES, '-o', join(dir, 'tong.xlsx'), '--as-of', '2026-01-15'])],
      ['consolidate usage', args(['consolidate', ...SAMPLES])],
      // The same workbook twice (a copy elsewhere) and a file that is not a workbook: the duplicate warning and a read error.
      ['consolidate duplicate', args(['consolidate', ...SAMPLES, copied, notWorkbook, '-o', join(dir, 'tong2.xlsx'), '--as-of', '2026-01-15'])],
      ['check unreadable', args(['check', notWorkbook, '--as-of', '2026-01-15'])],
      ['check usage', args(['check'])],
      ['fix-encoding', args(['fix-encoding', SAMPLES[0] as string, '--dry-run'])],
      ['fix-encoding usage', args(['fix-encoding'])],
      [
        'fill-subordinates',
        args(['fill-subordinates', SAMPLES[1] as string, SAMPLES[0] as string, '-o', join(dir, 'db.xlsx'), '--as-of', '2026-01-15']),
      ],
      ['fill-subordinates usage', args(['fill-subordinates', SAMPLES[1] as string])],
      ['missing file', args(['fix-encoding', join(dir, 'khong-co.xlsx'), '--dry-run'])],
      ['bad --as-of', args(['consolidate', ...SAMPLES, '-o', join(dir, 't2.xlsx'), '--as-of', '31/02/2025'])],
      ['bad --policy', args(['check', SAMPLES[0] as string, '--policy', join(ROOT, 'package.json')])],
      ['unknown option', args(['template', join(dir, 'y.xlsx'), '--nope'])],
    ] as const;
    const out: { name: string; out: string }[] = [];
    for (const [name, list] of all) {
      const run = await runCli(list, ROOT);
      out.push({ name, out: `${run.stdout}\n${run.stderr}` });
    }
    return out;
  }

  it.each(['vi', 'en'] as const)('--lang %s: no reason or issue code in the text of any command', async (lang) => {
    for (const { name, out } of await runs(lang)) {
      for (const code of CODES) expect(`${name}: ${out}`).not.toContain(code);
    }
  });

  it('--lang en: no text of the Vietnamese catalogue or of the CLI in Vietnamese, in output or errors', async () => {
    const fragments = vietnameseFragments();
    for (const { name, out } of await runs('en')) {
      expect(out.trim()).not.toBe('');
      for (const fragment of fragments) expect(`${name}: ${out}`).not.toContain(fragment);
      expect(`${name}: ${out}`).not.toMatch(ownWords);
    }
  });

  it('--lang en: the results say what happened in English', async () => {
    const out = Object.fromEntries((await runs('en')).map((run) => [run.name, run.out]));
    expect(out['template']).toContain('Blank workbook created:');
    expect(out['template usage']).toContain('Error: The file to create is missing');
    expect(out['template usage']).toContain('See: bontot template --help --lang en');
    expect(out['consolidate']).toContain('grassroots party organisations eligible to be proposed for recognition');
    expect(out['fix-encoding']).toContain('nothing to convert');
    expect(out['missing file']).toContain('not found. Check the name and the path.');
    // fill-subordinates: the sample chi bộ belongs to another committee; rows without a file are left alone.
    expect(out['fill-subordinates']).toContain('the party cell\'s "Cấp ủy cấp trên" (superior committee) is "Đảng ủy phường Bến Thành"');
    expect(out['fill-subordinates']).toContain("Row 2: Văn phòng Công ty — none of the chosen files is this party cell's.");
    expect(out['consolidate duplicate']).toMatch(/" is in more than one input: .*chi-bo-mau\.xlsx and .*ban-sao\.xlsx; it is counted once, from /);
    expect(out['consolidate duplicate']).toContain('The file is not an Excel workbook (.xlsx).');
    expect(out['check unreadable']).toContain('The file is not an Excel workbook (.xlsx).');
    expect(out['check usage']).toContain('The files to check are missing');
    expect(out['bad --as-of']).toContain('--as-of "31/02/2025" is not valid');
    expect(out['bad --policy']).toContain('is not valid:');
    expect(out['bad --policy']).toContain('does not exist in the policy.');
  });

  it('--lang vi: the duplicate warning, the fill reasons and read errors in the words they always had', async () => {
    const out = Object.fromEntries((await runs('vi')).map((run) => [run.name, run.out]));
    expect(out['fill-subordinates']).toContain(
      '"Cấp ủy cấp trên" của chi bộ là "Đảng ủy phường Bến Thành", không phải đảng ủy của "Đảng bộ Công ty Cổ phần Cơ khí Minh Phát". Nếu đúng là chi bộ trực thuộc, hãy sửa dòng "Cấp ủy cấp trên" trong tệp của chi bộ.',
    );
    expect(out['fill-subordinates']).toContain('Dòng 2: Văn phòng Công ty — không có tệp của chi bộ này trong các tệp đã chọn.');
    expect(out['consolidate duplicate']).toMatch(
      /" có trong nhiều đầu vào: .*chi-bo-mau\.xlsx và .*ban-sao\.xlsx; chỉ tính một lần theo .*chi-bo-mau\.xlsx\./,
    );
    expect(out['check unreadable']).toContain('Tệp không phải là sổ tính Excel (.xlsx).');
    expect(out['check usage']).toContain('Thiếu tệp cần kiểm tra: bontot check FILE.xlsx...');
  });

  it('--help --lang en is English, for bontot and each command', async () => {
    for (const args of [
      ['--help'],
      ['check', '--help'],
      ['template', '--help'],
      ['consolidate', '--help'],
      ['fix-encoding', '--help'],
      ['fill-subordinates', '--help'],
    ]) {
      const run = await runCli([...args, '--lang', 'en'], ROOT);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Usage:');
      expect(run.stdout).not.toMatch(/Cách dùng|Tùy chọn|Ví dụ|Mã thoát/);
    }
    expect((await runCli(['--help'], ROOT)).stdout).toContain('Cách dùng:');
  });
});
