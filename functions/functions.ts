/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands raw values to `any` parameters so
   that bad input can be explained in Vietnamese instead of Excel's silent coercion. */
/**
 * The BONTOT custom functions (SPEC §4). Each is a thin wrapper over src/core: arguments are
 * checked and converted in functions/args.ts, the rule is computed by the core with the
 * workbook's policy, and bad input becomes an Excel error with a Vietnamese message.
 *
 * custom-functions-metadata-plugin reads the JSDoc below to generate functions.json and appends
 * the CustomFunctions.associate calls to this file, so every function stays top-level here.
 */
import { attendanceRateOf, longestAbsenceStreak } from '../src/core/attendance';
import { thematicQuarterCount } from '../src/core/calendar';
import { criterionPercent } from '../src/core/criteria';
import { parseDate, isoToExcelSerial } from '../src/core/dates';
import { deadlineDate } from '../src/core/deadlines';
import { meetingGrade, meetingProblems, minDuration, minSpeakers, type MeetingInput } from '../src/core/meeting';
import type { DeadlineStage } from '../src/core/policyDefaults';
import { shareAtLeast } from '../src/core/ratings';
import { recognitionProblems } from '../src/core/recognition';
import { modelShare } from '../src/core/share';
import { msg, render, VI } from '../src/core/messages';
import '../src/core/messages/viFunctions';
import type { FunctionsMessageKey } from '../src/core/messages/viFunctions';
import { foldText } from '../src/core/text';
import type { AttendanceMark, IsoDate, MeetingKind, RatingLevel } from '../src/core/types';
import { RATING_LABELS, parseMark, parseMeetingKind, parseOrgKind, parseRating } from '../src/core/vocabulary';
import { FunctionInputError, countArg, flatten, guard, isBlankArg, numError, numberArg, optionalText, percentArg, textArg, valueError } from './args';
import { functionsPolicy, publishBridge } from './policy';

publishBridge(globalThis as unknown as Record<string, unknown>);

/**
 * A message of the catalogue (viFunctions.ts), always in Vietnamese (SPEC §4). Numbers are given as
 * typed (String), never in the catalogue's rounded style: the functions' text stays what it was.
 */
function say(key: FunctionsMessageKey, params?: Record<string, string | number>): string {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(params ?? {})) text[name] = String(value);
  return render({ key, params: text }, 'vi');
}

// ------------------------------------------------------------------ shared argument readers

function kindArg(value: any): MeetingKind {
  const text = optionalText(value);
  if (text === null) return 'regular';
  const parsed = parseMeetingKind(text);
  if (!parsed.ok) throw valueError(parsed.message);
  return parsed.value;
}

function meetingArgs(members: any, present: any, speakers: any, minutes: any, kind: any, excused: any): MeetingInput {
  const input: MeetingInput = {
    members: countArg(members, say('fn.arg.members')),
    present: countArg(present, say('fn.arg.present')),
    speakers: countArg(speakers, say('fn.arg.speakers')),
    minutes: numberArg(minutes, say('fn.arg.minutes')),
    kind: kindArg(kind),
    excused: isBlankArg(excused) ? 0 : countArg(excused, say('fn.arg.excused')),
  };
  if (input.minutes < 0) throw numError(say('fn.minutesNegative', { minutes: input.minutes }));
  if (input.present > input.members) throw numError(say('fn.presentAbove', { present: input.present, members: input.members }));
  if (input.excused >= input.members) throw numError(say('fn.excusedAbove', { excused: input.excused, members: input.members }));
  return input;
}

/** Marks of a range: blanks are null (not required); an unknown mark is #VALUE! with its position. */
function marksArg(range: any): (AttendanceMark | null)[] {
  return flatten(range).map((cell, index) => {
    if (isBlankArg(cell)) return null;
    const parsed = parseMark(String(cell));
    if (!parsed.ok) throw valueError(msg('functions.cell', { index: index + 1, message: parsed.text ?? parsed.message }).message);
    return parsed.value;
  });
}

/**
 * A rating not given yet (SPEC §1, §4): "Chưa xếp loại", any text that begins with "chưa" or
 * "đang". It is not KXL: the seed appraises only once the rating is complete.
 */
function notYetRated(text: string): boolean {
  return /^(chua|dang)\b/.test(foldText(text));
}

/**
 * Ratings of a range: blanks are skipped, not-yet-rated entries are skipped and counted, unknown
 * labels are #VALUE! with their position.
 */
