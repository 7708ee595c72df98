/**
 * The Vietnamese catalogue: every message a person reads, keyed by reason/issue code (or
 * `CODE.variant` where a code has several wordings) and by the shared words of docs/glossary.md.
 * Placeholders are `{name}`; en.ts has the same keys and placeholders.
 */
export const VI = {
  // ------------------------------------------------------------ shared words (docs/glossary.md)
  'severity.block': 'Không đạt',
  'severity.warn': 'Lưu ý',
  'issueSeverity.error': 'Lỗi',
  'issueSeverity.warning': 'Cảnh báo',
  'verdict.eligible': 'Đủ điều kiện đề nghị công nhận',
  'verdict.notEligible': 'Chưa đủ điều kiện đề nghị công nhận',
  'place.cell': 'trang {sheet}, ô {cell}',
  'place.sheet': 'trang {sheet}',
  'place.year': 'cả năm',
  'rating.HTXSNV': 'Hoàn thành xuất sắc nhiệm vụ',
  'rating.HTTNV': 'Hoàn thành tốt nhiệm vụ',
  'rating.HTNV': 'Hoàn thành nhiệm vụ',
  'rating.KHTNV': 'Không hoàn thành nhiệm vụ',
  'rating.KXL': 'Không xếp loại',
  'kind.regular': 'thường kỳ',
  'kind.thematic': 'chuyên đề',
  'kind.combined': 'kết hợp',
  'criterion.1.1': 'Hoàn thành tốt nhiệm vụ chính trị',
  'criterion.1.2': 'Chất lượng sinh hoạt tốt',
  'criterion.1.3': 'Đoàn kết, kỷ luật tốt',
  'criterion.1.4': 'Cán bộ, đảng viên tốt',
  'noun.members': 'đảng viên',
  'noun.cells': 'chi bộ trực thuộc',
  'selfAssessment.tot': 'Tốt',
  'selfAssessment.kha': 'Khá',
  'selfAssessment.trung-binh': 'Trung bình',
  'selfAssessment.kem': 'Kém',
  'selfAssessment.dat': 'Đạt',
  'selfAssessment.khong-dat': 'Không đạt',
  'meeting.dated': 'Buổi sinh hoạt ngày {date}',
  'meeting.row': 'Buổi sinh hoạt ở dòng {row}',
  'meeting.pair': '{meeting} (thường kỳ kết hợp chuyên đề, ghi ở dòng {first} và {second})',
  'member.rated': 'đồng chí {name} ({rating})',
  'cell.name': 'Chi bộ {name}',
  'names.more': '{names} và {more} người khác',
  'date.unknown': '?',

  // ------------------------------------------------------------ reasons (SPEC §1)
  CRITERION_MISSING:
    'Tiêu chí {id} ({label}) chưa có dòng nào được chấm điểm (có điểm tối đa); cần chấm để đạt từ {minimum} trở lên.',
  CRITERION_LOW: 'Tiêu chí {id} ({label}) đạt {percent} ({self}/{max} điểm), cần từ {minimum} trở lên.',
  'recognition.criterionMissing': 'Tiêu chí {id} ({label}) chưa có điểm; cần từ {minimum} trở lên.',
  'recognition.criterionLow': 'Tiêu chí {id} ({label}) đạt {percent}, cần từ {minimum} trở lên.',
  'recognition.noneRated': 'Chưa có {noun} nào được xếp loại chất lượng (không tính "{kxl}"); cần xếp loại để tính tỷ lệ.',
  'recognition.completed':
    'Tỷ lệ {noun} được xếp loại "{level}" trở lên là {percent} ({count}/{rated}), cần từ {minimum} trở lên.',
  'recognition.good': 'Tỷ lệ {noun} được xếp loại "{level}" trở lên là {percent} ({count}/{rated}), cần từ {minimum} trở lên.',
  'shares.below': '{problem} Dưới mức: {names}.',
  'RATING_MISSING.member':
    'Đồng chí {name} chưa được xếp loại chất lượng; cần ghi mức xếp loại hoặc "{kxl}" (ghi lý do ở cột "Ghi chú"). Đảng viên đã chuyển sinh hoạt đi trong năm: ghi "Chuyển đi ngày …" ở cột "Ghi chú".',
  'RATING_MISSING.cell': '{cell} chưa được xếp loại chất lượng; cần ghi mức xếp loại hoặc "{kxl}".',
  'RATING_MISSING.none':
    'Chưa có {noun} nào được xếp loại chất lượng (không tính "{kxl}"); cần ít nhất một {noun} được xếp loại để tính tỷ lệ.',
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
  'DURATION_SHORT.sized':
    '{meeting} kéo dài {length}, cần ít nhất {needed} phút (sinh hoạt {kind}, chi bộ có {members} đảng viên).',
  'DURATION_SHORT.combined': '{meeting} kéo dài {length}, cần ít nhất {needed} phút (sinh hoạt {kind}).',
  'duration.minutes': '{minutes} phút',
  'duration.sum': '{first} + {second} = {minutes} phút',
  REGULAR_MONTH_MISSING:
    'Không có buổi sinh hoạt thường kỳ (hoặc kết hợp) trong tháng {month}/{year}; chi bộ phải sinh hoạt thường kỳ mỗi tháng ít nhất 1 lần (Điều lệ Đảng).',
  THEMATIC_QUARTER_MISSING:
    'Không có buổi sinh hoạt chuyên đề (hoặc kết hợp) trong quý {quarter}/{year}; chi bộ phải sinh hoạt chuyên đề ít nhất mỗi quý 1 lần.',
  'MINUTES_UNSIGNED.chair':
    '{meeting}: biên bản chưa có chữ ký của người chủ trì; biên bản phải có đủ chữ ký của người chủ trì và thư ký.',
  'MINUTES_UNSIGNED.secretary':
    '{meeting}: biên bản chưa có chữ ký của thư ký; biên bản phải có đủ chữ ký của người chủ trì và thư ký.',
  MINUTES_BOOK_UNSTAMPED:
    'Sổ biên bản chưa được đóng dấu giáp lai; sổ biên bản sinh hoạt chi bộ phải được đóng dấu giáp lai của cấp ủy cơ sở.',
  'MINUTES_BOOK_UNSTAMPED.blank':
    'Chưa ghi mục "Sổ biên bản đóng dấu giáp lai" (Có/Không) ở trang {sheet}; sổ biên bản sinh hoạt chi bộ phải được đóng dấu giáp lai của cấp ủy cơ sở.',
  SELF_ASSESSMENT_MISSING:
    '{meeting} chưa được tự đánh giá chất lượng; sau mỗi buổi sinh hoạt chi bộ phải tự đánh giá (Tốt, Khá, Trung bình, Kém).',
  MEETING_SELF_LOW:
    '{meeting} tự đánh giá "{level}", dưới mức Khá (lưu ý khi tự đánh giá Trung bình, Kém hoặc Không đạt).',
  DISCIPLINE:
    'Đồng chí {name} bị kỷ luật ({discipline}); tiêu chí 1.3 và 1.4 yêu cầu không có đảng viên vi phạm kỷ luật trong năm.',
  YEAR_NOT_OVER:
    'Số liệu tính đến ngày {asOf}, năm đánh giá {year} chưa kết thúc: chưa tính tháng {months} và quý {quarters}/{year}. Kết luận hiện tại chỉ là tạm thời; cần kiểm tra lại sau ngày 31/12/{year}.',
  DATA_INVALID:
    'Sổ tính có {count} lỗi dữ liệu (trang {sheets}); kết quả đánh giá chưa đáng tin cậy cho đến khi sửa hết các lỗi này.',
  // ------------------------------------------------------------ values that cannot be read (vocabulary, dates)
  'parse.rating':
    'Xếp loại "{text}" không hợp lệ; cần một trong: {options} (hoặc viết tắt HTXSNV, HTTNV, HTNV, KHTNV, KXL).',
  'parse.meetingKind': 'Loại sinh hoạt "{text}" không hợp lệ; cần: Thường kỳ, Chuyên đề hoặc Kết hợp.',
  'parse.markV': 'Ký hiệu "{text}" không rõ: có thể là "P" (vắng có lý do) hoặc "K" (vắng không có lý do). Hãy ghi P hoặc K.',
  'parse.mark':
    'Ký hiệu điểm danh "{text}" không hợp lệ; cần: C (có mặt), P (vắng có lý do), K (vắng không có lý do), M (miễn sinh hoạt), D (nhiệm vụ đặc biệt) hoặc để trống.',
  'parse.yesNo': 'Giá trị "{text}" không hợp lệ; cần "Có" hoặc "Không".',
  'parse.signed': 'Giá trị "{text}" không hợp lệ; cần "Có" (hoặc "Đã ký") hoặc "Không" (hoặc "Chưa ký").',
  'parse.stamped': 'Giá trị "{text}" không hợp lệ; cần "Có" (hoặc "Đã đóng dấu") hoặc "Không" (hoặc "Chưa đóng dấu").',
  'parse.exempt': 'Giá trị "{text}" không hợp lệ; cần "Có" (hoặc "Được miễn") hoặc "Không".',
  'parse.orgKind': 'Loại tổ chức "{text}" không hợp lệ; cần: {options}.',
  'parse.orgType': 'Loại hình "{text}" không hợp lệ; cần: {options}.',
  'parse.selfAssessment': 'Tự đánh giá "{text}" không hợp lệ; cần: Tốt, Khá, Trung bình, Kém (hoặc Đạt, Không đạt).',
  'parse.discipline':
    'Kỷ luật "{text}" không rõ; cần một hình thức kỷ luật đảng viên ({options}), có thể kèm năm hoặc quyết định (ví dụ "Khiển trách (năm 2021)"), hoặc "Không" khi không bị kỷ luật.',
  'date.invalid': 'Ngày không hợp lệ; cần ngày dạng dd/mm/yyyy (ví dụ 05/03/2025).',
  'date.serial': 'Số {value} không phải là một ngày hợp lệ; cần ngày dạng dd/mm/yyyy (ví dụ 05/03/2025).',
  'date.text': '"{text}" không phải là ngày; cần ngày dạng dd/mm/yyyy (ví dụ 05/03/2025).',
  'date.nonexistent': 'Ngày "{text}" không tồn tại (ngày hoặc tháng không hợp lệ); cần ngày dạng dd/mm/yyyy (ví dụ 05/03/2025).',
  'date.notDate': 'Ô không chứa ngày; cần ngày dạng dd/mm/yyyy (ví dụ 05/03/2025).',
  'date.headerNumber': 'Tiêu đề cột là số {value}, không phải ngày; cần ngày của buổi sinh hoạt dạng dd/mm/yyyy.',

  // ------------------------------------------------------------ data issues (SPEC §3)
  'issue.column': 'Cột "{header}": {problem}',
  'issue.item': 'Mục "{label}": {problem}',
  'issue.attendanceHeader': 'Tiêu đề cột điểm danh: {problem}',
  'formula.noResult': 'ô có công thức nhưng chưa có giá trị đã tính — mở và lưu lại tệp trong Excel.',
  'COLUMN_MISSING.header':
    'Trang "{sheet}" thiếu cột "{header}": không tìm thấy tiêu đề này ở hàng tiêu đề (dòng {row}); cần thêm cột "{header}".',
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
  'MATRIX_MISMATCH.meeting':
    'Buổi sinh hoạt ngày {date} không có cột điểm danh ở trang "{sheet}"; cần thêm cột có tiêu đề là ngày này.',
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

export type MessageKey = keyof typeof VI;
