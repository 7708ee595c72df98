/** Wall-clock timing for the benchmarks: process.hrtime.bigint, medians of a few runs. */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Milliseconds since `start` (a process.hrtime.bigint() reading). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export interface Timed {
  /** Median of the measured runs (ms, wall clock). */
  ms: number;
  runs: number[];
  /** Median CPU time of the process over the same runs (ms): less sensitive to a busy machine. */
  cpuMs: number;
}

/** CPU time of this process so far (user + system, ms). */
export function cpuNow(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Runs `work` `warmup` times unmeasured, then `runs` times measured; the median in ms. */
export async function timeAsync(work: () => Promise<unknown>, runs: number, warmup = 1): Promise<Timed> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < Math.max(1, runs); i++) {
    const cpuStart = cpuNow();
    const start = process.hrtime.bigint();
    await work();
    times.push(msSince(start));
    cpu.push(cpuNow() - cpuStart);
  }
  return { ms: median(times), runs: times, cpuMs: median(cpu) };
}

export function timeSync(work: () => unknown, runs: number, warmup = 1): Timed {
  for (let i = 0; i < warmup; i++) work();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < Math.max(1, runs); i++) {
    const cpuStart = cpuNow();
    const start = process.hrtime.bigint();
    work();
    times.push(msSince(start));
    cpu.push(cpuNow() - cpuStart);
  }
  return { ms: median(times), runs: times, cpuMs: median(cpu) };
}

/** A ratio rounded to 3 significant decimals (what the table and the JSON show). */
export function ratio(numerator: number, denominator: number): number {
  if (!(denominator > 0)) return Number.NaN;
  const value = numerator / denominator;
  return value >= 1 ? Math.round(value * 100) / 100 : Number(value.toPrecision(3));
}

/**
 * Runs a measurement as a script in a process of its own (the benchmarks that must not carry the
 * heap of earlier work): `measure` gets a fresh temp directory, removed afterwards; its result is
 * printed as one JSON line, an error on stderr with exit code 1.
 */
export function runInOwnProcess(prefix: string, measure: (dir: string) => Promise<unknown>): void {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  measure(dir)
    .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    })
    .finally(() => rmSync(dir, { recursive: true, force: true }));
}
