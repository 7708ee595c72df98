/**
 * The Vietnamese messages of files that cannot be read and of the workbook parts a rewrite loses
 * (src/hosts/xlsx), registered when the zip checks are loaded (zip.ts): the custom functions and
 * the pane's first load, which read no file, do not carry this text.
 */
import { registerCatalogue } from './render';
import './index';

export const VI_READ = {
  // ------------------------------------------------------------ files that cannot be read (src/hosts)
  'read.damaged': 'Tệp .xlsx bị hỏng hoặc chưa tải về hết (không đọc được cấu trúc nén). Hãy tải lại tệp, hoặc mở trong Excel và lưu lại dạng .xlsx.',
  'read.empty': 'Tệp rỗng (0 byte), không có sổ tính nào để đọc. Hãy kiểm tra lại tệp đã gửi.',
  'read.xls':
    'Tệp .xls (Excel 97-2003) hoặc tệp .xlsx đặt mật khẩu không đọc được; hãy mở trong Excel, bỏ mật khẩu nếu có, và lưu lại dạng .xlsx (sổ tính Excel).',
  'read.notZip': 'Tệp không phải là sổ tính Excel (.xlsx). Hãy mở tệp trong Excel và lưu lại dạng .xlsx (sổ tính Excel).',
  'read.tooManyParts': 'Tệp nén chứa {count} phần, vượt giới hạn {limit}; đây không giống một sổ tính bình thường nên không được mở.',
  'read.tooLargeDeclared':
    'Tệp khai báo dữ liệu giải nén quá lớn (phần "{name}" {size}, tổng {total}; giới hạn {entryLimit} mỗi phần, {totalLimit} tổng, tỷ lệ nén {ratio}:1). Tệp có thể là "bom nén" nên không được mở; nếu đây là sổ tính thật, hãy xóa các trang không cần và lưu lại.',
  'read.encrypted': 'Tệp nén được đặt mật khẩu nên không đọc được; hãy bỏ mật khẩu và lưu lại dạng .xlsx.',
  'read.notWorkbook': 'Tệp nén không phải là sổ tính Excel .xlsx{hint}. Hãy gửi đúng tệp .xlsx của tổ chức.',
  'read.hintDocx': ' (đây là tệp Word .docx)',
  'read.hintOds': ' (đây là tệp OpenDocument .ods: hãy lưu lại dạng .xlsx)',
  'read.tooLargeInflated':
    'Phần "{name}" của tệp giải nén ra nhiều hơn kích thước khai báo ({size}). Tệp có thể là "bom nén" nên không được mở; nếu đây là sổ tính thật, hãy mở trong Excel và lưu lại dạng .xlsx.',
  'size.mb': '{mb} MB',
  'read.moreRows': 'hơn {count} dòng',
  'read.moreCells': 'hơn {count} ô',
  'read.tooManyRows':
    'Một trang của sổ tính (phần "{name}") có {what}, vượt giới hạn {maxRows} dòng và {maxCells} ô mỗi trang. Hãy xóa các dòng và ô thừa (kể cả ô trống đã định dạng) ở cuối trang rồi lưu lại.',
  'read.noInflate': 'Trình duyệt này không giải nén được tệp .xlsx; hãy dùng bản mới của Chrome, Edge, Firefox hoặc Safari.',
  'read.content': 'Không đọc được nội dung sổ tính ({detail}). Hãy mở tệp trong Excel, kiểm tra và lưu lại dạng .xlsx.',
  'read.directory': '"{path}" là một thư mục, không phải tệp .xlsx.',
  'read.notFound': 'Không tìm thấy tệp "{path}". Hãy kiểm tra tên và đường dẫn.',
  'read.noPermission': 'Không có quyền đọc tệp "{path}". Hãy kiểm tra quyền truy cập tệp.',
  'read.failed': 'Không đọc được tệp "{path}" ({detail}).',
  // A kind of part and how many the file has (the page's list of what a rewrite cannot carry).
  'part.counted': '{label} ({count})',
  'part.charts': 'biểu đồ (chart)',
  'part.chartsheets': 'trang biểu đồ (chart sheet)',
  'part.pivotTables': 'bảng tổng hợp (PivotTable)',
  'part.slicers': 'bộ lọc slicer, timeline',
  'part.drawings': 'hình vẽ, hộp văn bản (drawing)',
  'part.images': 'hình ảnh',
  'part.vba': 'macro (VBA)',
  'part.externalLinks': 'liên kết tới sổ tính khác (external link)',
  'part.comments': 'ghi chú (comment)',
  'part.threadedComments': 'bình luận dạng hội thoại (threaded comment)',
  'part.tables': 'bảng định dạng (Table)',
  'part.embeddings': 'đối tượng nhúng (OLE)',
  'part.controls': 'nút, điều khiển biểu mẫu (form control, ActiveX)',
  'part.connections': 'kết nối dữ liệu, truy vấn (Power Query)',
} as const;

export type ReadMessageKey = keyof typeof VI_READ;

registerCatalogue('vi', VI_READ);
