/** Help texts of `bontot` and its subcommands: Vietnamese here, English in helpEn.ts. */
import { HELP_EN } from './helpEn';

export const EXIT_CODES_HELP = `Mã thoát:
  0  mọi tổ chức đủ điều kiện (hoặc lệnh hoàn tất)
  1  có tổ chức không đủ điều kiện (lệnh check)
  2  dùng lệnh sai, hoặc có tệp không đọc được / không ghi được`;

/** How `check` and `consolidate` read folders and patterns (src/cli/inputs.ts). */
export const INPUTS_HELP = `FILE có thể là một tệp, một thư mục (đọc các tệp .xlsx trong đó) hoặc một mẫu tên tệp do bontot tự
mở rộng như nhau trên mọi máy, kể cả cmd và PowerShell của Windows: * (nhiều ký tự), ? (một ký tự),
** (mọi cấp thư mục con), không phân biệt chữ hoa, chữ thường (*.xlsx gồm cả .XLSX); nên đặt mẫu
trong dấu ngoặc kép ("hồ sơ/*.xlsx"). Các tệp được đọc theo thứ tự tên; tệp khóa ~$… mà Excel tạo
cạnh sổ tính đang mở được bỏ qua. Mẫu không khớp tệp nào, hoặc thư mục không có tệp .xlsx: báo lỗi
và thoát với mã 2.`;

export const MAIN_HELP = `bontot — kiểm tra hồ sơ mô hình "Chi bộ bốn tốt", "Đảng bộ cơ sở bốn tốt" trong tệp Excel (.xlsx)

Cách dùng:
  bontot check FILE.xlsx... [--json] [--policy P.json] [--as-of YYYY-MM-DD] [--write-summary] [--lang vi|en] [--codes]
  bontot template OUT.xlsx [--kind chi-bo|dang-bo] [--type TYPE] [--year YYYY] [--name NAME]
  bontot consolidate FILE.xlsx... -o OUT.xlsx [--policy P.json] [--as-of YYYY-MM-DD] [--json] [--issuer NAME]
  bontot fix-encoding IN.xlsx -o OUT.xlsx [--force] [--dry-run]
  bontot fill-subordinates DANG-BO.xlsx CHI-BO.xlsx... -o OUT.xlsx [--as-of YYYY-MM-DD] [--json] [--force]

Lệnh:
  check        Kiểm tra từng sổ tính: tổ chức có đủ điều kiện đề nghị công nhận không, vì sao,
               và các lỗi dữ liệu (trang, ô).
  template     Tạo sổ tính mẫu (Thông tin, Đảng viên, Sinh hoạt, Điểm danh, Tiêu chí…) để nhập liệu.
  consolidate  Tổng hợp nhiều sổ tính và các bản tổng hợp trước thành "Danh sách tổ chức",
               với tỷ lệ đủ điều kiện so với chỉ tiêu.
  fix-encoding Chuyển các ô gõ bằng phông TCVN3 (ABC, .VnTime) hoặc VNI (VNI-Times) sang
               Unicode, ghi ra một tệp mới.
  fill-subordinates
               Điền trang "Chi bộ trực thuộc" của đảng bộ từ sổ tính của các chi bộ (tên, số
               đảng viên, kết quả tự kiểm tra), ghi ra một tệp mới.

Tùy chọn chung:
  -h, --help     Xem hướng dẫn (bontot <lệnh> --help cho từng lệnh).
  -v, --version  In phiên bản của bontot.

Ngày (--as-of) viết dạng dd/mm/yyyy (ví dụ 15/01/2026) hoặc YYYY-MM-DD (2026-01-15).
--lang en cho kết quả bằng tiếng Anh (mọi lệnh nhận --lang vi|en); --codes ghi thêm mã lý do.

${EXIT_CODES_HELP}

Tệp đầu vào không bao giờ bị sửa; kết quả luôn được ghi ra tệp mới.`;

