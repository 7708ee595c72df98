/**
 * The board's labels (taskpane/board.ts), in its lazy chunk: registered into taskpane/i18n.ts when
 * the chunk loads, so the page's first scripts do not carry them.
 */
import { BOARD_VI } from './boardLabels';
import { registerStrings } from './i18n';

export { BOARD_VI };

const BOARD_EN: Record<keyof typeof BOARD_VI, string> = {
  'standalone.rollup': 'List of organisations',
  'standalone.printBoard': 'Print / Save the list as PDF',
  'standalone.rollupRows': 'A list of organisations made by Bốn Tốt: {count} rows read back, as “bontot consolidate” does.',
  'board.title': 'All organisations',
  'board.table.caption': 'Result of each file (unreadable, skipped and duplicate files first)',
  'board.col.file': 'File',
  'board.col.organization': 'Organisation',
  'board.col.kind': 'Kind',
  'board.col.verdict': 'Result',
  'board.col.blocking': 'Reasons not met',
  'board.line.error': 'File could not be read',
  'board.line.skipped': 'Skipped',
  'board.line.duplicate': 'Duplicate, not counted again',
  'board.line.eligible': 'Eligible',
  'board.line.notEligible': 'Not yet eligible',
  'board.notComputed': 'not computed',
  'board.pass': '(met)',
  'board.below': '(below)',
  'board.openCard': 'Open the details of this file',
  'board.via': '(original: {file})',
  'board.noName': '(no name)',
  'board.nothingRead': 'No organisation could be read ({unreadable} unreadable files); nothing to consolidate.',
  'board.kind': '{kind}: {eligible}/{organizations} eligible ({share})',
  'board.kindApart': '{kind} (counted apart, not toward the target): {eligible}/{organizations} eligible ({share})',
  'board.unreadable': 'Unreadable files (not counted): {count}',
  'board.duplicates': 'Copies of the same organisation (counted once): {count}',
  'board.chart.verdictTitle': 'Organisations eligible against the target',
  'board.chart.criteriaTitle': 'The four criteria across organisations',
  'board.chart.targetBar': 'Counted toward the target',
  'board.chart.eligible': 'Eligible',
  'board.chart.notEligible': 'Not yet eligible',
  'board.chart.verdictValue': '{eligible}/{organizations} eligible ({share})',
  'board.chart.target': 'Target {target}%',
  'board.chart.criterionValue': '{threshold}% or more: {pass}; below {threshold}%: {below}; not computed: {unknown}',
  'board.chart.pass': '{threshold}% or more',
  'board.chart.below': 'Below {threshold}%',
  'board.chart.unknown': 'Not computed',
  'board.chart.sheetHeading': 'Chart data',
  'board.chart.group': 'Group of organisations',
  'board.pane.write': 'Write the list of organisations sheet',
  'board.pane.writing': 'Writing the list of organisations sheet…',
  'board.pane.written': 'Wrote the “{sheet}” sheet with its chart and opened it; no other sheet changed.',
  'board.pane.renamed': 'This workbook’s “{base}” sheet is your own (not made by Bốn Tốt), so it was left alone; the list went to “{sheet}”.',
  'board.pane.failed': 'Could not write the list of organisations sheet: {message}',
  'board.pane.nothing': 'No organisation has been read yet.',
  'board.group.chi-bo-co-so': 'Grassroots party cells',
  'board.group.chi-bo-truc-thuoc': 'Subordinate party cells',
  'board.group.chi-bo': 'Party cells (level unknown)',
  'board.group.dang-bo-co-so': 'Grassroots party committees',
  'board.group.khong-ro': 'Kind of organisation unknown',
  'board.fail.check': 'Error while checking the file: {message}',
  'board.fail.brokenConsolidation':
    'The file is marked as a Bốn Tốt consolidation but has no readable sheet “{sheet}”; make it again with “bontot consolidate” from the original files.',
};

registerStrings(BOARD_VI, BOARD_EN);