function ratingsArg(range: any): { levels: RatingLevel[]; pending: number } {
  const levels: RatingLevel[] = [];
  let pending = 0;
  flatten(range).forEach((cell, index) => {
    if (isBlankArg(cell)) return;
    const text = String(cell);
    if (notYetRated(text)) {
      pending += 1;
      return;
    }
    const parsed = parseRating(text);
    if (!parsed.ok) throw valueError(msg('functions.cell', { index: index + 1, message: parsed.text ?? parsed.message }).message);
    levels.push(parsed.value);
  });
  return { levels, pending };
}

/** The seed's recognition condition, and first of all a rating that is not complete yet. */
function fourGoodProblems(criteria: any, ratings: any, orgKind: any): string[] {
  const scope = recognitionScope(orgKind);
  const { levels, pending } = ratingsArg(ratings);
  const problems = recognitionProblems(criteriaArg(criteria), levels, scope, functionsPolicy());
  if (pending > 0) {
    problems.unshift(say('fn.pending', { count: pending, noun: VI[scope === 'cells' ? 'noun.cells' : 'noun.members'] }));
  }
  return problems;
}

function criteriaArg(range: any): number[] {
  const cells = flatten(range).filter((cell) => !isBlankArg(cell));
  if (cells.length !== 4) {
    throw valueError(say('fn.criteriaCount', { count: cells.length }));
  }
  return cells.map((cell, index) => percentArg(cell, say('fn.arg.criterion', { index: index + 1 })));
}

function recognitionScope(orgKind: any): 'members' | 'cells' {
  const text = optionalText(orgKind);
  if (text === null) return 'members';
  const parsed = parseOrgKind(text);
  if (!parsed.ok) throw valueError(parsed.message);
  return parsed.value.kind === 'dang-bo' ? 'cells' : 'members';
}

const STAGES: Record<string, DeadlineStage> = {
  'dang ky': 'dangKy',
  dangky: 'dangKy',
  'chi tieu': 'chiTieu',
  chitieu: 'chiTieu',
  'de nghi': 'deNghi',
  denghi: 'deNghi',
  'tham dinh': 'thamDinh',
  thamdinh: 'thamDinh',
  'cong nhan': 'congNhan',
  congnhan: 'congNhan',
};

// ------------------------------------------------------------------ the functions

/**
 * Số ý kiến phát biểu tối thiểu của một buổi sinh hoạt chi bộ: 7 nếu trên 20 đảng viên, 5 nếu trên 10, còn lại 3.
 * @customfunction MIN_SPEAKERS MIN_SPEAKERS
 * @helpurl https://localhost:3000/help/functions.html#MIN_SPEAKERS
 * @param members Số đảng viên của chi bộ (ít nhất 3).
 * @returns Số ý kiến tối thiểu.
 */
export function minSpeakersFn(members: any): number {
  return guard(() => {
    const count = countArg(members, say('fn.arg.members'));
    if (count < 3) throw numError(say('fn.fewMembers', { count }));
    return minSpeakers(count, functionsPolicy());
  });
}

/**
 * Thời gian sinh hoạt tối thiểu (phút): 90 phút; 120 phút khi kết hợp thường kỳ với chuyên đề; 60 phút khi chi bộ dưới 10 đảng viên.
 * @customfunction MIN_DURATION MIN_DURATION
 * @helpurl https://localhost:3000/help/functions.html#MIN_DURATION
 * @param members Số đảng viên dự kiến của buổi sinh hoạt.
 * @param [kind] Loại sinh hoạt: Thường kỳ (mặc định), Chuyên đề hoặc Kết hợp.
 * @returns Số phút tối thiểu.
 */
export function minDurationFn(members: any, kind?: any): number {
  return guard(() => minDuration(countArg(members, say('fn.arg.members')), kindArg(kind), functionsPolicy()));
}

/**
 * Đánh giá một buổi sinh hoạt: "Đạt" khi tỷ lệ dự họp trên 85 %, đủ số ý kiến và đủ thời gian; ngược lại "Không đạt".
 * @customfunction MEETING_QUALITY MEETING_QUALITY
 * @helpurl https://localhost:3000/help/functions.html#MEETING_QUALITY
 * @param members Số đảng viên của buổi sinh hoạt.
 * @param present Số đảng viên có mặt.
 * @param speakers Số ý kiến phát biểu.
 * @param minutes Thời gian sinh hoạt (phút).
 * @param [kind] Loại sinh hoạt: Thường kỳ (mặc định), Chuyên đề hoặc Kết hợp.
 * @param [excused] Số đảng viên không tính vào tỷ lệ dự họp (miễn sinh hoạt, làm nhiệm vụ đặc biệt).
 * @returns "Đạt" hoặc "Không đạt".
 */
