/**
 * In the Tổng hợp tab: the board's consolidation inside Excel. The user picks organisations'
 * workbooks (`<input type=file>` works inside Office); the board (taskpane/board.ts, with the values
 * reader) loads only then, as on the standalone page, so the pane's first scripts stay small.
 * ExcelJS's chunk loads only where the browser cannot inflate (taskpane/reader.ts).
 */
import type { PaneBoard } from './board';
import { el, errorText } from './dom';
import type { ExcelContext } from './excelContext';
import { fileInput, loadBoardModule } from './files';
import type { Status } from './ui';

export interface BoardPane {
  panel: HTMLElement;
  /** Settles when the pane's board is ready (after the first pick), or null before. */
  board(): Promise<PaneBoard> | null;
}

/** The fallback reader (ExcelJS). */
const loadReader = (): Promise<typeof import('../src/hosts/xlsx/exceljs')> => import(/* webpackChunkName: "xlsx" */ '../src/hosts/xlsx/exceljs');

export function createBoardPane(ctx: ExcelContext, status: Status): BoardPane {
  const input = el('input', {
    attrs: {
      type: 'file',
      multiple: true,
      accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      hidden: true,
      tabindex: -1,
    },
    testid: 'board-file-input',
  });
  const pick = el('button', { attrs: { type: 'button' }, i18n: 'board.pane.pick', testid: 'board-pick' });
  const results = el('div', { class: 'board', testid: 'board-results' });
  const panel = el('section', { class: 'board-pane', testid: 'board-pane' }, [
    el('h2', { i18n: 'board.pane.title' }),
    el('p', { class: 'intro', i18n: 'board.pane.intro' }),
    el('div', { class: 'actions' }, [pick]),
    input,
    results,
  ]);
  let boardPromise: Promise<PaneBoard> | null = null;
  const board = (): Promise<PaneBoard> => {
    if (!boardPromise) {
      boardPromise = loadBoardModule().then((module) =>
        module.createPaneBoard(results, { run: ctx.run, asOf: ctx.today, status, reader: async () => module.pageReader(loadReader) }),
      );
      boardPromise.catch(() => (boardPromise = null));
    }
    return boardPromise;
  };
  pick.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])].map(fileInput);
    input.value = '';
    board()
      .then((pane) => pane.add(files))
      .catch((error: unknown) => status.say('standalone.libFailed', { message: errorText(error) }, 'error'));
  });
  return { panel, board: () => boardPromise };
}
