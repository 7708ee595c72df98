/** Same-day rows as one combined session (SPEC §2 Sinh hoạt), and which sessions an unreadable date or kind makes uncertain. */
import { meetingSessions, sameDayPairs } from '../../src/core/sessions';
import type { Meeting } from '../../src/core/types';
import { meeting } from './fixtures';

const summary = (meetings: Meeting[]): string[] =>
  meetingSessions(meetings).map(
    (s) =>
      `${s.main.row}${s.partner ? `+${s.partner.row}` : ''} ${s.kind ?? '?'} ${s.minutes ?? '?'}min ${s.speakers ?? '?'}sp ${s.members ?? '?'}m${s.uncertain ? ' uncertain' : ''}`,
  );

describe('meetingSessions', () => {
  test('one Thường kỳ and one Chuyên đề row on one date: one combined session (sum of minutes, larger speakers and members), at the Thường kỳ row', () => {
    const rows = [
      meeting(2, { date: '2025-01-10', kind: 'thematic', minutes: 40, speakers: 7, members: 12 }),
      meeting(3, { date: '2025-01-10', kind: 'regular', minutes: 90, speakers: 5, members: 13 }),
      meeting(4, { date: '2025-02-10', kind: 'regular', minutes: 95 }),
    ];
    expect(summary(rows)).toEqual(['3+2 combined 130min 7sp 13m', '4 regular 95min 5sp 10m']);
    expect([...sameDayPairs(rows).keys()]).toEqual(['2025-01-10']);
  });

  test("a value unknown on either row leaves the session's figure unknown", () => {
    const rows = [meeting(2, { kind: 'regular', minutes: null }), meeting(3, { kind: 'thematic', speakers: null, members: null })];
    expect(summary(rows)).toEqual(['2+3 combined ?min ?sp ?m']);
  });

  test('other rows sharing a date are sessions of their own: two Thường kỳ, three rows, a Kết hợp with a Chuyên đề', () => {
    expect(summary([meeting(2, { kind: 'regular' }), meeting(3, { kind: 'regular' })])).toEqual([
      '2 regular 120min 5sp 10m',
      '3 regular 120min 5sp 10m',
    ]);
    expect(summary([meeting(2, { kind: 'regular' }), meeting(3, { kind: 'thematic' }), meeting(4, { kind: 'thematic' })])).toHaveLength(3);
    expect(summary([meeting(2, { kind: 'combined' }), meeting(3, { kind: 'thematic' })])).toEqual([
      '2 combined 120min 5sp 10m',
      '3 thematic 120min 5sp 10m',
    ]);
    expect(sameDayPairs([meeting(2, { kind: 'regular' }), meeting(3, { kind: 'regular' })]).size).toBe(0);
  });

  test('an unreadable kind on a same-day row: no pairing, both rows uncertain', () => {
    expect(summary([meeting(2, { kind: 'regular', minutes: 90 }), meeting(3, { kind: null, minutes: 20 })])).toEqual([
      '2 regular 90min 5sp 10m uncertain',
      '3 ? 20min 5sp 10m uncertain',
    ]);
    // A Kết hợp row could not have paired with it: nothing uncertain.
    expect(summary([meeting(2, { kind: 'combined' }), meeting(3, { kind: null })]).every((s) => !s.includes('uncertain'))).toBe(true);
  });

  test('an unreadable date: the rows it could have paired with, and itself, are uncertain; a pair it could have broken too', () => {
    const lone = [
      meeting(2, { date: '2025-05-15', kind: 'regular' }),
      meeting(3, { date: null, kind: 'thematic' }),
      meeting(4, { date: '2025-06-15', kind: 'combined' }),
    ];
    expect(summary(lone)).toEqual(['2 regular 120min 5sp 10m uncertain', '3 thematic 120min 5sp 10m uncertain', '4 combined 120min 5sp 10m']);
    // A Thường kỳ row without a date and no Chuyên đề row it could join: judged as it is.
    expect(summary([meeting(2, { date: '2025-05-15', kind: 'regular' }), meeting(3, { date: null, kind: 'regular' })])).toEqual([
      '2 regular 120min 5sp 10m',
      '3 regular 120min 5sp 10m',
    ]);
    // Two undated rows that could be one session.
    expect(
      summary([meeting(2, { date: null, kind: 'regular' }), meeting(3, { date: null, kind: 'thematic' })]).every((s) => s.endsWith('uncertain')),
    ).toBe(true);
    // A pair that a third row of its date would break.
    const pair = [meeting(2, { kind: 'regular' }), meeting(3, { kind: 'thematic' }), meeting(4, { date: null, kind: 'combined' })];
    expect(summary(pair)).toEqual(['2+3 combined 240min 5sp 10m uncertain', '4 combined 120min 5sp 10m']);
  });
});
