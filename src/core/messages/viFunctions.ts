/**
 * The Vietnamese messages of the custom functions (functions/functions.ts, SPEC §4): what a bad
 * argument returns with its Excel error, and the names of the arguments the messages cite. The
 * functions answer in Vietnamese only (SPEC §4); en.ts has their English for the catalogue's
 * completeness (docs, tests). Registered by functions.ts.
 */
import { registerCatalogue } from './render';
import './index';

export const VI_FUNCTIONS = {
  'fn.arg.members': 'Số đảng viên',
  'fn.arg.present': 'Số có mặt',
  'fn.arg.speakers': 'Số ý kiến',
  'fn.arg.minutes': 'Thời gian (phút)',
  'fn.arg.excused': 'Số được miễn/nhiệm vụ đặc biệt',
  'fn.arg.criterion': 'Tiêu chí 1.{index}',
  'fn.arg.score': 'Điểm',
  'fn.arg.max': 'Điểm tối đa (dòng {row})',
  'fn.arg.self': 'Điểm tự chấm (dòng {row})',
  'fn.arg.level': 'mức xếp loại',
  'fn.arg.stage': 'bước',
  'fn.arg.year': 'Năm',
  'fn.arg.rating': 'xếp loại',
  'fn.minutesNegative': 'Thời gian (phút) không được âm (nhận được {minutes}).',
  'fn.presentAbove': 'Số có mặt ({present}) lớn hơn số đảng viên ({members}).',
  'fn.excusedAbove': 'Số được miễn/nhiệm vụ đặc biệt ({excused}) phải nhỏ hơn số đảng viên ({members}).',
  'fn.pending': 'Còn {count} {noun} chưa xếp loại; cần xếp loại xong mới xét công nhận',
  'fn.criteriaCount': 'Cần đúng 4 tỷ lệ tiêu chí (1.1, 1.2, 1.3, 1.4); nhận được {count} giá trị.',
  'fn.fewMembers': 'Chi bộ phải có ít nhất 3 đảng viên chính thức (Điều lệ Đảng); nhận được {count}.',
  'fn.scoreRange': 'Điểm phải từ 0 đến 100 (nhận được {score}).',
  'fn.noMarks': 'Vùng điểm danh không có ký hiệu C, P hoặc K nào.',
  'fn.datesKinds': 'Vùng ngày ({dates} ô) và vùng loại ({kinds} ô) phải cùng kích thước.',
  'fn.scoresMaxima': 'Vùng điểm tự chấm ({scores} ô) và điểm tối đa ({maxima} ô) phải cùng kích thước.',
  'fn.maxNegative': 'Điểm tối đa dòng {row} không được âm ({max}).',
  'fn.selfRange': 'Điểm tự chấm dòng {row} ({score}) phải từ 0 đến điểm tối đa {max}.',
  'fn.maxZero': 'Tổng điểm tối đa bằng 0.',
  'fn.maxHuge': 'Tổng điểm tối đa quá lớn để tính (vượt khoảng 1,8 × 10^308).',
  'fn.levelKxl': 'Mức "Không xếp loại" không dùng để tính tỷ lệ; hãy chọn HTXSNV, HTTNV, HTNV hoặc KHTNV.',
  'fn.noneRated': 'Vùng xếp loại không có ai được xếp loại.',
  'fn.stage': 'Bước "{stage}" không hợp lệ; cần: đăng ký, chỉ tiêu, đề nghị, thẩm định hoặc công nhận.',
  'fn.year': 'Năm {year} không hợp lệ.',
  'fn.noDeadline': 'Cấu hình chưa đặt mốc "{stage}" cho năm {year}.',
  'fn.noStatus': 'Vùng kết quả không có ô nào được điền.',
  'fn.notYetRated': 'chưa xếp loại',
} as const;

export type FunctionsMessageKey = keyof typeof VI_FUNCTIONS;

registerCatalogue('vi', VI_FUNCTIONS);
