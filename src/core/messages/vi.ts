/**
 * The Vietnamese catalogue: every message a person reads, keyed by reason/issue code (or
 * `CODE.variant` where a code has several wordings) and by the shared words of docs/glossary.md.
 * Placeholders are `{name}`; en.ts has the same keys and placeholders.
 */
export const VI = {
  // ------------------------------------------------------------ shared words (docs/glossary.md)
  'severity.block': 'Không đạt',
  'severity.warn': 'Lưu ý',
  'issueSeverity.error': 'Lỗi',
  'issueSeverity.warning': 'Cảnh báo',
  'verdict.eligible': 'Đủ điều kiện đề nghị công nhận',
  'verdict.notEligible': 'Chưa đủ điều kiện đề nghị công nhận',
  'place.cell': 'trang {sheet}, ô {cell}',
  'place.sheet': 'trang {sheet}',
  'place.year': 'cả năm',
  'rating.HTXSNV': 'Hoàn thành xuất sắc nhiệm vụ',
  'rating.HTTNV': 'Hoàn thành tốt nhiệm vụ',
  'rating.HTNV': 'Hoàn thành nhiệm vụ',
  'rating.KHTNV': 'Không hoàn thành nhiệm vụ',
  'rating.KXL': 'Không xếp loại',
  'kind.regular': 'thường kỳ',
  'kind.thematic': 'chuyên đề',
  'kind.combined': 'kết hợp',
  'criterion.1.1': 'Hoàn thành tốt nhiệm vụ chính trị',
  'criterion.1.2': 'Chất lượng sinh hoạt tốt',
  'criterion.1.3': 'Đoàn kết, kỷ luật tốt',
  'criterion.1.4': 'Cán bộ, đảng viên tốt',
  'noun.members': 'đảng viên',
  'noun.cells': 'chi bộ trực thuộc',
  'selfAssessment.tot': 'Tốt',
  'selfAssessment.kha': 'Khá',
  'selfAssessment.trung-binh': 'Trung bình',
  'selfAssessment.kem': 'Kém',
  'selfAssessment.dat': 'Đạt',
  'selfAssessment.khong-dat': 'Không đạt',
  'meeting.dated': 'Buổi sinh hoạt ngày {date}',
  'meeting.row': 'Buổi sinh hoạt ở dòng {row}',
  'meeting.pair': '{meeting} (thường kỳ kết hợp chuyên đề, ghi ở dòng {first} và {second})',
  'member.rated': 'đồng chí {name} ({rating})',
  'cell.rated': '{name} ({rating})',
  'cell.name': 'Chi bộ {name}',
  'names.more': '{names} và {more} người khác',
  'date.unknown': '?',

  // ------------------------------------------------------------ reasons (SPEC §1)
  'meetingCheck.attendance': 'Tỷ lệ đảng viên dự sinh hoạt là {percent} ({present}/{base}), cần trên {minimum}',
  'meetingCheck.speakers': 'Có {speakers} ý kiến phát biểu, cần ít nhất {needed} (chi bộ có {members} đảng viên)',
  'meetingCheck.duration': 'Thời gian {minutes} phút, cần ít nhất {needed} phút (sinh hoạt {kind}, chi bộ có {members} đảng viên)',
  CRITERION_MISSING: 'Tiêu chí {id} ({label}) chưa có dòng nào được chấm điểm (có điểm tối đa); cần chấm để đạt từ {minimum} trở lên.',
  CRITERION_LOW: 'Tiêu chí {id} ({label}) đạt {percent} ({self}/{max} điểm), cần từ {minimum} trở lên.',
  'recognition.criterionMissing': 'Tiêu chí {id} ({label}) chưa có điểm; cần từ {minimum} trở lên.',
  'recognition.criterionLow': 'Tiêu chí {id} ({label}) đạt {percent}, cần từ {minimum} trở lên.',
  'recognition.noneRated': 'Chưa có {noun} nào được xếp loại chất lượng (không tính "{kxl}"); cần xếp loại để tính tỷ lệ.',
  'recognition.completed': 'Tỷ lệ {noun} được xếp loại "{level}" trở lên là {percent} ({count}/{rated}), cần từ {minimum} trở lên.',
  'recognition.good': 'Tỷ lệ {noun} được xếp loại "{level}" trở lên là {percent} ({count}/{rated}), cần từ {minimum} trở lên.',
  // ------------------------------------------------------------ values that cannot be read (vocabulary, dates)
  'parse.rating': 'Xếp loại "{text}" không hợp lệ; cần một trong: {options} (hoặc viết tắt HTXSNV, HTTNV, HTNV, KHTNV, KXL).',
  'parse.meetingKind': 'Loại sinh hoạt "{text}" không hợp lệ; cần: Thường kỳ, Chuyên đề hoặc Kết hợp.',
  'parse.markV': 'Ký hiệu "{text}" không rõ: có thể là "P" (vắng có lý do) hoặc "K" (vắng không có lý do). Hãy ghi P hoặc K.',
  'parse.mark':
    'Ký hiệu điểm danh "{text}" không hợp lệ; cần: C (có mặt), P (vắng có lý do), K (vắng không có lý do), M (miễn sinh hoạt), D (nhiệm vụ đặc biệt) hoặc để trống.',
  'parse.yesNo': 'Giá trị "{text}" không hợp lệ; cần "Có" hoặc "Không".',
  'parse.signed': 'Giá trị "{text}" không hợp lệ; cần "Có" (hoặc "Đã ký") hoặc "Không" (hoặc "Chưa ký").',
  'parse.stamped': 'Giá trị "{text}" không hợp lệ; cần "Có" (hoặc "Đã đóng dấu") hoặc "Không" (hoặc "Chưa đóng dấu").',
  'parse.exempt': 'Giá trị "{text}" không hợp lệ; cần "Có" (hoặc "Được miễn") hoặc "Không".',
  'parse.orgKind': 'Loại tổ chức "{text}" không hợp lệ; cần: {options}.',
  'parse.orgType': 'Loại hình "{text}" không hợp lệ; cần: {options}.',
  'parse.selfAssessment': 'Tự đánh giá "{text}" không hợp lệ; cần: Tốt, Khá, Trung bình, Kém (hoặc Đạt, Không đạt).',
  'parse.discipline':
    'Kỷ luật "{text}" không rõ; cần một hình thức kỷ luật đảng viên ({options}), có thể kèm năm hoặc quyết định (ví dụ "Khiển trách (năm 2021)"), hoặc "Không" khi không bị kỷ luật.',
  'date.invalid': 'Ngày không hợp lệ; cần ngày dạng dd/mm/yyyy (ví dụ 05/03/2025).',
  'date.serial': 'Số {value} không phải là một ngày hợp lệ; cần ngày dạng dd/mm/yyyy (ví dụ 05/03/2025).',
  'date.text': '"{text}" không phải là ngày; cần ngày dạng dd/mm/yyyy (ví dụ 05/03/2025).',
  'date.nonexistent': 'Ngày "{text}" không tồn tại (ngày hoặc tháng không hợp lệ); cần ngày dạng dd/mm/yyyy (ví dụ 05/03/2025).',
  'date.notDate': 'Ô không chứa ngày; cần ngày dạng dd/mm/yyyy (ví dụ 05/03/2025).',
  'date.headerNumber': 'Tiêu đề cột là số {value}, không phải ngày; cần ngày của buổi sinh hoạt dạng dd/mm/yyyy.',

  // ------------------------------------------------------------ policy (src/core/policy.ts)
  'policy.unknownKey': 'Thiết lập "{key}" không tồn tại trong cấu hình.',
  'policy.invalid': 'Thiết lập "{key}" không hợp lệ: {problem}.',
  'policy.invalidLabelled': 'Thiết lập "{key}" ({label}) không hợp lệ: {problem}.',
  'policy.reason': 'Giá trị không hợp lệ: {problem}.',
  'policy.problem.number': 'phải là một số',
  'policy.problem.min': 'phải từ {min} trở lên',
  'policy.problem.max': 'phải không quá {max}',
  'policy.problem.integer': 'phải là số nguyên',
  'policy.problem.severity': 'phải là "block" (Không đạt) hoặc "warn" (Lưu ý)',
  'policy.problem.dayMonth': 'phải có dạng dd/mm',
  'policy.problem.overrideKey': 'khóa phải có dạng giaiDoan.năm',
  'policy.problem.fullDate': 'phải có dạng dd/mm/yyyy',
  'policy.problem.value': 'giá trị này không dùng được',
  'policy.notObject': 'Tệp cấu hình phải là một đối tượng JSON { "khóa": giá trị }.',
  'policy.severityLabel': 'Mức độ của lý do "{reason}"',
  'policy.severityHint': '{label}: Không đạt (ghi block) hoặc Lưu ý (ghi warn)',
  'policy.deadlineLabel': '{stage} (dd/mm)',
  'policy.deadlineNextYearLabel': '{stage} (dd/mm, năm sau)',
  'policy.deadlineYearLabel': '{stage} — năm {year} (dd/mm/yyyy)',
  'policy.workbookInvalid': '{message} Cấu hình của sổ tính không được dùng; đang áp dụng các giá trị mặc định theo Kế hoạch.',
  'policy.workbookInvalidSetting': 'Thiết lập "{key}": {message}',
} as const;

import type { IssueMessageKey } from './viIssues';
import type { RuleMessageKey } from './viRules';

/** Every key of the catalogue: the words and messages here, the rules' and the data issues'. */
export type MessageKey = keyof typeof VI | RuleMessageKey | IssueMessageKey;
