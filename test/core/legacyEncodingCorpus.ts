/**
 * Ordinary Unicode text that legacy-encoding detection must never flag: Vietnamese names
 * (including rare letters), places, labels, codes and English text. The seed plan's lines are
 * read from legacyEncoding.seed.txt (a copy of shared/seed/ke-hoach-chi-bo-bon-tot.txt).
 */
import { readFileSync } from 'fs';
import { join } from 'path';

export const FAMILY_NAMES = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ',
  'Ngô', 'Dương', 'Lý', 'Đinh', 'Đoàn', 'Lâm', 'Trịnh', 'Mai', 'Trương', 'Cao', 'Lưu', 'Hà', 'Tạ',
  'Lương', 'Quách', 'Tô', 'Kiều', 'Thái', 'Mạc', 'Khúc', 'Ông', 'Âu', 'Ứng', 'Chu', 'La', 'Triệu',
  'Từ', 'Tăng', 'Giang', 'Thân', 'Doãn', 'Lại', 'Nông', 'Lò', 'Hứa', 'Tôn', 'Vương', 'Khổng',
  'Diệp', 'Ninh', 'Quan', 'Lã', 'Bế', 'Hầu', 'Giàng', 'Sùng', 'Vừ', 'Thào', 'Mùa', 'Phùng', 'Kha',
  'Châu', 'Âu Dương', 'Tống', 'Khuất', 'Ôn', 'Yên', 'Ưng', 'Cù', 'Lục', 'Thạch', 'Danh', 'Kim',
];

export const MIDDLE_NAMES = [
  'Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Xuân', 'Thu', 'Kim', 'Bích', 'Hồng',
  'Mạnh', 'Công', 'Đình', 'Quang', 'Thế', 'Trọng', 'Tuấn', 'Diệu', 'Khánh', 'Gia', 'Bảo', 'Như',
  'Phương', 'Hoài', 'Anh', 'Tiến', 'Ánh', 'Thuỳ', 'Thùy', 'Mỹ', 'Ý', 'Lê', 'Tố', 'Hoà', 'Hòa',
];

export const GIVEN_NAMES = [
  'An', 'Anh', 'Ánh', 'Bảo', 'Bình', 'Châu', 'Chi', 'Cúc', 'Cường', 'Dũng', 'Duy', 'Dung', 'Giang',
  'Hà', 'Hải', 'Hạnh', 'Hằng', 'Hiền', 'Hiếu', 'Hoa', 'Hoà', 'Hòa', 'Hoàng', 'Huệ', 'Hùng', 'Hương',
  'Hường', 'Huy', 'Huyền', 'Khải', 'Khang', 'Khanh', 'Khoa', 'Khuê', 'Kiên', 'Lan', 'Liên', 'Linh',
  'Loan', 'Long', 'Mai', 'Minh', 'My', 'Mỹ', 'Nam', 'Nga', 'Ngân', 'Nghĩa', 'Ngọc', 'Nhàn', 'Nhung',
  'Oanh', 'Phúc', 'Phương', 'Quân', 'Quyên', 'Quỳnh', 'Sơn', 'Tâm', 'Thắm', 'Thảo', 'Thu', 'Thuý',
  'Thúy', 'Thủy', 'Thuỷ', 'Thư', 'Tiến', 'Tú', 'Tuấn', 'Tùng', 'Uyên', 'Vân', 'Việt', 'Vy', 'Xuân',
  'Yến', 'Ỷ', 'Ỹ', 'Ựu', 'Tô', 'Tố', 'Ân', 'Ái', 'Ẩn', 'Ngà', 'Lụa', 'Khuyên', 'Toàn', 'Thoả',
  'Khoẻ', 'Xoan', 'Thuận', 'Quế', 'Ngoan', 'Huân', 'Tuệ', 'Nguyệt', 'Tuyết', 'Hoè', 'Loát', 'Hoạt',
  'Quát', 'Khoát', 'Thoại', 'Ngoạn', 'Ưng', 'Ước', 'Lê', 'Tý', 'Kỳ', 'Kỷ', 'Thoa', 'Khuyến', 'Quý',
  'Huỳnh', 'Uyển', 'Oánh', 'Khuông', 'Hoằng', 'Quyết', 'Thuyết', 'Ngoạt', 'Ỳ', 'Ý', 'Dĩ', 'Ĩ',
  'Páo', 'Dính', 'Súa', 'Mỷ', 'Pó', 'Sềnh', 'Chứ', 'Mỵ', 'Mị', 'Xòe', 'Ọ', 'Ạ', 'Ồ', 'Ờ', 'Ủ',
  'Tèo', 'Tí', 'Bé', 'Bê', 'Lé', 'Kè', 'Mè', 'Sò', 'Ló', 'Lò', 'Hè', 'Xê', 'Pê', 'Kê', 'Tê',
];

