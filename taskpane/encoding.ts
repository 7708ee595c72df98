/**
 * "Chuyển mã sang Unicode" in Excel mode: finds the cells typed in TCVN3 or VNI fonts
 * (planLegacyFix over readSheets), shows what it will change and asks first (a confirm step in the
 * pane, not window.confirm), then converts exactly those cells with convertCells, keeping a visible
 * copy of each sheet it changes ("Đảng viên (bản gốc)") because Excel cannot undo an add-in's
 * edits. One action at a time: a second click while it runs joins the running one.
 *
 * A self-contained piece: `renderEncodingAction(container, run, options)` renders into the given
 * element; its texts live here (Vietnamese, English) and follow the page's language switch. Cell
 * text is rendered as text, never as HTML.
 */
import { convertCells, readSheets, type ConvertCellsResult } from '../src/hosts/excel';
import { countBySheet, LEGACY_ENCODING_LABELS, planLegacyFix, type LegacyFix } from '../src/workbook/legacyFix';
import type { LegacyEncodingName } from '../src/core/legacyEncoding';
import { el, errorText, replaceChildren, uid, type Child } from './dom';
import type { ExcelRun } from './excelContext';
import { language, onLanguageChange, type Lang } from './i18n';
import { BusyGuard, progressBar } from './ui';

const TEXTS = {
  vi: {
    title: 'Chữ gõ bằng phông cũ (TCVN3, VNI)',
    intro:
      'Chữ gõ bằng phông .VnTime (TCVN3) hoặc VNI-Times hiện thành chữ lạ (“Hoµn thµnh tèt nhiÖm vô”) và không được đọc đúng. Bốn Tốt có thể chuyển các ô đó sang chữ Unicode.',
    start: 'Chuyển mã sang Unicode',
    scanning: 'Đang tìm các ô gõ bằng phông TCVN3, VNI…',
    none: 'Không có ô nào gõ bằng phông TCVN3 hoặc VNI: không cần chuyển mã.',
    found: 'Tìm thấy {count} ô gõ bằng phông {fonts}:',
    sheetCount: '{sheet}: {count} ô',
    example: '{cell}: “{before}” → “{after}”',
    warning:
      'Trước khi sửa, Bốn Tốt chép mỗi trang sẽ sửa sang một trang mới để hiện, đặt ngay sau trang đó (ví dụ “{copy}”), vì Excel không hoàn tác (Ctrl+Z) được thao tác của phần bổ trợ: muốn quay lại, hãy dùng trang bản gốc. Chỉ các ô trên được sửa; ô có công thức được giữ nguyên; phông .VnTime/VNI của các ô ấy được đổi sang Times New Roman hoặc Arial.',
    confirm: 'Chuyển mã {count} ô',
    cancel: 'Hủy',
    cancelled: 'Đã hủy: sổ tính không thay đổi.',
    converting: 'Đang chuyển mã…',
    done: 'Đã chuyển mã {count} ô trên {sheets} trang sang Unicode.',
    copies: 'Bản gốc được giữ ở các trang (đang hiện; có thể xóa khi không cần nữa): {copies}.',
    skipped: 'Không chuyển {count} ô (ô có công thức, hoặc ô đã thay đổi sau khi tìm): {cells}.',
    recheck: 'Hãy bấm “Kiểm tra” lại để xem kết quả mới.',
    noCopy:
      'Phiên bản Excel này chưa sao chép được trang (cần ExcelApi 1.7), nên Bốn Tốt không thể giữ bản gốc. Hãy cập nhật Excel, hoặc dùng lệnh “bontot fix-encoding” để ghi ra một tệp mới.',
    failed: 'Không chuyển mã được: {message}',
    more: '… và {count} ô khác',
    hidden: 'Không chuyển {count} ô trên trang đang ẩn ({sheets}): hãy bỏ ẩn trang rồi bấm lại nếu muốn chuyển cả các ô đó.',
  },
  en: {
    title: 'Text typed in old fonts (TCVN3, VNI)',
    intro:
      'Text typed with the .VnTime (TCVN3) or VNI-Times fonts shows as garbage (“Hoµn thµnh tèt nhiÖm vô”) and is not read correctly. Bốn Tốt can convert those cells to Unicode.',
    start: 'Convert to Unicode',
    scanning: 'Looking for cells typed in TCVN3 or VNI fonts…',
    none: 'No cell is typed in a TCVN3 or VNI font: nothing to convert.',
    found: '{count} cells typed in {fonts}:',
    sheetCount: '{sheet}: {count} cells',
    example: '{cell}: “{before}” → “{after}”',
    warning:
      'Before changing anything, Bốn Tốt copies each sheet it will change to a new visible sheet right after it (e.g. “{copy}”), because Excel cannot undo (Ctrl+Z) an add-in’s edits: to go back, use the original copy. Only the cells above change; formula cells are left alone; their .VnTime/VNI font becomes Times New Roman or Arial.',
    confirm: 'Convert {count} cells',
    cancel: 'Cancel',
    cancelled: 'Cancelled: the workbook was not changed.',
    converting: 'Converting…',
    done: 'Converted {count} cells on {sheets} sheets to Unicode.',
    copies: 'The originals are kept on these sheets (visible; delete them when no longer needed): {copies}.',
    skipped: '{count} cells were not converted (formulas, or cells changed since the search): {cells}.',
    recheck: 'Run “Check” again to see the new result.',
    noCopy:
      'This version of Excel cannot copy sheets (ExcelApi 1.7 is needed), so Bốn Tốt cannot keep the originals. Update Excel, or use the “bontot fix-encoding” command to write a new file.',
    failed: 'Could not convert: {message}',
    more: '… and {count} more cells',
    hidden: '{count} cells on hidden sheets ({sheets}) are left alone: unhide the sheet and run this again to convert them.',
  },
} as const;

