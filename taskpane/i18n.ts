/**
 * The pane's labels in Vietnamese (default, here) and English (./i18n/en.ts, a lazy chunk loaded
 * when English is chosen: the pane's first scripts stay within taskpane_initial_kb). Messages of
 * the checking core (reasons, issues) come from src/core/messages (see render.ts `loadMessages`).
 *
 * Elements get their text with `tr(element, key, params)`: the key and params are kept in
 * data-i18n attributes, so `setLanguage` can relabel the whole page in place (form values, results
 * and focus stay as they are). The choice is remembered in localStorage.
 */

import { hasCatalogue, registerCatalogue, render, type MessageRef } from '../src/core/messages/render';
import type { BOARD_VI } from './boardLabels';

const VI = {
  'app.title': 'Bốn Tốt',
  'app.subtitle.excel': 'Kiểm tra mô hình “Chi bộ bốn tốt” trước khi nộp',
  'app.subtitle.standalone': 'Kiểm tra sổ tính .xlsx của chi bộ, đảng bộ cơ sở',
  'app.loading': 'Đang tải…',
  'app.busy': 'Đang xử lý…',
  'app.readFailed': 'Không đọc được sổ tính: {message}',
  'app.pageFailed': 'Không tải được trang: {message}',
  'lang.switch': 'English',
  'lang.switch.label': 'Switch the interface to English',

  'tabs.label': 'Chức năng',
  'tab.check': 'Kiểm tra',
  'tab.summary': 'Tổng hợp',
  'tab.template': 'Mẫu',
  'tab.policy': 'Cấu hình',
  'tab.deadlines': 'Mốc thời gian',
  'tab.meeting': 'Ghi buổi sinh hoạt',

  'check.intro': 'Đọc toàn bộ sổ tính, áp dụng các tiêu chí và cho biết tổ chức đã đủ điều kiện đề nghị công nhận chưa.',
  'check.run': 'Kiểm tra',
  'check.running': 'Đang kiểm tra sổ tính…',
  'check.done': '{verdict} {model}. Lý do không đạt: {reasons}; lưu ý: {notes}; lỗi dữ liệu: {errors}; cảnh báo dữ liệu: {warnings}.',
  'check.failed': 'Không kiểm tra được: {message}',
  'check.highlight': 'Tô màu ô lỗi',
  'check.clear': 'Bỏ tô màu',
  'check.highlighted': 'Đã tô màu {count} vùng ô có lỗi hoặc không đạt.',
  'check.nothingToHighlight': 'Không có ô nào cần tô màu.',
  'check.cleared': 'Đã bỏ {count} vùng tô màu của Bốn Tốt.',
  'check.needCheck': 'Hãy bấm “Kiểm tra” trước.',
  'check.highlightFailed': 'Không tô màu được: {message}',
  'check.selected': 'Đã chọn {place}.',
  'check.selectFailed': 'Không chọn được {place}: {message}',
  'check.noSheets':
    'Sổ tính chưa có trang nào của Bốn Tốt (Thông tin, Đảng viên, Sinh hoạt, Điểm danh, Tiêu chí, Chi bộ trực thuộc) nên chưa có gì để kiểm tra.',
  'check.openTemplate': 'Tạo các trang mẫu…',

  'verdict.eligible': 'Đủ điều kiện đề nghị công nhận',
  'verdict.notEligible': 'Chưa đủ điều kiện đề nghị công nhận',
  'model.chiBo': '“Chi bộ bốn tốt”',
  'model.dangBo': '“Đảng bộ cơ sở bốn tốt”',
  'result.org': '{name} — {kind}, năm {year}',
  'result.noName': '(chưa có tên)',
  'result.unknownKind': 'chưa rõ loại tổ chức',
  'result.unknownYear': '(chưa rõ)',
  'result.asOf': 'Số liệu tính đến ngày {date}.',
  'result.policy.workbook': 'Ngưỡng: theo trang “Cấu hình” của sổ tính.',
  'result.policy.default': 'Ngưỡng: mặc định theo Kế hoạch.',
  'result.policy.given': 'Ngưỡng: theo cấu hình được chỉ định.',
  'criteria.title': 'Tiêu chí (mỗi tiêu chí cần đạt từ {min}% trở lên)',
  'criteria.col.id': 'Mã',
  'criteria.col.label': 'Tiêu chí',
  'criteria.col.percent': 'Tỷ lệ',
  'criteria.col.result': 'Kết quả',
  'criteria.pass': 'Đạt',
  'criteria.fail': 'Chưa đạt',
  'criteria.unscored': 'Chưa chấm',
  'criteria.uncomputed': 'chưa tính được — sửa trang {sheet}, ô {cell}',
  'criteria.uncomputedResult': 'Chưa tính được',
  'criterion.1.1': 'Hoàn thành tốt nhiệm vụ chính trị',
  'criterion.1.2': 'Chất lượng sinh hoạt tốt',
  'criterion.1.3': 'Đoàn kết, kỷ luật tốt',
  'criterion.1.4': 'Cán bộ, đảng viên tốt',
  'reasons.title': 'Lý do không đạt ({count})',
  'reasons.titleWithNotes': 'Lý do không đạt ({count}) và lưu ý ({notes})',
  'reasons.none': 'Không có lý do không đạt hay lưu ý nào: mọi điều kiện đều đạt.',
  'severity.block': 'Không đạt',
  'severity.warn': 'Lưu ý',
  'issues.title': 'Lỗi và cảnh báo dữ liệu ({count})',
  'issues.none': 'Không có lỗi dữ liệu.',
  'issues.sheet': 'Trang “{sheet}” ({count})',
  'issue.error': 'Lỗi',
  'issue.warning': 'Cảnh báo',
  'place.goto': 'Chọn {place} trong Excel',
  'place.cell': 'trang {sheet}, ô {cell}',
  'place.sheet': 'trang {sheet}',
  'place.text': '{place}',
  'place.wholeSheetOf': '{place} (cả trang)',
  'place.none': 'cả năm',
  'place.workbook': 'toàn sổ tính',
  'list.more': 'Hiện thêm {count}',

  'summary.intro':
    'Kiểm tra lại sổ tính, ghi trang “Tổng hợp” — báo cáo theo thể thức văn bản của Đảng, chỉ chứa giá trị — rồi mở trang đó. Trang “Tổng hợp” do người dùng tự tạo không bao giờ bị ghi đè.',
  'summary.write': 'Ghi trang Tổng hợp',
  'summary.writing': 'Đang ghi trang Tổng hợp…',
  'summary.written': 'Đã ghi trang “{sheet}” và mở trang đó.',
  'summary.replaced': 'Đã cập nhật trang “{sheet}” (do Bốn Tốt tạo trước đó) và mở trang đó.',
  'summary.renamed': 'Trang “{base}” trong sổ tính là của người dùng (không do Bốn Tốt tạo) nên được giữ nguyên; báo cáo đã ghi vào trang “{sheet}”.',
  'summary.failed': 'Không ghi được trang Tổng hợp: {message}',
  'summary.basedOn': 'Lần kiểm tra gần nhất: {verdict} {model}.',
  'summary.noCheck': 'Chưa có lần kiểm tra nào trong phiên này.',

  'template.intro': 'Thêm các trang mẫu còn thiếu vào sổ tính (kèm danh mục chọn sẵn và tiêu chí theo Kế hoạch). Trang đã có không bị thay đổi.',
  'template.kind': 'Loại tổ chức',
  'template.type': 'Loại hình',
  'template.year': 'Năm đánh giá',
  'template.name': 'Tên tổ chức',
  'template.create': 'Tạo mẫu',
  'template.creating': 'Đang tạo các trang mẫu…',
  'template.created': 'Đã tạo {count} trang: {sheets}.',
  'template.createdHead': 'Đã tạo {count} trang:',
  'template.skippedHead': 'Giữ nguyên {count} trang đã có:',
  'template.nothing': 'Sổ tính đã có đủ các trang mẫu; không có gì thay đổi.',
  'template.yearInvalid': 'Năm đánh giá phải là số nguyên từ 2000 đến 2100.',
  'template.failed': 'Không tạo được mẫu: {message}',
  'kind.chi-bo.co-so': 'Chi bộ cơ sở',
  'kind.chi-bo.truc-thuoc': 'Chi bộ trực thuộc',
  'kind.dang-bo.co-so': 'Đảng bộ cơ sở',
  'kind.chi-bo': 'Chi bộ',
  'type.co-quan': 'Cơ quan hành chính, đơn vị sự nghiệp',
  'type.vu-trang': 'Lực lượng vũ trang',
  'type.dia-ban': 'Thôn, khu phố, phường, xã',
  'type.doanh-nghiep': 'Doanh nghiệp',

  'policy.intro': 'Các ngưỡng, mức độ và mốc thời gian dùng khi kiểm tra và trong các hàm BONTOT. Lưu vào trang ẩn “Cấu hình” của sổ tính.',
  'policy.loading': 'Đang đọc trang “Cấu hình”…',
  'policy.loaded.workbook': 'Đang dùng cấu hình của sổ tính (trang “Cấu hình”).',
  'policy.loaded.default': 'Sổ tính chưa có trang “Cấu hình”; đang dùng giá trị mặc định theo Kế hoạch.',
  'policy.loaded.failed': 'Không đọc được trang “Cấu hình”; đang dùng giá trị mặc định theo Kế hoạch.',
  'policy.loaded.invalid': 'Trang “Cấu hình” có {count} giá trị không hợp lệ; đang dùng giá trị mặc định. Sửa các ô được đánh dấu rồi bấm “Lưu”.',
  'policy.numbers': 'Ngưỡng',
  'policy.severities': 'Mức độ của từng lý do',
  'policy.deadlines': 'Mốc thời gian (dd/mm)',
  'policy.source': 'Nguồn: {source}',
  'policy.range': 'Từ {min} đến {max}{integer}',
  'policy.integer': ', số nguyên',
  'policy.severity.block': 'Không đạt — chặn đề nghị công nhận',
  'policy.severity.warn': 'Lưu ý — không ảnh hưởng kết quả',
  'policy.deadline': '{stage} (dd/mm)',
  'policy.deadlineNextYear': '{stage} (dd/mm, năm sau)',
  'policy.error.field': 'Giá trị không hợp lệ: {problem}.',
  'policy.error.number': 'phải là một số',
  'policy.error.range': 'phải là số từ {min} đến {max}{integer}',
  'policy.error.severity': 'chọn “Không đạt” hoặc “Lưu ý”',
  'policy.error.deadline': 'phải có dạng dd/mm (ví dụ 31/01), hoặc để trống',
  'policy.error.override': 'ngày của mốc “{stage}” năm {year} phải có dạng dd/mm/yyyy',
  'policy.error.value': 'giá trị này không dùng được',
  'policy.error.unplaced': 'Trang “Cấu hình”, khóa “{key}”: {problem}.',
  'policy.error.unknown': 'Trang “Cấu hình” có khóa “{key}” không thuộc cấu hình nào; hãy xóa dòng đó.',
  'policy.save': 'Lưu',
  'policy.reset': 'Khôi phục mặc định',
  'policy.saving': 'Đang lưu cấu hình…',
  'policy.saved': 'Đã lưu cấu hình vào trang “Cấu hình”; các hàm BONTOT đã được tính lại.',
  'policy.resetDone': 'Đã khôi phục giá trị mặc định theo Kế hoạch và lưu vào trang “Cấu hình”.',
  'policy.savedKeptCopy':
    'Đã lưu cấu hình vào trang “Cấu hình”; trang “Cấu hình” có sẵn của bạn không phải trang cấu hình nên được giữ lại nguyên vẹn thành “{copy}”.',
  'policy.invalid': 'Chưa lưu: có {count} giá trị không hợp lệ. “{label}” — Giá trị không hợp lệ: {problem}.',
  'policy.failed': 'Không lưu được cấu hình: {message}',
  'policy.percentHint': 'Có thể nhập 95 hoặc 0,95: số từ 0 đến 1 được hiểu là tỷ lệ (0,95 = 95%), như trong các hàm BONTOT.',
  'policy.resetAsk': 'Khôi phục giá trị mặc định theo Kế hoạch? Cấu hình đang lưu trong trang “Cấu hình” sẽ bị ghi đè.',
  'policy.resetConfirm': 'Khôi phục và lưu',
  'policy.resetCancel': 'Hủy',
  'policy.resetCancelled': 'Đã hủy: cấu hình không thay đổi.',

  'deadlines.intro': 'Các mốc thời gian của năm đánh giá theo Kế hoạch và trang “Cấu hình”.',
  'deadlines.year': 'Năm đánh giá',
  'deadlines.show': 'Xem',
  'deadlines.loading': 'Đang đọc năm đánh giá của sổ tính…',
  'deadlines.asOf': 'Tính đến hôm nay, {date}.',
  'deadlines.col.stage': 'Giai đoạn',
  'deadlines.col.date': 'Hạn',
  'deadlines.col.left': 'Còn lại',
  'deadlines.daysLeft': 'còn {days} ngày',
  'deadlines.today': 'hôm nay là hạn',
  // After the badge "Quá hạn": "Quá hạn 349 ngày", never "Quá hạn quá hạn".
  'deadlines.overdue': '{days} ngày',
  'deadlines.overdueBadge': 'Quá hạn',
  'deadlines.none': 'chưa quy định',
  'deadlines.summary': 'Năm {year}: {overdue} mốc đã quá hạn, {upcoming} mốc sắp tới.',
  'deadlines.yearInvalid': 'Năm đánh giá phải là số nguyên từ 2000 đến 2100.',
  'stage.dangKy': 'Đăng ký xây dựng mô hình',
  'stage.chiTieu': 'Giao chỉ tiêu',
  'stage.deNghi': 'Tổ chức cơ sở đảng đề nghị',
  'stage.thamDinh': 'Hoàn thành thẩm định',
  'stage.congNhan': 'Hoàn thành công nhận và báo cáo',

  'standalone.intro': 'Chọn hoặc kéo thả một hay nhiều sổ tính .xlsx để kiểm tra. Tệp chỉ được đọc trên máy này, không gửi đi đâu.',
  'standalone.pick': 'Chọn tệp .xlsx…',
  'standalone.drop': 'Kéo thả tệp .xlsx vào đây',
  'standalone.sample': 'Xem ví dụ',
  'standalone.clear': 'Xóa kết quả',
  'standalone.loadingLib': 'Đang tải bộ đọc tệp Excel…',
  'standalone.reading': 'Đang kiểm tra tệp {index}/{total}: {file}…',
  'standalone.done': 'Đã xử lý {total} tệp: {eligible}/{checked} tổ chức đủ điều kiện; {errors} tệp không đọc được; {skipped} tệp bỏ qua.',
  'standalone.unreadable': 'Không đọc được tệp',
  'standalone.skipped': 'Bỏ qua',
  'standalone.downloadSummary': 'Tải báo cáo tổng hợp',
  'standalone.print': 'In / Lưu PDF',
  'standalone.downloadConsolidation': 'Tải bảng tổng hợp các tổ chức',
  'standalone.issuer': 'Cấp ủy ban hành bảng tổng hợp (in ở tiêu đề và chữ ký; để trống để ghi tay)',
  'standalone.issuerPlaceholder': 'Ví dụ: Đảng ủy phường Bến Thành',
  'standalone.totals': 'Tổ chức cơ sở đảng đủ điều kiện đề nghị công nhận: {eligible}/{organizations} ({share}); chỉ tiêu {target}%: {met}.',
  'standalone.totalsSubordinate': 'Chi bộ trực thuộc (không tính vào chỉ tiêu): {eligible}/{organizations} đủ điều kiện.',
  'standalone.targetMet': 'đủ so với chỉ tiêu',
  'standalone.targetNotMet': 'chưa đủ so với chỉ tiêu',
  'standalone.preparing': 'Đang tạo tệp {file}…',
  'standalone.downloaded': 'Đã tạo tệp {file}.',
  'standalone.downloadFailed': 'Không tạo được tệp {file}: {message}',
  'standalone.sampleFailed': 'Không tải được tệp ví dụ “{file}”: {message}',
  'standalone.libFailed': 'Không tải được bộ đọc tệp Excel: {message}',
  'standalone.printing': 'Đang mở hộp thoại in cho “{file}”.',
  'start.title': 'Chưa có sổ tính? Tải mẫu trống',
  'start.intro':
    'Mẫu trống có đủ các trang cần nhập (Thông tin, Đảng viên, Sinh hoạt, Điểm danh, Tiêu chí hoặc Chi bộ trực thuộc), danh mục chọn sẵn và tiêu chí theo Kế hoạch — giống mẫu của phần bổ trợ Excel. Nhập liệu bằng Excel hoặc một chương trình khác mở được tệp .xlsx, lưu dạng .xlsx rồi chọn tệp ở trên để kiểm tra.',
  'start.name': 'Tên tổ chức (không bắt buộc)',
  'start.download': 'Tải mẫu trống',
  'start.example': 'Tải tệp ví dụ',
  'start.downloaded': 'Đã tạo tệp {file}: nhập liệu, lưu lại rồi chọn tệp để kiểm tra.',
  'skipped.tong-hop': 'Đây là bản “Tổng hợp” do Bốn Tốt tạo, không phải sổ tính của tổ chức.',
  'skipped.consolidation': 'Đây là bảng tổng hợp các tổ chức do Bốn Tốt tạo, không phải sổ tính của một tổ chức.',
  'skipped.other': 'Tệp do Bốn Tốt tạo, không phải sổ tính của tổ chức.',

  'board.pane.title': 'Tổng hợp nhiều tổ chức',
  'board.pane.intro':
    'Dành cho cấp ủy, hội đồng thẩm định: chọn sổ tính .xlsx của các tổ chức (và bảng tổng hợp của cấp dưới) để xem bảng và biểu đồ tổng hợp, rồi ghi vào sổ tính đang mở thành trang “Danh sách tổ chức” kèm biểu đồ. Các trang khác không bị thay đổi.',
  'board.pane.pick': 'Chọn các tệp cần tổng hợp…',
  'fill.title': 'Điền trang “Chi bộ trực thuộc”',
  'fill.intro.excel':
    'Chọn sổ tính (.xlsx) của các chi bộ trực thuộc: Bốn Tốt điền vào trang “Chi bộ trực thuộc” của sổ tính này số đảng viên, kết quả tự kiểm tra của từng chi bộ và thêm dòng cho chi bộ chưa có. Không ghi vào “Xếp loại” (đảng ủy quyết định) và “Chi bộ bốn tốt” (cấp ủy công nhận); không xóa dòng nào.',
  'fill.intro.standalone':
    'Chọn sổ tính của đảng bộ cơ sở và sổ tính của các chi bộ trực thuộc: Bốn Tốt điền trang “Chi bộ trực thuộc” (số đảng viên, kết quả tự kiểm tra, chi bộ mới) vào một tệp mới TÊN.capnhat.xlsx. Không ghi vào “Xếp loại” và “Chi bộ bốn tốt”; các tệp đã chọn không bị sửa.',
  'fill.pickDangBo': 'Chọn tệp của đảng bộ',
  'fill.pickChiBo': 'Chọn tệp của các chi bộ',
  'fill.run': 'Điền trang',
  'fill.dangBoChosen': 'Đảng bộ: {file}',
  'fill.chiBoChosen': 'Tệp của các chi bộ: {count}',
  'fill.reading': 'Đang đọc sổ tính của các chi bộ…',
  'fill.summary': '{org}, năm {year} — trang “{sheet}”: {cells} ô sẽ được ghi.',
  'fill.row': 'Dòng {row}: {name}',
  'fill.blank': '(trống)',
  'fill.change': '{column}: từ {before} thành {after}',
  'fill.members': '{count} đảng viên',
  'fill.added': 'Thêm chi bộ mới ({count}):',
  'fill.changed': 'Cập nhật ({count}):',
  'fill.unchanged': 'Đã đúng, không đổi ({count}):',
  'fill.leftAlone': 'Giữ nguyên ({count}):',
  'fill.refused': 'Không dùng ({count}):',
  'fill.unreadable': 'Không đọc được ({count}):',
  'fill.addedColumns': 'Thêm cột: {columns}.',
  'fill.kept': 'Cột “Xếp loại” (đảng ủy quyết định) và “Chi bộ bốn tốt” (cấp ủy công nhận) không bị thay đổi.',
  'fill.lost':
    'Tệp mới được ghi lại bằng thư viện ExcelJS, vốn không giữ được các phần sau của sổ tính (tệp gốc vẫn còn nguyên): {parts}. Nếu cần giữ các phần này, hãy điền ngay trong Excel bằng phần bổ trợ Bốn Tốt.',
  'fill.nothing': 'Trang “{sheet}” đã khớp với các tệp của chi bộ: không cần thay đổi.',
  'fill.planned': 'Sẽ ghi {cells} ô vào trang “{sheet}”. Hãy xem lại rồi bấm “Ghi”.',
  'fill.warning':
    'Trước khi ghi, Bốn Tốt chép trang “{sheet}” sang trang “{copy}” (để hiện, đặt ngay sau trang đó), vì Excel không hoàn tác (Ctrl+Z) được thao tác của phần bổ trợ: muốn quay lại, hãy dùng trang bản gốc. Chỉ các ô kể trên được ghi.',
  'fill.confirm': 'Ghi {cells} ô',
  'fill.cancel': 'Hủy',
  'fill.cancelled': 'Đã hủy: sổ tính không thay đổi.',
  'fill.writing': 'Đang ghi vào trang “Chi bộ trực thuộc”…',
  'fill.written': 'Đã ghi {cells} ô vào trang “{sheet}”; bản gốc được giữ ở trang “{copy}”.',
  'fill.skipped': 'Không ghi {count} ô (ô có công thức, hoặc ô đã thay đổi sau khi xem trước): {cells}.',
  'fill.noCopy':
    'Phiên bản Excel này chưa sao chép được trang (cần ExcelApi 1.7), nên Bốn Tốt không thể giữ bản gốc. Hãy cập nhật Excel, hoặc dùng trang Bốn Tốt ngoài Excel hay lệnh “bontot fill-subordinates” để ghi ra một tệp mới.',
  'fill.failed': 'Không điền được: {message}',
  'fill.failedFile': 'Không điền được {file}: {message}',
  'fill.ready': 'Đã điền: {added} chi bộ mới, {changed} dòng cập nhật. Bấm “Tải {file}” để lưu tệp.',
  'fill.download': 'Tải {file}',
};

