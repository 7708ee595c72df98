/**
 * functions/errors.json — what each function's help page says about #NUM!, #DIV/0! and #N/A —
 * is true: every documented case, called with its arguments, gives that error; every function has
 * an entry; functions documented without such errors do not give them on odd input; and the help
 * page shows every entry under its function. (Excel shows a custom message only with #VALUE! and
 * #N/A, so for #NUM! and #DIV/0! the help page is the explanation.)
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import * as fns from '../../functions/functions';
import { StubCustomFunctionError } from '../support/customFunctionsStub';

const ROOT = join(__dirname, '..', '..');
interface Documented {
  error: string;
  when: string;
  args: unknown[];
}
const errors = JSON.parse(readFileSync(join(ROOT, 'functions', 'errors.json'), 'utf8')) as Record<string, Documented[]>;
const examples = JSON.parse(readFileSync(join(ROOT, 'functions', 'examples.json'), 'utf8')) as Record<string, unknown>;
const metadata = JSON.parse(readFileSync(join(__dirname, '__golden__', 'functions.json'), 'utf8')) as {
  functions: { id: string; name: string; parameters: { name: string }[] }[];
};

/** The exported implementation of an id: MIN_SPEAKERS → minSpeakersFn (compared without case and underscores). */
function implementation(id: string): (...args: unknown[]) => unknown {
  const wanted = `${id.replace(/_/g, '')}fn`.toLowerCase();
  const entry = Object.entries(fns).find(([name]) => name.toLowerCase() === wanted);
  if (!entry || typeof entry[1] !== 'function') throw new Error(`no implementation exported for ${id}`);
  return entry[1] as (...args: unknown[]) => unknown;
}

function errorOf(id: string, args: unknown[]): string | null {
  try {
    implementation(id)(...args);
    return null;
  } catch (error) {
    if (error instanceof StubCustomFunctionError) return error.code;
    throw error;
  }
}

test('every function has an entry (a list, maybe empty), and only known functions', () => {
  expect(Object.keys(errors).sort()).toEqual(metadata.functions.map((fn) => fn.id).sort());
});

const cases = Object.entries(errors).flatMap(([id, list]) => list.map((entry) => [id, entry.error, entry] as const));

test.each(cases)('%s gives %s as documented', (id, code, entry) => {
  expect(['#NUM!', '#DIV/0!', '#N/A']).toContain(code);
  expect(entry.when.length).toBeGreaterThan(20);
  expect(errorOf(id, entry.args)).toBe(code);
});

describe('functions documented without #NUM!/#DIV/0! do not give them', () => {
  const odd: unknown[] = [-1, 0.5, 1e308, -1e308, '', null, 'P', [[null]], [['K', 'P', 'K']], [[-1, 2.5]], [['']]];
  const undocumented = Object.entries(errors)
    .filter(([, list]) => list.length === 0)
    .map(([id]) => id);

  test.each(undocumented)('%s', (id) => {
    const arity = metadata.functions.find((fn) => fn.id === id)?.parameters.length ?? 0;
    expect(arity).toBeGreaterThan(0);
    for (const a of odd) {
      for (const b of arity > 1 ? odd : [undefined]) {
        const code = errorOf(id, arity > 1 ? [a, b] : [a]);
        expect({ args: [a, b], code }).toEqual({ args: [a, b], code: code === '#VALUE!' ? '#VALUE!' : null });
      }
    }
  });
});

test('the help page shows, under each function, when its errors come', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { functionsPage, escapeHtml } = require(join(ROOT, 'scripts', 'help-pages.js')) as {
    functionsPage(m: unknown, e: unknown, errors: unknown): string;
    escapeHtml(text: string): string;
  };
  const page = functionsPage(metadata, examples, errors);
  expect(page).toContain('Excel chỉ hiện lời giải thích của hàm với lỗi <code>#VALUE!</code> và <code>#N/A</code>');
  for (const fn of metadata.functions) {
    const section = new RegExp(`<section id="${fn.id}">([\\s\\S]*?)</section>`).exec(page)?.[1] ?? '';
    expect(section).toContain('<code>#VALUE!</code>');
    for (const entry of errors[fn.id] ?? []) {
      expect(section).toContain(`<td><code>${entry.error}</code></td><td>${escapeHtml(entry.when)}</td>`);
    }
    if ((errors[fn.id] ?? []).length === 0) expect(section).toContain('không trả về <code>#NUM!</code> hay <code>#DIV/0!</code>');
  }
});