export function meetingQualityFn(members: any, present: any, speakers: any, minutes: any, kind?: any, excused?: any): string {
  return guard(() => {
    const problems = meetingProblems(meetingArgs(members, present, speakers, minutes, kind, excused), functionsPolicy());
    return VI[problems.length === 0 ? 'selfAssessment.dat' : 'selfAssessment.khong-dat'];
  });
}

/**
 * Các điều kiện chưa đạt của một buổi sinh hoạt (tỷ lệ dự họp, số ý kiến, thời gian); chuỗi rỗng khi đạt.
 * @customfunction MEETING_ISSUES MEETING_ISSUES
 * @helpurl https://localhost:3000/help/functions.html#MEETING_ISSUES
 * @param members Số đảng viên của buổi sinh hoạt.
 * @param present Số đảng viên có mặt.
 * @param speakers Số ý kiến phát biểu.
 * @param minutes Thời gian sinh hoạt (phút).
 * @param [kind] Loại sinh hoạt: Thường kỳ (mặc định), Chuyên đề hoặc Kết hợp.
 * @param [excused] Số đảng viên không tính vào tỷ lệ dự họp (miễn sinh hoạt, làm nhiệm vụ đặc biệt).
 * @returns Các điều kiện chưa đạt, cách nhau bởi dấu chấm phẩy.
 */
export function meetingIssuesFn(members: any, present: any, speakers: any, minutes: any, kind?: any, excused?: any): string {
  return guard(() =>
    meetingProblems(meetingArgs(members, present, speakers, minutes, kind, excused), functionsPolicy())
      .map((problem) => problem.message)
      .join('; '),
  );
}

/**
 * Xếp loại chất lượng buổi sinh hoạt theo điểm: Tốt (từ 90), Khá (từ 70), Trung bình (từ 50), Kém.
 * @customfunction MEETING_GRADE MEETING_GRADE
 * @helpurl https://localhost:3000/help/functions.html#MEETING_GRADE
 * @param score Điểm của buổi sinh hoạt, từ 0 đến 100.
 * @returns Tốt, Khá, Trung bình hoặc Kém.
 */
export function meetingGradeFn(score: any): string {
  return guard(() => {
    const points = numberArg(score, say('fn.arg.score'));
    if (points < 0 || points > 100) throw numError(say('fn.scoreRange', { score: points }));
    return meetingGrade(points, functionsPolicy());
  });
}

/**
 * Tỷ lệ dự sinh hoạt từ vùng điểm danh: C / (C + P + K). M (miễn), D (nhiệm vụ đặc biệt) và ô trống không tính.
 * @customfunction ATTENDANCE_RATE ATTENDANCE_RATE
 * @helpurl https://localhost:3000/help/functions.html#ATTENDANCE_RATE
 * @param marks Vùng điểm danh (C, P, K, M, D).
 * @returns Tỷ lệ (phân số, định dạng %).
 */
export function attendanceRateFn(marks: any[][]): number {
  return guard(() => {
    const rate = attendanceRateOf(marksArg(marks));
    if (rate === null) throw new FunctionInputError('div0', say('fn.noMarks'));
    return rate;
  });
}

/**
 * Số lần vắng (P hoặc K) liên tiếp dài nhất trong một hàng điểm danh; M, D và ô trống được bỏ qua, C ngắt chuỗi.
 * @customfunction MAX_ABSENCE_STREAK MAX_ABSENCE_STREAK
 * @helpurl https://localhost:3000/help/functions.html#MAX_ABSENCE_STREAK
 * @param marks Hàng điểm danh của một đảng viên.
 * @returns Số lần vắng liên tiếp dài nhất.
 */
export function maxAbsenceStreakFn(marks: any[][]): number {
  return guard(() => longestAbsenceStreak(marksArg(marks)));
}

/**
 * Số quý có sinh hoạt chuyên đề (Chuyên đề hoặc Kết hợp).
 * @customfunction THEMATIC_QUARTERS THEMATIC_QUARTERS
 * @helpurl https://localhost:3000/help/functions.html#THEMATIC_QUARTERS
 * @param dates Vùng ngày sinh hoạt.
 * @param kinds Vùng loại sinh hoạt, cùng kích thước với vùng ngày.
 * @returns Số quý (năm, quý) khác nhau có sinh hoạt chuyên đề.
 */
