/**
 * The English catalogue: the same keys and placeholders as vi.ts, in the plain words of an
 * appraisal office. Sheet names and what people typed stay as the workbook writes them. The task
 * pane loads this module as a chunk when English is chosen; the CLI imports it.
 */
import { RATING_NAMES_EN } from '../vocabulary';
import { POLICY_WORDS_EN } from './policyWords';
import type { MessageKey } from './keys';

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
  // The names the reader accepts too (src/core/vocabulary.ts).
  'rating.HTXSNV': RATING_NAMES_EN.HTXSNV,
  'rating.HTTNV': RATING_NAMES_EN.HTTNV,
  'rating.HTNV': RATING_NAMES_EN.HTNV,
  'rating.KHTNV': RATING_NAMES_EN.KHTNV,
  'rating.KXL': RATING_NAMES_EN.KXL,
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
  'cell.rated': '{name} ({rating})',
  'cell.name': 'Party cell {name}',
  'names.more': '{names} and {more} others',
  'date.unknown': '?',

  'meetingCheck.attendance': 'The attendance rate is {percent} ({present}/{base}); more than {minimum} is required',
  'meetingCheck.speakers': '{speakers} contributions to the discussion; at least {needed} are required (the party cell has {members} party members)',
  'meetingCheck.duration':
    'The meeting lasted {minutes} minutes; at least {needed} minutes are required ({kind} meeting, the party cell has {members} party members)',
  CRITERION_MISSING: 'Criterion {id} ({label}) has no scored row (a row with maximum points); it must be scored and reach {minimum} or more.',
  CRITERION_LOW: 'Criterion {id} ({label}) reaches {percent} ({self}/{max} points); {minimum} or more is required.',
  'recognition.criterionMissing': 'Criterion {id} ({label}) has no score; {minimum} or more is required.',
  'recognition.criterionLow': 'Criterion {id} ({label}) reaches {percent}; {minimum} or more is required.',
  'recognition.noneRated': 'No {noun} have been rated yet (not counting "{kxl}"); ratings are needed to compute the shares.',
  'recognition.completed': 'The share of {noun} rated "{level}" or higher is {percent} ({count}/{rated}); {minimum} or more is required.',
  'recognition.good': 'The share of {noun} rated "{level}" or higher is {percent} ({count}/{rated}); {minimum} or more is required.',
  'shares.below': '{problem} Below that level: {names}.',
  'RATING_MISSING.member':
    'Comrade {name} has not been given a quality rating; enter a rating level or "{kxl}" (with the reason in the "Ghi chú" column). For a party member who transferred out during the year, write "Chuyển đi ngày …" in the "Ghi chú" column.',
  'RATING_MISSING.cell': '{cell} has not been given a quality rating; enter a rating level or "{kxl}".',
  'RATING_MISSING.none': 'No {noun} have been rated yet (not counting "{kxl}"); at least one of the {noun} must be rated to compute the shares.',
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
  SPEAKERS_LOW:
    '{meeting} had {speakers} contributions to the discussion; at least {needed} are required (the party cell has {members} party members).',
  'DURATION_SHORT.sized':
    '{meeting} lasted {length}; at least {needed} minutes are required ({kind} meeting, the party cell has {members} party members).',
  'DURATION_SHORT.combined': '{meeting} lasted {length}; at least {needed} minutes are required ({kind} meeting).',
  'duration.minutes': '{minutes} minutes',
  'duration.sum': '{first} + {second} = {minutes} minutes',
  REGULAR_MONTH_MISSING:
    'No regular (or combined) meeting was held in month {month}/{year}; a party cell must hold a regular meeting at least once a month (Party Statute).',
  THEMATIC_QUARTER_MISSING:
    'No thematic (or combined) meeting was held in quarter {quarter}/{year}; a party cell must hold a thematic meeting at least once a quarter.',
  'MINUTES_UNSIGNED.chair': '{meeting}: the minutes lack the signature of the chair; the minutes must be signed by both the chair and the secretary.',
  'MINUTES_UNSIGNED.secretary':
    '{meeting}: the minutes lack the signature of the secretary; the minutes must be signed by both the chair and the secretary.',
  MINUTES_BOOK_UNSTAMPED:
    "The minutes book has not been stamped across its pages; the party cell's minutes book must bear the grassroots committee's seal across its pages.",
  'MINUTES_BOOK_UNSTAMPED.blank':
    'The item "Sổ biên bản đóng dấu giáp lai" (Có/Không) is not filled in on sheet {sheet}; the party cell\'s minutes book must bear the grassroots committee\'s seal across its pages.',
  SELF_ASSESSMENT_MISSING:
    '{meeting} has no self-assessment of its quality; after every meeting the party cell must assess it (Good, Fairly good, Average, Poor).',
  MEETING_SELF_LOW:
    '{meeting} was self-assessed "{level}", below Fairly good (noted when a meeting is self-assessed Average, Poor or Unsatisfactory).',
  DISCIPLINE: 'Comrade {name} was disciplined ({discipline}); criteria 1.3 and 1.4 require that no party member was disciplined during the year.',
  YEAR_NOT_OVER:
    'Figures as of {asOf}: the evaluation year {year} is not over, so months {months} and quarters {quarters}/{year} are not counted yet. The present conclusion is provisional; check again after 31/12/{year}.',
  DATA_INVALID: 'The workbook has {count} data errors (sheet {sheets}); the appraisal is not reliable until they are all corrected.',
  'parse.rating': 'Rating "{text}" is not valid; enter one of: {options} (or the Vietnamese names or abbreviations HTXSNV, HTTNV, HTNV, KHTNV, KXL).',
  'parse.meetingKind': 'Meeting type "{text}" is not valid; enter Thường kỳ, Chuyên đề or Kết hợp.',
  'parse.markV': 'Mark "{text}" is ambiguous: it may mean "P" (absent with a reason) or "K" (absent without a reason). Enter P or K.',
  'parse.mark':
    'Attendance mark "{text}" is not valid; enter C (present), P (absent with a reason), K (absent without a reason), M (exempt from meetings), D (special duty) or leave it blank.',
  'parse.yesNo': 'Value "{text}" is not valid; enter "Có" (yes) or "Không" (no).',
  'parse.signed': 'Value "{text}" is not valid; enter "Có" (or "Đã ký", signed) or "Không" (or "Chưa ký", not signed).',
  'parse.stamped': 'Value "{text}" is not valid; enter "Có" (or "Đã đóng dấu", stamped) or "Không" (or "Chưa đóng dấu", not stamped).',
  'parse.exempt': 'Value "{text}" is not valid; enter "Có" (or "Được miễn", exempt) or "Không" (no).',
  'parse.orgKind': 'Kind of organisation "{text}" is not valid; enter one of: {options}.',
  'parse.orgType': 'Type of organisation "{text}" is not valid; enter one of: {options}.',
  'parse.selfAssessment': 'Self-assessment "{text}" is not valid; enter Tốt, Khá, Trung bình, Kém (or Đạt, Không đạt).',
  'parse.discipline':
    'Discipline "{text}" is not clear; enter a form of party discipline ({options}), optionally with the year or the decision (for example "Khiển trách (năm 2021)"), or "Không" when there was none.',
  'date.invalid': 'The date is not valid; enter a date as dd/mm/yyyy (for example 05/03/2025).',
  'date.serial': 'The number {value} is not a valid date; enter a date as dd/mm/yyyy (for example 05/03/2025).',
  'date.text': '"{text}" is not a date; enter a date as dd/mm/yyyy (for example 05/03/2025).',
  'date.nonexistent': 'The date "{text}" does not exist (invalid day or month); enter a date as dd/mm/yyyy (for example 05/03/2025).',
  'date.notDate': 'The cell holds no date; enter a date as dd/mm/yyyy (for example 05/03/2025).',
  'date.headerNumber': 'The column heading is the number {value}, not a date; enter the meeting date as dd/mm/yyyy.',

  SHEET_MISSING: 'The sheet "{sheet}" is missing; add it (see the template workbook).',
  'SHEET_MISSING.attendance':
    'There is no sheet "{sheet}": the attendance rate is computed from the figures on sheet "{meetings}", and consecutive absences of each party member cannot be checked. Add the sheet "{sheet}".',
  'issue.column': 'Column "{header}": {problem}',
  'issue.item': 'Item "{label}": {problem}',
  'issue.attendanceHeader': 'Attendance column heading: {problem}',
  'formula.noResult': 'the cell has a formula but no computed value — open the file in Excel and save it again.',
  'COLUMN_MISSING.header':
    'Sheet "{sheet}" lacks the column "{header}": this heading is not in the heading row (row {row}); add the column "{header}".',
  'COLUMN_MISSING.top': 'Sheet "{sheet}" lacks the column "{header}": this heading is not in the first {rows} rows; add the column "{header}".',
  'NUMBER_INVALID.countBlank': 'Column "{header}" is blank; enter {what} (a whole number, 0 or more).',
  'NUMBER_INVALID.countText': 'Column "{header}": "{text}" is not a number; enter {what} (a whole number, 0 or more).',
  'NUMBER_INVALID.countNegative': 'Column "{header}": {value} is negative; enter {what} (a whole number, 0 or more).',
  'NUMBER_INVALID.countFraction': 'Column "{header}": {value} is not a whole number; enter {what} (a whole number, 0 or more).',
  'NUMBER_INVALID.amountBlank': 'Column "{header}" is blank; enter {what} (a number, 0 or more).',
  'NUMBER_INVALID.amountText': 'Column "{header}": "{text}" is not a number; enter {what} (a number, 0 or more).',
  'NUMBER_INVALID.amountNegative': 'Column "{header}": {value} is negative; enter {what} (a number, 0 or more).',
  'what.members': 'the number of party members of the cell at the meeting',
  'what.present': 'the number of party members present',
  'what.excused': 'the number of party members absent with a reason',
  'what.unexcused': 'the number of party members absent without a reason',
  'what.speakers': 'the number of contributions to the discussion',
  'what.minutes': 'the length of the meeting in minutes',
  'what.cellMembers': 'the number of party members of the cell',
  'DATE_INVALID.blank': 'Column "{header}" is blank; enter a date as dd/mm/yyyy (for example 05/03/2025).',
  'VALUE_INVALID.itemBlank': 'Item "{label}" is blank; enter {expected}.',
  'VALUE_INVALID.itemMissing': 'There is no row "{label}"; enter {expected}.',
  'expected.oneOf': 'one of: {options}',
  'expected.year': 'the evaluation year as a 4-digit number (for example 2025)',
  'expected.value': 'a value',
  'VALUE_INVALID.year': 'Item "{label}": "{text}" is not a valid year; enter the evaluation year as a 4-digit number (for example 2025).',
  'VALUE_INVALID.memberName': 'Row {row} has data but the column "Họ và tên" (full name) is blank; enter the party member\'s full name.',
  'VALUE_INVALID.markName': 'Row {row} has attendance marks but the column "Họ và tên" (full name) is blank; enter the party member\'s full name.',
  'VALUE_INVALID.kindBlank': 'Column "{header}" is blank; enter Thường kỳ, Chuyên đề or Kết hợp.',
  'VALUE_INVALID.markM':
    'Column "Điểm danh": "M" (exempt from meetings) is only for party members exempt from meetings, but comrade {name} has no "Có" in the column "Miễn sinh hoạt" of sheet "{sheet}"; enter C, P or K, or "Có" in the column "Miễn sinh hoạt".',
  'VALUE_INVALID.markD':
    'Column "Điểm danh": "D" (special duty) is only for party cells in the armed forces, but "Loại hình" on sheet "{sheet}" is not "Lực lượng vũ trang"; enter C, P or K.',
  'VALUE_INVALID.criterionCodeBlank':
    'Row {row} has points but the column "Mã" (code) is blank; enter the criterion code (1.1 … 1.4 or a sub-item such as 1.2.3).',
  'VALUE_INVALID.criterionCode':
    'Code "{code}" is not valid; enter the criterion code 1.1, 1.2, 1.3, 1.4 or one of their sub-items (for example 1.2.3).',
  'VALUE_INVALID.cellName':
    'Row {row} has data but the column "Tên chi bộ" (party cell name) is blank; enter the name of the subordinate party cell.',
  'VALUE_INVALID.model': 'Column "Chi bộ bốn tốt": "{text}" is not valid; enter "Có" (yes) or "Không" (no).',
  'DUPLICATE_MEMBER.card': 'Party card number "{value}" appears twice (already in cell {previous}); each party member must be on exactly one row.',
  'DUPLICATE_MEMBER.name': 'Full name "{value}" appears twice (already in cell {previous}); each party member must be on exactly one row.',
  KXL_UNEXPLAINED:
    'Comrade {name} is rated "{kxl}" but the column "Ghi chú" gives no reason; "{kxl}" is only for party members admitted less than 6 months ago, on sick leave, suspended…; write the reason in the column "Ghi chú".',
  DATE_OUT_OF_YEAR: 'The meeting of {date} is outside the evaluation year {year}; it is not counted.',
  COUNT_MISMATCH:
    'Present {present} + absent with a reason {excused} + absent without a reason {unexcused} = {total}, more than the {members} party members; this total may not exceed the number of party members.',
  'MATRIX_MISMATCH.column':
    'The attendance column of {date} has no matching meeting on sheet "{sheet}"; add a row for this meeting or correct the date.',
  'MATRIX_MISMATCH.count':
    'The meeting of {date}: the number {label} is recorded as {stated}, but sheet "{sheet}" (column {column}) counts {counted}; the two sheets must agree.',
  'MATRIX_MISMATCH.meeting': 'The meeting of {date} has no attendance column on sheet "{sheet}"; add a column headed with this date.',
  'mark.present': 'present (C)',
  'mark.excused': 'absent with a reason (P)',
  'mark.unexcused': 'absent without a reason (K)',
  'NUMBER_INVALID.score': 'Column "{header}": "{text}" is not a number; enter the points, 0 or more.',
  'NUMBER_INVALID.maxBlank':
    'Code {code} has {self} self-assessed points but the column "Điểm tối đa" (maximum points) is blank; the maximum is needed to compute the share.',
  'SCORE_INVALID.negative': 'Column "{header}": {value} is a negative score; points must be 0 or more.',
  'SCORE_INVALID.tooLarge': 'Column "{header}": {value} points is too large; points must be from 0 to 1 000 000.',
  'SCORE_INVALID.aboveMax':
    'Code {code}: the self-assessed points {self} are more than the maximum {max}; self-assessed points may not exceed the maximum.',
  SCORE_MISSING: 'Code {code} has a maximum of {max} points but no self-assessed points; it counts as 0 points. Enter the self-assessed points.',
  LEGACY_ENCODING: 'Text typed in the {encoding} font: "{before}" — in Unicode it reads "{after}". Convert it to Unicode.',

  'policy.unknownKey': 'The setting "{key}" does not exist in the policy.',
  'policy.invalid': 'The setting "{key}" is invalid: {problem}.',
  'policy.invalidLabelled': 'The setting "{key}" ({label}) is invalid: {problem}.',
  'policy.reason': 'Invalid value: {problem}.',
  'policy.problem.number': 'it must be a number',
  'policy.problem.min': 'it must be {min} or more',
  'policy.problem.max': 'it must be at most {max}',
  'policy.problem.integer': 'it must be a whole number',
  'policy.problem.severity': 'it must be "block" (Not met) or "warn" (Note)',
  'policy.problem.dayMonth': 'it must be written dd/mm',
  'policy.problem.overrideKey': 'the key must be written stage.year',
  'policy.problem.fullDate': 'it must be written dd/mm/yyyy',
  'policy.problem.value': 'this value cannot be used',
  'policy.notObject': 'The policy file must be a JSON object { "key": value }.',
  'policy.severityLabel': 'Severity of the reason "{reason}"',
  'policy.severityHint': '{label}: Not met (write block) or Note (write warn)',
  'policy.deadlineLabel': '{stage} (dd/mm)',
  'policy.deadlineNextYearLabel': '{stage} (dd/mm, the following year)',
  'policy.deadlineYearLabel': '{stage} — year {year} (dd/mm/yyyy)',
  'policy.workbookInvalid': "{message} The workbook's policy is not used; the default values under the Plan apply.",
  'policy.workbookInvalidSetting': 'Setting "{key}": {message}',
  'read.damaged':
    'The .xlsx file is damaged or was not fully downloaded (its zip structure cannot be read). Download the file again, or open it in Excel and save it again as .xlsx.',
  'read.empty': 'The file is empty (0 bytes): there is no workbook to read. Check the file that was sent.',
  'read.xls':
    'An .xls file (Excel 97-2003) or a password-protected .xlsx file cannot be read; open it in Excel, remove any password, and save it again as .xlsx (Excel workbook).',
  'read.notZip': 'The file is not an Excel workbook (.xlsx). Open it in Excel and save it again as .xlsx (Excel workbook).',
  'read.tooManyParts': 'The zip holds {count} parts, over the limit of {limit}; this does not look like an ordinary workbook, so it is not opened.',
  'read.tooLargeDeclared':
    'The file declares too much data once unzipped (part "{name}" {size}, {total} in all; the limits are {entryLimit} per part, {totalLimit} in all, a compression ratio of {ratio}:1). It may be a "zip bomb", so it is not opened; if it is a real workbook, delete the sheets that are not needed and save it again.',
  'read.encrypted': 'The zip is password-protected and cannot be read; remove the password and save it again as .xlsx.',
  'read.notWorkbook': "The zip is not an Excel .xlsx workbook{hint}. Send the organisation's own .xlsx file.",
  'read.hintDocx': ' (it is a Word .docx file)',
  'read.hintOds': ' (it is an OpenDocument .ods file: save it again as .xlsx)',
  'read.tooLargeInflated':
    'Part "{name}" of the file unzips to more than its declared size ({size}). It may be a "zip bomb", so it is not opened; if it is a real workbook, open it in Excel and save it again as .xlsx.',
  'read.moreRows': 'more than {count} rows',
  'read.moreCells': 'more than {count} cells',
  'read.tooManyRows':
    'A sheet of the workbook (part "{name}") has {what}, over the limit of {maxRows} rows and {maxCells} cells per sheet. Delete the extra rows and cells (formatted blank cells too) at the end of the sheet and save it again.',
  'read.noInflate': 'This browser cannot unzip an .xlsx file; use a recent Chrome, Edge, Firefox or Safari.',
  'read.content': "The workbook's content cannot be read ({detail}). Open the file in Excel, check it and save it again as .xlsx.",
  'read.directory': '"{path}" is a folder, not an .xlsx file.',
  'read.notFound': 'File "{path}" not found. Check the name and the path.',
  'read.noPermission': 'No permission to read file "{path}". Check the file\'s access rights.',
  'read.failed': 'File "{path}" cannot be read ({detail}).',
  'part.charts': 'charts',
  'part.chartsheets': 'chart sheets',
  'part.pivotTables': 'PivotTables',
  'part.slicers': 'slicers, timelines',
  'part.drawings': 'drawings, text boxes',
  'part.images': 'images',
  'part.vba': 'macros (VBA)',
  'part.externalLinks': 'links to other workbooks (external links)',
  'part.comments': 'comments',
  'part.threadedComments': 'threaded comments',
  'part.tables': 'formatted tables (Table)',
  'part.embeddings': 'embedded objects (OLE)',
  'part.controls': 'buttons, form controls (ActiveX)',
  'part.connections': 'data connections, queries (Power Query)',
  'functions.cell': 'Cell {index}: {message}',
  'functions.row': 'Row {index}: {message}',

  'read.brokenConsolidation':
    'The file is marked as a bontot consolidation but has no readable sheet "{sheet}"; make it again with "bontot consolidate" from the original files.',
  'read.checkFailed': 'Error while checking the file: {detail}',
  'duplicate.via': '{source} (through {via})',
  'duplicate.note': '"{name}" is in more than one input: {kept} and {dropped}; it is counted once, from {kept}{differs}.',
  'duplicate.differs': ' — THE TWO COPIES HAVE DIFFERENT RESULTS, check them',
  'fill.result.eligible': 'Eligible (self-check as of {date})',
  'fill.result.notEligible': 'Not yet eligible (self-check as of {date})',
  'fill.result.notEligibleWhy': 'Not yet eligible (self-check as of {date}, {count} reasons)',
  'fill.error.chiBo':
    'The first workbook is a party cell\'s; the party committee\'s workbook (sheet "Thông tin", "Loại tổ chức": Đảng bộ cơ sở) is needed to fill the sheet "Chi bộ trực thuộc".',
  'fill.error.notDangBo':
    'The first workbook does not give "Loại tổ chức" as Đảng bộ cơ sở (sheet "Thông tin"); the party committee\'s workbook is needed to fill the sheet "Chi bộ trực thuộc".',
  'fill.error.noYear':
    'The party committee\'s workbook gives no "Năm đánh giá" (evaluation year, sheet "Thông tin"): it is not known which year\'s party cell files to take.',
  'fill.error.noSheet':
    'The party committee\'s workbook has no sheet "{sheet}" yet; create it (the "Tạo mẫu" button or bontot template --kind dang-bo) and try again.',
  'fill.error.noNameColumn':
    'Sheet "{sheet}" has no column "Tên chi bộ" in its first {rows} rows; the template\'s heading row is needed (STT | Tên chi bộ | Số đảng viên | Xếp loại | Chi bộ bốn tốt).',
  'fill.refuse.generated': "a file made by Bốn Tốt (a summary or a list), not a party cell's workbook.",
  'fill.refuse.generatedOnly': "the file has only sheets made by Bốn Tốt (summary, lists), not a party cell's workbook.",
  'fill.refuse.noInfo': 'there is no "Thông tin" sheet of the Bốn Tốt template: not a party cell\'s workbook.',
  'fill.refuse.dangBo': 'this is the workbook of a grassroots party committee ("Loại tổ chức": Đảng bộ cơ sở), not of a subordinate party cell.',
  'fill.refuse.notChiBo': 'the sheet "Thông tin" does not give "Loại tổ chức" as a party cell: not a party cell\'s workbook.',
  'fill.refuse.noName': 'the sheet "Thông tin" gives no "Tên tổ chức" (name): it is not known which party cell this is.',
  'fill.refuse.noYear': 'the sheet "Thông tin" gives no "Năm đánh giá" (evaluation year); the party committee is consolidating the year {year}.',
  'fill.refuse.otherYear': "a workbook of {fileYear}, not the party committee's evaluation year {year}. Use the file of {year}.",
  'fill.refuse.superior':
    'the party cell\'s "Cấp ủy cấp trên" (superior committee) is "{superior}", not the committee of "{org}". If it really is a subordinate party cell, correct the row "Cấp ủy cấp trên" in the party cell\'s file.',
  'fill.refuse.shortName': '"Tên tổ chức" (name) is "{name}": not enough to recognise the party cell.',
  'fill.refuse.unreadable': 'its content cannot be read ({detail}).',
  'fill.refuse.twin': 'the same party cell "{name}" as the file "{file}" (that file was used).',
  'fill.note.renamed': 'The name on the sheet is kept as "{sheetName}"; the party cell\'s file writes "{name}".',
  'fill.note.ratingBlank': 'The column "Xếp loại" (rating) is blank: the party committee enters the party cell\'s rating.',
  'fill.note.newRow': 'A new party cell on the sheet: the party committee enters its "Xếp loại" (rating).',
  'fill.left.noName': 'the row has no party cell name.',
  'fill.left.twin': 'the same name as row {row}; only the first row is filled.',
  'fill.left.noFile': "none of the chosen files is this party cell's.",
  ...POLICY_WORDS_EN,
};
