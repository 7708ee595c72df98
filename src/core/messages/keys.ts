/**
 * Every key of the catalogue: the words and messages of vi.ts, the rules' (viRules.ts) the data
 * issues' (viIssues.ts) and fill-subordinates' the consolidation's (viWorkbook.ts) and the
 * unreadable files' (viRead.ts) and the custom functions' (viFunctions.ts). Its own file: the two parts register themselves after the base catalogue
 * (they import index.ts, which imports vi.ts), so vi.ts naming their keys would close a circle.
 */
import type { VI } from './vi';
import type { FunctionsMessageKey } from './viFunctions';
import type { IssueMessageKey } from './viIssues';
import type { ReadMessageKey } from './viRead';
import type { RuleMessageKey } from './viRules';
import type { WorkbookMessageKey } from './viWorkbook';

export type MessageKey = keyof typeof VI | RuleMessageKey | IssueMessageKey | WorkbookMessageKey | ReadMessageKey | FunctionsMessageKey;
