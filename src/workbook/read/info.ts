/** `Thông tin`: the organisation's items (name, kind, type, year, committee, stamped minutes book). */
import { msg, ref, type MessageParam } from '../../core/messages';
import '../../core/messages/viIssues';
import type { OrgInfo } from '../../core/types';
import { parseOrgKind, parseOrgType, parseStamped, parseYesNo } from '../../core/vocabulary';
import { INFO_ITEMS, INFO_SHEET, columnsNamedBy, type InfoKey } from '../layout/template';
import { NO_RESULT, itemProblem, numberCell, yearSchema } from './cells';
import { locateHeader, reportMissingColumns, type SheetView } from './sheetView';

export function emptyInfo(): OrgInfo {
  return {
    name: null,
    kind: null,
    level: null,
    type: null,
    year: null,
    superior: null,
    hasCommittee: null,
    minutesBookStamped: null,
    minutesBookStampedCell: null,
  };
}

export function readInfo(sheet: SheetView): OrgInfo {
  const info = emptyInfo();
  const header = locateHeader(sheet, INFO_SHEET.columns);
  const itemCol = header.cols.get('item');
  const valueCol = header.cols.get('value');
  const useHeader = itemCol !== undefined && valueCol !== undefined;
  const seen = new Map<InfoKey, { r: number; c: number }>();
  for (let r = useHeader ? header.row + 1 : 0; r < sheet.rowCount; r++) {
    // With the header: its two columns. Without: the first non-blank cell of the row and the cell after it.
    let labelCol = itemCol;
    if (!useHeader) {
      labelCol = undefined;
      for (let c = 0; c < sheet.width(r); c++) {
        if (!sheet.blank(r, c)) {
          labelCol = c;
          break;
        }
      }
    }
    if (labelCol === undefined) continue;
    const label = sheet.text(r, labelCol);
    if (label === null) continue;
    const item = columnsNamedBy(label, INFO_COLUMNS)[0]?.item;
    if (!item || seen.has(item.key)) continue;
    seen.set(item.key, { r, c: useHeader ? (valueCol as number) : labelCol + 1 });
  }
  if (seen.size === 0 && !useHeader) {
    reportMissingColumns(sheet, header, INFO_SHEET.columns, (c) => c.required);
  }

  for (const item of INFO_ITEMS) {
    const place = seen.get(item.key);
    const at = place ? sheet.addr(place.r, place.c) : null;
    const text = place ? sheet.text(place.r, place.c) : null;
    const missing = (expected: MessageParam): void => {
      if (place && sheet.formulaWithoutResult(place.r, place.c)) {
        sheet.issue('VALUE_INVALID', at, msg('issue.item', { label: item.label, problem: NO_RESULT }));
        return;
      }
      sheet.issue('VALUE_INVALID', at, msg(place ? 'VALUE_INVALID.itemBlank' : 'VALUE_INVALID.itemMissing', { label: item.label, expected }));
    };
    switch (item.key) {
      case 'name':
        info.name = text;
        break;
      case 'superior':
        info.superior = text;
        break;
      case 'kind': {
        const expected = ref('expected.oneOf', { options: (item.allowed ?? []).join(', ') });
        if (text === null) {
          missing(expected);
          break;
        }
        const parsed = parseOrgKind(text);
        if (parsed.ok) {
          info.kind = parsed.value.kind;
          info.level = parsed.value.level;
        } else sheet.issue('VALUE_INVALID', at, itemProblem(item.label, parsed));
        break;
      }
      case 'type': {
        if (text === null) {
          if (place && sheet.formulaWithoutResult(place.r, place.c)) missing(ref('expected.value'));
          break;
        }
        const parsed = parseOrgType(text);
        if (parsed.ok) info.type = parsed.value;
        else sheet.issue('VALUE_INVALID', at, itemProblem(item.label, parsed));
        break;
      }
      case 'year': {
        const expected = ref('expected.year');
        if (!place || text === null) {
          missing(expected);
          break;
        }
        const cell = numberCell(sheet, place.r, place.c);
        if (cell.state === 'number' && yearSchema.safeParse(cell.value).success) info.year = cell.value;
        else sheet.issue('VALUE_INVALID', at, msg('VALUE_INVALID.year', { label: item.label, text }));
        break;
      }
      case 'hasCommittee':
      case 'minutesBookStamped': {
        const stamp = item.key === 'minutesBookStamped';
        if (stamp) info.minutesBookStampedCell = at;
        if (text === null) {
          if (place && sheet.formulaWithoutResult(place.r, place.c)) {
            missing(ref('expected.value'));
            if (stamp) info.minutesBookStampedUnreadable = true;
          }
          break;
        }
        const parsed = (stamp ? parseStamped : parseYesNo)(text);
        if (!parsed.ok) {
          sheet.issue('VALUE_INVALID', at, itemProblem(item.label, parsed));
          if (stamp) info.minutesBookStampedUnreadable = true;
          break;
        }
        if (item.key === 'hasCommittee') info.hasCommittee = parsed.value;
        else info.minutesBookStamped = parsed.value;
        break;
      }
    }
  }
  return info;
}

/** The `Thông tin` items as columns (label and aliases), for columnsNamedBy. */
const INFO_COLUMNS = INFO_ITEMS.map((item) => ({ header: item.label, aliases: item.aliases, item }));
