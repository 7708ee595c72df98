/**
 * The XML reading the values reader shares (split from read.ts): entities and OOXML's `_xHHHH_`
 * escapes decoded, attributes, tags and elements found with regular expressions over decoded text,
 * the text of a string item. Browser-safe.
 */

// ------------------------------------------------------------------------------------------ XML

/** A tag name with any namespace prefix: `(?:p:)?name`. */
export const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text or attribute value → text: entities decoded, line ends normalised as a parser does. */
export function xmlText(raw: string): string {
  let text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (text.includes('&')) {
    text = text.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
      const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }
  return text;
}

/** OOXML's escape of characters XML cannot hold: `_x000D_` → "\r" (as ExcelJS decodes shared strings). */
function unescapeXstring(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

export const ATTRIBUTE = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag's text (after the name), values decoded. */
export function attributes(source: string): Map<string, string> {
  const found = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(source); match !== null; match = ATTRIBUTE.exec(source)) {
    found.set(match[1] as string, xmlText(match[2] ?? match[3] ?? ''));
  }
  return found;
}

/** An attribute by local name, whatever its prefix (`r:id`, `relationships:id`). */
export function attributeByLocalName(found: Map<string, string>, local: string): string | undefined {
  for (const [name, value] of found) if (name === local || name.endsWith(`:${local}`)) return value;
  return undefined;
}

/** Every start (or empty) tag named `name`, with its attribute text. */
export function* tags(xml: string, name: string): Generator<string> {
  const pattern = new RegExp(`<${PREFIX}${name}(?=[\\s/>])([^>]*)>`, 'g');
  for (let match = pattern.exec(xml); match !== null; match = pattern.exec(xml)) yield match[1] as string;
}

/** The text of the first element `name` (decoded), or null. */
export function elementText(xml: string, name: string): string | null {
  const match = new RegExp(`<${PREFIX}${name}(?:\\s[^>]*)?>([^<]*)</${PREFIX}${name}>`).exec(xml);
  return match ? xmlText(match[1] as string) : null;
}

const PHONETIC_RUN = new RegExp(`<${PREFIX}rPh(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${PREFIX}rPh>)`, 'g');
const TEXT_ELEMENT = new RegExp(`<${PREFIX}t(?:\\s[^>]*)?>([^<]*)</${PREFIX}t>`, 'g');

/** The text of a string item (`<si>` or `<is>` content): its `<t>` texts joined, phonetic runs left out. */
export function stringItemText(content: string): string {
  // The usual item, `<t>TEXT</t>` of plain text (no markup, entity, line end or escape), is its text.
  if (content.startsWith('<t>') && content.endsWith('</t>')) {
    const text = content.slice(3, -4);
    if (!/[<&\r]|_x/.test(text)) return text;
  }
  const body = content.includes('rPh') ? content.replace(PHONETIC_RUN, '') : content;
  let text = '';
  TEXT_ELEMENT.lastIndex = 0;
  for (let match = TEXT_ELEMENT.exec(body); match !== null; match = TEXT_ELEMENT.exec(body)) text += match[1] as string;
  return unescapeXstring(xmlText(text));
}