/** Keys of the board's labels too: they ship in its lazy chunk (taskpane/boardStrings.ts) and are registered when it loads. */
export type I18nKey = keyof typeof VI | keyof typeof BOARD_VI;

/** Keys of the labels in this file (the English table, ./i18n/en.ts, has the same). */
export type PaneKey = keyof typeof VI;

export type Lang = 'vi' | 'en';
export type I18nParams = Record<string, string | number>;

/** English starts with the labels lazy panes registered; its own table joins when loaded (loadLanguage). */
const TABLES: Record<Lang, Record<string, string>> = { vi: { ...VI }, en: {} };

let englishLoaded = false;
let englishLoading: Promise<void> | null = null;

/**
 * Makes a language's labels available: English is its own chunk ("i18n-en"), fetched once, when
 * English is first chosen or remembered. Until it arrives, English keys fall back to Vietnamese.
 */
export function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'vi' || englishLoaded) return Promise.resolve();
  englishLoading ??= import(/* webpackChunkName: "i18n-en" */ './i18n/en').then(
    ({ EN }) => {
      // Labels a lazy pane registered meanwhile keep their place (they are other keys anyway).
      TABLES.en = { ...EN, ...TABLES.en };
      englishLoaded = true;
    },
    (error: unknown) => {
      englishLoading = null; // a later switch tries again
      throw error;
    },
  );
  return englishLoading;
}

