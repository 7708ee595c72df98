/** `bontot template`: a new workbook to fill in, as `templateLayouts` lays it out. */
import type { OrgKind, OrgLevel, OrgType } from '../core/types';
import { ORG_TYPE_LABELS, parseOrgKind, parseOrgType } from '../core/vocabulary';
import { writeWorkbookFile } from '../hosts/xlsx/node';
import { templateLayouts } from '../workbook/layout/templateLayouts';
import { optionFlag, optionString, parseArgs, UsageError } from './args';
import { EXIT_OK, fileExists, type CliIo } from './common';
import { cliText, LANG_OPTIONS, orgKindIn, orgTypeIn, parseLang, usageError } from './lang';

const OPTIONS = [
  { name: 'kind', value: true },
  { name: 'type', value: true },
  { name: 'year', value: true },
  { name: 'name', value: true },
  { name: 'force', value: false },
  { name: 'help', short: 'h', value: false },
  ...LANG_OPTIONS,
] as const;

export interface TemplateChoice {
  kind: OrgKind;
  level: OrgLevel | null;
  type: OrgType;
  year: number;
  name: string | null;
}

/** Reads --kind, --type, --year and --name; anything unknown is a usage error. */
export function templateChoice(options: { kind?: string; type?: string; year?: string; name?: string }, now: Date = new Date()): TemplateChoice {
  let kind: OrgKind = 'chi-bo';
  let level: OrgLevel | null = 'co-so';
  if (options.kind !== undefined) {
    const parsed = parseOrgKind(options.kind);
    if (!parsed.ok) throw usageError('template.kind', { value: options.kind });
    kind = parsed.value.kind;
    level = parsed.value.kind === 'chi-bo' && parsed.value.level === null ? 'co-so' : parsed.value.level;
  }
  // Without --type the 1.1 items of "Cơ quan hành chính, đơn vị sự nghiệp" are written; the printed
  // message says so, and the Loại hình dropdown of Thông tin changes nothing afterwards.
  let type: OrgType = 'co-quan';
  if (options.type !== undefined) {
    const parsed = parseOrgType(options.type);
    if (!parsed.ok) {
      const types = Object.keys(ORG_TYPE_LABELS) as OrgType[];
      const accepted = (lang: 'vi' | 'en'): string => types.map((key) => `${key} (${orgTypeIn(key, lang)})`).join('; ');
      throw new UsageError(
        cliText('vi', 'template.type', { value: options.type, accepted: accepted('vi') }),
        cliText('en', 'template.type', { value: options.type, accepted: accepted('en') }),
      );
    }
    type = parsed.value;
  }
  let year = now.getFullYear();
  if (options.year !== undefined) {
    if (!/^\d{4}$/.test(options.year.trim()) || Number(options.year) < 1930 || Number(options.year) > 2200) {
      throw usageError('template.year', { value: options.year });
    }
    year = Number(options.year);
  }
  const name = options.name?.trim() ? options.name.trim() : null;
  return { kind, level, type, year, name };
}

export async function runTemplate(args: readonly string[], io: CliIo, help: string): Promise<number> {
  const parsed = parseArgs(args, OPTIONS);
  if (optionFlag(parsed, 'help')) {
    io.stdout(help);
    return EXIT_OK;
  }
  const lang = parseLang(parsed);
  if (parsed.positionals.length !== 1) {
    throw usageError(parsed.positionals.length === 0 ? 'template.noFile' : 'template.oneFile');
  }
  const out = parsed.positionals[0] as string;
  if (!/\.xlsx$/i.test(out)) throw usageError('template.suffix', { file: out });
  const choice = templateChoice({
    kind: optionString(parsed, 'kind'),
    type: optionString(parsed, 'type'),
    year: optionString(parsed, 'year'),
    name: optionString(parsed, 'name'),
  });
  if (!optionFlag(parsed, 'force') && (await fileExists(out))) {
    throw usageError('template.exists', { file: out });
  }
  const { name, ...rest } = choice;
  await writeWorkbookFile(templateLayouts({ ...rest, ...(name ? { name } : {}) }), out, { kind: 'template', title: 'Sổ tính mô hình bốn tốt' });
  // The name first and '; ' between the parts: a type ("Cơ quan hành chính, đơn vị sự nghiệp") has commas of its own.
  const parts = [
    ...(choice.name ? [choice.name] : []),
    orgKindIn(choice.kind, choice.level, lang),
    cliText(lang, 'template.year.part', { year: choice.year }),
    cliText(lang, 'template.type.part', { type: orgTypeIn(choice.type, lang) }),
  ];
  io.stdout(cliText(lang, 'template.created', { file: out, parts: parts.join('; ') }));
  return EXIT_OK;
}
