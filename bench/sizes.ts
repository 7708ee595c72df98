/**
 * Bundle sizes from the production build in dist/: the custom functions bundle, and the JavaScript
 * the task pane loads inside Excel before any interaction — the scripts taskpane.html includes,
 * except office.js (Microsoft's, cached by Office) and the lazy chunks (dist/chunks/*) that only the
 * standalone page or a later action loads.
 */
import { existsSync, readFileSync, statSync } from 'fs';
import { basename, join, normalize } from 'path';
import { gzipSync } from 'zlib';

export interface SizeResult {
  functions_js_kb: number;
  taskpane_initial_kb: number;
  details: {
    functionsBytes: number;
    functionsGzipBytes: number;
    /** The scripts counted in taskpane_initial_kb, with their sizes in bytes. */
    initialScripts: { src: string; bytes: number }[];
    /** Scripts of taskpane.html left out (office.js, remote or lazy). */
    excludedScripts: string[];
  };
}

const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;

/** The src of every <script> element of an HTML page, in order (quoted or unquoted attributes). */
export function scriptSources(html: string): string[] {
  const sources: string[] = [];
  const tag = /<script\b([^>]*)>/gi;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const attributes = match[1] ?? '';
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
    if (src) sources.push(src[1] ?? src[2] ?? src[3] ?? '');
  }
  return sources;
}

/** Whether a script of taskpane.html counts as the add-in's initial JavaScript. */
export function isInitialScript(src: string): boolean {
  if (/^(https?:)?\/\//i.test(src)) return false;
  const path = src.split(/[?#]/)[0] ?? '';
  if (basename(path).toLowerCase() === 'office.js') return false;
  return !normalize(path)
    .replace(/\\/g, '/')
    .replace(/^\.?\//, '')
    .startsWith('chunks/');
}

export function measureSizes(dist: string): SizeResult {
  const functionsPath = join(dist, 'functions.js');
  const htmlPath = join(dist, 'taskpane.html');
  if (!existsSync(functionsPath) || !existsSync(htmlPath)) {
    throw new Error(`dist/ has no functions.js or taskpane.html: run "npm run build" first (${dist})`);
  }
  const functions = readFileSync(functionsPath);
  const initialScripts: { src: string; bytes: number }[] = [];
  const excludedScripts: string[] = [];
  for (const src of scriptSources(readFileSync(htmlPath, 'utf8'))) {
    if (!isInitialScript(src)) {
      excludedScripts.push(src);
      continue;
    }
    const file = join(dist, (src.split(/[?#]/)[0] ?? '').replace(/^\//, ''));
    if (!existsSync(file)) throw new Error(`taskpane.html loads ${src}, which is not in dist/`);
    initialScripts.push({ src, bytes: statSync(file).size });
  }
  return {
    functions_js_kb: kb(functions.length),
    taskpane_initial_kb: kb(initialScripts.reduce((sum, s) => sum + s.bytes, 0)),
    details: { functionsBytes: functions.length, functionsGzipBytes: gzipSync(functions).length, initialScripts, excludedScripts },
  };
}
