import fc from 'fast-check';
import {
  convertFromTcvn3,
  convertFromVni,
  detectLegacyEncoding,
  hasLegacyWord,
  mayBeLegacyNfc,
  isVietnameseSyllable,
  toTcvn3,
  toVni,
  vietnameseLetters,
} from '../../src/core/legacyEncoding';
import {
  MARK_LABELS,
  MEETING_KIND_LABELS,
  ORG_KIND_LABELS,
  ORG_TYPE_LABELS,
  RATING_LABELS,
  SELF_ASSESSMENT_LABELS,
  parseMeetingKind,
  parseOrgKind,
  parseOrgType,
  parseRating,
  parseSelfAssessment,
} from '../../src/core/vocabulary';
import { ENGLISH, FAMILY_NAMES, GIVEN_NAMES, LABELS_AND_CELLS, MIDDLE_NAMES, PLACES, fullNames, seedLines } from './legacyEncodingCorpus';

const SOFT_HYPHEN = '\u00ad'; // the TCVN3 code of "ư": invisible in most viewers

/** The letters of one vowel base in tone order: none, grave, hook, tilde, acute, dot. */
function toneRow(base: string): string[] {
  return ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'].map((mark) => (base + mark).normalize('NFC'));
}

const LETTERS = vietnameseLetters();
const LOWER_LETTERS = LETTERS.filter((letter) => letter === letter.toLowerCase());
const UPPER_LETTERS = LETTERS.filter((letter) => letter !== letter.toLowerCase());
/** Uppercase letters TCVN3 has a code of their own for. */
const TCVN3_UPPER_CODED = ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'];

describe('Vietnamese letters', () => {
  it('are the 134 non-ASCII letters, 67 in each case, NFC and distinct', () => {
    expect(LETTERS).toHaveLength(134);
    expect(new Set(LETTERS).size).toBe(134);
    expect(LOWER_LETTERS).toHaveLength(67);
    expect(UPPER_LETTERS).toHaveLength(67);
    for (const letter of LETTERS) {
      expect(letter).toBe(letter.normalize('NFC'));
      expect([...letter]).toHaveLength(1);
      expect(letter.charCodeAt(0)).toBeGreaterThan(0x7f);
    }
    expect(LOWER_LETTERS).toEqual(expect.arrayContaining(['ỹ', 'ỷ', 'ự', 'đ', 'ẵ', 'ẳ', 'ỵ']));
  });
});

// ---------------------------------------------------------------- TCVN3 tables

/** TCVN3 rows typed by hand from the TCVN 5712:1993 (VN3) chart, tone order as toneRow. */
const TCVN3_HAND_ROWS: readonly (readonly [string, string])[] = [
  ['a', 'aµ¶·¸¹'],
  ['ă', '¨»¼½¾Æ'],
  ['â', '©ÇÈÉÊË'],
  ['e', 'eÌÎÏÐÑ'],
  ['ê', 'ªÒÓÔÕÖ'],
  ['i', 'i×ØÜÝÞ'],
  ['o', 'oßáâãä'],
  ['ô', '«åæçèé'],
  ['ơ', '¬êëìíî'],
  ['u', 'uïñòóô'],
  ['ư', `${SOFT_HYPHEN}õö÷øù`],
  ['y', 'yúûüýþ'],
];

describe('TCVN3 table', () => {
  it.each(TCVN3_HAND_ROWS)('row %s matches the hand-typed chart', (base, codes) => {
    const letters = toneRow(base);
    expect(toTcvn3(letters.join(''))).toBe(codes);
    expect([...codes].map((code) => convertFromTcvn3(code))).toEqual(letters);
  });

  it('has the hand-typed codes for đ and the uppercase letters with a code', () => {
    expect(toTcvn3('đĐĂÂÊÔƠƯ')).toBe('®§¡¢£¤¥¦');
    expect(convertFromTcvn3('® § ¡ ¢ £ ¤ ¥ ¦')).toBe('đ Đ Ă Â Ê Ô Ơ Ư');
  });

  it.each(LOWER_LETTERS)('lowercase %s has one distinct code in U+00A1–U+00FE that converts back', (letter) => {
    const code = toTcvn3(letter);
    expect([...code]).toHaveLength(1);
    expect(code.charCodeAt(0)).toBeGreaterThanOrEqual(0xa1);
    expect(code.charCodeAt(0)).toBeLessThanOrEqual(0xfe);
    expect(convertFromTcvn3(code)).toBe(letter);
  });

  it('gives the 67 lowercase letters 67 different codes', () => {
    expect(new Set(LOWER_LETTERS.map((letter) => toTcvn3(letter))).size).toBe(67);
  });

  it.each(UPPER_LETTERS)('uppercase %s converts back inside an uppercase word', (letter) => {
    const word = `NG${letter}`;
    const encoded = toTcvn3(word);
    expect(convertFromTcvn3(encoded)).toBe(word);
    if (TCVN3_UPPER_CODED.includes(letter)) expect(encoded.slice(2)).not.toBe(toTcvn3(letter.toLowerCase()));
    else expect(encoded.slice(2)).toBe(toTcvn3(letter.toLowerCase())); // the .VnTimeH way
  });
});