export const CHECK_HELP = `bontot check — kiểm tra sổ tính của tổ chức đảng

Cách dùng:
  bontot check FILE.xlsx... [--json] [--policy P.json] [--as-of YYYY-MM-DD] [--write-summary] [--recursive] [--lang vi|en] [--codes]

${INPUTS_HELP}

Với mỗi tệp: ngày tính số liệu, tên tổ chức, kết luận (đủ / không đủ điều kiện đề nghị công
nhận), phần trăm từng tiêu chí 1.1–1.4, các lý do và lỗi dữ liệu kèm vị trí (trang!ô). Dòng cuối:
số tổ chức cơ sở đảng đủ điều kiện so với chỉ tiêu (mặc định 50%); chi bộ trực thuộc được đếm
riêng, không tính vào chỉ tiêu; một tổ chức có trong nhiều tệp chỉ tính một lần.

Tùy chọn:
  --json             In một tài liệu JSON (asOf, files, summary) thay cho văn bản; mã lý do luôn có,
                     nội dung ("message") theo --lang.
  --lang vi|en       Ngôn ngữ của kết quả: vi (mặc định, tiếng Việt) hoặc en (tiếng Anh).
  --codes            Ghi thêm mã của mỗi lý do và lỗi dữ liệu ở cuối dòng, ví dụ [ABSENCE_UNEXCUSED].
  --policy P.json    Cấu hình ngưỡng (cùng các khóa như trang "Cấu hình"); thay cho cấu hình trong
                     sổ tính. Cấu hình sai: báo thiết lập sai và thoát với mã 2.
  --as-of YYYY-MM-DD Ngày tính đến, cũng nhận dạng dd/mm/yyyy (mặc định: hôm nay). Các tháng/quý
                     kết thúc sau ngày này chưa bị đòi sinh hoạt.
  --write-summary    Ghi bản "Tổng hợp" của mỗi tệp ra TÊN.tonghop.xlsx bên cạnh tệp đầu vào
                     (tệp đầu vào không bị sửa).
  -r, --recursive    Đọc cả các tệp .xlsx trong thư mục con của thư mục được chỉ ra.
  -h, --help         Xem hướng dẫn này.

Tệp do bontot tạo ra (bản tổng hợp, danh sách tổng hợp) được bỏ qua kèm ghi chú. Tệp không đọc
được (không phải .xlsx, tệp .xls cũ, tệp hỏng) được báo lỗi và các tệp khác vẫn được kiểm tra.

${EXIT_CODES_HELP}

Ví dụ:
  bontot check samples/chi-bo-mau.xlsx
  bontot check ho-so/*.xlsx --json --as-of 2025-12-31 > ket-qua.json
  bontot check "hồ sơ" --recursive`;

export const TEMPLATE_HELP = `bontot template — tạo sổ tính mẫu để nhập liệu

Cách dùng:
  bontot template OUT.xlsx [--kind chi-bo|dang-bo] [--type TYPE] [--year YYYY] [--name NAME]

Tùy chọn:
  --kind KIND    chi-bo (mặc định; chi bộ cơ sở), chi-bo-truc-thuoc, hoặc dang-bo (đảng bộ cơ sở:
                 có trang "Chi bộ trực thuộc").
  --type TYPE    Loại hình, chọn các tiêu chí con của 1.1: co-quan (cơ quan hành chính, đơn vị sự
                 nghiệp), vu-trang (lực lượng vũ trang), dia-ban (thôn, khu phố, phường, xã),
                 doanh-nghiep (doanh nghiệp).
  --year YYYY    Năm đánh giá (mặc định: năm nay).
  --name NAME    Tên tổ chức, ghi sẵn vào trang "Thông tin".
  --force        Ghi đè nếu OUT.xlsx đã có (mặc định: không ghi đè).
  -h, --help     Xem hướng dẫn này.

${EXIT_CODES_HELP}

Ví dụ:
  bontot template chi-bo-2025.xlsx --type doanh-nghiep --year 2025 --name "Chi bộ Công ty Cổ phần Minh Phát"`;

