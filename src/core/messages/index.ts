/**
 * The message catalogue both hosts use. Vietnamese is always loaded; English is registered by the
 * CLI (static import of ./en) or by the task pane when English is chosen (a lazy chunk, see
 * taskpane/render.ts `loadMessages`), so the custom functions and the pane's first load carry only
 * Vietnamese.
 */
import { registerCatalogue } from './render';
import { VI } from './vi';

registerCatalogue('vi', VI);

export { VI } from './vi';
// MessageKey is ./keys (re-exporting it here would close a circle through viRules and viIssues).
export * from './render';