// ---------------------------------------------------------------- VNI tables

/** VNI rows typed by hand from the VNI-Windows chart, tone order as toneRow. */
const VNI_HAND_ROWS: readonly (readonly [string, readonly string[]])[] = [
  ['a', ['a', 'aø', 'aû', 'aõ', 'aù', 'aï']],
  ['ă', ['aê', 'aè', 'aú', 'aü', 'aé', 'aë']],
  ['â', ['aâ', 'aà', 'aå', 'aã', 'aá', 'aä']],
  ['e', ['e', 'eø', 'eû', 'eõ', 'eù', 'eï']],
  ['ê', ['eâ', 'eà', 'eå', 'eã', 'eá', 'eä']],
  ['i', ['i', 'ì', 'æ', 'ó', 'í', 'ò']],
  ['o', ['o', 'oø', 'oû', 'oõ', 'où', 'oï']],
  ['ô', ['oâ', 'oà', 'oå', 'oã', 'oá', 'oä']],
  ['ơ', ['ô', 'ôø', 'ôû', 'ôõ', 'ôù', 'ôï']],
  ['u', ['u', 'uø', 'uû', 'uõ', 'uù', 'uï']],
  ['ư', ['ö', 'öø', 'öû', 'öõ', 'öù', 'öï']],
  ['y', ['y', 'yø', 'yû', 'yõ', 'yù', 'î']],
];

describe('VNI table', () => {
  it.each(VNI_HAND_ROWS)('row %s matches the hand-typed chart in both cases', (base, codes) => {
    const letters = toneRow(base);
    letters.forEach((letter, tone) => {
      const code = codes[tone] ?? '';
      expect(toVni(letter)).toBe(code);
      expect(convertFromVni(code)).toBe(letter);
      expect(toVni(letter.toUpperCase())).toBe(code.toUpperCase());
      expect(convertFromVni(code.toUpperCase())).toBe(letter.toUpperCase());
    });
  });

  it('has ñ for đ', () => {
    expect(toVni('đĐ')).toBe('ñÑ');
    expect(convertFromVni('ñ Ñ')).toBe('đ Đ');
  });

  it.each(LETTERS)('%s has a distinct 1–2 character code that converts back', (letter) => {
    const code = toVni(letter);
    expect([...code].length).toBeGreaterThanOrEqual(1);
    expect([...code].length).toBeLessThanOrEqual(2);
    for (const char of code) expect(char.charCodeAt(0)).toBeLessThanOrEqual(0xff);
    expect(convertFromVni(code)).toBe(letter);
  });

  it('gives the 134 letters 134 different codes', () => {
    expect(new Set(LETTERS.map((letter) => toVni(letter))).size).toBe(134);
  });
});

// ---------------------------------------------------------------- known strings