/** Whether a language's labels are loaded (then a switch relabels at once). */
export function languageLoaded(lang: Lang): boolean {
  return lang === 'vi' || englishLoaded;
}

/**
 * Adds the labels of a pane that ships in a lazy chunk (the board, the meeting form), so the page's
 * first scripts stay small: its keys then work like every other key (t, language switches).
 */
export function registerStrings(vi: Readonly<Record<string, string>>, en: Readonly<Record<string, string>>): void {
  Object.assign(TABLES.vi, vi);
  Object.assign(TABLES.en, en);
}
export const LANG_STORAGE_KEY = 'bontot.lang';

let current: Lang = 'vi';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled (privacy settings): the choice is just not remembered
  }
}

/** The remembered language, or Vietnamese. */
export function initialLanguage(): Lang {
  const stored = storage()?.getItem(LANG_STORAGE_KEY);
  return stored === 'en' ? 'en' : 'vi';
}

export function language(): Lang {
  return current;
}

/** Prefix of a parameter that is itself a key: translated when the text is made (see `ref`). */
const REF = '\u2063i18n:';

/** Separates a referenced key from its own parameters (JSON) inside a `ref` value. */
const REF_PARAMS = '\u2063';

/**
 * A parameter value that stays translated across language switches: t('x', { verdict: ref('verdict.eligible') });
 * with `params`, the referenced text has its own placeholders filled (ref('policy.error.range', { min: 0, max: 100 })).
 */
