/**
 * The built add-in, as Excel loads it: dist/functions.js runs in a plain JavaScript context with
 * only a CustomFunctions runtime (associate + Error), and dist/functions.json is what Excel reads.
 * `npm test` builds first; run `npm run build` before running this file alone.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { createContext, runInContext } from 'vm';
import { createCustomFunctionsStub, StubCustomFunctionError } from '../support/customFunctionsStub';

const dist = join(__dirname, '..', '..', 'dist');

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: { name: string; description?: string; optional?: boolean }[];
  result: { type?: string };
}

function loadBundle() {
  const stub = createCustomFunctionsStub();
  const context = createContext({ CustomFunctions: stub, console });
  runInContext(readFileSync(join(dist, 'functions.js'), 'utf8'), context, { filename: 'functions.js' });
  return stub;
}

const metadata = JSON.parse(readFileSync(join(dist, 'functions.json'), 'utf8')) as { functions: FunctionMetadata[] };

const SPEC_IDS = [
  'MIN_SPEAKERS',
  'MIN_DURATION',
  'MEETING_QUALITY',
  'MEETING_ISSUES',
  'MEETING_GRADE',
  'ATTENDANCE_RATE',
  'MAX_ABSENCE_STREAK',
  'THEMATIC_QUARTERS',
  'CRITERION_PERCENT',
  'RATING_SHARE',
  'FOURGOOD_ELIGIBLE',
  'FOURGOOD_REASONS',
  'DEADLINE',
  'MODEL_SHARE',
  'NORMALIZE_RATING',
];

/** One valid call and one call that must give an Excel error, per function, with what SPEC §4 says. */
const CALLS: Record<string, { ok: [unknown[], unknown]; bad: [unknown[], string] }> = {
  MIN_SPEAKERS: { ok: [[21], 7], bad: [[2], '#NUM!'] },
  MIN_DURATION: { ok: [[9, null], 60], bad: [[12, 'Không rõ'], '#VALUE!'] },
  MEETING_QUALITY: { ok: [[20, 18, 5, 90, null, null], 'Đạt'], bad: [[10, 11, 3, 90, null, null], '#NUM!'] },
  MEETING_ISSUES: { ok: [[20, 18, 5, 90, null, null], ''], bad: [[10, -1, 3, 90, null, null], '#NUM!'] },
  MEETING_GRADE: { ok: [[75], 'Khá'], bad: [[101], '#NUM!'] },
  ATTENDANCE_RATE: { ok: [[[['C', 'C', 'P', 'K']]], 0.5], bad: [[[['M', '']]], '#DIV/0!'] },
  MAX_ABSENCE_STREAK: { ok: [[[['P', 'K', 'M', 'P', 'C']]], 3], bad: [[[['v']]], '#VALUE!'] },
  THEMATIC_QUARTERS: {
    ok: [
      [
        [['15/01/2025'], ['15/04/2025']],
        [['Chuyên đề'], ['Kết hợp']],
      ],
      2,
    ],
    bad: [[[['x']], [['Chuyên đề']]], '#VALUE!'],
  },
  CRITERION_PERCENT: {
    ok: [
      [
        [[19], [76]],
        [[20], [80]],
      ],
      95,
    ],
    bad: [[[[21]], [[20]]], '#NUM!'],
  },
  RATING_SHARE: { ok: [[[['HTTNV'], ['HTNV']], 'HTTNV'], 0.5], bad: [[[['HTTNV']], 'Giỏi'], '#VALUE!'] },
  FOURGOOD_ELIGIBLE: {
    ok: [[[[95], [96], [97], [98]], [['HTTNV'], ['HTXSNV']], null], true],
    bad: [[[[95], [96], [97]], [['HTTNV']], null], '#VALUE!'],
  },
  FOURGOOD_REASONS: { ok: [[[[95], [96], [97], [98]], [['HTTNV'], ['HTXSNV']], null], ''], bad: [[[[95]], [['HTTNV']], null], '#VALUE!'] },
  DEADLINE: { ok: [['thẩm định', 2025], 46068], bad: [['đăng ký', 2025], '#N/A'] },
  MODEL_SHARE: { ok: [[[['Có'], ['Không']]], 0.5], bad: [[[['']]], '#DIV/0!'] },
  NORMALIZE_RATING: { ok: [['htt nv'], 'Hoàn thành tốt nhiệm vụ'], bad: [['Hoàn thành'], '#VALUE!'] },
};

describe('dist/functions.json', () => {
  test('declares exactly the 15 ids of SPEC §4', () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual([...SPEC_IDS].sort());
  });

  test('every function and argument has a Vietnamese description and a help URL on the add-in', () => {
    for (const fn of metadata.functions) {
      expect(fn.description).toMatch(/[àáảãạăâđêôơưếềốớứ]/i);
      expect(fn.helpUrl).toBe(`https://localhost:3000/help/functions.html#${fn.id}`);
      for (const parameter of fn.parameters) expect(parameter.description?.length ?? 0).toBeGreaterThan(5);
    }
  });

  test('matches the golden copy (regenerate with UPDATE_GOLDEN=1 after an intended change)', () => {
    const golden = join(__dirname, '__golden__', 'functions.json');
    const built = readFileSync(join(dist, 'functions.json'), 'utf8');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, built);
    expect(JSON.parse(built)).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });
});

describe('dist/functions.js in a plain context with a stub CustomFunctions.associate', () => {
  const stub = loadBundle();

  test('binds every id of functions.json to a function', () => {
    expect([...stub.bound.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  test.each(SPEC_IDS)('%s answers a valid call and refuses a bad one with its Excel error', (id) => {
    const fn = stub.bound.get(id);
    const calls = CALLS[id];
    if (!fn || !calls) throw new Error(`${id} is not bound or has no test call`);
    expect(fn(...calls.ok[0])).toEqual(calls.ok[1]);
    let thrown: unknown;
    try {
      fn(...calls.bad[0]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StubCustomFunctionError);
    expect((thrown as StubCustomFunctionError).code).toBe(calls.bad[1]);
    expect((thrown as StubCustomFunctionError).message).toMatch(/\p{L}{3}/u);
  });
});