export const PLACES = [
  'Hà Nội', 'Thành phố Hồ Chí Minh', 'Đà Nẵng', 'Huế', 'Cần Thơ', 'Hải Phòng', 'Quảng Ninh',
  'Bắc Ninh', 'Thái Bình', 'Nam Định', 'Ninh Bình', 'Thanh Hoá', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh',
  'Quảng Bình', 'Quảng Trị', 'Thừa Thiên Huế', 'Quảng Nam', 'Quảng Ngãi', 'Bình Định', 'Phú Yên',
  'Khánh Hoà', 'Khánh Hòa', 'Ninh Thuận', 'Bình Thuận', 'Kon Tum', 'Gia Lai', 'Đắk Lắk', 'Đắk Nông',
  'Lâm Đồng', 'Bình Phước', 'Tây Ninh', 'Bình Dương', 'Đồng Nai', 'Bà Rịa – Vũng Tàu', 'Long An',
  'Tiền Giang', 'Bến Tre', 'Trà Vinh', 'Vĩnh Long', 'Đồng Tháp', 'An Giang', 'Kiên Giang',
  'Hậu Giang', 'Sóc Trăng', 'Bạc Liêu', 'Cà Mau', 'Lào Cai', 'Yên Bái', 'Điện Biên', 'Lai Châu',
  'Sơn La', 'Hoà Bình', 'Hà Giang', 'Cao Bằng', 'Bắc Kạn', 'Lạng Sơn', 'Tuyên Quang',
  'Thái Nguyên', 'Phú Thọ', 'Bắc Giang', 'Vĩnh Phúc', 'Hưng Yên', 'Hải Dương', 'Hà Nam', 'Ô Môn',
  'Củ Chi', 'Hóc Môn', 'Thủ Đức', 'Gò Vấp', 'Tân Bình', 'Phú Nhuận', 'Cầu Giấy', 'Đống Đa',
  'Ba Đình', 'Hoàn Kiếm', 'Tây Hồ', 'Long Biên', 'Sóc Sơn', 'Mê Linh', 'Ứng Hoà', 'Mỹ Đức',
  'Ý Yên', 'Ea Súp', 'Krông Pắc', 'Buôn Ma Thuột', 'Pleiku', 'Mù Cang Chải', 'Bát Xát',
  'Mường Khương', 'Bảo Thắng', 'Si Ma Cai', 'Sa Pa', 'Đồng Văn', 'Mèo Vạc', 'Ngã Bảy', 'Châu Đốc',
  'Hà Tiên', 'Phú Quốc', 'Côn Đảo', 'Cô Tô', 'Vân Đồn', 'Móng Cái', 'Uông Bí', 'phường Bến Nghé',
  'xã Tân Thông Hội', 'thôn Đông Ngạc', 'khu phố 3', 'tổ dân phố số 12', 'ấp Ông Tô', 'bản Nà Hẩu',
  'xóm Bè', 'Sông Cầu', 'Tú Lệ', 'Mộc Châu', 'Điện Bàn', 'Hội An', 'Tam Kỳ', 'Kỳ Anh', 'Ô Quy Hồ',
];

