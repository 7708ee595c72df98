/**
 * The names of consolidation that the task pane's initial script needs (the sheet's name, the short
 * labels of reason codes) without the rest of consolidate.ts, which only the lazy board chunk and
 * the CLI load. consolidate.ts re-exports both.
 */
import type { ReasonCode } from '../../core/types';

export const CONSOLIDATION_SHEET = 'Danh sách tổ chức';

/** Short Vietnamese labels of reason codes for the list's `Lý do` column. */
export const REASON_SHORT_LABELS: Record<ReasonCode, string> = {
  CRITERION_LOW: 'Tiêu chí dưới ngưỡng',
  CRITERION_MISSING: 'Tiêu chí chưa chấm điểm',
  RATING_NOT_COMPLETED: 'Có đảng viên không hoàn thành nhiệm vụ',
  RATING_GOOD_SHARE_LOW: 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên thấp',
  CELL_NOT_COMPLETED: 'Có chi bộ trực thuộc không hoàn thành nhiệm vụ',
  CELL_GOOD_SHARE_LOW: 'Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ trở lên thấp',
  RATING_MISSING: 'Thiếu xếp loại',
  EXCELLENT_CAP: 'Vượt tỷ lệ hoàn thành xuất sắc',
  ATTENDANCE_LOW: 'Tỷ lệ dự sinh hoạt thấp',
  MEETING_ATTENDANCE_LOW: 'Buổi sinh hoạt có tỷ lệ dự thấp',
  ABSENCE_UNEXCUSED: 'Vắng không lý do',
  ABSENCE_STREAK: 'Vắng liên tiếp',
  SPEAKERS_LOW: 'Ít ý kiến phát biểu',
  DURATION_SHORT: 'Thời gian sinh hoạt ngắn',
  REGULAR_MONTH_MISSING: 'Thiếu sinh hoạt thường kỳ',
  THEMATIC_QUARTER_MISSING: 'Thiếu sinh hoạt chuyên đề',
  MINUTES_UNSIGNED: 'Biên bản chưa ký',
  MINUTES_BOOK_UNSTAMPED: 'Sổ biên bản chưa đóng dấu giáp lai',
  SELF_ASSESSMENT_MISSING: 'Thiếu tự đánh giá buổi sinh hoạt',
  MEETING_SELF_LOW: 'Buổi sinh hoạt tự đánh giá thấp',
  DISCIPLINE: 'Có đảng viên bị kỷ luật',
  YEAR_NOT_OVER: 'Chưa hết năm đánh giá (kết quả tạm thời)',
  DATA_INVALID: 'Dữ liệu có lỗi',
};
