/** @jest-environment jsdom */
/**
 * The task pane in Excel mode, driven through its DOM against the in-memory Office.js fake.
 */
import { defaultPolicy } from '../../src/core/policy';
import { findMarker, markerFor } from '../../src/workbook/generated';
import { SHEET_NAMES } from '../../src/workbook/layout/template';
import type { CheckResult } from '../../src/workbook/types';
import { AS_OF, validChiBo } from '../workbook/grids';
import { byTestId, fakeWorkbook, flush, mountExcel, one, PAYLOAD } from './helpers';

jest.setTimeout(60_000);

beforeEach(() => {
  localStorage.clear();
});

function withInfo(name: string, value: unknown) {
  return validChiBo((spec) => {
    const row = spec.info.find(([item]) => item === name);
    if (row) row[1] = value as never;
    else spec.info.push([name, value as never]);
  });
}

async function runCheck(root: HTMLElement, excel: { check: { check(): Promise<CheckResult | null> } }): Promise<CheckResult> {
  one<HTMLButtonElement>(root, 'check-run').click();
  const result = await excel.check.check();
  if (!result) throw new Error('check failed');
  return result;
}

describe('Kiểm tra', () => {
  test('a valid workbook is eligible; criteria rows carry the unrounded percent', async () => {
    const { root, excel } = await mountExcel(fakeWorkbook(validChiBo()));
    const result = await runCheck(root, excel);
    expect(result.eligible).toBe(true);
    const verdict = one(root, 'verdict');
    expect(verdict.dataset.eligible).toBe('true');
    expect(verdict.textContent).toContain('Đủ điều kiện đề nghị công nhận');
    const rows = byTestId(root, 'criterion');
    expect(rows.map((r) => r.dataset.id)).toEqual(['1.1', '1.2', '1.3', '1.4']);
    expect(rows.map((r) => Number(r.dataset.percent))).toEqual(result.criteria.map((c) => c.percent));
    expect(one(root, 'status').textContent).toMatch(/Đủ điều kiện.*Lý do không đạt: 0; lưu ý: 0; lỗi dữ liệu: 0;/);
  });

  test('cell text is rendered as text: the <img> payload shows its characters and creates no element', async () => {
    const grids = withInfo('Loại tổ chức', PAYLOAD);
    const nameRow = grids[0]?.values.find((row) => row[0] === 'Tên tổ chức');
    if (nameRow) nameRow[1] = PAYLOAD;
    const { root, excel } = await mountExcel(fakeWorkbook(grids));
    await runCheck(root, excel);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect(one(root, 'organization').textContent).toContain(PAYLOAD);
    const issue = byTestId(root, 'issue').find((node) => node.dataset.code === 'VALUE_INVALID' && node.dataset.sheet === 'Thông tin');
    expect(issue).toBeDefined();
    expect(issue?.querySelector('[data-testid="message"]')?.textContent).toContain(PAYLOAD);
    expect(document.querySelectorAll('[style]')).toHaveLength(0);
    expect(document.querySelectorAll('[onerror]')).toHaveLength(0);
  });

  test('issues are grouped by sheet and severity; clicking one selects its cell in Excel', async () => {
    const grids = validChiBo((spec) => {
      (spec.meetings[2] as { minutes: unknown }).minutes = 'nhiều';
    });
    const { root, excel, fake } = await mountExcel(fakeWorkbook(grids));
    const result = await runCheck(root, excel);
    const expected = result.issues.find((i) => i.code === 'NUMBER_INVALID');
    expect(expected).toBeDefined();
    const group = byTestId(root, 'issue-group').find((g) => g.dataset.sheet === expected?.sheet);
    expect(group).toBeDefined();
    expect(byTestId(group as HTMLElement, 'issue-severity-group').map((g) => g.dataset.severity)[0]).toBe('error');
    const item = byTestId(root, 'issue').find((node) => node.dataset.code === 'NUMBER_INVALID') as HTMLElement;
    expect(item.dataset.cell).toBe(expected?.cell);
    const link = item.querySelector<HTMLButtonElement>('button[data-testid="goto"]');
    expect(link?.getAttribute('aria-label')).toContain(`trang ${expected?.sheet}, ô ${expected?.cell}`);
    link?.click();
    await flush();
    expect(fake.selection).toEqual({ sheet: expected?.sheet, address: expected?.cell });
    expect(fake.activeSheet).toBe(expected?.sheet);
    expect(one(root, 'status').textContent).toContain(`trang ${expected?.sheet}, ô ${expected?.cell}`);
  });

  test('reasons with a cell are links too and carry their code', async () => {
    const grids = validChiBo((spec) => {
      (spec.meetings[0] as { speakers: number }).speakers = 1;
    });
    const { root, excel, fake } = await mountExcel(fakeWorkbook(grids));
    const result = await runCheck(root, excel);
    expect(result.eligible).toBe(false);
    const reason = result.reasons.find((r) => r.code === 'SPEAKERS_LOW');
    const node = byTestId(root, 'reason').find((n) => n.dataset.code === 'SPEAKERS_LOW') as HTMLElement;
    expect(node.dataset.cell).toBe(reason?.cell);
    expect(node.dataset.severity).toBe('block');
    node.querySelector<HTMLButtonElement>('button')?.click();
    await flush();
    expect(fake.selection).toEqual({ sheet: reason?.sheet, address: reason?.cell });
    expect(one(root, 'verdict').dataset.eligible).toBe('false');
  });

  test('the check button ignores a second click while running: exactly one check runs', async () => {
    const { root, excel, calls } = await mountExcel(fakeWorkbook(validChiBo()));
    const before = calls();
    const button = one<HTMLButtonElement>(root, 'check-run');
    button.click();
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(one(excel.check.panel, 'progress').hidden).toBe(false);
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    const again = excel.check.check();
    await again;
    await flush();
    expect(excel.check.checks).toBe(1);
    expect(calls() - before).toBe(1);
    expect(button.disabled).toBe(false);
    expect(one(excel.check.panel, 'progress').hidden).toBe(true);
    expect(byTestId(root, 'verdict')).toHaveLength(1);
  });

  test('"Tô màu ô lỗi" adds the add-in\'s conditional formats, "Bỏ tô màu" removes them', async () => {
    const grids = validChiBo((spec) => {
      (spec.meetings[0] as { speakers: number }).speakers = 1;
    });
    const { root, excel, fake } = await mountExcel(fakeWorkbook(grids));
    await runCheck(root, excel);
    one<HTMLButtonElement>(root, 'highlight').click();
    await flush(6);
    const formats = () => fake.snapshot('Sinh hoạt').conditionalFormats;
    expect(formats().length).toBeGreaterThan(0);
    expect(one(root, 'status').textContent).toMatch(/Đã tô màu \d+ vùng/);
    one<HTMLButtonElement>(root, 'clear-highlights').click();
    await flush(6);
    expect(formats()).toHaveLength(0);
    expect(one(root, 'status').textContent).toMatch(/Đã bỏ \d+ vùng/);
  });
});