export function ref(key: I18nKey, params?: I18nParams): string {
  return params && Object.keys(params).length > 0 ? `${REF}${key}${REF_PARAMS}${JSON.stringify(params)}` : `${REF}${key}`;
}

/** Prefix of a parameter that is a message of the core's catalogue (see `messageParam`). */
const MESSAGE = '\u2063msg:';

/**
 * A parameter value that is a message of the core's catalogue (src/core/messages: why a workbook
 * cannot be filled, a read error), or a list of them: its Vietnamese text and its reference(s), so the
 * text around it (a status line) says it in the language of the moment, again after a switch.
 */
export function messageParam(message: { message: string; text?: MessageRef | readonly MessageRef[] }): string {
  return message.text === undefined ? message.message : `${MESSAGE}${JSON.stringify({ message: message.message, text: message.text })}`;
}

let messagesLoading: Promise<void> | null = null;

/**
 * The core's English catalogue, the pane's lazy "messages-en" chunk (render.ts loads the same
 * chunk for findings): when a message parameter is shown in English before it is loaded, it is
 * loaded and the page is relabelled, so the Vietnamese fallback does not stay.
 */
function loadMessagesThenRelabel(lang: Lang): void {
  if (lang === 'vi' || hasCatalogue(lang) || messagesLoading) return;
  messagesLoading = import(/* webpackChunkName: "messages-en" */ '../src/core/messages/en').then(
    ({ EN }) => {
      if (!hasCatalogue('en')) registerCatalogue('en', EN);
      if (current === lang) relabel(lang, typeof document === 'undefined' ? null : document);
    },
    () => {
      messagesLoading = null; // a later switch tries again; the Vietnamese stays meanwhile
    },
  );
}