export const LABELS_AND_CELLS = [
  'Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ',
  'Không hoàn thành nhiệm vụ', 'Không xếp loại', 'Thường kỳ', 'Chuyên đề', 'Kết hợp', 'có mặt',
  'vắng có lý do', 'vắng không lý do', 'miễn sinh hoạt', 'Chi bộ cơ sở', 'Chi bộ trực thuộc',
  'Đảng bộ cơ sở', 'Tốt', 'Khá', 'Trung bình', 'Kém', 'Đạt', 'Không đạt', 'Có', 'Không', 'Tô',
  'Chi bộ Tổ dân phố số 5', 'Chi bộ Trường THCS Lê Lợi', 'Đảng bộ xã Ô Diên', 'Bí thư chi bộ',
  'Phó Bí thư', 'Chi ủy viên', 'Đảng viên dự bị', 'Đảng viên chính thức', 'Sinh hoạt chi bộ tháng 3',
  'Nghị quyết số 12-NQ/TW', 'Ủy ban kiểm tra', 'Uỷ ban nhân dân', 'Mặt trận Tổ quốc',
  'Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'Hội Cựu chiến binh', 'Hội Liên hiệp Phụ nữ',
  'HTTNV', 'HTXSNV', 'KHTNV', 'CB-01', 'ĐB/2024/15', '1.1.a', 'TK+CĐ', 'Số thẻ: 12.345.678',
  '0912 345 678', '+84 24 3823 4567', 'nguyenvana@gmail.com', 'tran.thi.b@hanoi.gov.vn',
  'https://dangcongsan.vn/tin-tuc', '25°C', '100 m²', '© 2024 Ban Tổ chức', 'Điều 5 §2',
  '½ số phiếu', '± 5%', 'x² + y²', '10 µm', '«Chi bộ bốn tốt»', 'Giá: 50.000 ₫', '· Lãnh đạo',
  '“chi bộ bốn tốt”', '1/2/2024', '2024-03-15', '45 phút', '90%', 'Nhiệm kỳ 2020–2025',
  'ÔNG TÔ VĂN HÀ', 'BÀ LÊ THỊ Ý', 'CHI BỘ BỐN TỐT', 'KẾ HOẠCH', 'Ô Môn – Cần Thơ', 'Mê Kông',
];

export const ENGLISH = [
  'The quick brown fox jumps over the lazy dog.',
  'Party cell meeting minutes, March 2024',
  'Total members: 25; present: 23; absent with reason: 2.',
  'Please review the attached workbook before Friday.',
  'Excellent', 'Good', 'Fair', 'Poor', 'Yes', 'No', 'N/A', 'TBD', 'OK',
  'Microsoft Excel add-in', 'Download the template (xlsx)', 'Error: cell B12 is empty',
  'Café au lait', 'naïve résumé', 'Zürich', 'São Paulo', 'Müller', 'Ångström', 'Björk', 'Gómez',
  'Peña', 'Noël', 'Zoë', 'Chloé', 'José', 'Renée', 'façade', 'jalapeño', 'Beyoncé', 'Søren',
  'über', 'Straße', 'déjà vu', 'fiancée', 'crème brûlée', 'Señor', 'El Niño', 'Citroën',
  'Dvořák', 'Łódź', 'Æsir', 'Øresund', 'Île-de-France', 'hôtel', 'forêt', 'Mañana', 'piñata',
  'Fußball', 'Göteborg', 'Malmö', 'Tromsø', 'Curaçao', 'Pokémon', 'entrée', 'touché', 'cliché',
];

export function seedLines(): string[] {
  return readFileSync(join(__dirname, 'legacyEncoding.seed.txt'), 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Full names: every family name with a few middle and given names, in a fixed pattern. */
export function fullNames(): string[] {
  const names: string[] = [];
  FAMILY_NAMES.forEach((family, f) => {
    for (let k = 0; k < 4; k++) {
      const middle = MIDDLE_NAMES[(f * 7 + k * 3) % MIDDLE_NAMES.length] ?? '';
      const given = GIVEN_NAMES[(f * 11 + k * 13) % GIVEN_NAMES.length] ?? '';
      names.push(`${family} ${middle} ${given}`);
    }
  });
  for (const given of GIVEN_NAMES) names.push(`Nguyễn Thị ${given}`, `Tô Văn ${given}`);
  return names;
}