/** Hand-written TCVN3 text (as seen in old documents) and its Unicode. */
const TCVN3_KNOWN: readonly (readonly [string, string])[] = [
  ['Hoµn thµnh tèt nhiÖm vô', 'Hoàn thành tốt nhiệm vụ'],
  ['§¶ng', 'Đảng'],
  ['Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Cộng hoà xã hội chủ nghĩa Việt Nam'],
  ['§éc lËp - Tù do - H¹nh phóc', 'Độc lập - Tự do - Hạnh phúc'],
  ['B¶o Th¾ng, B¸t X¸t', 'Bảo Thắng, Bát Xát'],
  [`M${SOFT_HYPHEN}êng Kh${SOFT_HYPHEN}¬ng`, 'Mường Khương'],
  [`Thñ t${SOFT_HYPHEN}íng ChÝnh phñ`, 'Thủ tướng Chính phủ'],
  ['Së Gi¸o dôc vµ §µo t¹o', 'Sở Giáo dục và Đào tạo'],
  ['Uû ban nh©n d©n', 'Uỷ ban nhân dân'],
  ['NguyÔn ThÞ Lý', 'Nguyễn Thị Lý'],
  [`Tr${SOFT_HYPHEN}¬ng §Æng Huúnh Ng« Quúnh`, 'Trương Đặng Huỳnh Ngô Quỳnh'],
  ['Kû luËt, Mü Tho, Vâ Bïi Ngò', 'Kỷ luật, Mỹ Tho, Võ Bùi Ngũ'],
  ['cÇn thÈn, mÉu, giÊy, bËc', 'cần thẩn, mẫu, giấy, bậc'],
  ['kÌ, bÎ, vÏ, bÐ, mÑ', 'kè, bẻ, vẽ, bé, mẹ'],
  ['vÒ, kÓ, dÔ, hÕt, hÖ', 'về, kể, dễ, hết, hệ'],
  ['g×, chØ, nghÜ, chÝ, thÞ', 'gì, chỉ, nghĩ, chí, thị'],
  ['hßa, nhá, râ, cã, häc', 'hòa, nhỏ, rõ, có, học'],
  ['håi, tæng, mçi, sè, héi', 'hồi, tổng, mỗi, số, hội'],
  ['mêi, ë, gì, míi, hîp', 'mời, ở, gỡ, mới, hợp'],
  ['tï, cñ, vò, bóa, cô', 'tù, củ, vũ, búa, cụ'],
  ['tõ, thö, n÷a, thø, sù', 'từ, thử, nữa, thứ, sự'],
  ['kú, tû, mü, lý, tþ', 'kỳ, tỷ, mỹ, lý, tỵ'],
  ['n»m, ph¼ng, n½ng, l¾m, lÆng', 'nằm, phẳng, nẵng, lắm, lặng'],
  [`¨n ©u ª «ng ¬n ${SOFT_HYPHEN}ng ®i`, 'ăn âu ê ông ơn ưng đi'],
  ['¡n ¢u £ ¤ng ¥n ¦ng §i', 'Ăn Âu Ê Ông Ơn Ưng Đi'],
  ['HOµN THµNH TèT NHIÖM Vô', 'HOÀN THÀNH TỐT NHIỆM VỤ'],
  ['§¶NG Bé C¥ Së', 'ĐẢNG BỘ CƠ SỞ'],
  ['NguyÔn ThÞ ¸nh', 'Nguyễn Thị Ánh'],
];

