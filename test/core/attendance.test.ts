import fc from 'fast-check';
import { absenceRuns, attendanceRateOf, countMarks, longestAbsenceStreak } from '../../src/core/attendance';
import type { AttendanceMark } from '../../src/core/types';

/** "CPK.M" → marks ("." is blank). */
const m = (text: string): (AttendanceMark | null)[] => [...text].map((ch) => (ch === '.' ? null : (ch as AttendanceMark)));

describe('countMarks', () => {
  it('counts each mark and ignores blanks', () => {
    expect(countMarks(m('CCPK.MDD.'))).toEqual({ C: 2, P: 1, K: 1, M: 1, D: 2 });
    expect(countMarks([])).toEqual({ C: 0, P: 0, K: 0, M: 0, D: 0 });
  });
});

describe('attendanceRateOf', () => {
  it.each([
    ['CCCC', 1],
    ['CCCP', 0.75],
    ['CCCK', 0.75],
    ['CCPKMMDD..', 0.5],
    ['CMMMMD', 1],
  ])('%s → %p', (marks, rate) => {
    expect(attendanceRateOf(m(marks))).toBe(rate);
  });

  it('is null when there is no required mark', () => {
    expect(attendanceRateOf(m('MD..'))).toBeNull();
    expect(attendanceRateOf([])).toBeNull();
  });

  it('stays between 0 and 1 for any marks', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<AttendanceMark | null>('C', 'P', 'K', 'M', 'D', null)), (marks) => {
        const rate = attendanceRateOf(marks);
        return rate === null || (rate >= 0 && rate <= 1);
      }),
    );
  });
});

describe('longestAbsenceStreak', () => {
  it.each([
    ['', 0],
    ['CCCC', 0],
    ['PPP', 3],
    ['PPPK', 4],
    ['KKKC', 3],
    ['PPCPPPP', 4],
    // M, D and blanks neither extend nor end a run
    ['PP.MDKP', 4],
    ['PPMCPP', 2],
    ['P.P.P', 3],
  ])('%p → %p', (marks, longest) => {
    expect(longestAbsenceStreak(m(marks))).toBe(longest);
  });

  it('never exceeds the number of P and K marks', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<AttendanceMark | null>('C', 'P', 'K', 'M', 'D', null)), (marks) => {
        const counts = countMarks(marks);
        return longestAbsenceStreak(marks) <= counts.P + counts.K;
      }),
    );
  });
});

describe('absenceRuns', () => {
  it('gives each run with its first and last index', () => {
    expect(absenceRuns(m('PPCK.KMC'))).toEqual([
      { start: 0, end: 1, length: 2 },
      { start: 3, end: 5, length: 2 },
    ]);
  });
});
