/**
 * The TCVN3 (ABC, ".VnTime") and VNI (VNI-Times) code tables and the conversion of one word each
 * way. How a text is split into words and which words are converted is legacyEncoding.ts.
 */
import { letterParts, VOWEL_BASES, withTone, type ToneIndex } from './vietnameseSyllables';

// ---------------------------------------------------------------- TCVN3 tables

/** TCVN3 codes per vowel base: untoned, grave, hook, tilde, acute, dot (TCVN 5712:1993 VN3). */
const TCVN3_ROWS: readonly (readonly [string, readonly number[]])[] = [
  ['a', [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9]],
  ['ă', [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6]],
  ['â', [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb]],
  ['e', [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1]],
  ['ê', [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6]],
  ['i', [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde]],
  ['o', [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4]],
  ['ô', [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9]],
  ['ơ', [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee]],
  ['u', [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4]],
  ['ư', [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9]],
  ['y', [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe]],
];

/** The only uppercase letters TCVN3 has codes for. */
const TCVN3_UPPER: readonly (readonly [string, number])[] = [
  ['Ă', 0xa1],
  ['Â', 0xa2],
  ['Ê', 0xa3],
  ['Ô', 0xa4],
  ['Ơ', 0xa5],
  ['Ư', 0xa6],
  ['Đ', 0xa7],
];

interface Tcvn3Code {
  /** The letter in lowercase (or, for the uppercase codes, in uppercase). */
  letter: string;
  upperCode: boolean;
}

export const TCVN3_DECODE = new Map<string, Tcvn3Code>();
const TCVN3_ENCODE = new Map<string, string>();
for (const [base, codes] of TCVN3_ROWS) {
  codes.forEach((code, tone) => {
    if (code < 0x80) return;
    const letter = withTone(base, tone as ToneIndex);
    const char = String.fromCharCode(code);
    TCVN3_DECODE.set(char, { letter, upperCode: false });
    TCVN3_ENCODE.set(letter, char);
  });
}
TCVN3_DECODE.set('\u00ae', { letter: 'đ', upperCode: false });
TCVN3_ENCODE.set('đ', '\u00ae');
for (const [letter, code] of TCVN3_UPPER) {
  const char = String.fromCharCode(code);
  TCVN3_DECODE.set(char, { letter, upperCode: true });
  TCVN3_ENCODE.set(letter, char);
}

/**
 * Unicode → TCVN3 as typed with the ".VnTime" font. Uppercase toned letters have no code and
 * get the lowercase one (what the ".VnTimeH" font shows as uppercase).
 */
export function toTcvn3(unicode: string): string {
  let out = '';
  for (const char of unicode.normalize('NFC')) {
    const direct = TCVN3_ENCODE.get(char);
    if (direct !== undefined) {
      out += direct;
      continue;
    }
    const lower = char.toLowerCase();
    const viaLower = lower !== char ? TCVN3_ENCODE.get(lower) : undefined;
    out += viaLower ?? char;
  }
  return out;
}

type CaseClass = 'upper' | 'lower' | 'code' | 'other';

export function tcvn3CaseClass(char: string): CaseClass {
  const code = TCVN3_DECODE.get(char);
  if (code) return code.upperCode ? 'upper' : 'code';
  if (char >= 'A' && char <= 'Z') return 'upper';
  if (char >= 'a' && char <= 'z') return 'lower';
  return 'other';
}

/**
 * true: the word is uppercase (".VnTimeH"), false: mixed or lower case, null: cannot tell.
 * A word is uppercase when it has no lowercase ASCII letter and an uppercase letter after its
 * first letter ("HOµN", "¸O"); a word whose only capital is its first letter ("Hµ") cannot tell.
 */
export function tcvn3WordIsUpper(word: string): boolean | null {
  let index = 0;
  let upperInside = false;
  for (const char of word) {
    const kind = tcvn3CaseClass(char);
    if (kind === 'lower') return false;
    if (kind === 'upper' && index > 0) upperInside = true;
    index++;
  }
  return upperInside ? true : null;
}

export function decodeTcvn3Word(word: string, upper: boolean): string {
  let out = '';
  for (const char of word) {
    const code = TCVN3_DECODE.get(char);
    if (!code) out += char;
    else out += upper ? code.letter.toUpperCase() : code.letter;
  }
  return out;
}

// ---------------------------------------------------------------- VNI tables

interface VniMark {
  modifier: '' | '\u0302' | '\u0306';
  tone: ToneIndex;
}

/** VNI mark characters, lowercase form (the uppercase form is the same letter in capitals). */
const VNI_MARK_ROWS: readonly (readonly [VniMark['modifier'], readonly string[]])[] = [
  // none/grave/hook/tilde/acute/dot, as TONE_MARKS; '' = no code.
  ['', ['', '\u00f8', '\u00fb', '\u00f5', '\u00f9', '\u00ef']], // ø û õ ù ï
  ['\u0302', ['\u00e2', '\u00e0', '\u00e5', '\u00e3', '\u00e1', '\u00e4']], // â à å ã á ä
  ['\u0306', ['\u00ea', '\u00e8', '\u00fa', '\u00fc', '\u00e9', '\u00eb']], // ê è ú ü é ë
];

