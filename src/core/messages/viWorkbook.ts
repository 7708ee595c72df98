/**
 * The Vietnamese messages of `fill-subordinates` (src/workbook/fillSubordinates.ts) and of the
 * consolidation's duplicate warning (src/workbook/consolidate.ts), registered when those modules are
 * loaded: the custom functions and the pane's first load do not carry this text.
 */
import { registerCatalogue } from './render';
import './index';

export const VI_WORKBOOK = {
  // ------------------------------------------------------------ a file that cannot be checked (src/workbook/checkFile.ts)
  'read.brokenConsolidation':
    'Tệp được đánh dấu là bản tổng hợp của bontot nhưng không có trang "{sheet}" đọc được; hãy tạo lại bằng "bontot consolidate" từ các tệp gốc.',
  'read.checkFailed': 'Lỗi khi kiểm tra tệp: {detail}',
  // ------------------------------------------------------------ consolidation (a file given twice)
  'duplicate.via': '{source} (qua {via})',
  'duplicate.note': '"{name}" có trong nhiều đầu vào: {kept} và {dropped}; chỉ tính một lần theo {kept}{differs}.',
  'duplicate.differs': ' — HAI BẢN CÓ KẾT QUẢ KHÁC NHAU, cần kiểm tra',

  // ------------------------------------------------------------ fill-subordinates: the text written in `Kết quả tự kiểm tra`
  'fill.result.eligible': 'Đủ điều kiện (tự kiểm tra đến ngày {date})',
  'fill.result.notEligible': 'Chưa đủ điều kiện (tự kiểm tra đến ngày {date})',
  'fill.result.notEligibleWhy': 'Chưa đủ điều kiện (tự kiểm tra đến ngày {date}, {count} lý do)',
  // ------------------------------------------------------------ fill-subordinates: the đảng bộ's workbook
  'fill.error.chiBo':
    'Sổ tính đầu tiên là của một chi bộ; cần sổ tính của đảng bộ cơ sở (trang "Thông tin", "Loại tổ chức": Đảng bộ cơ sở) để điền trang "Chi bộ trực thuộc".',
  'fill.error.notDangBo':
    'Sổ tính đầu tiên không ghi "Loại tổ chức" là Đảng bộ cơ sở (trang "Thông tin"); cần sổ tính của đảng bộ cơ sở để điền trang "Chi bộ trực thuộc".',
  'fill.error.noYear': 'Sổ tính của đảng bộ không ghi "Năm đánh giá" (trang "Thông tin"): không biết nhận tệp của chi bộ năm nào.',
  'fill.error.noSheet':
    'Sổ tính của đảng bộ chưa có trang "{sheet}"; hãy tạo trang này (nút "Tạo mẫu" hoặc bontot template --kind dang-bo) rồi làm lại.',
  'fill.error.noNameColumn':
    'Trang "{sheet}" không có cột "Tên chi bộ" trong {rows} dòng đầu; cần hàng tiêu đề của mẫu (STT | Tên chi bộ | Số đảng viên | Xếp loại | Chi bộ bốn tốt).',
  // ------------------------------------------------------------ fill-subordinates: a chi bộ's file not used
  'fill.refuse.generated': 'tệp do Bốn Tốt tạo ra (bản tổng hợp hoặc danh sách), không phải sổ tính của một chi bộ.',
  'fill.refuse.generatedOnly': 'tệp chỉ có trang do Bốn Tốt tạo ra (Tổng hợp, danh sách), không phải sổ tính của một chi bộ.',
  'fill.refuse.noInfo': 'không có trang "Thông tin" nào của mẫu Bốn Tốt: không phải sổ tính của một chi bộ.',
  'fill.refuse.dangBo': 'đây là sổ tính của một đảng bộ cơ sở ("Loại tổ chức": Đảng bộ cơ sở), không phải của một chi bộ trực thuộc.',
  'fill.refuse.notChiBo': 'trang "Thông tin" không ghi "Loại tổ chức" là chi bộ: không phải sổ tính của một chi bộ.',
  'fill.refuse.noName': 'trang "Thông tin" không ghi "Tên tổ chức": không biết đây là chi bộ nào.',
  'fill.refuse.noYear': 'trang "Thông tin" không ghi "Năm đánh giá"; đảng bộ đang tổng hợp năm {year}.',
  'fill.refuse.otherYear': 'sổ tính năm {fileYear}, khác năm đánh giá {year} của đảng bộ. Hãy dùng tệp của năm {year}.',
  'fill.refuse.superior':
    '"Cấp ủy cấp trên" của chi bộ là "{superior}", không phải đảng ủy của "{org}". Nếu đúng là chi bộ trực thuộc, hãy sửa dòng "Cấp ủy cấp trên" trong tệp của chi bộ.',
  'fill.refuse.shortName': '"Tên tổ chức" là "{name}": không đủ để nhận ra chi bộ.',
  'fill.refuse.unreadable': 'không đọc được nội dung ({detail}).',
  'fill.refuse.twin': 'cùng chi bộ "{name}" với tệp "{file}" (đã dùng tệp đó).',
  // ------------------------------------------------------------ fill-subordinates: notes on a row
  'fill.note.renamed': 'Tên trên trang giữ nguyên "{sheetName}"; tệp của chi bộ ghi "{name}".',
  'fill.note.ratingBlank': 'Cột "Xếp loại" còn trống: đảng ủy ghi xếp loại của chi bộ.',
  'fill.note.newRow': 'Chi bộ mới trên trang: đảng ủy ghi "Xếp loại" của chi bộ.',
  // ------------------------------------------------------------ fill-subordinates: rows left as they are
  'fill.left.noName': 'dòng không có tên chi bộ.',
  'fill.left.twin': 'trùng tên với dòng {row}; chỉ dòng đầu được điền.',
  'fill.left.noFile': 'không có tệp của chi bộ này trong các tệp đã chọn.',
} as const;

export type WorkbookMessageKey = keyof typeof VI_WORKBOOK;

registerCatalogue('vi', VI_WORKBOOK);
