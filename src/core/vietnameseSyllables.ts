/**
 * Vietnamese letters and syllables as legacy-encoding detection needs them: every letter with its
 * base, tone and case, and whether a word is a possible Vietnamese syllable (initial, vowel
 * cluster, final, and where the tone may sit). The legacy tables (legacyTables.ts) are built from
 * the letters; detection (legacyEncoding.ts) asks whether a word is a syllable before and after
 * conversion.
 */

// ---------------------------------------------------------------- Vietnamese letters

/** Tone marks in the order used by every table below: none, grave, hook, tilde, acute, dot. */
const TONE_MARKS = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;
export type ToneIndex = 0 | 1 | 2 | 3 | 4 | 5;

/** The 12 vowel bases (with their circumflex, breve or horn) as lowercase NFC letters. */
export const VOWEL_BASES = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;

const WITH_TONE = new Map<string, string>();

export function withTone(base: string, tone: ToneIndex): string {
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
export function letterParts(char: string): LetterParts | null {
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