export const CONSOLIDATE_HELP = `bontot consolidate — tổng hợp nhiều tổ chức, so với chỉ tiêu

Cách dùng:
  bontot consolidate FILE.xlsx... -o OUT.xlsx [--policy P.json] [--as-of YYYY-MM-DD] [--json] [--issuer NAME] [--recursive]

${INPUTS_HELP}

Kiểm tra từng sổ tính (lần lượt từng tệp) và ghi OUT.xlsx gồm trang "Danh sách tổ chức": mỗi tổ
chức một dòng (tên, loại, bốn tiêu chí, tỷ lệ xếp loại, kết quả, lý do) và phần tổng hợp (số tổ
chức cơ sở đảng, số đủ điều kiện, tỷ lệ so với chỉ tiêu, chi bộ trực thuộc đếm riêng, theo từng
loại tổ chức), in được trên khổ A4.

Đầu vào có thể là sổ tính của tổ chức và các tệp tổng hợp trước đó (của cấp dưới), trộn lẫn và
nhiều tầng: tệp tổng hợp được đọc lại mà không cần các tệp gốc. Một tổ chức có trong nhiều đầu vào
(cùng tên, loại, năm và cấp ủy cấp trên) chỉ được tính một lần, kèm cảnh báo. Bản "Tổng hợp" riêng lẻ
(.tonghop.xlsx) được bỏ qua. Tệp không đọc được thành một dòng lỗi, không làm dừng lệnh.

Tùy chọn:
  -o, --output OUT.xlsx  Tệp kết quả (bắt buộc). Không ghi đè tệp không do bontot tạo (trừ khi --force).
  --policy P.json        Cấu hình ngưỡng khi kiểm tra các sổ tính (và chỉ tiêu tỷ lệ).
  --as-of YYYY-MM-DD     Ngày tính đến, cũng nhận dạng dd/mm/yyyy (mặc định: hôm nay).
  --json                 In kết quả tổng hợp (các dòng và phần tổng) dạng JSON.
  --issuer TÊN           Cấp ủy ban hành bản tổng hợp, ví dụ "Đảng ủy phường Bến Thành": in ở phần
                         tiêu đề và chữ ký ("T/M ĐẢNG ỦY"; thành ủy, tỉnh ủy: "T/M BAN THƯỜNG VỤ").
                         Không có: các dòng đó để trống (dấu chấm) để ghi tay.
  --force                Cho phép ghi đè OUT.xlsx bất kỳ.
  -r, --recursive        Đọc cả các tệp .xlsx trong thư mục con của thư mục được chỉ ra.
  -h, --help             Xem hướng dẫn này.

Mã thoát: 0 đã ghi tệp tổng hợp; 2 dùng lệnh sai, hoặc có tệp đầu vào không đọc được (tệp tổng
hợp vẫn được ghi, tệp lỗi có dòng riêng).

Ví dụ:
  bontot consolidate phuong-a/*.xlsx -o phuong-a-tong-hop.xlsx --issuer "Đảng ủy phường A"
  bontot consolidate "ho so/**/*.xlsx" -o tong-hop.xlsx
  bontot consolidate phuong-a-tong-hop.xlsx phuong-b-tong-hop.xlsx -o thanh-pho.xlsx`;

export const FIX_ENCODING_HELP = `bontot fix-encoding — chuyển chữ gõ bằng phông TCVN3 hoặc VNI sang Unicode

Cách dùng:
  bontot fix-encoding IN.xlsx -o OUT.xlsx [--force] [--dry-run]

Tìm các ô gõ bằng phông TCVN3 (ABC, ".VnTime") hoặc VNI ("VNI-Times") — trong Unicode chúng hiện
thành chữ lạ như "Hoµn thµnh tèt nhiÖm vô" — và ghi OUT.xlsx, trong đó chỉ các ô ấy được chuyển
sang chữ Unicode ("Hoàn thành tốt nhiệm vụ"); phông .VnTime/VNI của các ô ấy được đổi sang phông
Unicode (Times New Roman, Arial) để chữ hiển thị đúng. Mọi ô khác giữ nguyên giá trị và định dạng.
Tệp đầu vào không bao giờ bị sửa.

Trước khi ghi, lệnh in số ô được chuyển trên từng trang (kèm vài ví dụ) và cảnh báo những phần
của sổ tính mà tệp ghi lại không giữ được (biểu đồ, bảng tổng hợp PivotTable, slicer, macro VBA,
liên kết tới sổ tính khác …). Khi cần giữ các phần này, hãy chuyển mã ngay trong Excel bằng nút
"Chuyển mã sang Unicode" của Bốn Tốt. Ô có công thức không được chuyển (chữ nằm trong công thức).

Tùy chọn:
  -o, --output OUT.xlsx  Tệp kết quả (bắt buộc, trừ khi --dry-run); phải khác tệp đầu vào.
  --force                Cho phép ghi đè OUT.xlsx nếu đã có (mặc định: không ghi đè).
  --dry-run              Chỉ in các ô sẽ được chuyển và các cảnh báo, không ghi tệp.
  -h, --help             Xem hướng dẫn này.

Mã thoát: 0 đã ghi tệp mới (hoặc không có ô nào cần chuyển, hoặc --dry-run); 2 dùng lệnh sai,
tệp đầu vào không đọc được, OUT.xlsx đã có (khi không có --force) hoặc không ghi được.

Ví dụ:
  bontot fix-encoding chi-bo-2025.xlsx -o chi-bo-2025-unicode.xlsx
  bontot fix-encoding chi-bo-2025.xlsx --dry-run`;

