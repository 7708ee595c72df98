/**
 * A small argument parser: `--flag`, `--option value`, `--option=value`, `-o value`, `--` ends
 * options. Unknown options and missing values are usage errors (exit status 2).
 */

/** A wrong use of the command: the message in Vietnamese, and in English for `--lang en`. */
export class UsageError extends Error {
  readonly english: string;
  constructor(message: string, english: string = message) {
    super(message);
    this.name = 'UsageError';
    this.english = english;
  }
}

/** `--lang en` (or `--lang=en`) anywhere among the arguments: read before the command parses them. */
export function argvLang(argv: readonly string[]): 'vi' | 'en' {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--lang=en' || (argv[i] === '--lang' && argv[i + 1] === 'en')) return 'en';
  }
  return 'vi';
}

export interface OptionSpec {
  /** Long name without dashes: "as-of". */
  name: string;
  /** Short alias without dash: "o". */
  short?: string;
  /** True when the option takes a value. */
  value: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
}

export function parseArgs(args: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  let onlyPositionals = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
      spec = byLong.get(name);
    } else {
      spec = byShort.get(arg.slice(1, 2));
      inline = arg.length > 2 ? arg.slice(2).replace(/^=/, '') : undefined;
    }
    if (!spec) throw new UsageError(`Tùy chọn không hợp lệ: ${arg}.`, `Unknown option: ${arg}.`);
    if (options.has(spec.name))
      throw new UsageError(
        `Tùy chọn --${spec.name} được cho nhiều lần; chỉ cho một lần.`,
        `Option --${spec.name} is given more than once; give it once.`,
      );
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`Tùy chọn --${spec.name} không nhận giá trị.`, `Option --${spec.name} takes no value.`);
      options.set(spec.name, true);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-' && next.length > 1)) {
        throw new UsageError(`Tùy chọn --${spec.name} cần một giá trị.`, `Option --${spec.name} needs a value.`);
      }
      value = next;
      i += 1;
    }
    if (value === '') throw new UsageError(`Tùy chọn --${spec.name} cần một giá trị.`, `Option --${spec.name} needs a value.`);
    options.set(spec.name, value);
  }
  return { positionals, options };
}

export function optionString(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.options.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function optionFlag(parsed: ParsedArgs, name: string): boolean {
  return parsed.options.get(name) === true;
}