function derefMessage(value: string, lang: Lang): string | null {
  try {
    const { message, text } = JSON.parse(value.slice(MESSAGE.length)) as { message: string; text: MessageRef | MessageRef[] };
    if (lang === 'vi') return message;
    loadMessagesThenRelabel(lang);
    // A list of messages (the parts a rewrite cannot carry) is joined as the catalogue joins a list.
    return Array.isArray(text) ? text.map((item) => render(item, lang)).join(', ') : render(text, lang);
  } catch {
    return null;
  }
}

function deref(value: string, lang: Lang): string | null {
  const body = value.slice(REF.length);
  const split = body.indexOf(REF_PARAMS);
  const key = split < 0 ? body : body.slice(0, split);
  if (!hasKey(key)) return null;
  let params: I18nParams = {};
  if (split >= 0) {
    try {
      params = JSON.parse(body.slice(split + REF_PARAMS.length)) as I18nParams;
    } catch {
      params = {};
    }
  }
  return t(key, params, lang);
}

/** The text of a key in the current language, with {name} placeholders filled. */
export function t(key: I18nKey, params: I18nParams = {}, lang: Lang = current): string {
  const template = TABLES[lang][key] ?? TABLES.vi[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = String(params[name]);
    if (value.startsWith(MESSAGE)) return derefMessage(value, lang) ?? value;
    if (value.startsWith(REF)) return deref(value, lang) ?? value;
    return value;
  });
}

