/**
 * What the README states must stay true: it starts with the two commands, its policy table lists
 * every setting with the default the code uses, and the `bontot check` output it shows is what the
 * built CLI prints for the bundled samples. Needs `npm run build` (npm test builds first).
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { DEADLINE_STAGES, NUMBER_SETTINGS, defaultPolicy } from '../src/core/policy';

const root = join(__dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README.md', () => {
  test('starts with exactly the two commands', () => {
    const firstBlock = /^# .+\n\n```\n([\s\S]*?)\n```/.exec(readme);
    expect(firstBlock?.[1]?.split('\n')).toEqual(['npm install && npm start', 'npm install && npm test']);
  });

  test('the policy table lists every setting with the default the code uses', () => {
    const rows = new Map<string, string>();
    for (const match of readme.matchAll(/^\| `([^`]+)` \| ([^|]+) \|/gm)) rows.set(match[1] as string, (match[2] as string).trim());
    for (const setting of NUMBER_SETTINGS) expect([setting.key, rows.get(setting.key)]).toEqual([setting.key, String(setting.default)]);
    for (const stage of DEADLINE_STAGES) {
      expect([stage.stage, rows.get(`deadline.${stage.stage}`)]).toEqual([stage.stage, stage.default ?? '(none)']);
    }
    for (const [key, date] of Object.entries(defaultPolicy().deadlineOverrides)) expect(rows.get(`deadline.${key}`)).toBe(date);
  });

  test('the bontot check output shown is what the CLI prints for the samples', () => {
    const shown = /`bontot check samples\/\*\.xlsx --as-of (\d{4}-\d{2}-\d{2})`[\s\S]*?```\n([\s\S]*?)\n```/.exec(readme);
    expect(shown).not.toBeNull();
    let output = '';
    try {
      execFileSync(
        process.execPath,
        ['bin/bontot.js', 'check', 'samples/chi-bo-mau.xlsx', 'samples/dang-bo-mau.xlsx', '--as-of', shown?.[1] as string],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );
    } catch (error) {
      // Exit status 1: the samples are not eligible, as the README says.
      const failed = error as { status: number; stdout: string };
      expect(failed.status).toBe(1);
      output = failed.stdout;
    }
    expect(output.trimEnd()).toBe(shown?.[2]);
  });
});
