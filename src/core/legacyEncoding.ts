/**
 * Legacy Vietnamese encodings: TCVN3 (ABC, ".VnTime" fonts) and VNI (VNI-Times fonts).
 *
 * Text typed with those fonts is stored as 1-byte codes; read as Unicode (Windows-1252 /
 * Latin-1), it shows up as "Hoµn thµnh tèt nhiÖm vô" (TCVN3) or "Hoaøn thaønh toát nhieäm vuï"
 * (VNI). This module converts both ways and detects such text in a cell.
 *
 * TCVN3 has a code for every lowercase Vietnamese letter but only for the uppercase letters
 * Ă Â Ê Ô Ơ Ư Đ; uppercase toned letters are typed with the lowercase codes in the ".VnTimeH"
 * (uppercase) font. The font is not in the text, so a word is converted to uppercase when its
 * other letters say so (see `tcvn3WordIsUpper`).
 *
 * VNI writes a base letter followed by one mark character (tone, circumflex or breve, or both
 * combined); ơ ư đ and the toned i / ỵ have single codes.
 *
 * Detection works word by word. A word is evidence of a legacy encoding only when it is not a
 * possible Vietnamese syllable as it stands but becomes one after conversion ("Hoµn" → "Hoàn");
 * words that are valid either way ("Tô", which is "Tụ" in TCVN3) are not evidence. A cell with
 * letters that no legacy font can produce (ệ, ư, đ…) keeps those words as they are. Everything
 * returned is NFC.
 */

export type LegacyEncodingName = 'TCVN3' | 'VNI';

export interface LegacyDetection {
  encoding: LegacyEncodingName;
  /** The whole text with its legacy words converted, NFC. */
  unicode: string;
}

// ---------------------------------------------------------------- Vietnamese letters

/** Tone marks in the order used by every table below: none, grave, hook, tilde, acute, dot. */
const TONE_MARKS = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;
type ToneIndex = 0 | 1 | 2 | 3 | 4 | 5;

/** The 12 vowel bases (with their circumflex, breve or horn) as lowercase NFC letters. */
const VOWEL_BASES = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;

const WITH_TONE = new Map<string, string>();

function withTone(base: string, tone: ToneIndex): string {
  const key = base + String(tone);
  let letter = WITH_TONE.get(key);
  if (letter === undefined) {
    letter = (base + TONE_MARKS[tone]).normalize('NFC');
    WITH_TONE.set(key, letter);
  }
  return letter;
}

/**
 * Every Vietnamese letter that is not plain ASCII: 12 vowel bases × 6 tones minus the 6 plain
 * ASCII vowels, plus đ — 67 lowercase and 67 uppercase letters (134 in all), lowercase first.
 */
export function vietnameseLetters(): string[] {
  const lower: string[] = [];
  for (const base of VOWEL_BASES) {
    for (let tone = 0; tone < TONE_MARKS.length; tone++) {
      const letter = withTone(base, tone as ToneIndex);
      if (letter.charCodeAt(0) > 0x7f) lower.push(letter);
    }
  }
  lower.push('đ');
  return [...lower, ...lower.map((letter) => letter.toUpperCase())];
}

interface LetterParts {
  /** Lowercase base with its circumflex, breve or horn, no tone (e.g. "ơ", "â", "đ", "b"). */
  base: string;
  tone: ToneIndex;
  upper: boolean;
}

const TONE_BY_MARK = new Map<string, ToneIndex>(TONE_MARKS.map((mark, index) => [mark, index as ToneIndex] as const).filter(([mark]) => mark !== ''));

function computeLetterParts(char: string): LetterParts | null {
  const lower = char.toLowerCase();
  const upper = lower !== char;
  let base = '';
  let tone: ToneIndex = 0;
  for (const part of lower.normalize('NFD')) {
    const toneIndex = TONE_BY_MARK.get(part);
    if (toneIndex !== undefined) {
      if (tone !== 0) return null;
      tone = toneIndex;
    } else {
      base += part;
    }
  }
  base = base.normalize('NFC');
  if (!VIETNAMESE_BASES.has(base)) return null;
  if (tone !== 0 && !(VOWEL_BASES as readonly string[]).includes(base)) return null;
  return { base, tone, upper };
}

const VIETNAMESE_BASES = new Set<string>([...VOWEL_BASES, 'đ', ...'bcdghklmnpqrstvx']);

