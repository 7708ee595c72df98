/**
 * The per-meeting rules of the seed (mục II.1.2): speakers, duration, attendance, and the grade of
 * a meeting's score. Every threshold comes from the policy.
 */
import { msg, ref, type MessageRef } from './messages';
import { fractionToPercent } from './percent';
import type { Policy } from './policy';
import type { MeetingKind } from './types';

/**
 * Speakers a meeting needs: more than 20 members → 7, more than 10 → 5, else 3. The seed's
 * smallest band is "3–10 members"; a meeting with fewer members still needs the smallest count.
 */
export function minSpeakers(members: number, policy: Policy): number {
  if (members > policy.speakersLargeMembersAbove) return policy.speakersLarge;
  if (members > policy.speakersMediumMembersAbove) return policy.speakersMedium;
  return policy.speakersSmall;
}

/**
 * Minutes a meeting needs: 120 for a regular meeting combined with a thematic one (whatever the
 * size), 60 for a chi bộ under 10 members, else 90. A stand-alone thematic meeting uses the
 * regular minimum.
 */
export function minDuration(members: number, kind: MeetingKind, policy: Policy): number {
  if (kind === 'combined') return policy.durationCombined;
  if (members < policy.durationSmallMembersBelow) return policy.durationSmall;
  return policy.durationRegular;
}

/**
 * Attendance passes when strictly above the policy's percent (the seed says "trên 85%"). The
 * fraction is turned into a percent without binary noise (0.7 × 100 must be 70, not 70.00…01).
 */
export function attendancePasses(rate: number, policy: Policy): boolean {
  return fractionToPercent(rate) > policy.attendanceMinPercent;
}

export interface MeetingInput {
  members: number;
  present: number;
  speakers: number;
  minutes: number;
  kind: MeetingKind;
  /** Members left out of the attendance base: exempt (M) and on special duty (D). */
  excused: number;
}

export type MeetingProblem =
  | { code: 'ATTENDANCE_LOW'; rate: number; message: string; text: MessageRef }
  | { code: 'SPEAKERS_LOW'; required: number; message: string; text: MessageRef }
  | { code: 'DURATION_SHORT'; required: number; message: string; text: MessageRef };

/** The unmet conditions of one meeting, each explained with the value it used. */
export function meetingProblems(meeting: MeetingInput, policy: Policy): MeetingProblem[] {
  const problems: MeetingProblem[] = [];
  const base = meeting.members - meeting.excused;
  const rate = meeting.present / base;
  if (!attendancePasses(rate, policy)) {
    problems.push({
      code: 'ATTENDANCE_LOW',
      rate,
      ...msg('meetingCheck.attendance', {
        percent: { pct: rate * 100 },
        present: meeting.present,
        base,
        minimum: { pct: policy.attendanceMinPercent },
      }),
    });
  }
  const speakersNeeded = minSpeakers(meeting.members, policy);
  if (meeting.speakers < speakersNeeded) {
    problems.push({
      code: 'SPEAKERS_LOW',
      required: speakersNeeded,
      ...msg('meetingCheck.speakers', { speakers: meeting.speakers, needed: speakersNeeded, members: meeting.members }),
    });
  }
  const minutesNeeded = minDuration(meeting.members, meeting.kind, policy);
  if (meeting.minutes < minutesNeeded) {
    problems.push({
      code: 'DURATION_SHORT',
      required: minutesNeeded,
      ...msg('meetingCheck.duration', {
        minutes: meeting.minutes,
        needed: minutesNeeded,
        kind: ref(`kind.${meeting.kind}`),
        members: meeting.members,
      }),
    });
  }
  return problems;
}

export type MeetingGrade = 'Tốt' | 'Khá' | 'Trung bình' | 'Kém';

/** The grade of a meeting scored in points 0–100. */
export function meetingGrade(score: number, policy: Policy): MeetingGrade {
  if (score >= policy.gradeGoodMin) return 'Tốt';
  if (score >= policy.gradeFairMin) return 'Khá';
  if (score >= policy.gradeAverageMin) return 'Trung bình';
  return 'Kém';
}