export function thematicQuartersFn(dates: any[][], kinds: any[][]): number {
  return guard(() => {
    const dateCells = flatten(dates);
    const kindCells = flatten(kinds);
    if (dateCells.length !== kindCells.length) {
      throw valueError(say('fn.datesKinds', { dates: dateCells.length, kinds: kindCells.length }));
    }
    const entries: { date: IsoDate; kind: MeetingKind }[] = [];
    dateCells.forEach((cell, index) => {
      if (isBlankArg(cell) && isBlankArg(kindCells[index])) return;
      const date = parseDate(cell);
      if (!date.ok) throw valueError(msg('functions.row', { index: index + 1, message: date.text ?? date.message }).message);
      const kind = parseMeetingKind(String(kindCells[index] ?? ''));
      if (!kind.ok) throw valueError(msg('functions.row', { index: index + 1, message: kind.text ?? kind.message }).message);
      entries.push({ date: date.value, kind: kind.value });
    });
    return thematicQuarterCount(entries);
  });
}

/**
 * Tỷ lệ đạt của một tiêu chí: 100 × tổng điểm tự chấm / tổng điểm tối đa.
 * @customfunction CRITERION_PERCENT CRITERION_PERCENT
 * @helpurl https://localhost:3000/help/functions.html#CRITERION_PERCENT
 * @param scores Vùng điểm tự chấm.
 * @param maxima Vùng điểm tối đa, cùng kích thước.
 * @returns Tỷ lệ phần trăm (0–100).
 */
export function criterionPercentFn(scores: any[][], maxima: any[][]): number {
  return guard(() => {
    const scoreCells = flatten(scores);
    const maxCells = flatten(maxima);
    if (scoreCells.length !== maxCells.length) {
      throw valueError(say('fn.scoresMaxima', { scores: scoreCells.length, maxima: maxCells.length }));
    }
    const pairs: { score: number; max: number }[] = [];
    maxCells.forEach((maxCell, index) => {
      if (isBlankArg(maxCell) && isBlankArg(scoreCells[index])) return;
      const row = index + 1;
      const max = numberArg(maxCell, say('fn.arg.max', { row }));
      const score = isBlankArg(scoreCells[index]) ? 0 : numberArg(scoreCells[index], say('fn.arg.self', { row }));
      if (max < 0) throw numError(say('fn.maxNegative', { row, max }));
      if (score < 0 || score > max) throw numError(say('fn.selfRange', { row, score, max }));
      pairs.push({ score, max });
    });
    const totalMax = pairs.reduce((sum, p) => sum + p.max, 0);
    if (totalMax === 0) throw new FunctionInputError('div0', say('fn.maxZero'));
    if (!Number.isFinite(totalMax)) throw numError(say('fn.maxHuge'));
    return criterionPercent(
      pairs.map((p) => p.score),
      pairs.map((p) => p.max),
    );
  });
}

/**
 * Tỷ lệ (phân số) số đảng viên hoặc chi bộ được xếp loại từ mức đã cho trở lên; "Không xếp loại" và "Chưa xếp loại" không tính.
 * @customfunction RATING_SHARE RATING_SHARE
 * @helpurl https://localhost:3000/help/functions.html#RATING_SHARE
 * @param ratings Vùng xếp loại.
 * @param level Mức xếp loại, ví dụ "Hoàn thành tốt nhiệm vụ" hoặc HTTNV.
 * @returns Tỷ lệ (phân số, định dạng %).
 */
export function ratingShareFn(ratings: any[][], level: any): number {
  return guard(() => {
    const floor = parseRating(textArg(level, say('fn.arg.level')));
    if (!floor.ok) throw valueError(floor.message);
    if (floor.value === 'KXL') throw valueError(say('fn.levelKxl'));
    const share = shareAtLeast(ratingsArg(ratings).levels, floor.value);
    if (share === null) throw new FunctionInputError('div0', say('fn.noneRated'));
    return share;
  });
}

/**
 * TRUE khi đủ điều kiện công nhận "bốn tốt": cả 4 tiêu chí từ 95 %, 100 % từ "Hoàn thành nhiệm vụ" và từ 80 % "Hoàn thành tốt nhiệm vụ" trở lên; FALSE khi còn ô "Chưa xếp loại".
 * @customfunction FOURGOOD_ELIGIBLE FOURGOOD_ELIGIBLE
 * @helpurl https://localhost:3000/help/functions.html#FOURGOOD_ELIGIBLE
 * @param criteria Đúng 4 tỷ lệ của tiêu chí 1.1–1.4 (0–1 hoặc 0–100).
 * @param ratings Vùng xếp loại đảng viên (chi bộ) hoặc chi bộ trực thuộc (đảng bộ cơ sở).
 * @param [orgKind] Loại tổ chức: Chi bộ (mặc định) hoặc Đảng bộ cơ sở.
 * @returns TRUE hoặc FALSE.
 */