const LETTER_PARTS = new Map<string, LetterParts>();
for (const char of [...vietnameseLetters(), ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ']) {
  const parts = computeLetterParts(char);
  if (parts) LETTER_PARTS.set(char, parts);
}

/** Splits one Vietnamese letter (NFC) into base, tone and case; null for anything else. */
function letterParts(char: string): LetterParts | null {
  return LETTER_PARTS.get(char) ?? null;
}

// ---------------------------------------------------------------- syllables

const INITIALS = [
  'ngh',
  'ng',
  'gh',
  'gi',
  'kh',
  'nh',
  'ph',
  'th',
  'tr',
  'ch',
  'qu',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
  '',
] as const;

/** "k" ends only Central Highlands names (Đắk Lắk, Krông Pắk): it goes where "c" goes. */
const FINALS = ['ng', 'nh', 'ch', 'c', 'k', 'm', 'n', 'p', 't', ''] as const;
const STOP_FINALS = new Set(['c', 'ch', 'k', 'p', 't']);

/** Vowel clusters and the finals each can take ('' = the cluster may end the syllable). */
const CLUSTERS = new Map<string, readonly string[]>([
  ['a', ['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']],
  ['ă', ['c', 'm', 'n', 'ng', 'p', 't']],
  ['â', ['c', 'm', 'n', 'ng', 'p', 't']],
  ['e', ['', 'c', 'm', 'n', 'ng', 'p', 't']],
  ['ê', ['', 'ch', 'm', 'n', 'nh', 'p', 't']],
  ['i', ['', 'ch', 'm', 'n', 'nh', 'p', 't']],
  ['o', ['', 'c', 'm', 'n', 'ng', 'p', 't']],
  ['ô', ['', 'c', 'm', 'n', 'ng', 'p', 't']],
  ['ơ', ['', 'm', 'n', 'p', 't']],
  ['u', ['', 'c', 'm', 'n', 'ng', 'p', 't']],
  ['ư', ['', 'c', 'n', 'ng', 't']],
  ['y', ['']],
  ['iê', ['c', 'm', 'n', 'ng', 'p', 't']],
  ['yê', ['c', 'm', 'n', 'ng', 'p', 't']],
  ['oa', ['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']],
  ['oă', ['c', 'm', 'n', 'ng', 't']],
  ['oe', ['', 'n', 't']],
  ['oo', ['c', 'ng']],
  ['uâ', ['n', 'ng', 't']],
  ['uê', ['', 'ch', 'nh']],
  ['uy', ['', 'ch', 'n', 'nh', 'p', 't']],
  ['uyê', ['n', 't']],
  ['uô', ['c', 'm', 'n', 'ng', 't']],
  ['ươ', ['c', 'm', 'n', 'ng', 'p', 't']],
  ...[
    'ai',
    'ao',
    'au',
    'ay',
    'âu',
    'ây',
    'eo',
    'êu',
    'ia',
    'iu',
    'oi',
    'ôi',
    'ơi',
    'ui',
    'ưi',
    'ưu',
    'ua',
    'ưa',
    'uơ',
    'iêu',
    'yêu',
    'oai',
    'oay',
    'oeo',
    'uây',
    'uya',
    'uyu',
    'uôi',
    'ươi',
    'ươu',
  ].map((cluster) => [cluster, ['']] as const),
]);

const MODIFIED_VOWELS = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);

/** Where the tone may sit inside a cluster (both the old "hòa" and the new "hoà" style). */
function tonePositions(cluster: string, final: string): number[] {
  const letters = [...cluster];
  let modified = -1;
  letters.forEach((letter, index) => {
    if (MODIFIED_VOWELS.has(letter)) modified = index;
  });
  if (modified >= 0) return [modified];
  if (letters.length === 1) return [0];
  if (cluster === 'oa' || cluster === 'oe' || cluster === 'uy') return final === '' ? [0, 1] : [1];
  // "oo" only in loanwords: xoong, boong (no tone), moóc, soóc (sắc before c).
  if (cluster === 'oo') return final === 'c' ? [1] : [];
  if (letters.length === 2) return [0];
  return [1];
}

export interface SyllableOptions {
  /** Also require the tone on the right vowel of the cluster (default true). */
  strictTonePlacement?: boolean;
}

/**
 * True when the word (any case, NFC or NFD) is one well-formed Vietnamese syllable: an initial
 * consonant, a vowel cluster, a final consonant that cluster can take, at most one tone, and
 * only sắc or nặng before a final c, ch, p or t. Letter case is not looked at.
 */