type TextKey = keyof (typeof TEXTS)['vi'];

function text(key: TextKey, params: Record<string, string | number> = {}, lang: Lang = language()): string {
  const template: string = TEXTS[lang][key] ?? TEXTS.vi[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Examples shown per sheet in the confirm step. */
const EXAMPLES_PER_SHEET = 3;

export interface EncodingActionOptions {
  /** Called after cells were converted (e.g. to run the check again). */
  onConverted?: (result: ConvertCellsResult) => void;
  /** Whether Worksheet.copy is available (ExcelApi 1.7). Default: Office's requirement check, else true. */
  canCopy?: () => boolean;
}

export interface EncodingAction {
  root: HTMLElement;
  /** Finds the cells to convert and shows the confirm step (or says there are none). */
  scan(): Promise<LegacyFix[] | null>;
  /** Converts the cells of the confirm step (the confirm button). Null when there was nothing to do or it failed. */
  confirm(): Promise<ConvertCellsResult | null>;
  /** Leaves the confirm step without changing anything (the cancel button). */
  cancel(): void;
  /** Removes the language listener. */
  dispose(): void;
}

function defaultCanCopy(): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: (name: string, version?: string) => boolean } } } })
    .Office;
  const requirements = office?.context?.requirements;
  return typeof requirements?.isSetSupported === 'function' ? requirements.isSetSupported('ExcelApi', '1.7') : true;
}

type State =
  | { phase: 'idle' }
  | { phase: 'scanning' }
  | { phase: 'none'; hidden: LegacyFix[] }
  | { phase: 'confirm'; plan: LegacyFix[]; hidden: LegacyFix[] }
  | { phase: 'converting'; plan: LegacyFix[] }
  | { phase: 'cancelled' }
  | { phase: 'done'; result: ConvertCellsResult }
  | { phase: 'error'; message: string; plan: LegacyFix[] | null };

