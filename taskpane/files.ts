/**
 * What both modes take from the page's file handling: the file type, a browser File as one, and
 * the board's chunk. Apart from standaloneMode.ts (which re-exports them) so Excel mode's panes
 * do not pull the standalone page into the pane's initial script.
 */

/** A file to check: its name and a way to get its bytes. */
export interface InputFile {
  name: string;
  read(): Promise<ArrayBuffer | Uint8Array>;
}

/** The board's chunk (taskpane/board.ts), loaded with the file reader. */
export type BoardModule = typeof import('./board');

export const loadBoardModule = (): Promise<BoardModule> => import(/* webpackChunkName: "board" */ './board');

/** A browser File as an InputFile. */
export function fileInput(file: File): InputFile {
  return {
    name: file.name,
    read: () =>
      typeof file.arrayBuffer === 'function'
        ? file.arrayBuffer()
        : new Promise<ArrayBuffer>((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () => resolve(reader.result as ArrayBuffer);
            reader.onerror = () => reject(reader.error ?? new Error('FileReader'));
            reader.readAsArrayBuffer(file);
          }),
  };
}
