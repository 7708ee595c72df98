/**
 * cli_small_vs_node_ratio: how far `bontot check` of the sample is from Node's own start. Whole
 * processes, as a user runs them: `node bin/bontot.js check samples/chi-bo-mau.xlsx --json` ÷
 * `node -e 0`, wall-clock medians, the two interleaved in one run so a busy machine slows both.
 */
import { spawnSync } from 'child_process';
import { join } from 'path';
import { median, msSince } from './timing';

export interface StartupResult {
  cli_small_vs_node_ratio: number;
  details: {
    /** Medians (ms, wall clock). */
    nodeMs: number;
    checkMs: number;
    helpMs: number;
    runs: number;
    nodeRuns: number[];
    checkRuns: number[];
    helpRuns: number[];
  };
}

export const SAMPLE = join('samples', 'chi-bo-mau.xlsx');

/** One whole process; its wall time in ms. A crash or a usage error is an error, not a time. */
function timedProcess(root: string, args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = msSince(start);
  if (child.error) throw child.error;
  // 0 eligible, 1 not eligible: both are a finished check; anything else did not measure a check.
  if (child.status !== 0 && child.status !== 1) {
    throw new Error(`node ${args.join(' ')} exited with ${child.status ?? child.signal}: ${child.stderr.slice(0, 2000)}`);
  }
  return ms;
}

export function benchCliStartup(root: string, runs: number): StartupResult {
  const bin = join('bin', 'bontot.js');
  const commands = {
    node: ['-e', '0'],
    check: [bin, 'check', SAMPLE, '--json'],
    help: [bin, '--help'],
  } as const;
  // One unmeasured round: the file system cache holds Node, the CLI and the sample afterwards.
  for (const args of Object.values(commands)) timedProcess(root, args);
  const times = { node: [] as number[], check: [] as number[], help: [] as number[] };
  for (let i = 0; i < Math.max(1, runs); i++) {
    for (const [name, args] of Object.entries(commands) as [keyof typeof commands, readonly string[]][]) times[name].push(timedProcess(root, args));
  }
  const nodeMs = median(times.node);
  const checkMs = median(times.check);
  return {
    cli_small_vs_node_ratio: Math.round((checkMs / nodeMs) * 100) / 100,
    details: {
      nodeMs,
      checkMs,
      helpMs: median(times.help),
      runs: times.node.length,
      nodeRuns: times.node,
      checkRuns: times.check,
      helpRuns: times.help,
    },
  };
}
