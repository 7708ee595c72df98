/** Every Vietnamese message of the catalogue in one table (the CLI and the catalogue tests). */
import { POLICY_WORDS_VI } from './policyWords';
import { VI } from './vi';
import { VI_FUNCTIONS } from './viFunctions';
import { VI_ISSUES } from './viIssues';
import { VI_READ } from './viRead';
import { VI_RULES } from './viRules';
import { VI_WORKBOOK } from './viWorkbook';
import type { MessageKey } from './keys';

export const VI_ALL: Readonly<Record<MessageKey, string>> = {
  ...VI,
  ...VI_RULES,
  ...VI_ISSUES,
  ...VI_WORKBOOK,
  ...VI_READ,
  ...VI_FUNCTIONS,
  ...POLICY_WORDS_VI,
};