export function isVietnameseSyllable(word: string, options: SyllableOptions = {}): boolean {
  const strict = options.strictTonePlacement ?? true;
  const key = (strict ? '1' : '0') + word;
  const known = SYLLABLE_CACHE.get(key);
  if (known !== undefined) return known;
  // Names and labels repeat down a sheet: remember the last few thousand answers.
  if (SYLLABLE_CACHE.size >= SYLLABLE_CACHE_SIZE) SYLLABLE_CACHE.clear();
  const answer = checkSyllable(word, strict);
  SYLLABLE_CACHE.set(key, answer);
  return answer;
}

const SYLLABLE_CACHE = new Map<string, boolean>();
const SYLLABLE_CACHE_SIZE = 20000;

function checkSyllable(word: string, strict: boolean): boolean {
  const bases: string[] = [];
  let tone: ToneIndex = 0;
  let toneAt = -1;
  for (const char of word.normalize('NFC')) {
    const parts = letterParts(char);
    if (!parts) return false;
    if (parts.tone !== 0) {
      if (tone !== 0) return false;
      tone = parts.tone;
      toneAt = bases.length;
    }
    bases.push(parts.base);
  }
  if (bases.length === 0) return false;
  const text = bases.join('');
  for (const initial of INITIALS) {
    if (!text.startsWith(initial)) continue;
    const rest0 = text.slice(initial.length);
    // [where the cluster starts, the cluster and final, where the tone may start]
    const starts: [number, string, number][] = [[initial.length, rest0, initial.length]];
    // "gi" and "qu" lend their i / u to the cluster (giếng = gi + iêng, quỳnh = qu + uynh),
    // never carrying the tone themselves.
    if (initial === 'gi' || (initial === 'qu' && rest0.startsWith('y'))) {
      starts.push([1, text.slice(1), initial.length]);
    }
    for (const [clusterStart, rest, toneFrom] of starts) {
      for (const final of FINALS) {
        if (!rest.endsWith(final)) continue;
        const cluster = rest.slice(0, rest.length - final.length);
        const finals = CLUSTERS.get(cluster);
        if (!finals || !finals.includes(final === 'k' ? 'c' : final)) continue;
        // Before i the initial is spelled gi: "g" + "ia…" is no syllable ("gì", "gìn" are fine).
        if (initial === 'g' && cluster.startsWith('i') && cluster !== 'i') continue;
        if (STOP_FINALS.has(final) && tone !== 4 && tone !== 5) continue;
        // The tone never sits on the consonant part of the initial.
        if (tone !== 0 && toneAt < toneFrom) continue;
        if (strict && tone !== 0 && !tonePositions(cluster, final).includes(toneAt - clusterStart)) continue;
        return true;
      }
    }
  }
  return false;
}

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

const TCVN3_DECODE = new Map<string, Tcvn3Code>();
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