describe('Tổng hợp', () => {
  test('writes "Tổng hợp" and activates it', async () => {
    const { root, excel, fake } = await mountExcel(fakeWorkbook(validChiBo()));
    const written = await excel.summary.write();
    expect(written).toBe(SHEET_NAMES.summary);
    expect(fake.activeSheet).toBe(SHEET_NAMES.summary);
    expect(findMarker({ name: '', values: fake.values(SHEET_NAMES.summary), originRow: 0, originCol: 0 })).toBe(markerFor('tong-hop'));
    expect(one(root, 'summary-result').dataset.sheet).toBe(SHEET_NAMES.summary);
    // Written again: the generated sheet is replaced, not duplicated.
    expect(await excel.summary.write()).toBe(SHEET_NAMES.summary);
    expect(fake.hasSheet(`${SHEET_NAMES.summary} (2)`)).toBe(false);
    expect(one(root, 'summary-result').textContent).toContain('Đã cập nhật');
  });

  test('writes "Tổng hợp (2)" and says so when the user has a sheet of that name', async () => {
    const fake = fakeWorkbook(validChiBo(), [{ name: 'Tổng hợp', values: [['Ghi chú của tôi'], ['không được xóa']] }]);
    const before = fake.snapshot('Tổng hợp');
    const { root, excel } = await mountExcel(fake);
    const written = await excel.summary.write();
    expect(written).toBe('Tổng hợp (2)');
    expect(fake.hasSheet('Tổng hợp (2)')).toBe(true);
    expect(fake.snapshot('Tổng hợp')).toEqual(before);
    expect(fake.activeSheet).toBe('Tổng hợp (2)');
    const note = one(root, 'summary-result');
    expect(note.dataset.sheet).toBe('Tổng hợp (2)');
    expect(note.textContent).toContain('“Tổng hợp (2)”');
    expect(note.textContent).toContain('của người dùng');
    expect(one(root, 'status').textContent).toContain('Tổng hợp (2)');
  });
});

