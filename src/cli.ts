/**
 * `bontot`: the command line (SPEC §6). bin/bontot.js runs the compiled form of this file.
 *   bontot check FILE.xlsx... [--json] [--policy P.json] [--as-of YYYY-MM-DD] [--write-summary]
 *   bontot template OUT.xlsx [--kind chi-bo|dang-bo] [--type TYPE] [--year YYYY] [--name NAME]
 *   bontot consolidate FILE.xlsx... -o OUT.xlsx [--policy P.json] [--as-of YYYY-MM-DD] [--json]
 *   bontot fix-encoding IN.xlsx -o OUT.xlsx [--force] [--dry-run]
 *   bontot fill-subordinates DANG-BO.xlsx CHI-BO.xlsx... -o OUT.xlsx [--as-of YYYY-MM-DD] [--json] [--force]
 * Exit status: 2 usage error or an unreadable file; 1 some organisation not eligible; else 0.
 */
import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';
import { argvLang, UsageError } from './cli/args';
import { EXIT_ERROR, EXIT_OK, errorMessage, finishWhenStdoutCloses, processIo, type CliIo } from './cli/io';
import { helpText, type HelpTopic } from './cli/help';

export { type CliIo } from './cli/io';

type Run = (args: readonly string[], io: CliIo, help: string) => Promise<number>;

const HELP_TOPICS: Record<string, HelpTopic> = {
  check: 'check',
  template: 'template',
  consolidate: 'consolidate',
  'fix-encoding': 'fixEncoding',
  'fill-subordinates': 'fillSubordinates',
};

/**
 * Subcommands load on demand: `--help` and `--version` load none of them, nor the core. In the
 * bundle (webpack.cli.config.js) they share one lazy chunk, "commands".
 */
const COMMANDS: Record<string, { run: Run }> = {
  check: { run: async (...a) => (await import(/* webpackChunkName: "commands" */ './cli/check')).runCheck(...a) },
  template: { run: async (...a) => (await import(/* webpackChunkName: "commands" */ './cli/template')).runTemplate(...a) },
  consolidate: {
    run: async (...a) => (await import(/* webpackChunkName: "commands" */ './cli/consolidate')).runConsolidate(...a),
  },
  'fix-encoding': {
    run: async (...a) => (await import(/* webpackChunkName: "commands" */ './cli/fixEncoding')).runFixEncoding(...a),
  },
  'fill-subordinates': {
    run: async (...a) => (await import(/* webpackChunkName: "commands" */ './cli/fillSubordinates')).runFillSubordinates(...a),
  },
};

/** The version in the project's package.json, found upwards from the compiled file. */
export function bontotVersion(from: string = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (json.name === 'bontot' && json.version) return json.version;
  }
  return 'không rõ';
}

/** Runs `bontot` with the arguments after the program name; resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  const lang = argvLang(argv);
  if (command === undefined) {
    io.stderr(helpText('main', lang));
    return EXIT_ERROR;
  }
  if (command === '--version' || command === '-v' || command === '-V' || command === 'version') {
    io.stdout(`bontot ${bontotVersion()}`);
    return EXIT_OK;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    io.stdout(helpText((topic && HELP_TOPICS[topic]) || 'main', lang));
    return EXIT_OK;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    io.stderr(
      lang === 'en'
        ? `Unknown command: "${command}". The commands: check, template, consolidate, fix-encoding, fill-subordinates.\nSee: bontot --help --lang en`
        : `Lệnh không hợp lệ: "${command}". Các lệnh: check, template, consolidate, fix-encoding, fill-subordinates.\nXem: bontot --help`,
    );
    return EXIT_ERROR;
  }
  try {
    return await entry.run(rest, io, helpText(HELP_TOPICS[command] ?? 'main', lang));
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(
        lang === 'en' ? `Error: ${error.english}\nSee: bontot ${command} --help --lang en` : `Lỗi: ${error.message}\nXem: bontot ${command} --help`,
      );
      return EXIT_ERROR;
    }
    io.stderr(`${lang === 'en' ? 'Error' : 'Lỗi'}: ${errorMessage(error)}`);
    return EXIT_ERROR;
  }
}

/** Entry point of the launcher: sets the exit status once all output is flushed. */
export function run(argv: readonly string[] = process.argv.slice(2)): void {
  finishWhenStdoutCloses();
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`Lỗi: ${errorMessage(error)}\n`);
      process.exitCode = EXIT_ERROR;
    },
  );
}

if (require.main === module) run();