function tcvn3CaseClass(char: string): CaseClass {
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
function tcvn3WordIsUpper(word: string): boolean | null {
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

function decodeTcvn3Word(word: string, upper: boolean): string {
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

function decodeVniWord(word: string): VniWord {
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

// ---------------------------------------------------------------- words

interface Token {
  text: string;
  isWord: boolean;
}

function tokenize(text: string, isWordChar: (char: string) => boolean): Token[] {
  const tokens: Token[] = [];
  let current = '';
  let currentIsWord = false;
  for (const char of text) {
    const word = isWordChar(char);
    if (current !== '' && word !== currentIsWord) {
      tokens.push({ text: current, isWord: currentIsWord });
      current = '';
    }
    current += char;
    currentIsWord = word;
  }
  if (current !== '') tokens.push({ text: current, isWord: currentIsWord });
  return tokens;
}

const LETTER = /[\p{L}\p{M}]/u;

function isTcvn3WordChar(char: string): boolean {
  return TCVN3_DECODE.has(char) || LETTER.test(char);
}

function isLetterChar(char: string): boolean {
  return LETTER.test(char);
}

/** True when a word starts with an uppercase letter as TCVN3 reads it. */
function tcvn3StartsUpper(word: string): boolean {
  const first = [...word][0] ?? '';
  if (TCVN3_DECODE.has(first)) return TCVN3_DECODE.get(first)?.upperCode === true;
  return first !== first.toLowerCase();
}

/** A word that starts with a toned letter (which has no uppercase TCVN3 code), rest lowercase. */
function startsWithTonedCode(word: string): boolean {
  const [first, ...rest] = [...word];
  const code = first === undefined ? undefined : TCVN3_DECODE.get(first);
  if (!code || code.upperCode || letterParts(code.letter)?.tone === 0) return false;
  return rest.every((char) => tcvn3CaseClass(char) !== 'upper');
}

/** Whether each word token of a text is to be read in capitals (null for other tokens). */
function tcvn3UpperWords(tokens: readonly Token[]): (boolean | null)[] {
  const flags = tokens.map((token) => (token.isWord ? tcvn3WordIsUpper(token.text) : null));
  const hasLower = tokens.some((token) => token.isWord && /[a-z]/.test(token.text));
  const textUpper = !hasLower && flags.some((flag) => flag === true);
  return tokens.map((token, index) => (token.isWord ? (flags[index] ?? textUpper) : null));
}

/**
 * Converts the words of a text with the TCVN3 table; `convert` chooses which words.
 * Case: uppercase words (".VnTimeH") come out in capitals; in a text whose other words are all
 * capitalised (a name such as "NguyÔn ThÞ ¸nh"), the words starting with a toned letter get a
 * capital too (TCVN3 has no code for "Á").
 */
function convertTcvn3Tokens(tokens: readonly Token[], convert: (index: number) => boolean): string {
  const upperFlags = tcvn3UpperWords(tokens);
  const words = tokens.flatMap((token, index) => (token.isWord ? [index] : []));
  const startsUpper = words.filter((index) => tcvn3StartsUpper(tokens[index]?.text ?? ''));
  const startsToned = words.filter((index) => startsWithTonedCode(tokens[index]?.text ?? ''));
  const titleCase = startsUpper.length > 0 && startsUpper.length + startsToned.length === words.length;
  const capitalised = (index: number): boolean => titleCase && startsToned.includes(index);
  return tokens
    .map((token, index) => {
      if (!token.isWord || !convert(index)) return token.text;
      const upper = upperFlags[index] === true;
      const converted = decodeTcvn3Word(token.text, upper);
      if (upper || !capitalised(index)) return converted;
      const [first = '', ...rest] = [...converted];
      return first.toUpperCase() + rest.join('');
    })
    .join('');
}

/** TCVN3 text (read as Latin-1 / Windows-1252 characters) → Unicode NFC. */
export function convertFromTcvn3(text: string): string {
  const tokens = tokenize(text.normalize('NFC'), isTcvn3WordChar);
  return convertTcvn3Tokens(tokens, () => true).normalize('NFC');
}

/** VNI text (read as Latin-1 / Windows-1252 characters) → Unicode NFC. */
export function convertFromVni(text: string): string {
  const tokens = tokenize(text.normalize('NFC'), isLetterChar);
  return tokens
    .map((token) => (token.isWord ? decodeVniWord(token.text).text : token.text))
    .join('')
    .normalize('NFC');
}

// ---------------------------------------------------------------- detection

/**
 * legacy: evidence for the encoding; unicode: evidence against it (keep the word); junk: has
 * legacy codes but is no syllable either way; neutral: reads either way or has no codes.
 */
type WordKind = 'legacy' | 'unicode' | 'junk' | 'neutral';

/** Any letter outside Latin-1: no TCVN3 or VNI font can have produced it. */
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/** lower case, UPPER CASE or Title case: what a person types ("nhiÖm", "ngỊu" are not). */
function wellCased(word: string): boolean {
  const [first = '', ...rest] = [...word];
  const restText = rest.join('');
  if (restText === restText.toLowerCase()) return true;
  return restText === restText.toUpperCase() && first === first.toUpperCase();
}

/**
 * How a word reads: evidence for the legacy encoding (not a syllable as it stands, a syllable
 * once converted, 2 characters or more), evidence for Unicode (a letter no legacy font
 * produces, or a syllable as it stands that conversion would break), junk or neutral.
 */
function classifyWord(word: string, converted: string, convertedOk: boolean): { kind: WordKind; chars: number } {
  if (BEYOND_LATIN1.test(word)) return { kind: 'unicode', chars: 0 };
  if (converted === word && convertedOk) return { kind: 'neutral', chars: 0 };
  const before = wellCased(word) && isVietnameseSyllable(word);
  const after = convertedOk && wellCased(converted) && isVietnameseSyllable(converted);
  // Evidence is measured in characters of the text as it stands, the same for both readings
  // (counting converted letters would favour TCVN3, whose codes are one letter each).
  const chars = [...word].length;
  if (after && !before) return { kind: chars >= 2 ? 'legacy' : 'neutral', chars };
  if (before && !after) return { kind: 'unicode', chars };
  if (!before && !after) return { kind: 'junk', chars };
  return { kind: 'neutral', chars };
}

interface Reading {
  encoding: LegacyEncodingName;
  tokens: Token[];
  kinds: (WordKind | null)[];
  /** Characters of the legacy words. */
  legacyChars: number;
  /** Characters of the junk words (legacy codes that make no syllable in this reading). */
  junkChars: number;
}

/** A text needs at least this many characters in evidence words to be flagged. */
const MIN_EVIDENCE_CHARS = 3;

/**
 * How one word reads in one encoding (a pure function of the word, the encoding and, for TCVN3,
 * whether the word is read in capitals). Memoised: names and labels repeat the same few hundred
 * words, each with several Latin-1 letters to decode and classify.
 */
const WORD_KINDS = new Map<string, { kind: WordKind; chars: number }>();
const WORD_KINDS_SIZE = 50_000;

function wordKind(encoding: LegacyEncodingName, word: string, upper: boolean): { kind: WordKind; chars: number } {
  const key = `${encoding === 'TCVN3' ? (upper ? 'T' : 't') : 'v'}${word}`;
  let found = WORD_KINDS.get(key);
  if (found === undefined) {
    let converted: string;
    let ok = true;
    if (encoding === 'TCVN3') {
      converted = decodeTcvn3Word(word, upper);
    } else {
      const decoded = decodeVniWord(word);
      converted = decoded.text;
      ok = decoded.ok;
    }
    found = classifyWord(word, converted, ok);
    if (WORD_KINDS.size >= WORD_KINDS_SIZE) WORD_KINDS.clear();
    WORD_KINDS.set(key, found);
  }
  return found;
}

function readAs(encoding: LegacyEncodingName, text: string): Reading {
  const tokens = tokenize(text, encoding === 'TCVN3' ? isTcvn3WordChar : isLetterChar);
  const upperWords = encoding === 'TCVN3' ? tcvn3UpperWords(tokens) : [];
  let legacyChars = 0;
  let junkChars = 0;
  const kinds = tokens.map((token, index): WordKind | null => {
    if (!token.isWord) return null;
    // Fast path: every legacy code is in U+00A1–U+00FF.
    if (BEYOND_LATIN1.test(token.text)) return 'unicode';
    if (!LATIN1_HIGH.test(token.text)) return 'neutral';
    const { kind, chars } = wordKind(encoding, token.text, encoding === 'TCVN3' && upperWords[index] === true);
    if (kind === 'legacy') legacyChars += chars;
    if (kind === 'junk') junkChars += chars;
    return kind;
  });
  return { encoding, tokens, kinds, legacyChars, junkChars };
}

/**
 * Which words of a flagged text to convert: legacy words, and neutral or junk words whose
 * nearest decisive (legacy or unicode) word is a legacy word (the one before on a tie).
 */
function convertPlan(kinds: readonly (WordKind | null)[]): boolean[] {
  const decisive: number[] = [];
  kinds.forEach((kind, index) => {
    if (kind === 'legacy' || kind === 'unicode') decisive.push(index);
  });
  return kinds.map((kind, index) => {
    if (kind === null) return false;
    if (kind === 'legacy' || kind === 'unicode') return kind === 'legacy';
    let nearest = -1;
    for (const at of decisive) {
      if (nearest < 0 || Math.abs(at - index) < Math.abs(nearest - index)) nearest = at;
    }
    return nearest >= 0 && kinds[nearest] === 'legacy';
  });
}

function render(reading: Reading): string {
  const plan = convertPlan(reading.kinds);
  if (reading.encoding === 'TCVN3') {
    return convertTcvn3Tokens(reading.tokens, (index) => plan[index] === true).normalize('NFC');
  }
  return reading.tokens
    .map((token, index) => (plan[index] === true ? decodeVniWord(token.text).text : token.text))
    .join('')
    .normalize('NFC');
}

/** Quick filter: legacy text always has a character in U+00A1–U+00FF. */
const LATIN1_HIGH = /[\u00a1-\u00ff]/;

/** Letters and marks only: a space-separated chunk that is one word token in both readings. */
const ALL_LETTERS = /^[\p{L}\p{M}]+$/u;

/**
 * An exact pre-filter for `detectLegacyEncoding`: false when no word of the text can be a legacy
 * word in either reading, so that both readings have no evidence and the answer is null.
 * A space is a word character in neither reading, so every word token lies inside one
 * space-separated chunk. A chunk without a U+00A1–U+00FF character holds only neutral or unicode
 * words. A chunk made only of letters is one token in both readings; it is evidence only when
 * `wordKind` (the very function `readAs` asks, memoised) says so for TCVN3 (in either case) or
 * VNI. Any other chunk (punctuation, other spaces) is left to the full detection.
 */
function mayHaveLegacyWord(text: string): boolean {
  // The chunks between spaces, walked by index: only a chunk with a U+00A1–U+00FF character is
  // cut out of the text (for its memoised answer); no array of every chunk per text.
  let start = 0;
  let high = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    if (code === 0x20) {
      if (high && chunkMayBeLegacy(text.slice(start, i))) return true;
      start = i + 1;
      high = false;
    } else if (code >= 0xa1 && code <= 0xff) high = true;
  }
  return false;
}

/**
 * The answer for one chunk with a U+00A1–U+00FF character, memoised: a pure function of the
 * chunk, and the names of a large workbook repeat a few hundred words (one lookup instead of
 * three `wordKind` lookups, each with its key to build).
 */
const CHUNKS = new Map<string, boolean>();
const CHUNKS_SIZE = 50_000;

function chunkMayBeLegacy(chunk: string): boolean {
  let may = CHUNKS.get(chunk);
  if (may === undefined) {
    may =
      !ALL_LETTERS.test(chunk) ||
      (!BEYOND_LATIN1.test(chunk) &&
        (wordKind('TCVN3', chunk, false).kind === 'legacy' ||
          wordKind('TCVN3', chunk, true).kind === 'legacy' ||
          wordKind('VNI', chunk, false).kind === 'legacy'));
    if (CHUNKS.size >= CHUNKS_SIZE) CHUNKS.clear();
    CHUNKS.set(chunk, may);
  }
  return may;
}

/**
 * False when `detectLegacyEncoding(text)` is sure to be null by its exact pre-filter (no word of
 * the text can be legacy in either reading): what most Unicode text (names, labels) settles on,
 * faster than a look-up in a cache of answers. `text` must be NFC already (as the workbook scan
 * gives it); a text without a U+00A1–U+00FF character has no chunk that may be legacy.
 */
export function mayBeLegacyNfc(text: string): boolean {
  return mayHaveLegacyWord(text);
}

export interface DetectOptions {
  /**
   * The encoding to choose when a text reads equally well as TCVN3 and as VNI (e.g. "Thö" is
   * "Thử" in TCVN3 and "Thư" in VNI): pass the encoding most other cells of the workbook were
   * found in. Default TCVN3, the encoding of most party and state offices.
   */
  prefer?: LegacyEncodingName;
}

/**
 * Detects TCVN3 or VNI text. Returns the encoding and the text with its legacy words
 * converted (NFC), or null for ordinary Unicode, English, numbers, codes, and text too short
 * or too ambiguous to tell (TCVN3 "Vô" is "Vụ" but also a Unicode word).
 *
 * A reading counts when its evidence words (of 2 characters or more each) hold at
 * least 3 characters and outweigh the words it turns into junk; of two readings the one with
 * more evidence net of junk wins, and `prefer` settles a tie.
 */
export function detectLegacyEncoding(text: string, options: DetectOptions = {}): LegacyDetection | null {
  const normalized = text.normalize('NFC');
  if (!LATIN1_HIGH.test(normalized) || !mayHaveLegacyWord(normalized)) return null;
  const prefer = options.prefer ?? 'TCVN3';
  const score = (reading: Reading): number => reading.legacyChars - reading.junkChars;
  const readings = (['TCVN3', 'VNI'] as const)
    .map((encoding) => readAs(encoding, normalized))
    .filter((reading) => reading.legacyChars >= MIN_EVIDENCE_CHARS && score(reading) > 0)
    .sort((a, b) => score(b) - score(a) || (a.encoding === prefer ? -1 : b.encoding === prefer ? 1 : 0));
  const best = readings[0];
  if (!best) return null;
  return { encoding: best.encoding, unicode: render(best) };
}
