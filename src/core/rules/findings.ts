/** What every rule shares: the rule's type and the labels and findings its messages are made of. */
import { ref, type Message, type MessageParam, type MessageRef } from '../messages';
// Every rule's messages: registered by whichever rule file is loaded first.
import '../messages/viRules';
import { rowOfCell, type RuleContext } from '../figures';
import type { Session } from '../sessions';
import { foldText } from '../text';
import type { Finding, IsoDate, Meeting, ReasonCode } from '../types';

export type Rule = (ctx: RuleContext) => Finding[];

export function meetingLabel(meeting: Meeting): MessageRef {
  if (meeting.date !== null) return ref('meeting.dated', { date: { date: meeting.date } });
  const row = rowOfCell(meeting.cells.date) ?? meeting.row;
  return ref('meeting.row', { row: String(row) });
}

/** A session's label: a same-day pair names its two rows, so the clerk sees why they were added up. */
export function sessionLabel(session: Session): MessageRef {
  if (session.partner === null) return meetingLabel(session.main);
  const rowOf = (m: Meeting): string => String(rowOfCell(m.cells.date) ?? m.row);
  return ref('meeting.pair', { meeting: meetingLabel(session.main), first: rowOf(session.main), second: rowOf(session.partner) });
}

/** A date parameter, or "?" when the date is unknown. */
export function dateParam(date: IsoDate | undefined | null): MessageParam {
  return date ? { date } : ref('date.unknown');
}

/** A finding with its message from the catalogue. */
export function found(code: ReasonCode, sheet: string | null, cell: string | null, message: Message, severity?: 'warn'): Finding {
  const finding: Finding = { code, sheet, cell, message: message.message, text: message.text };
  if (severity !== undefined) finding.severity = severity;
  return finding;
}

/** "Chi bộ X" for a subordinate named "X", but not "Chi bộ Chi bộ X" when the name already says it. */
export function subordinateName(name: string): MessageParam {
  return /^chi bo\b/.test(foldText(name)) ? name : ref('cell.name', { name });
}

export function listNames(names: readonly MessageParam[], max = 5): MessageParam {
  const shown: MessageParam = { list: names.slice(0, max) };
  return names.length > max ? ref('names.more', { names: shown, more: names.length - max }) : shown;
}
