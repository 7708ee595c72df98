/**
 * A full garbage collection between measured sides, so that each side pays for its own garbage
 * only and not for what the side measured before it left (e.g. the floor's inflated buffers
 * collected inside the check, or the reader's collected inside checkWorkbook). The bench
 * processes are not started with --expose-gc (bench/main.ts spawns them like any script), so the
 * flag is set at run time and `gc` taken from a fresh context, where V8 then installs it.
 */
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

let collect: (() => void) | undefined;

export function collectGarbage(): void {
  if (collect === undefined) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === 'function') collect = exposed;
    else {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    }
  }
  collect();
}

/** The process's CPU time so far (user + system, ms): what survives a busy machine better than the wall clock. */
export function cpuNow(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