/** Renders the action into `container` (appended) and returns its handle. */
export function renderEncodingAction(container: HTMLElement, run: ExcelRun, options: EncodingActionOptions = {}): EncodingAction {
  const canCopy = options.canCopy ?? defaultCanCopy;
  const heading = el('h3', { testid: 'encoding-title' });
  const intro = el('p', { class: 'intro', testid: 'encoding-intro' });
  const start = el('button', { attrs: { type: 'button' }, testid: 'encoding-start' });
  const progress = progressBar('app.busy');
  progress.setAttribute('data-testid', 'encoding-progress');
  const body = el('div', { class: 'encoding-body', testid: 'encoding-body' });
  const live = el('p', { class: 'status', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }, testid: 'encoding-status' });
  heading.id = uid('encoding-title');
  const root = el('section', { class: 'encoding', attrs: { 'aria-labelledby': heading.id }, testid: 'encoding' }, [
    heading,
    intro,
    el('div', { class: 'actions' }, [start]),
    progress,
    body,
    live,
  ]);
  container.appendChild(root);

  let state: State = { phase: 'idle' };
  let confirmButton: HTMLButtonElement | null = null;
  let cancelButton: HTMLButtonElement | null = null;
  const guard = new BusyGuard(() => [start, ...(confirmButton ? [confirmButton] : []), ...(cancelButton ? [cancelButton] : [])], progress);

  const announce = (message: string): void => {
    live.textContent = live.textContent === message ? `${message}\u00a0` : message;
  };

  const hiddenNote = (hidden: readonly LegacyFix[]): Child =>
    hidden.length === 0
      ? null
      : el('p', { class: 'notice', testid: 'encoding-hidden' }, [
          text('hidden', { count: hidden.length, sheets: [...new Set(hidden.map((fix) => `“${fix.sheet}”`))].join(', ') }),
        ]);

  const confirmStep = (plan: readonly LegacyFix[]): Child[] => {
    const counts = countBySheet(plan);
    const sheets = el(
      'ul',
      { class: 'sheet-list', testid: 'encoding-sheets' },
      counts.map((count) => {
        const examples = plan.filter((fix) => fix.sheet === count.sheet);
        return el('li', { data: { sheet: count.sheet }, testid: 'encoding-sheet' }, [
          text('sheetCount', { sheet: count.sheet, count: count.cells }),
          el('ul', { class: 'examples' }, [
            ...examples
              .slice(0, EXAMPLES_PER_SHEET)
              .map((fix) =>
                el('li', { testid: 'encoding-example' }, [text('example', { cell: fix.cell, before: fix.before.trim(), after: fix.after.trim() })]),
              ),
            examples.length > EXAMPLES_PER_SHEET
              ? el('li', { class: 'muted' }, [text('more', { count: examples.length - EXAMPLES_PER_SHEET })])
              : null,
          ]),
        ]);
      }),
    );
    confirmButton = el(
      'button',
      { class: 'primary', attrs: { type: 'button' }, testid: 'encoding-confirm', on: { click: () => void action.confirm() } },
      [text('confirm', { count: plan.length })],
    );
    cancelButton = el('button', { attrs: { type: 'button' }, testid: 'encoding-cancel', on: { click: () => action.cancel() } }, [text('cancel')]);
    const firstSheet = counts[0]?.sheet ?? 'Đảng viên';
    return [
      el('p', { testid: 'encoding-found' }, [text('found', { count: plan.length, fonts: fontsLabel(plan) })]),
      sheets,
      el('p', { class: 'notice notice-warn', testid: 'encoding-warning' }, [text('warning', { copy: `${firstSheet} (bản gốc)` })]),
      el('div', { class: 'actions' }, [confirmButton, cancelButton]),
    ];
  };

  const render = (): void => {
    heading.textContent = text('title');
    intro.textContent = text('intro');
    start.textContent = text('start');
    confirmButton = null;
    cancelButton = null;
    switch (state.phase) {
      case 'idle':
        replaceChildren(body);
        break;
      case 'scanning':
        replaceChildren(body, [el('p', { class: 'muted' }, [text('scanning')])]);
        break;
      case 'none':
        replaceChildren(body, [el('p', { class: 'notice notice-ok', testid: 'encoding-none' }, [text('none')]), hiddenNote(state.hidden)]);
        break;
      case 'confirm':
      case 'converting':
        replaceChildren(body, [...confirmStep(state.plan), state.phase === 'confirm' ? hiddenNote(state.hidden) : null]);
        if (state.phase === 'converting' && confirmButton && cancelButton) {
          (confirmButton as HTMLButtonElement).disabled = true;
          (cancelButton as HTMLButtonElement).disabled = true;
        }
        break;
      case 'cancelled':
        replaceChildren(body, [el('p', { class: 'notice', testid: 'encoding-cancelled' }, [text('cancelled')])]);
        break;
      case 'done': {
        const { result } = state;
        const copies = result.sheets.map((s) => s.copy).filter((c): c is string => c !== null);
        replaceChildren(body, [
          el('p', { class: 'notice notice-ok', testid: 'encoding-done' }, [
            text('done', { count: result.written.length, sheets: result.sheets.length }),
          ]),
          copies.length > 0
            ? el('p', { class: 'notice', testid: 'encoding-copies' }, [text('copies', { copies: copies.map((c) => `“${c}”`).join(', ') })])
            : null,
          result.skipped.length > 0
            ? el('p', { class: 'notice notice-warn', testid: 'encoding-skipped' }, [
                text('skipped', {
                  count: result.skipped.length,
                  cells: result.skipped
                    .slice(0, 10)
                    .map((s) => `${s.change.sheet}!${s.change.cell}`)
                    .join(', '),
                }),
              ])
            : null,
          el('p', { class: 'muted' }, [text('recheck')]),
        ]);
        break;
      }
      case 'error':
        replaceChildren(body, [
          el('p', { class: 'notice notice-error', attrs: { role: 'alert' }, testid: 'encoding-error' }, [state.message]),
          ...(state.plan ? confirmStep(state.plan) : []),
        ]);
        break;
    }
  };

  const action: EncodingAction = {
    root,
    scan: () =>
      guard.run(async () => {
        state = { phase: 'scanning' };
        render();
        announce(text('scanning'));
        try {
          // Hidden sheets are planned (they count for the workbook's encoding) but not converted:
          // a copy of a hidden sheet would be one more hidden sheet the user does not see.
          const { plan, hidden } = await run(async (context) => {
            const grids = await readSheets(context);
            const hiddenSheets = new Set(grids.filter((grid) => grid.hidden).map((grid) => grid.name));
            const all = planLegacyFix(grids);
            return { plan: all.filter((fix) => !hiddenSheets.has(fix.sheet)), hidden: all.filter((fix) => hiddenSheets.has(fix.sheet)) };
          });
          state = plan.length === 0 ? { phase: 'none', hidden } : { phase: 'confirm', plan, hidden };
          render();
          announce(plan.length === 0 ? text('none') : text('found', { count: plan.length, fonts: fontsLabel(plan) }));
          confirmButton?.focus();
          return plan;
        } catch (error) {
          state = { phase: 'error', message: text('failed', { message: errorText(error) }), plan: null };
          render();
          announce(state.message);
          return null;
        }
      }),
    confirm: () =>
      guard.run(async () => {
        if (state.phase !== 'confirm' && !(state.phase === 'error' && state.plan)) return null;
        const plan = state.plan as LegacyFix[];
        if (!canCopy()) {
          state = { phase: 'error', message: text('noCopy'), plan };
          render();
          announce(state.message);
          return null;
        }
        state = { phase: 'converting', plan };
        render();
        announce(text('converting'));
        try {
          const result = await run((context) => convertCells(context, plan, { keepCopies: true }));
          state = { phase: 'done', result };
          render();
          announce(text('done', { count: result.written.length, sheets: result.sheets.length }));
          options.onConverted?.(result);
          return result;
        } catch (error) {
          state = { phase: 'error', message: text('failed', { message: errorText(error) }), plan };
          render();
          announce(state.message);
          return null;
        }
      }),
    cancel: () => {
      if (guard.busy || (state.phase !== 'confirm' && state.phase !== 'error')) return;
      state = { phase: 'cancelled' };
      render();
      announce(text('cancelled'));
      start.focus();
    },
    dispose: () => stopListening(),
  };

  start.addEventListener('click', () => {
    void action.scan();
  });
  const stopListening = onLanguageChange(() => render());
  render();
  return action;
}

/** "TCVN3 (ABC)", "VNI (VNI-Times)" or both, in the page's language. */
function fontsLabel(plan: readonly LegacyFix[]): string {
  const found = (['TCVN3', 'VNI'] as const).filter((name: LegacyEncodingName) => plan.some((fix) => fix.encoding === name));
  return found.map((name) => LEGACY_ENCODING_LABELS[name]).join(language() === 'en' ? ' and ' : ' và ');
}
