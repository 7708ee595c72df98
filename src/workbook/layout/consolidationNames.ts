/**
 * The name of consolidation that the task pane's initial script needs (the sheet's name) without the
 * rest of consolidate.ts, which only the lazy board chunk and the CLI load. consolidate.ts
 * re-exports it. The short labels of reason codes are src/core/reasonLabels.ts.
 */
export const CONSOLIDATION_SHEET = 'Danh sách tổ chức';
