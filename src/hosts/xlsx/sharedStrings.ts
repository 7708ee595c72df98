/**
 * The shared strings part (`xl/sharedStrings.xml`) → its texts, in order. Browser-safe.
 *
 * Read from the inflated bytes, one item at a time (issue 25): the usual item, `<si><t>TEXT</t></si>`
 * of plain text, is its TEXT's bytes decoded; any other item (rich text runs, phonetic runs,
 * `xml:space`, entities, escapes) has its own content decoded and read by stringItemText, as the
 * whole part's text would be. A part of any other shape (prefixed tags, `<si/>`, attributes on
 * `<si>`, anything between items) is decoded whole and read with the regular expression, as before.
 *
 * Each text decoded from its own bytes is a string of its own: no text is a slice of the whole
 * part's text, which would keep that text alive as long as any cell holding the string (see
 * ownCopy); the whole-part reading copies its long texts for the same reason.
 */
import { PREFIX, stringItemText } from './xml';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;

/** `<si>` */
const SI_START = [LT, 0x73, 0x69, GT];
/** `</si>` */
const SI_END = [LT, SLASH, 0x73, 0x69, GT];
/** `<t>` */
const T_START = [LT, 0x74, GT];
/** `</t>` */
const T_END = [LT, SLASH, 0x74, GT];
/** `</sst>` */
const SST_END = [LT, SLASH, 0x73, 0x73, 0x74, GT];

function bytesAt(bytes: Uint8Array, at: number, expected: readonly number[]): boolean {
  if (at + expected.length > bytes.length) return false;
  for (let k = 0; k < expected.length; k++) if (bytes[at + k] !== expected[k]) return false;
  return true;
}

function isXmlSpace(b: number | undefined): boolean {
  return b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d;
}

/** A text of its own (not a slice keeping a larger string alive): V8 flattens the concatenation into a new string. */
export function ownCopy(text: string): string {
  return text.length >= 13 ? ` ${text}`.slice(1) : text;
}

/** The shared strings of the part's inflated bytes, in order. */
export function sharedStringsOfBytes(bytes: Uint8Array): string[] {
  return sharedStringsOfItems(bytes) ?? sharedStringsOfText(new TextDecoder('utf-8').decode(bytes));
}

/**
 * The items read one by one, or null when the part is not a plain sequence of `<si>…</si>` (after
 * the XML declaration and the `<sst …>` start tag, before `</sst>`) that the regular expression
 * would read the same way.
 */
function sharedStringsOfItems(bytes: Uint8Array): string[] | null {
  // ignoreBOM: a U+FEFF opening an item's text is its text (only the part's first bytes may be a BOM).
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const length = bytes.length;
  // The prologue: at most the declaration and the `<sst …>` start tag, then the first item.
  let at = 0;
  let tagsBefore = 0;
  for (; at < length; at++) {
    if (bytes[at] !== LT) continue;
    if (bytesAt(bytes, at, SI_START)) break;
    // Only the declaration (`<?xml …?>`) and `<sst …>` may come first: any other tag (a comment,
    // a prefixed `<x:sst>` with its `<x:si>` items) leaves the part to the text reading.
    const isDeclaration = bytes[at + 1] === 0x3f;
    const isSst = bytes[at + 1] === 0x73 && bytes[at + 2] === 0x73 && bytes[at + 3] === 0x74 && (bytes[at + 4] === GT || isXmlSpace(bytes[at + 4]));
    if ((!isDeclaration && !isSst) || ++tagsBefore > 2) return null;
  }
  if (at >= length || !bytesAt(bytes, at, SI_START)) return null;
  const strings: string[] = [];
  for (;;) {
    const contentStart = at + SI_START.length;
    // The item's end: the first `</` (an item holds no raw "<" but its tags').
    let end = contentStart;
    for (;;) {
      while (end < length && bytes[end] !== LT) end++;
      if (end >= length) return null;
      if (bytes[end + 1] !== SLASH) {
        end++;
        continue;
      }
      // `</t>` or `</r>`… inside the item; `</si>` ends it; a prefixed end tag leaves it to the text reading.
      if (bytesAt(bytes, end, SI_END)) break;
      let name = end + 2;
      while (name < length && bytes[name] !== GT && bytes[name] !== LT) {
        if (bytes[name] === 0x3a) return null;
        name++;
      }
      end = name;
    }
    const textEnd = end - T_END.length;
    if (
      bytesAt(bytes, contentStart, T_START) &&
      textEnd >= contentStart + T_START.length &&
      bytesAt(bytes, textEnd, T_END) &&
      isPlainText(bytes, contentStart + T_START.length, textEnd)
    ) {
      strings.push(decoder.decode(bytes.subarray(contentStart + T_START.length, textEnd)));
    } else {
      strings.push(stringItemText(decoder.decode(bytes.subarray(contentStart, end))));
    }
    at = end + SI_END.length;
    while (at < length && isXmlSpace(bytes[at])) at++;
    if (bytesAt(bytes, at, SI_START)) continue;
    if (!bytesAt(bytes, at, SST_END)) return null;
    at += SST_END.length;
    while (at < length && isXmlSpace(bytes[at])) at++;
    return at === length ? strings : null;
  }
}

/** Whether [start, end) holds no markup, entity, carriage return or `_x` escape (stringItemText's plain text). */
function isPlainText(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b === LT || b === 0x26 || b === 0x0d || (b === 0x5f && bytes[i + 1] === 0x78 && i + 1 < end)) return false;
  }
  return true;
}

/** The shared strings of the part's decoded text, as the regular expression reads them (also the reference the item reading is tested against). */
export function sharedStringsOfText(xml: string): string[] {
  const strings: string[] = [];
  const item = new RegExp(`<${PREFIX}si(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${PREFIX}si>)`, 'g');
  for (let match = item.exec(xml); match !== null; match = item.exec(xml)) strings.push(ownCopy(stringItemText(match[1] ?? '')));
  return strings;
}
