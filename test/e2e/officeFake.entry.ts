/**
 * Browser stand-in for office.js in the Excel-mode browser tests: bundled by test/e2e/support.ts
 * and served in place of dist/assets/office-js/office.js (page.route), so that the real task pane
 * bundle runs "inside Excel" against the in-memory Office.js fake (test/fakes/office/).
 *
 * It defines the globals the page's scripts use — `Office` (onReady gives host Excel, HostType),
 * `Excel` (enums + run over the fake) and `CustomFunctions` (associate, Error, ErrorCode; the
 * functions bundle registers its functions here) — and exposes the fake as `window.__e2e` so the
 * tests can fill the workbook and snapshot it through the fake's own API.
 *
 * The workbook to start with is `window.__e2eInit` (set by the test before this script runs).
 */
import { createFakeExcel, type FakeExcel, type FakeExcelOptions, type FakeSheetInit } from '../fakes/office';
import { ERROR_CODES } from '../support/customFunctionsStub';
import { highlightRanges, stateChanges, userState, type UserState } from './userState';

export interface E2EInit {
  sheets: FakeSheetInit[];
  locale?: FakeExcelOptions['locale'];
}

export interface E2EHandle {
  fake: FakeExcel;
  /** Ids handed to CustomFunctions.associate, in order. */
  associated: string[];
  /** How many times Office.onReady was called. */
  onReadyCalls: number;
  /** Remembers the user's sheets as they are now under `label`; returns how many entries. */
  capture(label: string): number;
  /** What changed in the user's sheets since `capture(label)` (empty when nothing did). */
  changes(label: string, highlightsToo: boolean): string[];
  /** The add-in's highlight conditional formats, "Sheet!ranges". */
  highlights(): string[];
}

// Not `typeof globalThis`: @types/office-js declares Office, Excel and CustomFunctions there.
type Global = {
  __e2eInit?: E2EInit;
  __e2e?: E2EHandle;
  Office?: unknown;
  Excel?: unknown;
  CustomFunctions?: unknown;
};

const scope = globalThis as unknown as Global;
const init: E2EInit = scope.__e2eInit ?? { sheets: [] };
const fake = createFakeExcel({ sheets: init.sheets, ...(init.locale ? { locale: init.locale } : {}) });
const states = new Map<string, UserState>();
const handle: E2EHandle = {
  fake,
  associated: [],
  onReadyCalls: 0,
  capture(label) {
    const state = userState(fake);
    states.set(label, state);
    let size = 0;
    for (const sheet of state.values()) size += sheet.size;
    return size;
  },
  changes(label, highlightsToo) {
    const before = states.get(label);
    if (!before) throw new Error(`no state captured as "${label}"`);
    return stateChanges(before, userState(fake), { highlightsToo });
  },
  highlights: () => highlightRanges(fake),
};
scope.__e2e = handle;

const HostType = {
  Excel: 'Excel',
  Word: 'Word',
  PowerPoint: 'PowerPoint',
  Outlook: 'Outlook',
  OneNote: 'OneNote',
  Project: 'Project',
  Access: 'Access',
} as const;
const PlatformType = { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' } as const;

scope.Office = {
  HostType,
  PlatformType,
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> {
    handle.onReadyCalls += 1;
    const info = { host: HostType.Excel, platform: PlatformType.OfficeOnline };
    // Like office.js: asynchronously, after the page's scripts have run.
    return new Promise((resolve) => {
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 0);
    });
  },
};

scope.Excel = fake.Excel;

class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'CustomFunctions.Error';
  }
}

scope.CustomFunctions = {
  associate(id: string | Record<string, unknown>): void {
    if (typeof id === 'string') handle.associated.push(id);
    else handle.associated.push(...Object.keys(id));
  },
  Error: CustomFunctionsError,
  ErrorCode: ERROR_CODES,
};
