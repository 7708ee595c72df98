/**
 * What the launcher itself needs: output streams, exit statuses, error text. Kept apart from
 * common.ts (which loads the core and its policy schema) so `bontot --help` and `--version` start
 * without loading the core.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export const EXIT_OK = 0;
export const EXIT_NOT_ELIGIBLE = 1;
export const EXIT_ERROR = 2;

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
