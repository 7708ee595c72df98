/**
 * The cost of the custom-function layer: MEETING_QUALITY called through the function that
 * dist/functions.js binds with CustomFunctions.associate (a stub runtime, as
 * test/functions/bundle.test.ts uses) ÷ the same rule computed inline with src/core/meeting.ts
 * meetingProblems in a plain loop. Both see the same varied inputs, some of which fail (so
 * messages are built on both sides).
 *
 * The metric runs the bundle as Excel does, as a classic script in an ordinary global
 * (vm.runInThisContext). A vm.createContext sandbox, as the bundle test uses, puts an interceptor
 * on every global lookup (Number, String, Array …): that alone makes each call ~15× slower, a
 * Node artefact that Excel's runtime does not have. Its ratio is reported too, as a detail.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createContext, runInContext, runInThisContext } from 'vm';
import { meetingProblems, type MeetingInput } from '../src/core/meeting';
import { defaultPolicy } from '../src/core/policy';
import type { MeetingKind } from '../src/core/types';
import { createCustomFunctionsStub } from '../test/support/customFunctionsStub';
import { median, ratio, timeSync, type Timed } from './timing';

export interface FunctionOverheadResult {
  fn_overhead_ratio: number;
  details: {
    calls: number;
    boundMs: number;
    inlineMs: number;
    boundRuns: number[];
    inlineRuns: number[];
    passed: number;
    /** The same bound function loaded in a vm.createContext sandbox (Node's global interceptors included). */
    sandboxMs: number;
    sandboxRatio: number;
    /** fn_overhead_ratio in CPU time (a diagnostic for busy machines). */
    cpuRatio: number;
  };
}

const KIND_LABELS: Record<MeetingKind, string | null> = { regular: null, thematic: 'Chuyên đề', combined: 'Kết hợp' };

/** Varied meetings: sizes 3…60, attendance, speakers and minutes around the thresholds. */
function inputs(count: number): MeetingInput[] {
  const kinds: MeetingKind[] = ['regular', 'regular', 'thematic', 'combined'];
  return Array.from({ length: count }, (_, i) => {
    const members = 3 + ((i * 7) % 58);
    const excused = i % 5 === 0 ? 1 : 0;
    const present = Math.max(0, members - excused - (i % 4));
    return { members, present, speakers: 2 + (i % 8), minutes: 55 + ((i * 13) % 80), kind: kinds[i % kinds.length] as MeetingKind, excused };
  });
}

type Bound = (...args: unknown[]) => unknown;

/** The function dist/functions.js binds to `id`, in a vm sandbox (`sandbox`) or in this process's global (`global`). */
export function loadBoundFunction(dist: string, id: string, where: 'global' | 'sandbox'): Bound {
  const stub = createCustomFunctionsStub();
  const code = readFileSync(join(dist, 'functions.js'), 'utf8');
  if (where === 'sandbox') {
    runInContext(code, createContext({ CustomFunctions: stub, console }), { filename: 'functions.js' });
  } else {
    // The bound functions read the global CustomFunctions when they throw: it stays installed.
    (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = stub;
    runInThisContext(code, { filename: 'functions.js' });
  }
  const fn = stub.bound.get(id);
  if (!fn) throw new Error(`dist/functions.js does not bind ${id}`);
  return fn;
}

export function benchFunctionOverhead(dist: string, calls: number, runs: number): FunctionOverheadResult {
  const quality = loadBoundFunction(dist, 'MEETING_QUALITY', 'global');
  const sandboxed = loadBoundFunction(dist, 'MEETING_QUALITY', 'sandbox');
  const policy = defaultPolicy();
  const meetings = inputs(256);
  const args = meetings.map((m) => [m.members, m.present, m.speakers, m.minutes, KIND_LABELS[m.kind], m.excused === 0 ? null : m.excused]);
  const mask = meetings.length - 1;

  // Same answers both ways, or the comparison means nothing.
  meetings.forEach((m, i) => {
    const inline = meetingProblems(m, policy).length === 0 ? 'Đạt' : 'Không đạt';
    const bound = quality(...(args[i] as unknown[]));
    if (bound !== inline || sandboxed(...(args[i] as unknown[])) !== inline)
      throw new Error(`MEETING_QUALITY${JSON.stringify(args[i])} = ${String(bound)}, inline ${inline}`);
  });

  const boundLoop = (): number => {
    let ok = 0;
    for (let i = 0; i < calls; i++) {
      const a = args[i & mask] as unknown[];
      if (quality(a[0], a[1], a[2], a[3], a[4], a[5]) === 'Đạt') ok += 1;
    }
    return ok;
  };
  const inlineLoop = (): number => {
    let ok = 0;
    for (let i = 0; i < calls; i++) {
      if ((meetingProblems(meetings[i & mask] as MeetingInput, policy).length === 0 ? 'Đạt' : 'Không đạt') === 'Đạt') ok += 1;
    }
    return ok;
  };
  // Interleaved, so that a busy neighbour slows both sides alike; one unmeasured round first.
  let passed = 0;
  let inlinePassed = 0;
  const boundRuns: Timed[] = [];
  const inlineRuns: Timed[] = [];
  for (let r = 0; r <= Math.max(1, runs); r++) {
    const b = timeSync(() => (passed = boundLoop()), 1, 0);
    const n = timeSync(() => (inlinePassed = inlineLoop()), 1, 0);
    if (r === 0) continue;
    boundRuns.push(b);
    inlineRuns.push(n);
  }
  const bound = { ms: median(boundRuns.map((t) => t.ms)), cpuMs: median(boundRuns.map((t) => t.cpuMs)), runs: boundRuns.map((t) => t.ms) };
  const inline = { ms: median(inlineRuns.map((t) => t.ms)), cpuMs: median(inlineRuns.map((t) => t.cpuMs)), runs: inlineRuns.map((t) => t.ms) };
  let sandboxPassed = 0;
  const sandbox = timeSync(
    () => {
      let ok = 0;
      for (let i = 0; i < calls; i++) {
        const a = args[i & mask] as unknown[];
        if (sandboxed(a[0], a[1], a[2], a[3], a[4], a[5]) === 'Đạt') ok += 1;
      }
      sandboxPassed = ok;
    },
    Math.min(runs, 3),
  );
  if (passed !== inlinePassed || sandboxPassed !== inlinePassed) throw new Error(`bound and inline disagree: ${passed} vs ${inlinePassed} passed`);
  return {
    fn_overhead_ratio: ratio(bound.ms, inline.ms),
    details: {
      calls,
      boundMs: bound.ms,
      inlineMs: inline.ms,
      boundRuns: bound.runs,
      inlineRuns: inline.runs,
      passed,
      sandboxMs: sandbox.ms,
      sandboxRatio: ratio(sandbox.ms, inline.ms),
      cpuRatio: ratio(bound.cpuMs, inline.cpuMs),
    },
  };
}