export function hasKey(key: string): key is I18nKey {
  return Object.prototype.hasOwnProperty.call(TABLES.vi, key);
}

/** Sets an element's text to a translated key and remembers the key for language switches. */
export function tr(element: Element, key: I18nKey, params?: I18nParams): void {
  element.setAttribute('data-i18n', key);
  if (params && Object.keys(params).length > 0) element.setAttribute('data-i18n-params', JSON.stringify(params));
  else element.removeAttribute('data-i18n-params');
  element.textContent = t(key, params);
}

/** Sets a translated attribute (aria-label, title, placeholder) and remembers it. */
export function trAttr(element: Element, attribute: string, key: I18nKey, params?: I18nParams): void {
  const specs = readAttrSpecs(element);
  specs[attribute] = params ? [key, params] : [key];
  element.setAttribute('data-i18n-attrs', JSON.stringify(specs));
  element.setAttribute(attribute, t(key, params));
}

type AttrSpecs = Record<string, [I18nKey] | [I18nKey, I18nParams]>;

function readAttrSpecs(element: Element): AttrSpecs {
  const raw = element.getAttribute('data-i18n-attrs');
  if (!raw) return {};
  try {
    return JSON.parse(raw) as AttrSpecs;
  } catch {
    return {};
  }
}

function readParams(element: Element): I18nParams | undefined {
  const raw = element.getAttribute('data-i18n-params');
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as I18nParams;
  } catch {
    return undefined;
  }
}