export function fourGoodEligibleFn(criteria: any[][], ratings: any[][], orgKind?: any): boolean {
  return guard(() => fourGoodProblems(criteria, ratings, orgKind).length === 0);
}

/**
 * Lý do chưa đủ điều kiện công nhận "bốn tốt"; chuỗi rỗng khi đủ điều kiện.
 * @customfunction FOURGOOD_REASONS FOURGOOD_REASONS
 * @helpurl https://localhost:3000/help/functions.html#FOURGOOD_REASONS
 * @param criteria Đúng 4 tỷ lệ của tiêu chí 1.1–1.4 (0–1 hoặc 0–100).
 * @param ratings Vùng xếp loại đảng viên (chi bộ) hoặc chi bộ trực thuộc (đảng bộ cơ sở).
 * @param [orgKind] Loại tổ chức: Chi bộ (mặc định) hoặc Đảng bộ cơ sở.
 * @returns Các lý do, cách nhau bởi dấu chấm phẩy.
 */
export function fourGoodReasonsFn(criteria: any[][], ratings: any[][], orgKind?: any): string {
  return guard(() => fourGoodProblems(criteria, ratings, orgKind).join('; '));
}

/**
 * Mốc thời gian của một bước: đăng ký, chỉ tiêu, đề nghị, thẩm định, công nhận.
 * @customfunction DEADLINE DEADLINE
 * @helpurl https://localhost:3000/help/functions.html#DEADLINE
 * @param stage Bước: "đăng ký", "chỉ tiêu", "đề nghị", "thẩm định" hoặc "công nhận".
 * @param year Năm đánh giá, ví dụ 2025.
 * @returns Ngày (định dạng ngày dd/mm/yyyy).
 */
export function deadlineFn(stage: any, year: any): number {
  return guard(() => {
    const stageText = textArg(stage, say('fn.arg.stage'));
    const key = STAGES[foldText(stageText)] ?? STAGES[foldText(stageText).replace(/\s/g, '')];
    if (!key) throw valueError(say('fn.stage', { stage: stageText }));
    const yearNumber = countArg(year, say('fn.arg.year'));
    if (yearNumber < 1930 || yearNumber > 9998) throw numError(say('fn.year', { year: yearNumber }));
    const date = deadlineDate(key, yearNumber, functionsPolicy());
    if (date === null) {
      throw new FunctionInputError('na', say('fn.noDeadline', { stage: stageText, year: yearNumber }));
    }
    return isoToExcelSerial(date);
  });
}

/**
 * Tỷ lệ tổ chức đạt mô hình: số ô ghi nhận đạt (Có, Đạt, TRUE, x) trên số ô không trống.
 * @customfunction MODEL_SHARE MODEL_SHARE
 * @helpurl https://localhost:3000/help/functions.html#MODEL_SHARE
 * @param statuses Vùng kết quả của các tổ chức.
 * @returns Tỷ lệ (phân số, định dạng %).
 */
export function modelShareFn(statuses: any[][]): number {
  return guard(() => {
    const share = modelShare(flatten(statuses));
    if (share === null) throw new FunctionInputError('div0', say('fn.noStatus'));
    return share;
  });
}

/**
 * Tên chuẩn của một mức xếp loại chất lượng, từ cách viết bất kỳ (có hoặc không dấu, viết tắt).
 * @customfunction NORMALIZE_RATING NORMALIZE_RATING
 * @helpurl https://localhost:3000/help/functions.html#NORMALIZE_RATING
 * @param text Xếp loại như đã gõ, ví dụ "htt nv" hoặc "Hoan thanh tot nhiem vu".
 * @returns Tên chuẩn của mức xếp loại; #N/A "chưa xếp loại" khi ô ghi "Chưa xếp loại" (hoặc bắt đầu bằng "chưa", "đang").
 */
export function normalizeRatingFn(text: any): string {
  return guard(() => {
    const typed = textArg(text, say('fn.arg.rating'));
    if (notYetRated(typed)) throw new FunctionInputError('na', say('fn.notYetRated'));
    const parsed = parseRating(typed);
    if (!parsed.ok) throw valueError(parsed.message);
    return RATING_LABELS[parsed.value];
  });
}
