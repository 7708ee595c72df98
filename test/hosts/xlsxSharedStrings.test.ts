/**
 * The shared strings read item by item from the bytes (sharedStringsOfBytes) against the regular
 * expression over the decoded part (sharedStringsOfText): the same texts, whatever the part's shape.
 */
import fc from 'fast-check';
import { sharedStringsOfBytes, sharedStringsOfText } from '../../src/hosts/xlsx/sharedStrings';
import { params } from '../hardening/fuzz';

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const bytesOf = (xml: string): Uint8Array => new TextEncoder().encode(xml);

function expectSameAsText(xml: string): string[] {
  const strings = sharedStringsOfBytes(bytesOf(xml));
  expect(strings).toEqual(sharedStringsOfText(new TextDecoder('utf-8').decode(bytesOf(xml))));
  return strings;
}

describe('shared strings read from the bytes', () => {
  test('the usual part: plain items, Vietnamese text, an empty item', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ${MAIN} count="3" uniqueCount="3"><si><t>Họ và tên</t></si><si><t></t></si><si><t>STT</t></si></sst>`;
    expect(expectSameAsText(xml)).toEqual(['Họ và tên', '', 'STT']);
  });

  test('items of other shapes: runs, phonetic runs, xml:space, entities, escapes, line ends, a BOM inside a text', () => {
    const items = [
      '<t xml:space="preserve"> Nguyễn Văn A </t>',
      '<r><rPr><b/></rPr><t>Đảng </t></r><r><t>viên</t></r>',
      '<t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh>',
      '<t>A &amp; B &lt;C&gt; &#x1EA0;&#7840;</t>',
      '<t>dòng 1_x000D_\r\ndòng 2</t>',
      '<t>_x</t>',
      '<t>x_</t>',
      '<t>\uFEFFđầu</t>',
      '<t/>',
    ];
    const xml = `<?xml version="1.0"?><sst ${MAIN}>${items.map((item) => `<si>${item}</si>`).join('')}</sst>`;
    const strings = expectSameAsText(xml);
    expect(strings[0]).toBe(' Nguyễn Văn A ');
    expect(strings[1]).toBe('Đảng viên');
    expect(strings[2]).toBe('漢字');
    expect(strings[7]).toBe('\uFEFFđầu');
  });

  test('parts of other shapes are read as text: prefixes, <si/>, attributes, whitespace, comments, no declaration, a BOM', () => {
    const parts = [
      `<x:sst xmlns:x="${MAIN.slice(7, -1)}"><x:si><x:t>a</x:t></x:si><x:si><x:t>b</x:t></x:si></x:sst>`,
      `<sst ${MAIN}><si><t>a</t></si><si/><si><t>c</t></si></sst>`,
      `<sst ${MAIN}><si foo="1"><t>a</t></si></sst>`,
      `<sst ${MAIN}>\n  <si>\n    <t>a</t>\n  </si>\n  <si><t>b</t></si>\n</sst>\n`,
      `<?xml version="1.0"?><!-- c --><sst ${MAIN}><si><t>a</t></si></sst>`,
      `<sst ${MAIN}><si><t>a</t></si></sst>`,
      `\uFEFF<?xml version="1.0"?><sst ${MAIN}><si><t>a</t></si></sst>`,
      `<sst ${MAIN}><si><t>a</t></x:si><si><t>b</t></si></sst>`,
      `<sst ${MAIN}><si><t>a</t></si><si><t>b</t></sst>`,
      `<sst ${MAIN}><si><t>a</t></si></sst><si><t>after</t></si>`,
      `<sst ${MAIN}/>`,
      `<sst ${MAIN}></sst>`,
      '',
    ];
    for (const xml of parts) expectSameAsText(xml);
  });

  test('random parts: the same texts', () => {
    const text = fc.constantFrom('', 'a', 'Nguyễn Thị Bích', 'A &amp; B', '_x000A_', 'x_x', ' ', '\r\n', '&#65;', '漢');
    const item = fc.oneof(
      text.map((t) => `<si><t>${t}</t></si>`),
      text.map((t) => `<si><t xml:space="preserve">${t}</t></si>`),
      fc.tuple(text, text).map(([a, b]) => `<si><r><t>${a}</t></r><r><rPr/><t>${b}</t></r></si>`),
      text.map((t) => `<si><t>${t}</t><rPh><t>${t}</t></rPh></si>`),
      fc.constantFrom('<si/>', '<si></si>', '<x:si><x:t>p</x:t></x:si>', '\n', ' ', '<!-- c -->', '<si><t>a</t>'),
    );
    const part = fc.record({
      declaration: fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', '\uFEFF<?xml version="1.0"?>'),
      items: fc.array(item, { maxLength: 8 }),
      end: fc.constantFrom('</sst>', '</sst>\n', '', '</sst><si><t>z</t></si>'),
    });
    fc.assert(
      fc.property(part, (p) => {
        expectSameAsText(`${p.declaration}<sst ${MAIN} count="1">${p.items.join('')}${p.end}`);
      }),
      params(300),
    );
  });
});