describe('Mẫu', () => {
  test('creates the missing sheets, skips existing ones and reports both', async () => {
    const fake = fakeWorkbook(
      [],
      [
        {
          name: 'Thông tin',
          values: [
            ['Mục', 'Giá trị'],
            ['Tên tổ chức', 'Của tôi'],
          ],
        },
      ],
    );
    const { root, excel } = await mountExcel(fake);
    const { kind, type, year, name } = excel.template.form;
    kind.value = 'dang-bo.co-so';
    type.value = 'doanh-nghiep';
    year.value = '2026';
    name.value = 'Đảng bộ Công ty A';
    const result = await excel.template.create();
    expect(result?.skipped).toEqual(['Thông tin']);
    expect(result?.created).toEqual(expect.arrayContaining(['Chi bộ trực thuộc', 'Tiêu chí', 'Cấu hình']));
    expect(result?.created).not.toContain('Đảng viên');
    expect(fake.values('Thông tin')[1]).toEqual(['Tên tổ chức', 'Của tôi']);
    expect(fake.hasSheet('Chi bộ trực thuộc')).toBe(true);
    expect(byTestId(root, 'template-skipped-sheet').map((n) => n.dataset.sheet)).toEqual(['Thông tin']);
    expect(byTestId(root, 'template-created-sheet').map((n) => n.dataset.sheet)).toEqual(result?.created);
    expect(one(root, 'template-created').textContent).toContain(`Đã tạo ${result?.created.length} trang`);
    expect(one(root, 'template-skipped').textContent).toContain('Thông tin');
  });

  test('a chi bộ template in an empty workbook creates every sheet; a second run creates nothing', async () => {
    const fake = fakeWorkbook([]);
    const { root, excel } = await mountExcel(fake);
    excel.template.form.year.value = '2025';
    const first = await excel.template.create();
    expect(first?.created).toEqual(expect.arrayContaining(['Thông tin', 'Đảng viên', 'Sinh hoạt', 'Điểm danh', 'Tiêu chí']));
    expect(first?.skipped).toEqual([]);
    const second = await excel.template.create();
    expect(second?.created).toEqual([]);
    expect(one(root, 'template-nothing').textContent).toContain('không có gì thay đổi');
  });

  test('refuses a bad year without touching the workbook', async () => {
    const fake = fakeWorkbook([]);
    const { root, excel } = await mountExcel(fake);
    excel.template.form.year.value = '20x5';
    expect(await excel.template.create()).toBeNull();
    expect(fake.sheetNames()).toEqual([]);
    expect(one(root, 'template-year').getAttribute('aria-invalid')).toBe('true');
    expect(one(root, 'status').textContent).toContain('2000 đến 2100');
  });
});

