/**
 * The header rows of the sheets a person fills in, as plain grids write them (template column
 * order, without the template's helper columns such as `Chất lượng (tự tính)`): one source for the
 * bundled samples (scripts/sampleLayouts.ts), the test fixtures (test/workbook/grids.ts) and the
 * Office.js fake's workbooks (test/fakes/workbooks.ts).
 */
export const INFO_HEADERS: readonly string[] = ['Mục', 'Giá trị'];
export const MEMBER_HEADERS: readonly string[] = [
  'STT',
  'Họ và tên',
  'Số thẻ đảng viên',
  'Ngày vào Đảng',
  'Miễn sinh hoạt',
  'Xếp loại',
  'Kỷ luật',
  'Ghi chú',
];
export const MEETING_HEADERS: readonly string[] = [
  'STT',
  'Ngày',
  'Loại',
  'Số đảng viên',
  'Có mặt',
  'Vắng có lý do',
  'Vắng không lý do',
  'Số ý kiến',
  'Thời gian (phút)',
  'Chủ trì ký',
  'Thư ký ký',
  'Tự đánh giá',
];
export const CRITERIA_HEADERS: readonly string[] = ['Mã', 'Nội dung', 'Điểm tối đa', 'Điểm tự chấm', 'Minh chứng'];
export const SUBORDINATE_HEADERS: readonly string[] = ['STT', 'Tên chi bộ', 'Số đảng viên', 'Xếp loại', 'Chi bộ bốn tốt'];
