/**
 * Normalisation: foldText and compactKey are idempotent and blind to NFC/NFD, and so is every
 * vocabulary parser (a label typed in NFD, in capitals, without diacritics or between spaces
 * reads the same); the reader's label seam composes to NFC; a whole workbook typed in NFD gets
 * the verdict of the same workbook in NFC.
 */
import fc from 'fast-check';
import { cellText, compactKey, foldText } from '../../src/core/text';
import {
  parseMark,
  parseMeetingKind,
  parseOrgKind,
  parseOrgType,
  parseRating,
  parseRecognised,
  parseSelfAssessment,
  parseYesNo,
} from '../../src/core/vocabulary';
import { checkWorkbook } from '../../src/workbook/check';
import { labelText } from '../../src/workbook/read';
import { AS_OF, chiBoBook, dangBoBook } from '../workbook/grids';
import { anyText, params, VOCABULARY } from './fuzz';

const nfc = (text: string): string => text.normalize('NFC');
const nfd = (text: string): string => text.normalize('NFD');

/** Vietnamese-looking text: letters with every diacritic, đ/Đ, spaces and punctuation. */
const vietnamese = fc
  .array(
    fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐEÊOÔƠƯ àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ.,-+/()'.split('')),
    { maxLength: 40 },
  )
  .map((chars) => chars.join(''));

const text = fc.oneof(anyText, vietnamese, fc.constantFrom(...VOCABULARY));

describe('foldText and compactKey', () => {
  test('are idempotent', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(foldText(foldText(t))).toBe(foldText(t));
        expect(compactKey(compactKey(t))).toBe(compactKey(t));
        expect(compactKey(foldText(t))).toBe(compactKey(t));
      }),
      params(1000),
    );
  });

  test('give NFC and NFD text the same key', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(foldText(nfd(t))).toBe(foldText(nfc(t)));
        expect(compactKey(nfd(t))).toBe(compactKey(nfc(t)));
      }),
      params(1000),
    );
  });

  test('leave no combining mark, no capital Vietnamese letter and no runs of spaces', () => {
    fc.assert(
      fc.property(text, (t) => {
        const folded = foldText(t);
        expect(folded).not.toMatch(/[\u0300-\u036f]|đ|Đ|\s\s|^\s|\s$/);
        expect(folded).toBe(folded.toLowerCase());
        expect(compactKey(t)).toMatch(/^[a-z0-9]*$/);
      }),
      params(1000),
    );
  });

  test('fold Vietnamese case and diacritics away', () => {
    fc.assert(
      fc.property(vietnamese, (t) => {
        expect(foldText(t.toUpperCase())).toBe(foldText(t));
        expect(foldText(t)).toMatch(/^[a-z .,\-+/()]*$/);
      }),
      params(600),
    );
  });
});

const PARSERS: [string, (text: string) => { ok: boolean; value?: unknown }][] = [
  ['parseRating', parseRating],
  ['parseMeetingKind', parseMeetingKind],
  ['parseMark', parseMark],
  ['parseYesNo', parseYesNo],
  ['parseOrgKind', parseOrgKind],
  ['parseOrgType', parseOrgType],
  ['parseSelfAssessment', parseSelfAssessment],
  ['parseRecognised', (t) => ({ ok: parseRecognised(t) !== null, value: parseRecognised(t) })],
];

/** What a parser decided, without its message (which quotes the text as typed). */
function decision(parse: (text: string) => { ok: boolean; value?: unknown }, t: string): unknown {
  const result = parse(t);
  return result.ok ? { ok: true, value: result.value } : { ok: false };
}

describe.each(PARSERS)('%s', (_name, parse) => {
  test('reads NFC, NFD, capitals, no diacritics and surrounding spaces alike', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('', ' ', '  ', '\u00a0', '\t'), (t, pad) => {
        const expected = decision(parse, t);
        expect(decision(parse, nfd(t))).toEqual(expected);
        expect(decision(parse, nfc(t))).toEqual(expected);
        expect(decision(parse, foldText(t))).toEqual(expected);
        expect(decision(parse, `${pad}${t}${pad}`)).toEqual(expected);
      }),
      params(300),
    );
  });

  test('every vocabulary word in capitals reads as it does in lower case', () => {
    for (const word of VOCABULARY) {
      expect(decision(parse, word.toUpperCase())).toEqual(decision(parse, word.toLowerCase()));
    }
  });

  test('never throws on any text, long and binary text included', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: 'binary', maxLength: 500 })), (t) => void parse(t)),
      params(300),
    );
  });
});

describe("the reader's label seam", () => {
  test('composes to NFC and is blind to NFD and surrounding spaces', () => {
    fc.assert(
      fc.property(text, (t) => {
        const at = { sheet: 'Đảng viên', cell: 'F2' };
        const composed = labelText(nfc(t), at, null);
        expect(labelText(nfd(t), at, null)).toBe(composed);
        expect(labelText(` ${t}\u00a0`, at, null)).toBe(composed);
        if (composed !== null) expect(composed).toBe(nfc(composed));
        expect(composed === null).toBe(cellText(t) === null);
      }),
      params(600),
    );
  });
});

describe('a whole workbook', () => {
  /** Every text cell of a book through `fn`, per cell chosen by the random picks. */
  function transformed(
    book: ReturnType<typeof chiBoBook>,
    picks: readonly number[],
    fns: readonly ((t: string) => string)[],
  ): ReturnType<typeof chiBoBook> {
    let i = 0;
    return book.mapText((t) => (fns[(picks[i++ % Math.max(1, picks.length)] ?? 0) % fns.length] as (t: string) => string)(t));
  }

  const verdict = (result: ReturnType<typeof checkWorkbook>): unknown => ({
    eligible: result.eligible,
    criteria: result.criteria,
    reasons: result.reasons.map((r) => [r.code, r.sheet, r.cell]),
    issues: result.issues.map((i) => [i.code, i.sheet, i.cell]),
    organization: { ...result.organization, name: result.organization.name === null ? null : nfc(result.organization.name) },
  });

  const variants: ((t: string) => string)[] = [nfd, nfc, (t) => `  ${t} `, (t) => t.replace(/ /g, '\u00a0'), (t) => nfd(t).toUpperCase()];

  test.each([
    ['chi bộ', () => chiBoBook()],
    ['đảng bộ cơ sở', () => dangBoBook()],
  ])('%s: every text cell in NFD, padded or capitalised gives the same verdict', (_name, make) => {
    const expected = verdict(checkWorkbook(make().grids(), { asOf: AS_OF }));
    fc.assert(
      fc.property(fc.array(fc.nat(variants.length - 1), { minLength: 1, maxLength: 50 }), (picks) => {
        const book = transformed(make(), picks, variants);
        const result = checkWorkbook(book.grids(), { asOf: AS_OF });
        // Capitals change a member's name as typed but not who they are; sheet names keep their text.
        const actual = verdict(result) as { organization: { name: string | null } };
        const wanted = expected as { organization: { name: string | null } };
        expect({ ...actual, organization: { ...actual.organization, name: null } }).toEqual({
          ...wanted,
          organization: { ...wanted.organization, name: null },
        });
      }),
      params(60),
    );
  });
});
