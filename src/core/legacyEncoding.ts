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
import { decodeTcvn3Word, decodeVniWord, TCVN3_DECODE, tcvn3CaseClass, tcvn3WordIsUpper } from './legacyTables';
import { isVietnameseSyllable, letterParts } from './vietnameseSyllables';

// The tables and the syllables are parts of this module's public surface.
export { toTcvn3, toVni } from './legacyTables';
export { isVietnameseSyllable, vietnameseLetters, type SyllableOptions } from './vietnameseSyllables';

export type LegacyEncodingName = 'TCVN3' | 'VNI';

export interface LegacyDetection {
  encoding: LegacyEncodingName;
  /** The whole text with its legacy words converted, NFC. */
  unicode: string;
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
 * A character that is a word character in neither reading: ASCII other than a letter (space,
 * digits, punctuation), the no-break space, and General Punctuation (U+2000–U+206F: quotes “ ”,
 * dashes, …). TCVN3's codes are all in U+00A1–U+00FE (a legacyTables test holds it) and none of
 * these is a letter or a mark, so both tokenizers cut the text there.
 */
function separatesWords(code: number): boolean {
  // Below 0x80: not A–Z nor a–z (`| 0x20` lower-cases a letter; anything else lands outside a–z).
  return code < 0x80 ? ((code | 0x20) - 0x61) >>> 0 > 25 : code === 0xa0 || (code >= 0x2000 && code < 0x2070);
}

/**
 * An exact pre-filter for `detectLegacyEncoding`: false when no word of the text can be a legacy
 * word in either reading, so that both readings have no evidence and the answer is null.
 * Every word token of either reading lies inside one chunk between separators (separatesWords).
 * A chunk without a U+00A1–U+00FF character holds only neutral or unicode words. A chunk made
 * only of letters is one token in both readings; it is evidence only when `wordKind` (the very
 * function `readAs` asks, memoised) says so for TCVN3 (in either case) or VNI. Any other chunk
 * (a TCVN3 code that is no letter, such as "·", or another symbol) is left to the full detection.
 * A long Unicode paragraph (a criterion's text, with its commas and quotes) is so settled here
 * instead of by both full readings.
 */
function mayHaveLegacyWord(text: string): boolean {
  // The chunks, walked by index: only a chunk with a U+00A1–U+00FF character is cut out of the
  // text (for its memoised answer); no array of every chunk per text.
  let start = 0;
  let high = false;
  for (let i = 0; i <= text.length; i++) {
    // Past the end charCodeAt is NaN: read as a space, which ends the last chunk (as does a NUL).
    const code = text.charCodeAt(i) || 0x20;
    if (separatesWords(code)) {
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
export { mayHaveLegacyWord as mayBeLegacyNfc };

/**
 * Whether either full reading of a text (NFC) finds a legacy word in it: what `mayBeLegacyNfc`
 * must never deny (a test holds the pre-filter to it). Detection itself needs more evidence.
 */
export function hasLegacyWord(text: string): boolean {
  return readAs('TCVN3', text).legacyChars > 0 || readAs('VNI', text).legacyChars > 0;
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
  // (mayHaveLegacyWord is false for a text without a U+00A1–U+00FF character.)
  if (!mayHaveLegacyWord(normalized)) return null;
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