describe('Cấu hình', () => {
  test('shows every numeric setting with its label and source', async () => {
    const { excel, root } = await mountExcel(fakeWorkbook(validChiBo()));
    const control = excel.policy.control('criterionMinPercent') as HTMLInputElement;
    expect(control.value).toBe('95');
    const label = root.querySelector(`label[for="${control.id}"]`);
    expect(label?.textContent).toContain('Mỗi tiêu chí 1.1–1.4');
    const hint = document.getElementById(control.getAttribute('aria-describedby')?.split(' ')[0] ?? '');
    expect(hint?.textContent).toContain('mục II.2.2');
    expect((excel.policy.control('severity.EXCELLENT_CAP') as HTMLSelectElement).value).toBe('warn');
    expect((excel.policy.control('deadline.deNghi') as HTMLInputElement).value).toBe('31/12');
    expect(one(root, 'policy-note').textContent).toContain('chưa có trang “Cấu hình”');
  });

  test('refuses bad values with a message naming the setting, and writes nothing', async () => {
    const fake = fakeWorkbook(validChiBo());
    const { excel, bridge } = await mountExcel(fake);
    (excel.policy.control('criterionMinPercent') as HTMLInputElement).value = '150';
    (excel.policy.control('absenceMaxStreak') as HTMLInputElement).value = '2,5';
    (excel.policy.control('deadline.chiTieu') as HTMLInputElement).value = '31/02';
    expect(await excel.policy.save()).toBe(false);
    const error = excel.policy.error('criterionMinPercent') as HTMLElement;
    expect(error.hidden).toBe(false);
    // Beside the field (its label is just above): the problem, not the internal key.
    expect(error.textContent).not.toContain('criterionMinPercent');
    expect(error.textContent).toContain('không hợp lệ');
    expect(error.textContent).toContain('100');
    expect(one(document.body, 'status').textContent).toContain('“Mỗi tiêu chí 1.1–1.4 đạt tối thiểu (%)” — Giá trị không hợp lệ');
    expect(excel.policy.control('criterionMinPercent')?.getAttribute('aria-invalid')).toBe('true');
    expect(excel.policy.error('absenceMaxStreak')?.textContent).toContain('số nguyên');
    expect(excel.policy.error('deadline.chiTieu')?.textContent).toContain('dd/mm');
    expect(excel.policy.error('ratingGoodMinPercent')?.hidden).toBe(true);
    expect(document.activeElement).toBe(excel.policy.control('criterionMinPercent'));
    expect(fake.hasSheet('Cấu hình')).toBe(false);
    expect(bridge.set).toHaveLength(0);
  });

  test('a saved policy is written to Cấu hình, reaches the functions, and changes the next verdict', async () => {
    const fake = fakeWorkbook(validChiBo());
    const { root, excel, bridge } = await mountExcel(fake);
    expect((await runCheck(root, excel)).eligible).toBe(true);
    (excel.policy.control('criterionMinPercent') as HTMLInputElement).value = '99,5';
    expect(await excel.policy.save()).toBe(true);
    expect(fake.hasSheet('Cấu hình')).toBe(true);
    expect(fake.sheet('Cấu hình').visibility).toBe('Hidden');
    expect(fake.values('Cấu hình').find((row) => row[0] === 'criterionMinPercent')?.[1]).toBe(99.5);
    expect(bridge.current?.criterionMinPercent).toBe(99.5);
    expect(fake.calculations).toContain('Full');
    expect(one(root, 'status').textContent).toContain('Đã lưu cấu hình');

    const after = await runCheck(root, excel);
    expect(after.policySource).toBe('workbook');
    expect(after.eligible).toBe(false);
    expect(after.reasons.map((r) => r.code)).toContain('CRITERION_LOW');
    expect(one(root, 'verdict').dataset.eligible).toBe('false');
    expect(byTestId(root, 'reason').find((n) => n.dataset.code === 'CRITERION_LOW')?.textContent).toContain('99,5');
  });

  test('"Khôi phục mặc định" resets the form and the stored policy', async () => {
    const fake = fakeWorkbook(validChiBo());
    const { excel, bridge } = await mountExcel(fake);
    (excel.policy.control('speakersSmall') as HTMLInputElement).value = '4';
    (excel.policy.control('severity.SPEAKERS_LOW') as HTMLSelectElement).value = 'warn';
    expect(await excel.policy.save()).toBe(true);
    expect(fake.values('Cấu hình').find((row) => row[0] === 'speakersSmall')?.[1]).toBe(4);
    expect(await excel.policy.reset()).toBe(true);
    expect((excel.policy.control('speakersSmall') as HTMLInputElement).value).toBe('3');
    expect((excel.policy.control('severity.SPEAKERS_LOW') as HTMLSelectElement).value).toBe('block');
    expect(fake.values('Cấu hình').find((row) => row[0] === 'speakersSmall')?.[1]).toBe(3);
    expect(bridge.current).toEqual(defaultPolicy());
  });

  test('a workbook policy is read at start, handed to the functions and recalculated', async () => {
    const fake = fakeWorkbook(validChiBo(), [
      {
        name: 'Cấu hình',
        values: [
          ['Khóa', 'Giá trị', 'Nguồn'],
          ['speakersSmall', 4, ''],
          ['deadline.deNghi', '20/12', ''],
        ],
        visibility: 'Hidden',
      },
    ]);
    const { excel, bridge, root } = await mountExcel(fake);
    expect((excel.policy.control('speakersSmall') as HTMLInputElement).value).toBe('4');
    expect(bridge.current?.speakersSmall).toBe(4);
    expect(fake.calculations).toContain('Full');
    expect(one(root, 'policy-note').textContent).toContain('cấu hình của sổ tính');
  });

  test('an invalid workbook policy is shown next to its field; the defaults apply', async () => {
    const fake = fakeWorkbook(validChiBo(), [
      {
        name: 'Cấu hình',
        values: [
          ['Khóa', 'Giá trị'],
          ['attendanceMinPercent', 'tám lăm'],
        ],
        visibility: 'Hidden',
      },
    ]);
    const { excel, bridge, root } = await mountExcel(fake);
    expect((excel.policy.control('attendanceMinPercent') as HTMLInputElement).value).toBe('tám lăm');
    expect(excel.policy.error('attendanceMinPercent')?.textContent).toBe('Giá trị không hợp lệ: phải là một số.');
    expect(excel.ctx.policy).toEqual(defaultPolicy());
    expect(bridge.set).toHaveLength(0);
    expect(one(root, 'policy-note').textContent).toContain('không hợp lệ');
  });
});

