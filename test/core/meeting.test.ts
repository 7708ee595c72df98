import { attendancePasses, meetingGrade, meetingProblems, minDuration, minSpeakers, type MeetingInput } from '../../src/core/meeting';
import type { MeetingKind } from '../../src/core/types';
import { policy } from './fixtures';

describe('minSpeakers', () => {
  it.each([
    [1, 3],
    [2, 3],
    [3, 3],
    [10, 3],
    [11, 5],
    [20, 5],
    [21, 7],
    [200, 7],
  ])('%p members need %p speakers', (members, speakers) => {
    expect(minSpeakers(members, policy())).toBe(speakers);
  });

  it('follows the policy', () => {
    const p = policy({ speakersLargeMembersAbove: 30, speakersLarge: 9, speakersMediumMembersAbove: 15, speakersMedium: 6, speakersSmall: 2 });
    expect([15, 16, 30, 31].map((m) => minSpeakers(m, p))).toEqual([2, 6, 6, 9]);
  });
});

describe('minDuration', () => {
  it.each<[number, MeetingKind, number]>([
    [9, 'regular', 60],
    [10, 'regular', 90],
    [3, 'regular', 60],
    [50, 'regular', 90],
    [9, 'thematic', 60],
    [10, 'thematic', 90],
    [9, 'combined', 120],
    [10, 'combined', 120],
    [50, 'combined', 120],
  ])('%p members, %s → %p minutes', (members, kind, minutes) => {
    expect(minDuration(members, kind, policy())).toBe(minutes);
  });
});

describe('attendancePasses', () => {
  it.each([
    [17 / 20, false], // exactly 85 %
    [171 / 200, true], // 85.5 %
    [0.8501, true],
    [0.8499, false],
    [1, true],
    [0, false],
  ])('%p → %p', (rate, passes) => {
    expect(attendancePasses(rate, policy())).toBe(passes);
  });

  it('compares without binary noise at any threshold', () => {
    for (let percent = 1; percent < 100; percent += 1) {
      // a rate exactly at the threshold never passes "strictly above"
      expect(attendancePasses(percent / 100, policy({ attendanceMinPercent: percent }))).toBe(false);
      expect(attendancePasses((percent + 0.5) / 100, policy({ attendanceMinPercent: percent }))).toBe(true);
    }
  });
});

describe('meetingProblems', () => {
  const ok: MeetingInput = { members: 20, present: 18, speakers: 5, minutes: 90, kind: 'regular', excused: 0 };

  it('is empty for a meeting that meets every condition', () => {
    expect(meetingProblems(ok, policy())).toEqual([]);
  });

  it('exactly 85 % attendance fails, just above passes', () => {
    const at85 = meetingProblems({ ...ok, present: 17 }, policy());
    expect(at85.map((p) => p.code)).toEqual(['ATTENDANCE_LOW']);
    expect(at85[0]?.message).toContain('85% (17/20)');
    expect(at85[0]?.message).toContain('trên 85%');
    expect(meetingProblems({ ...ok, members: 200, present: 171, speakers: 7 }, policy())).toEqual([]);
  });

  it('leaves excused members out of the base', () => {
    expect(meetingProblems({ ...ok, members: 21, present: 17, excused: 1, speakers: 7 }, policy()).map((p) => p.code)).toEqual(['ATTENDANCE_LOW']);
    expect(meetingProblems({ ...ok, members: 22, present: 18, excused: 2, speakers: 7 }, policy())).toEqual([]);
  });

  it('names the required speakers and minutes', () => {
    const problems = meetingProblems({ ...ok, members: 21, present: 21, speakers: 6, minutes: 119, kind: 'combined' }, policy());
    expect(problems).toEqual([
      {
        code: 'SPEAKERS_LOW',
        required: 7,
        message: 'Có 6 ý kiến phát biểu, cần ít nhất 7 (chi bộ có 21 đảng viên)',
        text: { key: 'meetingCheck.speakers', params: { speakers: 6, needed: 7, members: 21 } },
      },
      {
        code: 'DURATION_SHORT',
        required: 120,
        message: 'Thời gian 119 phút, cần ít nhất 120 phút (sinh hoạt kết hợp, chi bộ có 21 đảng viên)',
        text: { key: 'meetingCheck.duration', params: { minutes: 119, needed: 120, kind: { key: 'kind.combined' }, members: 21 } },
      },
    ]);
  });

  it.each([
    [9, 59, true],
    [9, 60, false],
    [10, 89, true],
    [10, 90, false],
  ])('%p members, %p minutes → short: %p', (members, minutes, short) => {
    const problems = meetingProblems({ members, present: members, speakers: 3, minutes, kind: 'regular', excused: 0 }, policy());
    expect(problems.some((p) => p.code === 'DURATION_SHORT')).toBe(short);
  });
});

describe('meetingGrade', () => {
  it.each([
    [100, 'Tốt'],
    [90, 'Tốt'],
    [89.99, 'Khá'],
    [70, 'Khá'],
    [69.99, 'Trung bình'],
    [50, 'Trung bình'],
    [49.99, 'Kém'],
    [0, 'Kém'],
  ])('%p points → %s', (score, grade) => {
    expect(meetingGrade(score, policy())).toBe(grade);
  });
});