/** Single VNI codes for whole letters: ơ ư đ, the toned i, and ỵ. */
const VNI_LETTER_CODES: readonly (readonly [string, string])[] = [
  ['\u00f4', 'ơ'],
  ['\u00f6', 'ư'],
  ['\u00f1', 'đ'],
  ['\u00ec', 'ì'],
  ['\u00e6', 'ỉ'],
  ['\u00f3', 'ĩ'],
  ['\u00ed', 'í'],
  ['\u00f2', 'ị'],
  ['\u00ee', 'ỵ'],
];

const VNI_MARKS = new Map<string, VniMark>();
const VNI_MARK_ENCODE = new Map<string, string>(); // modifier + tone index → lowercase mark
for (const [modifier, marks] of VNI_MARK_ROWS) {
  marks.forEach((mark, tone) => {
    if (mark === '') return;
    const value: VniMark = { modifier, tone: tone as ToneIndex };
    VNI_MARKS.set(mark, value);
    VNI_MARKS.set(mark.toUpperCase(), value);
    VNI_MARK_ENCODE.set(modifier + String(tone), mark);
  });
}
const VNI_LETTERS = new Map<string, string>();
const VNI_LETTER_ENCODE = new Map<string, string>();
for (const [code, letter] of VNI_LETTER_CODES) {
  VNI_LETTERS.set(code, letter);
  VNI_LETTERS.set(code.toUpperCase(), letter.toUpperCase());
  VNI_LETTER_ENCODE.set(letter, code);
  VNI_LETTER_ENCODE.set(letter.toUpperCase(), code.toUpperCase());
}

/** Unicode → VNI (VNI-Times fonts). */
export function toVni(unicode: string): string {
  let out = '';
  for (const char of unicode.normalize('NFC')) {
    const single = VNI_LETTER_ENCODE.get(char);
    if (single !== undefined) {
      out += single;
      continue;
    }
    const parts = letterParts(char);
    if (!parts || !(VOWEL_BASES as readonly string[]).includes(parts.base)) {
      out += char;
      continue;
    }
    const { base, tone, upper } = parts;
    let letter: string;
    let modifier: VniMark['modifier'] = '';
    if (base === 'ơ' || base === 'ư') letter = VNI_LETTER_ENCODE.get(base) ?? base;
    else if (base === 'â' || base === 'ê' || base === 'ô') {
      letter = base.normalize('NFD').charAt(0);
      modifier = '\u0302';
    } else if (base === 'ă') {
      letter = 'a';
      modifier = '\u0306';
    } else letter = base;
    const mark = modifier === '' && tone === 0 ? '' : (VNI_MARK_ENCODE.get(modifier + String(tone)) ?? '');
    out += upper ? (letter + mark).toUpperCase() : letter + mark;
  }
  return out;
}

interface VniWord {
  text: string;
  /** false when a mark character follows something that cannot carry it, or is in the other case. */
  ok: boolean;
}

const VNI_TONE_BASES = new Set<string>(VOWEL_BASES);

export function decodeVniWord(word: string): VniWord {
  let out = '';
  let ok = true;
  // The letter being built: lowercase base (with its modifier), tone, case, and whether a
  // mark character may still attach to it.
  let base = '';
  let tone: ToneIndex = 0;
  let upper = false;
  let open = false;
  const flush = (): void => {
    if (base !== '') {
      const letter = withTone(base, tone);
      out += upper ? letter.toUpperCase() : letter;
    }
    base = '';
    tone = 0;
    open = false;
  };
  /** Applies a mark to the letter being built; false when the letter cannot carry it. */
  const attach = (mark: VniMark): boolean => {
    if (!open) return false;
    let next = base;
    if (mark.modifier !== '') {
      const carriers = mark.modifier === '\u0302' ? ['a', 'e', 'o'] : ['a'];
      if (!carriers.includes(base) || tone !== 0) return false;
      next = (base + mark.modifier).normalize('NFC');
    }
    if (mark.tone !== 0 && tone !== 0) return false;
    base = next;
    if (mark.tone !== 0) {
      tone = mark.tone;
      open = false;
    }
    return true;
  };
  for (const char of word) {
    const mark = VNI_MARKS.get(char);
    if (mark) {
      // A mark is typed in the case of its letter ("aø", "AØ"); a mismatch still converts.
      if (open && (char !== char.toLowerCase()) !== upper) ok = false;
      if (!attach(mark)) {
        flush();
        ok = false;
        out += char;
      }
      continue;
    }
    flush();
    const letter = VNI_LETTERS.get(char) ?? char;
    const lower = letter.toLowerCase();
    const parts = letterParts(lower);
    if (!parts) {
      out += char;
      continue;
    }
    base = parts.base;
    tone = parts.tone;
    upper = letter !== lower;
    open = tone === 0 && VNI_TONE_BASES.has(base);
  }
  flush();
  return { text: out, ok };
}
