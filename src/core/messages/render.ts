/**
 * The message engine: a message is a catalogue key and its parameters, rendered in a language.
 * Findings keep their Vietnamese `message` (the JSON and the SPEC use it) and carry the key and
 * parameters (`text`) so a screen or the CLI can render them in English too. Parameters that need
 * translating themselves (a meeting label, a rating level, a place) are nested message references;
 * numbers, percents and dates are typed so each language writes them its own way.
 */
import type { IsoDate } from '../isoDate';

export type Lang = 'vi' | 'en';

/** A reference to a catalogue entry with its parameters. */
export interface MessageRef {
  key: string;
  params?: Readonly<Record<string, MessageParam>>;
}

/**
 * A parameter: plain text is shown as typed (names, the workbook's own words); a number is written
 * in the language's style; `pct` is a percent ("91,67%" / "91.67%"); `date` an ISO date
 * ("05/03/2025" in both); `list` joins its items with ", "; a reference is rendered in the language.
 */
export type MessageParam = string | number | { pct: number } | { date: IsoDate } | { list: readonly MessageParam[] } | MessageRef;

/** A rendered Vietnamese message together with the reference it came from. */
export interface Message {
  message: string;
  text: MessageRef;
}

export type Catalogue = Readonly<Record<string, string>>;

const catalogues: Partial<Record<Lang, Catalogue>> = {};

/** Makes a language's catalogue available (Vietnamese at start-up; English when it is loaded). */
export function registerCatalogue(lang: Lang, catalogue: Catalogue): void {
  catalogues[lang] = { ...(catalogues[lang] ?? {}), ...catalogue };
}

export function hasCatalogue(lang: Lang): boolean {
  return catalogues[lang] !== undefined;
}

/** Rounds to at most 2 decimals; Vietnamese writes a decimal comma, English a point. */
export function numberIn(value: number, lang: Lang): string {
  // A huge value (1e308, typed into a point cell) would overflow to Infinity when scaled: as typed.
  const scaled = Math.round(value * 100) / 100;
  const rounded = String(Number.isFinite(scaled) ? scaled : value);
  return lang === 'vi' ? rounded.replace('.', ',') : rounded;
}

/** The seed's percent style: no space before the sign ("95%", "91,67%"). */
export function percentIn(value: number, lang: Lang): string {
  return `${numberIn(value, lang)}%`;
}

function dateIn(date: IsoDate): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : date;
}

function paramIn(param: MessageParam, lang: Lang): string {
  if (typeof param === 'string') return param;
  if (typeof param === 'number') return numberIn(param, lang);
  if ('pct' in param) return percentIn(param.pct, lang);
  if ('date' in param) return dateIn(param.date);
  if ('list' in param) return param.list.map((item) => paramIn(item, lang)).join(', ');
  return render(param, lang);
}

/**
 * A reference in a language; a key the language lacks (English not loaded yet) falls back to
 * Vietnamese, and an unknown key to the key itself (never a crash).
 */
export function render(ref: MessageRef, lang: Lang): string {
  const template = catalogues[lang]?.[ref.key] ?? catalogues.vi?.[ref.key] ?? ref.key;
  const params = ref.params ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const param = params[name];
    return param === undefined ? whole : paramIn(param, lang);
  });
}

/** The placeholders of a template, in order ("{name}" → "name"). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
}

/** A reference with its parameters. */
export function ref(key: string, params?: Readonly<Record<string, MessageParam>>): MessageRef {
  return params === undefined ? { key } : { key, params };
}

/** A message: its Vietnamese text and the reference to render it in another language. */
export function msg(key: string, params?: Readonly<Record<string, MessageParam>>): Message {
  const text = ref(key, params);
  return { message: render(text, 'vi'), text };
}

/** What a finding, reason or issue says in a language: from its reference, or its stored message. */
export function messageIn(finding: { message: string; text?: MessageRef }, lang: Lang): string {
  return finding.text === undefined ? finding.message : render(finding.text, lang);
}

/** "I", "II", "III", "IV" for quarters 1–4 (documents write "quý I/2025"). */
export function roman(quarter: number): string {
  return ['', 'I', 'II', 'III', 'IV'][quarter] ?? String(quarter);
}
