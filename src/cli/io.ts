/**
 * What the launcher itself needs: output streams, exit statuses, error text. Kept apart from
 * common.ts (which loads the core and its policy schema) so `bontot --help` and `--version` start
 * without loading the core.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Set once whoever read the output has gone (a pipe into `head` or `less` closed early). */
let stdoutClosed = false;

/**
 * `bontot check … | head` closes the pipe before the report ends: the command still finishes (a
 * consolidation or a summary is still written), its further output goes nowhere, and no stack
 * trace of an unhandled EPIPE reaches the terminal. Any other stream error is still thrown.
 */
export function finishWhenStdoutCloses(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  });
}

export const processIo: CliIo = {
  stdout: (text) => {
    if (!stdoutClosed) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  },
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export const EXIT_OK = 0;
export const EXIT_NOT_ELIGIBLE = 1;
export const EXIT_ERROR = 2;

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