/** Hand-written VNI text and its Unicode. */
const VNI_KNOWN: readonly (readonly [string, string])[] = [
  ['Hoaøn thaønh toát nhieäm vuï', 'Hoàn thành tốt nhiệm vụ'],
  ['Ñaûng', 'Đảng'],
  ['Xin chaøo caùc baïn', 'Xin chào các bạn'],
  ['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
  ['Ñoäc laäp - Töï do - Haïnh phuùc', 'Độc lập - Tự do - Hạnh phúc'],
  ['Thaønh phoá Hoà Chí Minh', 'Thành phố Hồ Chí Minh'],
  ['Nguyeãn Thò Khueâ', 'Nguyễn Thị Khuê'],
  ['Huyønh Quyønh Myõ Kyû Luaät', 'Huỳnh Quỳnh Mỹ Kỷ Luật'],
  ['Tröông Ñaëng Ñoã Ngoâ Vuõ Voõ Buøi', 'Trương Đặng Đỗ Ngô Vũ Võ Bùi'],
  ['ñöôïc, ÖÙng, Uyeân, Yeán, Caàn Thô', 'được, Ứng, Uyên, Yến, Cần Thơ'],
  ['Ñaø Naüng, Haèng, Thaém, Baéc, Thaúng', 'Đà Nẵng, Hằng, Thắm, Bắc, Thẳng'],
  ['chæ, lyù, tyû, kyø, thò, nghóa, ì, í, tî', 'chỉ, lý, tỷ, kỳ, thị, nghĩa, ì, í, tỵ'],
  ['caån thaän, keå, toång, moãi, maãu, deã', 'cẩn thận, kể, tổng, mỗi, mẫu, dễ'],
  ['môøi, ôû, gôõ, môùi, hôïp', 'mời, ở, gỡ, mới, hợp'],
  ['töø, thöû, nöõa, thöù, söï', 'từ, thử, nữa, thứ, sự'],
  ['keø, beû, veõ, beù, meï, hoøa, nhoû, roõ, coù, hoïc', 'kè, bẻ, vẽ, bé, mẹ, hòa, nhỏ, rõ, có, học'],
  ['HOAØN THAØNH TOÁT NHIEÄM VUÏ', 'HOÀN THÀNH TỐT NHIỆM VỤ'],
  ['ÑAÛNG BOÄ TRÖÔØNG ÔÛ ÑÒA KYÕ YÙ', 'ĐẢNG BỘ TRƯỜNG Ở ĐỊA KỸ Ý'],
];

describe('conversion of known strings', () => {
  it.each(TCVN3_KNOWN)('TCVN3 %j', (legacy, unicode) => {
    expect(convertFromTcvn3(legacy)).toBe(unicode);
    expect(convertFromTcvn3(legacy)).toBe(convertFromTcvn3(legacy).normalize('NFC'));
  });

  it.each(TCVN3_KNOWN.filter(([, unicode]) => unicode !== 'Uỷ ban nhân dân'))('toTcvn3 gives back %j', (legacy, unicode) => {
    expect(toTcvn3(unicode)).toBe(legacy);
  });

  it.each(VNI_KNOWN)('VNI %j', (legacy, unicode) => {
    expect(convertFromVni(legacy)).toBe(unicode);
    expect(toVni(unicode)).toBe(legacy);
  });

  it('accepts NFD input and always returns NFC', () => {
    const nfdTcvn3 = 'Hoµn thµnh tèt nhiÖm vô'.normalize('NFD');
    expect(convertFromTcvn3(nfdTcvn3)).toBe('Hoàn thành tốt nhiệm vụ');
    expect(convertFromVni('Hoaøn thaønh toát nhieäm vuï'.normalize('NFD'))).toBe('Hoàn thành tốt nhiệm vụ');
    expect(detectLegacyEncoding('Hoaøn thaønh'.normalize('NFD'))?.unicode).toBe('Hoàn thành');
  });

  it('leaves a VNI mark that follows no vowel as it is', () => {
    expect(convertFromVni('Kø 2')).toBe('Kø 2');
  });

  it('cannot tell a title-case toned capital in TCVN3 on its own (no code for "Ấ")', () => {
    expect(toTcvn3('Ấn')).toBe('Ên');
    expect(convertFromTcvn3('Ên')).toBe('ấn');
  });
});

// ---------------------------------------------------------------- round trips

/** TCVN3 has no code for toned capitals: a word starting with one only survives in a name. */
const TONED_CAPITAL_START = /(^|[^\p{L}])[ÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ]/u;

describe('round trips of the seed plan', () => {
  // The seed's "·" bullets are a TCVN3 code (ã): a TCVN3 document cannot hold that bullet.
  const lines = seedLines().map((line) => line.replace(/·/g, '-'));

  it('has a real text to work on', () => {
    expect(lines.length).toBeGreaterThan(50);
  });

  it('VNI: every line converts back exactly', () => {
    for (const line of lines) expect(convertFromVni(toVni(line))).toBe(line);
  });

  it('TCVN3: every line without a title-case toned capital converts back exactly', () => {
    const usable = lines.filter((line) => !TONED_CAPITAL_START.test(line));
    expect(usable.length).toBeGreaterThan(lines.length - 5);
    for (const line of usable) expect(convertFromTcvn3(toTcvn3(line))).toBe(line);
  });

  it('detection finds and converts every line written in either encoding', () => {
    for (const line of lines.filter((text) => /[\u0080-\uffff]/.test(text))) {
      const vni = detectLegacyEncoding(toVni(line));
      expect(vni).toEqual({ encoding: 'VNI', unicode: line });
      if (TONED_CAPITAL_START.test(line)) continue;
      expect(detectLegacyEncoding(toTcvn3(line))).toEqual({ encoding: 'TCVN3', unicode: line });
    }
  });
});

// ---------------------------------------------------------------- detection

describe('detectLegacyEncoding', () => {
  it.each(TCVN3_KNOWN.filter(([legacy]) => legacy.length > 4))('finds TCVN3 %j', (legacy, unicode) => {
    expect(detectLegacyEncoding(legacy)).toEqual({ encoding: 'TCVN3', unicode });
  });

  it.each(VNI_KNOWN)('finds VNI %j', (legacy, unicode) => {
    expect(detectLegacyEncoding(legacy)).toEqual({ encoding: 'VNI', unicode });
  });

  it('turns the TCVN3 rating into the label parseRating reads as HTTNV', () => {
    const found = detectLegacyEncoding('Hoµn thµnh tèt nhiÖm vô');
    expect(found).toEqual({ encoding: 'TCVN3', unicode: RATING_LABELS.HTTNV });
    expect(parseRating(found?.unicode ?? '')).toEqual({ ok: true, value: 'HTTNV' });
    expect(parseRating('Hoµn thµnh tèt nhiÖm vô').ok).toBe(false);
  });

  describe('labels of the vocabulary written in legacy fonts', () => {
    const labels: [string, (text: string) => { ok: boolean }][] = [
      ...Object.values(RATING_LABELS).map((label) => [label, parseRating] as [string, typeof parseRating]),
      ...Object.values(MEETING_KIND_LABELS).map((label) => [label, parseMeetingKind] as [string, typeof parseMeetingKind]),
      ...ORG_KIND_LABELS.map((label) => [label, parseOrgKind] as [string, typeof parseOrgKind]),
      ...Object.values(ORG_TYPE_LABELS).map((label) => [label, parseOrgType] as [string, typeof parseOrgType]),
      ...Object.values(SELF_ASSESSMENT_LABELS).map((label) => [label, parseSelfAssessment] as [string, typeof parseSelfAssessment]),
    ];
    /**
     * VNI labels that read as Unicode too, so nothing can be flagged: "Toát" (Tốt) is itself a
     * Vietnamese word, and "Trung bình" is written the same in VNI and Unicode.
     */
    const VNI_UNDETECTABLE = new Set([SELF_ASSESSMENT_LABELS.tot, SELF_ASSESSMENT_LABELS['trung-binh']]);

    it.each(labels)('TCVN3 %j converts to the exact label', (label, parse) => {
      const found = detectLegacyEncoding(toTcvn3(label));
      expect(found).toEqual({ encoding: 'TCVN3', unicode: label });
      expect(parse(found?.unicode ?? '').ok).toBe(true);
    });

    it.each(labels)('VNI %j converts to the exact label', (label, parse) => {
      const legacy = toVni(label);
      const found = detectLegacyEncoding(legacy);
      if (VNI_UNDETECTABLE.has(label)) {
        expect(found).toBeNull();
        expect(convertFromVni(legacy)).toBe(label);
        return;
      }
      expect(found).toEqual({ encoding: 'VNI', unicode: label });
      expect(parse(found?.unicode ?? '').ok).toBe(true);
    });

    it.each(Object.values(MARK_LABELS))('attendance label %j converts in both encodings', (label) => {
      expect(detectLegacyEncoding(toTcvn3(label))?.unicode).toBe(label);
      expect(detectLegacyEncoding(toVni(label))?.unicode).toBe(label);
    });
  });

  describe('mixed cells', () => {
    it.each([
      [`§¶ng viªn: 25 ng${SOFT_HYPHEN}êi (2024)`, 'TCVN3', 'Đảng viên: 25 người (2024)'],
      ['Email: abc@x.vn - NguyÔn V¨n An - 0912 345 678', 'TCVN3', 'Email: abc@x.vn - Nguyễn Văn An - 0912 345 678'],
      ['Chi boä tröôøng soá 3 (CB-03), party cell 3', 'VNI', 'Chi bộ trường số 3 (CB-03), party cell 3'],
      ['Xeáp loaïi: HTTNV', 'VNI', 'Xếp loại: HTTNV'],
    ] as const)('%j', (text, encoding, unicode) => {
      expect(detectLegacyEncoding(text)).toEqual({ encoding, unicode });
    });

    it('converts only the legacy words of a cell that also holds Unicode Vietnamese', () => {
      expect(detectLegacyEncoding('Nguyễn Văn Tô – Hoµn thµnh tèt nhiÖm vô')).toEqual({
        encoding: 'TCVN3',
        unicode: 'Nguyễn Văn Tô – Hoàn thành tốt nhiệm vụ',
      });
      expect(detectLegacyEncoding('Lê Thị Hà: Hoaøn thaønh nhieäm vuï')).toEqual({
        encoding: 'VNI',
        unicode: 'Lê Thị Hà: Hoàn thành nhiệm vụ',
      });
    });

    it('converts the ambiguous words that stand among legacy words', () => {
      // "bé" and "sè" are Unicode words too, but here they sit beside "§¶ng" and "viªn".
      expect(detectLegacyEncoding('§¶ng viªn chi bé sè 3')?.unicode).toBe('Đảng viên chi bộ số 3');
    });
  });

  it('reads a ".VnTimeH" uppercase cell in capitals', () => {
    expect(detectLegacyEncoding('Hµ NéI')?.unicode).toBe('HÀ NỘI');
    expect(detectLegacyEncoding('Hµ Néi')?.unicode).toBe('Hà Nội');
    expect(toTcvn3('CHI BỘ TRƯỜNG SỐ 3')).toBe('CHI Bé TR¦êNG Sè 3');
    expect(detectLegacyEncoding('CHI Bé TR¦êNG Sè 3')?.unicode).toBe('CHI BỘ TRƯỜNG SỐ 3');
  });

  it('capitalises toned initials in a name (TCVN3 has no code for them)', () => {
    expect(detectLegacyEncoding('NguyÔn ThÞ ¸nh')?.unicode).toBe('Nguyễn Thị Ánh');
    expect(detectLegacyEncoding(toTcvn3('Trương Ý Vy'))?.unicode).toBe('Trương Ý Vy');
    expect(detectLegacyEncoding(toTcvn3('Ứng Diệu Ẩn'))?.unicode).toBe('Ứng Diệu Ẩn');
    // In running text a lowercase toned word stays lowercase.
    expect(detectLegacyEncoding('§¶ng viªn ¸o tr¾ng')?.unicode).toBe('Đảng viên áo trắng');
  });

  it('chooses between two equally good readings with the preferred encoding', () => {
    const cell = 'Phan Minh Thö'; // TCVN3 "Thử", VNI "Thư"
    expect(detectLegacyEncoding(cell)).toEqual({ encoding: 'TCVN3', unicode: 'Phan Minh Thử' });
    expect(detectLegacyEncoding(cell, { prefer: 'VNI' })).toEqual({ encoding: 'VNI', unicode: 'Phan Minh Thư' });
    // A clear reading is not swayed by the preference.
    expect(detectLegacyEncoding('Hoµn thµnh', { prefer: 'VNI' })?.encoding).toBe('TCVN3');
    expect(detectLegacyEncoding('Hoaøn thaønh', { prefer: 'TCVN3' })?.encoding).toBe('VNI');
  });

  it('does not flag text that reads as Unicode Vietnamese as well', () => {
    expect(detectLegacyEncoding('Tô')).toBeNull(); // TCVN3 "Tụ", VNI "Tơ"
    expect(detectLegacyEncoding('Vô')).toBeNull();
    expect(detectLegacyEncoding('Toát')).toBeNull(); // VNI "Tốt"
    expect(detectLegacyEncoding('Chi bé sè 3')).toBeNull(); // TCVN3 "Chi bộ số 3", Unicode "bé", "sè"
  });

  it('needs at least 3 characters of evidence, in words of 2 letters or more', () => {
    expect(detectLegacyEncoding('µm')).toBeNull(); // TCVN3 would read "àm"
    expect(detectLegacyEncoding('ñu')).toBeNull(); // VNI would read "đu"
    expect(detectLegacyEncoding('« Hello »')).toBeNull(); // TCVN3 would read "ô Hello ằ"
    expect(detectLegacyEncoding('Coù')).toEqual({ encoding: 'VNI', unicode: 'Có' });
    expect(detectLegacyEncoding('Tèt')).toEqual({ encoding: 'TCVN3', unicode: 'Tốt' });
  });
});

// ---------------------------------------------------------------- no false alarms

describe('no false alarms', () => {
  const corpus = [
    ...fullNames(),
    ...GIVEN_NAMES,
    ...FAMILY_NAMES,
    ...MIDDLE_NAMES,
    ...PLACES,
    ...LABELS_AND_CELLS,
    ...ENGLISH,
    ...seedLines(),
    ...LETTERS,
    ...LETTERS.map((letter) => `${letter}${letter}`),
  ];

  it('has a corpus of several hundred real-looking texts', () => {
    expect(fullNames().length).toBeGreaterThan(300);
    expect(corpus.length).toBeGreaterThan(1000);
  });

  it('never flags the corpus, in any case or normal form', () => {
    const flagged: string[] = [];
    for (const text of corpus) {
      for (const form of [text, text.toUpperCase(), text.toLowerCase(), text.normalize('NFD')]) {
        if (detectLegacyEncoding(form) !== null) flagged.push(form);
      }
    }
    expect(flagged).toEqual([]);
  });

  it.each(['Nguyễn', 'Phạm', 'Đặng', 'Huỳnh', 'Ngô', 'Quỳnh', 'Khuê', 'Thuý', 'Thủy', 'Ỷ', 'Ỹ', 'Ựu', 'Tô Thị Huệ'])('never flags %j', (name) => {
    expect(detectLegacyEncoding(name)).toBeNull();
  });

  it('accepts every name syllable of the corpus as a Vietnamese syllable', () => {
    const words = [...FAMILY_NAMES, ...MIDDLE_NAMES, ...GIVEN_NAMES].flatMap((name) => name.split(' '));
    expect(words.filter((word) => !isVietnameseSyllable(word))).toEqual([]);
  });
});

describe('isVietnameseSyllable', () => {
  it.each(['hoàn', 'hòa', 'hoà', 'thuý', 'thúy', 'quỳnh', 'giếng', 'gì', 'khuỷu', 'người', 'xoong', 'moóc', 'Ựu', 'ỹ', 'yêu', 'khuya'])(
    'accepts %j',
    (word) => {
      expect(isVietnameseSyllable(word)).toBe(true);
    },
  );

  it.each(['tèt', 'hòan', 'tet', 'Hoµn', 'nhiÖm', 'müller', 'mãe', 'fa', 'tiê', 'qúa', 'qúy', 'gìa', 'ắ', ''])('rejects %j', (word) => {
    expect(isVietnameseSyllable(word)).toBe(false);
  });

  it('accepts a misplaced tone only when not strict', () => {
    expect(isVietnameseSyllable('hòan', { strictTonePlacement: false })).toBe(true);
    expect(isVietnameseSyllable('tèt', { strictTonePlacement: false })).toBe(false);
  });
});

// ---------------------------------------------------------------- properties

const INITIALS = [
  '',
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'gh',
  'gi',
  'h',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'ngh',
  'nh',
  'p',
  'ph',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
];
/** Rhymes as [vowels, finals, index of the vowel that carries the tone]. */
const RHYMES: readonly (readonly [string, readonly string[], number])[] = [
  ['a', ['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'], 0],
  ['ă', ['c', 'm', 'n', 'ng', 'p', 't'], 0],
  ['â', ['c', 'm', 'n', 'ng', 'p', 't'], 0],
  ['e', ['', 'c', 'm', 'n', 'ng', 'p', 't'], 0],
  ['ê', ['', 'ch', 'm', 'n', 'nh', 'p', 't'], 0],
  ['i', ['', 'ch', 'm', 'n', 'nh', 'p', 't'], 0],
  ['o', ['', 'c', 'm', 'n', 'ng', 'p', 't'], 0],
  ['ô', ['', 'c', 'm', 'n', 'ng', 'p', 't'], 0],
  ['ơ', ['', 'm', 'n', 'p', 't'], 0],
  ['u', ['', 'c', 'm', 'n', 'ng', 'p', 't'], 0],
  ['ư', ['', 'c', 'n', 'ng', 't'], 0],
  ['y', [''], 0],
  ['ai', [''], 0],
  ['ao', [''], 0],
  ['au', [''], 0],
  ['ay', [''], 0],
  ['âu', [''], 0],
  ['ây', [''], 0],
  ['eo', [''], 0],
  ['êu', [''], 0],
  ['ia', [''], 0],
  ['iu', [''], 0],
  ['oi', [''], 0],
  ['ôi', [''], 0],
  ['ơi', [''], 0],
  ['ui', [''], 0],
  ['ưi', [''], 0],
  ['ưu', [''], 0],
  ['ua', [''], 0],
  ['ưa', [''], 0],
  ['iê', ['c', 'm', 'n', 'ng', 'p', 't'], 1],
  ['iêu', [''], 1],
  ['yê', ['n', 't', 'm'], 1],
  ['yêu', [''], 1],
  ['oa', ['', 'c', 'ch', 'n', 'ng', 'nh', 't'], 1],
  ['oă', ['c', 'n', 'ng', 't'], 1],
  ['oe', ['', 'n', 't'], 1],
  ['oai', [''], 1],
  ['oay', [''], 1],
  ['uâ', ['n', 'ng', 't'], 1],
  ['uây', [''], 1],
  ['uê', ['', 'ch', 'nh'], 1],
  ['uy', ['', 'ch', 'n', 'nh', 't'], 1],
  ['uya', [''], 1],
  ['uyê', ['n', 't'], 2],
  ['uô', ['c', 'm', 'n', 'ng', 't'], 1],
  ['uôi', [''], 1],
  ['ươ', ['c', 'm', 'n', 'ng', 'p', 't'], 1],
  ['ươi', [''], 1],
  ['ươu', [''], 1],
];
const TONE_MARKS = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

const syllable = fc
  .tuple(fc.constantFrom(...INITIALS), fc.constantFrom(...RHYMES), fc.nat(20), fc.integer({ min: 0, max: 5 }))
  .map(([initial, [vowels, finals, toneAt], finalPick, tonePick]) => {
    const final = finals[finalPick % finals.length] ?? '';
    const stop = ['c', 'ch', 'p', 't'].includes(final);
    const tone = stop ? (tonePick % 2 === 0 ? 4 : 5) : tonePick;
    const letters = [...vowels];
    letters[toneAt] = `${letters[toneAt] ?? ''}${TONE_MARKS[tone] ?? ''}`.normalize('NFC');
    return `${initial}${letters.join('')}${final}`.normalize('NFC');
  })
  // Drops spelling slips of the crude generator such as "gĩa" (g + ia) or "quô".
  .filter((text) => isVietnameseSyllable(text));

/** Real words as well as generated ones, so rare letters and real names are in the mix. */
const REAL_WORDS = [...FAMILY_NAMES, ...MIDDLE_NAMES, ...GIVEN_NAMES, ...PLACES]
  .flatMap((text) => text.toLowerCase().split(/[\s–]+/))
  .filter((word) => word !== '');
const word = fc.oneof(syllable, fc.constantFrom(...REAL_WORDS));
const separator = fc.constantFrom(' ', ' ', ' ', ', ', ' - ', ': ', ' (1) ', '. ');

const lowercaseText = fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 8 }).map((parts) =>
  parts
    .map(([w, sep]) => w + sep)
    .join('')
    .trim(),
);