export const FILL_SUBORDINATES_HELP = `bontot fill-subordinates — điền trang "Chi bộ trực thuộc" từ sổ tính của các chi bộ

Cách dùng:
  bontot fill-subordinates DANG-BO.xlsx CHI-BO.xlsx... -o OUT.xlsx [--as-of YYYY-MM-DD] [--json] [--force]

Ghi OUT.xlsx: bản sao sổ tính của đảng bộ (DANG-BO.xlsx), trong đó trang "Chi bộ trực thuộc" được
điền từ sổ tính của từng chi bộ (CHI-BO.xlsx...):
  - "Số đảng viên": số đảng viên trên trang "Đảng viên" của chi bộ;
  - "Kết quả tự kiểm tra" (cột mới nếu chưa có): kết quả chi bộ tự kiểm tra — "Đủ điều kiện" hoặc
    "Chưa đủ điều kiện", kèm ngày tính đến (--as-of);
  - "Tên chi bộ": chỉ với chi bộ chưa có trên trang (thêm dòng mới ở cuối); tên đảng ủy đã ghi được
    giữ nguyên.
Chi bộ được nhận theo tên, không phân biệt hoa thường, dấu, khoảng trắng và chữ "chi bộ". Không dòng
nào bị xóa. Cột "Xếp loại" (đảng ủy quyết định) và "Chi bộ bốn tốt" (cấp ủy công nhận) không bao
giờ bị ghi. Không dùng (và nói rõ lý do) tệp của năm khác, tệp có "Cấp ủy cấp trên" không phải đảng
ủy này, tệp không phải của chi bộ (sổ tính đảng bộ, bản tổng hợp), và tệp thứ hai của cùng chi bộ.

Trước khi ghi, lệnh cảnh báo những phần của sổ tính mà tệp ghi lại không giữ được (biểu đồ, bảng
tổng hợp PivotTable, macro VBA …), rồi liệt kê dòng được thêm, dòng được cập nhật (giá trị cũ → mới)
và dòng giữ nguyên. Khi cần giữ các phần ấy, hãy điền ngay trong Excel (thẻ "Chi bộ trực thuộc" của
Bốn Tốt). Các tệp đầu vào không bao giờ bị sửa.

Tùy chọn:
  -o, --output OUT.xlsx  Tệp kết quả (bắt buộc); phải khác mọi tệp đầu vào.
  --as-of YYYY-MM-DD     Ngày tính kết quả tự kiểm tra của các chi bộ (mặc định: hôm nay).
  --json                 In kết quả dạng JSON (added, changed, unchanged, leftAlone, refused,
                         unreadable, lostParts).
  --force                Cho phép ghi đè OUT.xlsx nếu đã có (mặc định: không ghi đè).
  -h, --help             Xem hướng dẫn này.

Mã thoát: 0 đã ghi (hoặc trang không cần thay đổi); 1 có tệp chi bộ không được dùng (năm khác,
đảng bộ khác …); 2 dùng lệnh sai, có tệp không đọc được (các tệp khác vẫn được dùng), OUT.xlsx đã
có (khi không có --force) hoặc không ghi được.

Ví dụ:
  bontot fill-subordinates dang-bo-2025.xlsx chi-bo-*.xlsx -o dang-bo-2025-capnhat.xlsx --as-of 2025-12-31`;

export type HelpTopic = 'main' | 'check' | 'template' | 'consolidate' | 'fixEncoding' | 'fillSubordinates';

const HELP_VI: Record<HelpTopic, string> = {
  main: MAIN_HELP,
  check: CHECK_HELP,
  template: TEMPLATE_HELP,
  consolidate: CONSOLIDATE_HELP,
  fixEncoding: FIX_ENCODING_HELP,
  fillSubordinates: FILL_SUBORDINATES_HELP,
};

/** A help text in a language (`--lang en`: English, help-en.ts); neither loads the core. */
export function helpText(topic: HelpTopic, lang: 'vi' | 'en'): string {
  return lang === 'en' ? HELP_EN[topic] : HELP_VI[topic];
}
