/**
 * Runs the `bontot` launcher with a `--require` hook that records every module it loads (the
 * resolved file, or the bare name of a built-in), to check what a command loads at start.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const HOOK = `'use strict';
const Module = require('module');
const { appendFileSync } = require('fs');
const loaded = new Set();
const load = Module._load;
Module._load = function (request, parent, isMain) {
  let resolved = request;
  try {
    resolved = Module._resolveFilename(request, parent, isMain);
  } catch {
    // A request that does not resolve fails in load() below; record the request itself.
  }
  // Written at once, one line per module: a worker thread that is terminated runs no exit handler.
  if (!loaded.has(resolved)) {
    loaded.add(resolved);
    appendFileSync(process.env.BONTOT_TRACE_FILE, JSON.stringify(resolved) + '\\n');
  }
  return load.apply(this, arguments);
};
`;

export interface TracedRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Every module loaded after the hook, by the process or its worker threads: absolute paths, or built-in names. */
  modules: string[];
}

let hookFile: string | null = null;

export function runTraced(launcher: string, args: readonly string[], cwd: string): TracedRun {
  const dir = mkdtempSync(join(tmpdir(), 'bontot-trace-'));
  if (hookFile === null) {
    hookFile = join(dir, 'hook.js');
    writeFileSync(hookFile, HOOK);
  }
  const traceFile = join(dir, 'modules.json');
  const run = spawnSync(process.execPath, ['--require', hookFile, launcher, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, BONTOT_TRACE_FILE: traceFile },
  });
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    modules: [
      ...new Set(
        readFileSync(traceFile, 'utf8')
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as string),
      ),
    ],
  };
}

/** The modules of a package (by its node_modules folder) among the loaded ones. */
export function fromPackage(modules: readonly string[], name: string): string[] {
  return modules.filter((file) => file.includes(`/node_modules/${name}/`) || file === name);
}