function capitalise(text: string): string {
  return text.replace(/(^|[^\p{L}])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase());
}

describe('properties', () => {
  it('ordinary Unicode Vietnamese is never flagged, in any case', () => {
    fc.assert(
      fc.property(lowercaseText, (text) => {
        for (const form of [text, capitalise(text), text.toUpperCase()]) {
          expect(detectLegacyEncoding(form)).toBeNull();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('VNI converts back exactly, in any case', () => {
    fc.assert(
      fc.property(lowercaseText, (text) => {
        for (const form of [text, capitalise(text), text.toUpperCase()]) {
          expect(convertFromVni(toVni(form))).toBe(form);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('TCVN3 converts back exactly in lower case, in names and in capitals', () => {
    fc.assert(
      fc.property(lowercaseText, (text) => {
        expect(convertFromTcvn3(toTcvn3(text))).toBe(text);
        const name = capitalise(text.replace(/[^\p{L}]+/gu, ' ').trim());
        // A name needs one word with a capital TCVN3 can write (untoned) to be told from text.
        if (!/^[A-ZĂÂÊÔƠƯĐ]/u.test(name) && !/ [A-ZĂÂÊÔƠƯĐ]/u.test(name)) return;
        expect(convertFromTcvn3(toTcvn3(name))).toBe(name);
        const upper = text.toUpperCase();
        // Capitals are only told apart from a toned initial by an ASCII capital inside a word.
        if (!/\p{L}[A-Z]/u.test(upper)) return;
        expect(convertFromTcvn3(toTcvn3(upper))).toBe(upper);
      }),
      { numRuns: 1000 },
    );
  });

  it('detection of a legacy text, when it answers, gives back the Unicode text', () => {
    let found = 0;
    let runs = 0;
    fc.assert(
      fc.property(lowercaseText, (text) => {
        runs++;
        const tcvn3 = detectLegacyEncoding(toTcvn3(text));
        if (tcvn3) {
          found++;
          expect(tcvn3).toEqual({ encoding: 'TCVN3', unicode: text });
        }
        const vni = detectLegacyEncoding(toVni(text), { prefer: 'VNI' });
        if (vni) expect(vni).toEqual({ encoding: 'VNI', unicode: text });
      }),
      { numRuns: 1000 },
    );
    // Most random texts carry enough evidence (measured: well above half).
    expect(found / runs).toBeGreaterThan(0.5);
  });
});

describe('the exact pre-filter (mayBeLegacyNfc)', () => {
  /** Separators of real paragraphs: commas, quotes, dashes, an ellipsis, a no-break space, digits. */
  const punctuation = fc.constantFrom(' ', ', ', '; ', ' “', '” ', ' – ', '…. ', '\u00a0', ' (3) ', '-', '/', ' 85% ', '.');
  const paragraph = fc.array(fc.tuple(word, punctuation), { minLength: 1, maxLength: 12 }).map((parts) => parts.map(([w, sep]) => w + sep).join(''));

  it('every TCVN3 code is in U+00A1–U+00FE (so no separator is a TCVN3 word character)', () => {
    for (const letter of LETTERS) {
      for (const code of [...toTcvn3(letter)]) {
        if (code.charCodeAt(0) < 0x80) continue;
        expect(code.charCodeAt(0)).toBeGreaterThanOrEqual(0xa1);
        expect(code.charCodeAt(0)).toBeLessThanOrEqual(0xfe);
      }
    }
  });

  it('never denies a text in which a full reading finds a legacy word (Unicode, TCVN3, VNI, mixed)', () => {
    fc.assert(
      fc.property(paragraph, paragraph, (text, other) => {
        const forms = [
          text,
          capitalise(text),
          toTcvn3(text),
          toVni(text),
          toTcvn3(text.toUpperCase()),
          `${text} ${toTcvn3(other)}`,
          `${toVni(other)}, “${text}”`,
        ];
        for (const form of forms.map((f) => f.normalize('NFC'))) {
          if (hasLegacyWord(form)) expect(mayBeLegacyNfc(form)).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('settles long Unicode paragraphs with punctuation (the criteria texts) without the full readings', () => {
    const criterion =
      'Lãnh đạo thực hiện tốt công tác chính trị tư tưởng, đấu tranh ngăn chặn, đẩy lùi những biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, “tự chuyển hóa” trong nội bộ….';
    expect(mayBeLegacyNfc(criterion)).toBe(false);
    expect(detectLegacyEncoding(criterion)).toBeNull();
    const legacy = toTcvn3(criterion);
    expect(mayBeLegacyNfc(legacy)).toBe(true);
    expect(detectLegacyEncoding(legacy)).toEqual({ encoding: 'TCVN3', unicode: criterion });
  });
});
