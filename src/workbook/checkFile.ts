/**
 * "Check one file", the use case `bontot check`, `bontot consolidate` and the page share: read the
 * bytes, skip what the product wrote (generated.ts; a consolidation can be read back as its rows),
 * check, and say in Vietnamese what could not be read. Never throws.
 *
 * Browser-safe: the host's functions (where the bytes come from, how they are read) are passed in.
 * Only what `judge` returns outlives the call: the bytes and the grids are dropped with it, so a
 * caller that keeps one summary row per file stays flat in memory however many files it reads.
 */
import { msg, ref, render, type MessageRef } from '../core/messages';
import '../core/messages/viWorkbook';
import { readConsolidation, type ConsolidationRow } from './consolidate';
import { CONSOLIDATION_SHEET } from './layout/consolidationNames';
import { generatedFileKind, type GeneratedFileKind } from './generated';
import type { SheetGrid } from './types';

/** What a host's reader gives (WorkbookData of src/hosts/xlsx and the page's reader). */
export interface ReadWorkbook {
  sheets: SheetGrid[];
  /** The kind in the file's "bontot:<kind>" keyword, or null (keywordKindOf). */
  generatedKind: string | null;
}

export interface CheckFileHost {
  /** The file's bytes; a missing or unreadable file throws a WorkbookReadError (its message is shown). */
  bytes: () => Promise<ArrayBuffer | Uint8Array>;
  /** Bytes → grids; throws a WorkbookReadError (Vietnamese) for what cannot be read. */
  read: (bytes: ArrayBuffer | Uint8Array) => Promise<ReadWorkbook>;
}

export interface CheckFileOptions {
  /** Read an earlier consolidation back as its rows (`consolidate`, the board); `check` only skips it. */
  readConsolidations?: boolean;
}

export interface Checked<T> {
  type: 'checked';
  /** What `judge` made of the organisation's workbook. */
  checked: T;
}

export interface Skipped {
  type: 'skipped';
  kind: GeneratedFileKind;
  /** An earlier consolidation's rows, when asked for (readConsolidations). */
  rows?: ConsolidationRow[];
}

export interface Unreadable {
  type: 'unreadable';
  /** Vietnamese, for people. */
  message: string;
  /**
   * Why, for a host that words it in its own language: a read error (`message` is the reader's own),
   * a marked consolidation without a readable list, or an unexpected failure (`detail`: its text).
   */
  cause: 'read' | 'brokenConsolidation' | 'failed';
  detail?: string;
  /** `message` as a catalogue reference (absent for a read error the reader gave no reference): `messageIn` renders it. */
  text?: MessageRef;
}

export type FileCheck<T> = Checked<T> | Skipped | Unreadable;

/** The message for a file marked as a consolidation whose list cannot be read. */
const BROKEN_CONSOLIDATION_TEXT = ref('read.brokenConsolidation', { sheet: CONSOLIDATION_SHEET });
export const BROKEN_CONSOLIDATION = render(BROKEN_CONSOLIDATION_TEXT, 'vi');

/**
 * The message of a failed read or check: a read error's own (WorkbookReadError, recognised by its
 * name so that this file needs no host), else a generic one with the error's text.
 */
export function unreadableMessage(error: unknown): string {
  return unreadable(error).message;
}

function unreadable(error: unknown): Unreadable {
  if (error instanceof Error && error.name === 'WorkbookReadError') {
    const text = (error as { text?: MessageRef }).text;
    return { type: 'unreadable', message: error.message, cause: 'read', ...(text ? { text } : {}) };
  }
  const detail = error instanceof Error ? error.message : String(error);
  const failed = msg('read.checkFailed', { detail });
  return { type: 'unreadable', message: failed.message, cause: 'failed', detail, text: failed.text };
}

/** Reads one file and, when it is an organisation's workbook, gives its grids to `judge`. */
export async function checkFile<T>(host: CheckFileHost, judge: (sheets: SheetGrid[]) => T, options: CheckFileOptions = {}): Promise<FileCheck<T>> {
  try {
    const data = await host.read(await host.bytes());
    const kind = generatedFileKind(data);
    if (kind === 'consolidation' && options.readConsolidations) {
      const rows = readConsolidation(data.sheets);
      return rows === null
        ? { type: 'unreadable', message: BROKEN_CONSOLIDATION, cause: 'brokenConsolidation', text: BROKEN_CONSOLIDATION_TEXT }
        : { type: 'skipped', kind, rows };
    }
    if (kind !== null) return { type: 'skipped', kind };
    return { type: 'checked', checked: judge(data.sheets) };
  } catch (error) {
    return unreadable(error);
  }
}