/** Relabels every translated element under root. */
export function applyLanguage(root: ParentNode): void {
  const nodes: Element[] = [];
  if (root instanceof Element) nodes.push(root);
  root.querySelectorAll('[data-i18n], [data-i18n-attrs]').forEach((node) => nodes.push(node));
  for (const node of nodes) {
    const key = node.getAttribute('data-i18n');
    if (key && hasKey(key)) node.textContent = t(key, readParams(node));
    for (const [attribute, spec] of Object.entries(readAttrSpecs(node))) {
      if (hasKey(spec[0])) node.setAttribute(attribute, t(spec[0], spec[1]));
    }
  }
}

type Listener = (lang: Lang) => void;
const listeners = new Set<Listener>();

/** Called after every language change (for text that is not kept in data-i18n attributes). */
export function onLanguageChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Relabels the document and tells the listeners (text kept outside data-i18n attributes). */
function relabel(lang: Lang, root: ParentNode | null): void {
  if (root) applyLanguage(root);
  for (const listener of listeners) listener(lang);
}

/**
 * Relabels once the language's labels are loaded, if it is still the chosen one (a quick switch
 * back must not be overtaken by a late chunk). A chunk that fails to load leaves the Vietnamese
 * fallback on screen and rejects.
 */
function relabelWhenLoaded(lang: Lang, root: ParentNode | null): Promise<void> {
  if (languageLoaded(lang)) return Promise.resolve();
  return loadLanguage(lang).then(() => {
    if (current === lang) relabel(lang, root);
  });
}

/**
 * Switches the language, remembers it, relabels the document. With the labels loaded the switch is
 * complete on return; the first switch to English completes when its chunk has loaded: the promise
 * settles then (tests await it; the page needs not).
 */
export function setLanguage(lang: Lang, root: ParentNode | null = typeof document === 'undefined' ? null : document): Promise<void> {
  current = lang;
  storage()?.setItem(LANG_STORAGE_KEY, lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  relabel(lang, root);
  return relabelWhenLoaded(lang, root);
}

/**
 * Sets the language without storing it (start-up). A remembered English relabels the document
 * when its labels have loaded; the promise settles then.
 */
export function useLanguage(lang: Lang, root: ParentNode | null = typeof document === 'undefined' ? null : document): Promise<void> {
  current = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  return relabelWhenLoaded(lang, root);
}

/** Every label of a language loaded or registered so far (the tests compare the English page with the Vietnamese labels). */
export function catalogue(lang: Lang): Readonly<Record<string, string>> {
  return { ...TABLES[lang] };
}
