/**
 * The English catalogue: the same keys and placeholders as vi.ts, in the plain words of an
 * appraisal office. Sheet names and what people typed stay as the workbook writes them. The task
 * pane loads this module as a chunk when English is chosen; the CLI imports it.
 */
import type { MessageKey } from './vi';

export const EN: Record<MessageKey, string> = {
  'severity.block': 'Not met',
  'severity.warn': 'Note',
  'issueSeverity.error': 'Error',
  'issueSeverity.warning': 'Warning',
  'verdict.eligible': 'Eligible to be proposed for recognition',
  'verdict.notEligible': 'Not yet eligible to be proposed for recognition',
  'place.cell': 'sheet {sheet}, cell {cell}',
  'place.sheet': 'sheet {sheet}',
  'place.year': 'whole year',
  'rating.HTXSNV': 'Tasks completed excellently',
  'rating.HTTNV': 'Tasks completed well',
  'rating.HTNV': 'Tasks completed',
  'rating.KHTNV': 'Tasks not completed',
  'rating.KXL': 'Not rated',
  'kind.regular': 'regular',
  'kind.thematic': 'thematic',
  'kind.combined': 'combined',
  'criterion.1.1': 'Political tasks completed well',
  'criterion.1.2': 'Good quality of meetings',
  'criterion.1.3': 'Good unity and discipline',
  'criterion.1.4': 'Good cadres and party members',
  'noun.members': 'party members',
  'noun.cells': 'subordinate party cells',
  'selfAssessment.tot': 'Good',
  'selfAssessment.kha': 'Fairly good',
  'selfAssessment.trung-binh': 'Average',
  'selfAssessment.kem': 'Poor',
  'selfAssessment.dat': 'Satisfactory',
  'selfAssessment.khong-dat': 'Unsatisfactory',
  'meeting.dated': 'The meeting of {date}',
  'meeting.row': 'The meeting on row {row}',
  'meeting.pair': '{meeting} (regular combined with thematic, recorded on rows {first} and {second})',
  'member.rated': 'comrade {name} ({rating})',
  'cell.name': 'Party cell {name}',
  'names.more': '{names} and {more} others',
  'date.unknown': '?',

  CRITERION_MISSING:
    'Criterion {id} ({label}) has no scored row (a row with maximum points); it must be scored and reach {minimum} or more.',
  CRITERION_LOW: 'Criterion {id} ({label}) reaches {percent} ({self}/{max} points); {minimum} or more is required.',
  'recognition.criterionMissing': 'Criterion {id} ({label}) has no score; {minimum} or more is required.',
  'recognition.criterionLow': 'Criterion {id} ({label}) reaches {percent}; {minimum} or more is required.',
  'recognition.noneRated': 'No {noun} have been rated yet (not counting "{kxl}"); ratings are needed to compute the shares.',
  'recognition.completed':
    'The share of {noun} rated "{level}" or higher is {percent} ({count}/{rated}); {minimum} or more is required.',
  'recognition.good': 'The share of {noun} rated "{level}" or higher is {percent} ({count}/{rated}); {minimum} or more is required.',
  'shares.below': '{problem} Below that level: {names}.',
  'RATING_MISSING.member':
    'Comrade {name} has not been given a quality rating; enter a rating level or "{kxl}" (with the reason in the "Ghi chú" column). For a party member who transferred out during the year, write "Chuyển đi ngày …" in the "Ghi chú" column.',
  'RATING_MISSING.cell': '{cell} has not been given a quality rating; enter a rating level or "{kxl}".',
  'RATING_MISSING.none':
    'No {noun} have been rated yet (not counting "{kxl}"); at least one of the {noun} must be rated to compute the shares.',
  EXCELLENT_CAP:
    'The share of {noun} rated "{excellent}" among the {noun} rated "{good}" or higher is {percent} ({count}/{total}), above the maximum of {cap} (Regulation 366-QĐ/TW).',
  'ATTENDANCE_LOW.matrix':
    'The yearly attendance rate of party members is {percent} ({present}/{required} required attendances, from sheet {sheet}); more than {minimum} is required.',
  'ATTENDANCE_LOW.meetings':
    'The yearly attendance rate of party members is {percent} ({present}/{required} required attendances, from the figures on sheet {sheet}); more than {minimum} is required.',
  MEETING_ATTENDANCE_LOW:
    '{meeting}: the attendance rate is {percent} ({present}/{base} party members required to attend were present; absent with a reason {excused}, absent without a reason {unexcused}); more than {minimum} is required.',
  'ABSENCE_UNEXCUSED.member':
    'Comrade {name} was absent without a reason from the meeting of {date}; under the Plan, no party member may be absent without a reason.',
  'ABSENCE_UNEXCUSED.meeting':
    '{meeting} had {count} party members absent without a reason; under the Plan, no party member may be absent without a reason.',
  ABSENCE_STREAK:
    'Comrade {name} was absent from {count} meetings in a row (from {from} to {to}), more than the {limit} consecutive meetings allowed in a year.',
  SPEAKERS_LOW: '{meeting} had {speakers} contributions to the discussion; at least {needed} are required (the party cell has {members} party members).',
  'DURATION_SHORT.sized':
    '{meeting} lasted {length}; at least {needed} minutes are required ({kind} meeting, the party cell has {members} party members).',
  'DURATION_SHORT.combined': '{meeting} lasted {length}; at least {needed} minutes are required ({kind} meeting).',
  'duration.minutes': '{minutes} minutes',
  'duration.sum': '{first} + {second} = {minutes} minutes',
  REGULAR_MONTH_MISSING:
    'No regular (or combined) meeting was held in month {month}/{year}; a party cell must hold a regular meeting at least once a month (Party Statute).',
  THEMATIC_QUARTER_MISSING:
    'No thematic (or combined) meeting was held in quarter {quarter}/{year}; a party cell must hold a thematic meeting at least once a quarter.',
  'MINUTES_UNSIGNED.chair':
    '{meeting}: the minutes lack the signature of the chair; the minutes must be signed by both the chair and the secretary.',
  'MINUTES_UNSIGNED.secretary':
    '{meeting}: the minutes lack the signature of the secretary; the minutes must be signed by both the chair and the secretary.',
  MINUTES_BOOK_UNSTAMPED:
    'The minutes book has not been stamped across its pages; the party cell\'s minutes book must bear the grassroots committee\'s seal across its pages.',
  'MINUTES_BOOK_UNSTAMPED.blank':
    'The item "Sổ biên bản đóng dấu giáp lai" (Có/Không) is not filled in on sheet {sheet}; the party cell\'s minutes book must bear the grassroots committee\'s seal across its pages.',
  SELF_ASSESSMENT_MISSING:
    '{meeting} has no self-assessment of its quality; after every meeting the party cell must assess it (Good, Fairly good, Average, Poor).',
  MEETING_SELF_LOW:
    '{meeting} was self-assessed "{level}", below Fairly good (noted when a meeting is self-assessed Average, Poor or Unsatisfactory).',
  DISCIPLINE:
    'Comrade {name} was disciplined ({discipline}); criteria 1.3 and 1.4 require that no party member was disciplined during the year.',
  YEAR_NOT_OVER:
    'Figures as of {asOf}: the evaluation year {year} is not over, so months {months} and quarters {quarters}/{year} are not counted yet. The present conclusion is provisional; check again after 31/12/{year}.',
  DATA_INVALID:
    'The workbook has {count} data errors (sheet {sheets}); the appraisal is not reliable until they are all corrected.',
};