describe('Mốc thời gian', () => {
  test('deadlines of the workbook year with days left; overdue stages marked', async () => {
    const { root, excel } = await mountExcel(fakeWorkbook(validChiBo()), '2026-01-20');
    excel.tabs.select('deadlines');
    const rows = byTestId(root, 'deadline');
    expect(excel.deadlines.yearInput.value).toBe('2025');
    const byStage = Object.fromEntries(rows.map((r) => [r.dataset.stage, r]));
    expect(byStage.chiTieu?.dataset.overdue).toBe('true');
    expect(byStage.deNghi?.dataset.overdue).toBe('true');
    expect(byStage.deNghi?.dataset.days).toBe('-20');
    expect(byStage.deNghi?.querySelector('[data-testid="overdue"]')?.textContent).toBe('Quá hạn');
    expect(byStage.deNghi?.textContent).toContain('Quá hạn 20 ngày');
    expect(byStage.thamDinh?.dataset.overdue).toBe('false');
    expect(byStage.thamDinh?.textContent).toContain('15/02/2026');
    expect(byStage.thamDinh?.textContent).toContain('còn 26 ngày');
    expect(byStage.thamDinh?.querySelector('[data-testid="overdue"]')).toBeNull();
    expect(byStage.dangKy?.textContent).toContain('chưa quy định');
    expect(one(root, 'status').textContent).toContain('2 mốc đã quá hạn');
  });

  test('another year can be shown; a saved deadline moves the date', async () => {
    const { root, excel } = await mountExcel(fakeWorkbook(validChiBo()), '2026-01-20');
    (excel.policy.control('deadline.thamDinh') as HTMLInputElement).value = '10/01';
    expect(await excel.policy.save()).toBe(true);
    excel.tabs.select('deadlines');
    const thamDinh = () => byTestId(root, 'deadline').find((r) => r.dataset.stage === 'thamDinh');
    expect(thamDinh()?.dataset.overdue).toBe('true');
    expect(thamDinh()?.textContent).toContain('10/01/2026');
    excel.deadlines.yearInput.value = '2026';
    excel.deadlines.yearInput.dispatchEvent(new Event('input'));
    one<HTMLButtonElement>(root, 'deadlines-show').click();
    expect(thamDinh()?.textContent).toContain('10/01/2027');
    expect(thamDinh()?.dataset.overdue).toBe('false');
  });
});

