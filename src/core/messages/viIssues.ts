/**
 * The Vietnamese messages of the data issues (SPEC §3), registered when the reader is loaded: the
 * custom functions do not read workbooks, so their bundle does not carry this text.
 */
import { registerCatalogue } from './render';
import './index';

export const VI_ISSUES = {
  // ------------------------------------------------------------ data issues (SPEC §3)
  SHEET_MISSING: 'Thiếu trang "{sheet}"; cần thêm trang này (xem sổ tính mẫu).',
  'SHEET_MISSING.attendance':
    'Không có trang "{sheet}": tỷ lệ dự sinh hoạt được tính theo số liệu trang "{meetings}" và không kiểm tra được số lần vắng liên tiếp của từng đảng viên. Nên thêm trang "{sheet}".',
  'issue.column': 'Cột "{header}": {problem}',
  'issue.item': 'Mục "{label}": {problem}',
  'issue.attendanceHeader': 'Tiêu đề cột điểm danh: {problem}',
  'formula.noResult': 'ô có công thức nhưng chưa có giá trị đã tính — mở và lưu lại tệp trong Excel.',
  'COLUMN_MISSING.header': 'Trang "{sheet}" thiếu cột "{header}": không tìm thấy tiêu đề này ở hàng tiêu đề (dòng {row}); cần thêm cột "{header}".',
  'COLUMN_MISSING.top': 'Trang "{sheet}" thiếu cột "{header}": không tìm thấy tiêu đề này trong {rows} dòng đầu; cần thêm cột "{header}".',
  'NUMBER_INVALID.countBlank': 'Cột "{header}" đang trống; cần {what} (số nguyên từ 0 trở lên).',
  'NUMBER_INVALID.countText': 'Cột "{header}": "{text}" không phải là số; cần {what} (số nguyên từ 0 trở lên).',
  'NUMBER_INVALID.countNegative': 'Cột "{header}": {value} là số âm; cần {what} (số nguyên từ 0 trở lên).',
  'NUMBER_INVALID.countFraction': 'Cột "{header}": {value} không phải số nguyên; cần {what} (số nguyên từ 0 trở lên).',
  'NUMBER_INVALID.amountBlank': 'Cột "{header}" đang trống; cần {what} (số từ 0 trở lên).',
  'NUMBER_INVALID.amountText': 'Cột "{header}": "{text}" không phải là số; cần {what} (số từ 0 trở lên).',
  'NUMBER_INVALID.amountNegative': 'Cột "{header}": {value} là số âm; cần {what} (số từ 0 trở lên).',
  'what.members': 'số đảng viên của chi bộ tại buổi sinh hoạt',
  'what.present': 'số đảng viên có mặt',
  'what.excused': 'số đảng viên vắng có lý do',
  'what.unexcused': 'số đảng viên vắng không có lý do',
  'what.speakers': 'số ý kiến phát biểu',
  'what.minutes': 'thời gian sinh hoạt tính bằng phút',
  'what.cellMembers': 'số đảng viên của chi bộ',
  'DATE_INVALID.blank': 'Cột "{header}" đang trống; cần ngày dạng dd/mm/yyyy (ví dụ 05/03/2025).',
  'VALUE_INVALID.itemBlank': 'Mục "{label}" đang trống; cần {expected}.',
  'VALUE_INVALID.itemMissing': 'Không có dòng "{label}"; cần {expected}.',
  'expected.oneOf': 'một trong: {options}',
  'expected.year': 'năm đánh giá dạng số có 4 chữ số (ví dụ 2025)',
  'expected.value': 'một giá trị',
  'VALUE_INVALID.year': 'Mục "{label}": "{text}" không phải là năm hợp lệ; cần năm đánh giá dạng số có 4 chữ số (ví dụ 2025).',
  'VALUE_INVALID.memberName': 'Dòng {row} có dữ liệu nhưng cột "Họ và tên" đang trống; cần họ và tên đảng viên.',
  'VALUE_INVALID.markName': 'Dòng {row} có ký hiệu điểm danh nhưng cột "Họ và tên" đang trống; cần họ và tên đảng viên.',
  'VALUE_INVALID.kindBlank': 'Cột "{header}" đang trống; cần: Thường kỳ, Chuyên đề hoặc Kết hợp.',
  'VALUE_INVALID.markM':
    'Cột "Điểm danh": "M" (miễn sinh hoạt) chỉ dùng cho đảng viên được miễn sinh hoạt, nhưng đồng chí {name} không có "Có" ở cột "Miễn sinh hoạt" trang "{sheet}"; cần ghi C, P hoặc K, hoặc ghi "Có" ở cột "Miễn sinh hoạt".',
  'VALUE_INVALID.markD':
    'Cột "Điểm danh": "D" (nhiệm vụ đặc biệt) chỉ dùng cho chi bộ trong lực lượng vũ trang, nhưng "Loại hình" ở trang "{sheet}" không phải "Lực lượng vũ trang"; cần ghi C, P hoặc K.',
  'VALUE_INVALID.criterionCodeBlank': 'Dòng {row} có điểm nhưng cột "Mã" đang trống; cần mã tiêu chí (1.1 … 1.4 hoặc mục con như 1.2.3).',
  'VALUE_INVALID.criterionCode': 'Mã "{code}" không hợp lệ; cần mã tiêu chí 1.1, 1.2, 1.3, 1.4 hoặc mục con của chúng (ví dụ 1.2.3).',
  'VALUE_INVALID.cellName': 'Dòng {row} có dữ liệu nhưng cột "Tên chi bộ" đang trống; cần tên chi bộ trực thuộc.',
  'VALUE_INVALID.model': 'Cột "Chi bộ bốn tốt": "{text}" không hợp lệ; cần "Có" hoặc "Không".',
  'DUPLICATE_MEMBER.card': 'Số thẻ đảng viên "{value}" xuất hiện hai lần (đã có ở ô {previous}); mỗi đảng viên cần ghi đúng một dòng.',
  'DUPLICATE_MEMBER.name': 'Họ và tên "{value}" xuất hiện hai lần (đã có ở ô {previous}); mỗi đảng viên cần ghi đúng một dòng.',
  KXL_UNEXPLAINED:
    'Đồng chí {name} xếp loại "{kxl}" nhưng cột "Ghi chú" không ghi lý do; "{kxl}" chỉ dành cho đảng viên mới kết nạp dưới 6 tháng, nghỉ ốm, đình chỉ sinh hoạt…, cần ghi lý do vào cột "Ghi chú".',
  DATE_OUT_OF_YEAR: 'Buổi sinh hoạt ngày {date} nằm ngoài năm đánh giá {year}; buổi này không được tính.',
  COUNT_MISMATCH:
    'Có mặt {present} + vắng có lý do {excused} + vắng không có lý do {unexcused} = {total}, nhiều hơn số đảng viên {members}; tổng này không được vượt quá số đảng viên.',
  'MATRIX_MISMATCH.column':
    'Cột điểm danh ngày {date} không có buổi sinh hoạt tương ứng ở trang "{sheet}"; cần thêm dòng cho buổi này hoặc sửa ngày.',
  'MATRIX_MISMATCH.count':
    'Buổi sinh hoạt ngày {date}: số {label} ghi {stated}, nhưng trang "{sheet}" (cột {column}) đếm được {counted}; hai trang cần khớp nhau.',
  'MATRIX_MISMATCH.meeting': 'Buổi sinh hoạt ngày {date} không có cột điểm danh ở trang "{sheet}"; cần thêm cột có tiêu đề là ngày này.',
  'mark.present': 'có mặt (C)',
  'mark.excused': 'vắng có lý do (P)',
  'mark.unexcused': 'vắng không có lý do (K)',
  'NUMBER_INVALID.score': 'Cột "{header}": "{text}" không phải là số; cần số điểm từ 0 trở lên.',
  'NUMBER_INVALID.maxBlank': 'Mã {code} có điểm tự chấm {self} nhưng cột "Điểm tối đa" đang trống; cần điểm tối đa để tính tỷ lệ.',
  'SCORE_INVALID.negative': 'Cột "{header}": {value} là điểm âm; điểm phải từ 0 trở lên.',
  'SCORE_INVALID.tooLarge': 'Cột "{header}": {value} điểm quá lớn; điểm phải từ 0 đến 1 000 000.',
  'SCORE_INVALID.aboveMax': 'Mã {code}: điểm tự chấm {self} lớn hơn điểm tối đa {max}; điểm tự chấm không được vượt điểm tối đa.',
  SCORE_MISSING: 'Mã {code} có điểm tối đa {max} nhưng chưa tự chấm; được tính 0 điểm. Cần ghi điểm tự chấm.',
  LEGACY_ENCODING: 'Văn bản gõ bằng phông {encoding}: "{before}" — chữ Unicode là "{after}". Hãy chuyển mã sang Unicode.',
} as const;

export type IssueMessageKey = keyof typeof VI_ISSUES;

registerCatalogue('vi', VI_ISSUES);
