/** Downloads made in the page (Blob + object URL; nothing leaves the machine). */
import { el } from './dom';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Download = (fileName: string, bytes: Uint8Array, mime?: string) => void;

/** Saves bytes as a file through a temporary link. */
export const downloadBytes: Download = (fileName, bytes, mime = XLSX_MIME) => {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const link = el('a', { attrs: { href: url, download: fileName, hidden: true } });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

/** The file name without its folder and its .xlsx / .xlsm extension. */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.(xlsx|xlsm)$/i, '') || 'bao-cao';
}

/** `NAME.xlsx` → `NAME.tonghop.xlsx` (the CLI's --write-summary name). */
export function summaryFileName(fileName: string): string {
  return `${fileStem(fileName)}.tonghop.xlsx`;
}