describe('language and keyboard', () => {
  test('the language switch relabels the pane, results included, and is remembered', async () => {
    const { root, excel, app } = await mountExcel(fakeWorkbook(validChiBo()));
    await runCheck(root, excel);
    expect(one(root, 'tab-check').textContent).toBe('Kiểm tra');
    app.languageButton.click();
    await flush(); // the first switch to English loads its labels (a lazy chunk)
    expect(one(root, 'tab-check').textContent).toBe('Check');
    expect(one(root, 'tab-policy').textContent).toBe('Settings');
    expect(one(root, 'verdict').textContent).toContain('Eligible');
    expect(one<HTMLButtonElement>(root, 'check-run').textContent).toBe('Run check');
    expect(one(root, 'status').textContent).toContain(
      'Eligible to be proposed for recognition “four-goods party cell”. Reasons not met: 0; notes: 0;',
    );
    expect(one(root, 'summary-basis').textContent).toBe('Last check: Eligible to be proposed for recognition “four-goods party cell”.');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('bontot.lang')).toBe('en');
    // A new pane starts in the remembered language.
    const second = await mountExcel(fakeWorkbook(validChiBo()));
    expect(one(second.root, 'tab-summary').textContent).toBe('Summary');
    second.app.languageButton.click();
    expect(one(second.root, 'tab-summary').textContent).toBe('Tổng hợp');
    expect(localStorage.getItem('bontot.lang')).toBe('vi');
  });

  test('tabs follow the ARIA pattern: arrow keys move and show, one tab stop', async () => {
    const { root, excel } = await mountExcel(fakeWorkbook(validChiBo()));
    const check = one<HTMLButtonElement>(root, 'tab-check');
    expect(check.getAttribute('aria-selected')).toBe('true');
    expect(byTestId<HTMLButtonElement>(root, 'tab-summary')[0]?.tabIndex).toBe(-1);
    check.focus();
    check.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(excel.tabs.selected()).toBe('meeting');
    expect(document.activeElement).toBe(one(root, 'tab-meeting'));
    one(root, 'tab-meeting').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(excel.tabs.selected()).toBe('summary');
    expect(document.activeElement).toBe(one(root, 'tab-summary'));
    expect(excel.summary.panel.hidden).toBe(false);
    expect(excel.check.panel.hidden).toBe(true);
    one(root, 'tab-summary').dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    expect(excel.tabs.selected()).toBe('deadlines');
    for (const button of root.querySelectorAll('button')) expect(['button', 'submit']).toContain(button.getAttribute('type'));
  });
});

test('the check uses today from the pane (as-of)', async () => {
  const { root, excel } = await mountExcel(fakeWorkbook(validChiBo()));
  const result = await runCheck(root, excel);
  expect(result.asOf).toBe(AS_OF);
});

test('a workbook that cannot be read at start: the pane says so and falls back to the defaults', async () => {
  const { startApp } = await import('../../taskpane/app');
  document.body.innerHTML = '';
  const root = document.createElement('div');
  document.body.appendChild(root);
  const app = startApp(root, {
    host: 'excel',
    excel: {
      run: async () => {
        throw Object.assign(new Error('Sổ tính đang bị khóa'), { code: 'GeneralException' });
      },
      today: () => AS_OF,
      bridge: () => null,
    },
  });
  await app.excel?.ready;
  expect(one(root, 'status').textContent).toBe('Không đọc được sổ tính: Sổ tính đang bị khóa');
  expect(one(root, 'policy-note').textContent).toContain('Không đọc được trang “Cấu hình”');
  expect(app.excel?.ctx.policy).toEqual(defaultPolicy());
  expect(await app.excel?.check.check()).toBeNull();
  expect(one(root, 'status').textContent).toBe('Không kiểm tra được: Sổ tính đang bị khóa');
  expect(one<HTMLButtonElement>(root, 'check-run').disabled).toBe(false);
});
