/**
 * The Vietnamese messages of the rules (SPEC §1), registered when the rules are loaded: the custom
 * functions do not load the rules, so their bundle does not carry this text.
 */
import { registerCatalogue } from './render';
import './index';

export const VI_RULES = {
  'shares.below': '{problem} Dưới mức: {names}.',
  'RATING_MISSING.member':
    'Đồng chí {name} chưa được xếp loại chất lượng; cần ghi mức xếp loại hoặc "{kxl}" (ghi lý do ở cột "Ghi chú"). Đảng viên đã chuyển sinh hoạt đi trong năm: ghi "Chuyển đi ngày …" ở cột "Ghi chú".',
  'RATING_MISSING.cell': '{cell} chưa được xếp loại chất lượng; cần ghi mức xếp loại hoặc "{kxl}".',
  'RATING_MISSING.none': 'Chưa có {noun} nào được xếp loại chất lượng (không tính "{kxl}"); cần ít nhất một {noun} được xếp loại để tính tỷ lệ.',
  EXCELLENT_CAP:
    'Tỷ lệ {noun} được xếp loại "{excellent}" trong số {noun} xếp loại "{good}" trở lên là {percent} ({count}/{total}), vượt mức tối đa {cap} (Quy định 366-QĐ/TW).',
  'ATTENDANCE_LOW.matrix':
    'Tỷ lệ đảng viên dự sinh hoạt cả năm là {percent} ({present}/{required} lượt bắt buộc, theo trang {sheet}), cần trên {minimum}.',
  'ATTENDANCE_LOW.meetings':
    'Tỷ lệ đảng viên dự sinh hoạt cả năm là {percent} ({present}/{required} lượt bắt buộc, theo số liệu trang {sheet}), cần trên {minimum}.',
  MEETING_ATTENDANCE_LOW:
    '{meeting}: tỷ lệ đảng viên dự sinh hoạt là {percent} ({present}/{base} đảng viên phải dự có mặt; vắng có lý do {excused}, vắng không có lý do {unexcused}), cần trên {minimum}.',
  'ABSENCE_UNEXCUSED.member':
    'Đồng chí {name} vắng mặt không có lý do tại buổi sinh hoạt ngày {date}; theo Kế hoạch, không được có đảng viên vắng mặt không có lý do.',
  'ABSENCE_UNEXCUSED.meeting':
    '{meeting} có {count} đảng viên vắng mặt không có lý do; theo Kế hoạch, không được có đảng viên vắng mặt không có lý do.',
  ABSENCE_STREAK:
    'Đồng chí {name} vắng {count} buổi sinh hoạt liên tiếp (từ ngày {from} đến ngày {to}), quá {limit} buổi liên tiếp cho phép trong năm.',
  SPEAKERS_LOW: '{meeting} có {speakers} ý kiến phát biểu, cần ít nhất {needed} (chi bộ có {members} đảng viên).',
  'DURATION_SHORT.sized': '{meeting} kéo dài {length}, cần ít nhất {needed} phút (sinh hoạt {kind}, chi bộ có {members} đảng viên).',
  'DURATION_SHORT.combined': '{meeting} kéo dài {length}, cần ít nhất {needed} phút (sinh hoạt {kind}).',
  'duration.minutes': '{minutes} phút',
  'duration.sum': '{first} + {second} = {minutes} phút',
  REGULAR_MONTH_MISSING:
    'Không có buổi sinh hoạt thường kỳ (hoặc kết hợp) trong tháng {month}/{year}; chi bộ phải sinh hoạt thường kỳ mỗi tháng ít nhất 1 lần (Điều lệ Đảng).',
  THEMATIC_QUARTER_MISSING:
    'Không có buổi sinh hoạt chuyên đề (hoặc kết hợp) trong quý {quarter}/{year}; chi bộ phải sinh hoạt chuyên đề ít nhất mỗi quý 1 lần.',
  'MINUTES_UNSIGNED.chair': '{meeting}: biên bản chưa có chữ ký của người chủ trì; biên bản phải có đủ chữ ký của người chủ trì và thư ký.',
  'MINUTES_UNSIGNED.secretary': '{meeting}: biên bản chưa có chữ ký của thư ký; biên bản phải có đủ chữ ký của người chủ trì và thư ký.',
  MINUTES_BOOK_UNSTAMPED: 'Sổ biên bản chưa được đóng dấu giáp lai; sổ biên bản sinh hoạt chi bộ phải được đóng dấu giáp lai của cấp ủy cơ sở.',
  'MINUTES_BOOK_UNSTAMPED.blank':
    'Chưa ghi mục "Sổ biên bản đóng dấu giáp lai" (Có/Không) ở trang {sheet}; sổ biên bản sinh hoạt chi bộ phải được đóng dấu giáp lai của cấp ủy cơ sở.',
  SELF_ASSESSMENT_MISSING: '{meeting} chưa được tự đánh giá chất lượng; sau mỗi buổi sinh hoạt chi bộ phải tự đánh giá (Tốt, Khá, Trung bình, Kém).',
  MEETING_SELF_LOW: '{meeting} tự đánh giá "{level}", dưới mức Khá (lưu ý khi tự đánh giá Trung bình, Kém hoặc Không đạt).',
  DISCIPLINE: 'Đồng chí {name} bị kỷ luật ({discipline}); tiêu chí 1.3 và 1.4 yêu cầu không có đảng viên vi phạm kỷ luật trong năm.',
  YEAR_NOT_OVER:
    'Số liệu tính đến ngày {asOf}, năm đánh giá {year} chưa kết thúc: chưa tính tháng {months} và quý {quarters}/{year}. Kết luận hiện tại chỉ là tạm thời; cần kiểm tra lại sau ngày 31/12/{year}.',
  DATA_INVALID: 'Sổ tính có {count} lỗi dữ liệu (trang {sheets}); kết quả đánh giá chưa đáng tin cậy cho đến khi sửa hết các lỗi này.',
} as const;

export type RuleMessageKey = keyof typeof VI_RULES;

registerCatalogue('vi', VI_RULES);
