/**
 * The seed's own sub-criteria (Kế hoạch Thành ủy, mục II.1), as the rows the template writes into
 * `Tiêu chí`: under 1.1 the general items (a/) plus the items of the workbook's `Loại hình`
 * (b/ (1)–(4)); the bullets of 1.2 (with its two lead paragraphs), 1.3 and 1.4. Each criterion's
 * maxima total 100 points, spread evenly — a starting point the organisation re-weights
 * ("cụ thể hóa"). Texts are the seed's, with page-break artefacts joined.
 */
import { CRITERION_LABELS } from '../../core/criteria';
import type { CriterionId, OrgType } from '../../core/types';

export { CRITERION_LABELS };

/** 1.1 a/ — the general items, for every Loại hình. */
export const GENERAL_HEADING = 'a/ Các tiêu chí chung';
export const GENERAL_ITEMS: readonly string[] = [
  'Lãnh đạo thực hiện tốt công tác chính trị tư tưởng, đấu tranh ngăn chặn, đẩy lùi những biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, “tự chuyển hóa” trong nội bộ gắn với đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. Không để xảy ra tình trạng tham ô, tham nhũng, lãng phí và các biểu hiện tiêu cực khác.',
  'Lãnh đạo thực hiện tốt công tác đào tạo, bồi dưỡng cán bộ, đảng viên; công tác quy hoạch, điều động, luân chuyển, bố trí cán bộ; công tác đánh giá cán bộ, đảng viên hàng năm; việc thực hiện chế độ, chính sách cho cán bộ, đảng viên; thực hiện tốt công tác bảo vệ chính trị nội bộ; thực hiện đạt và vượt chỉ tiêu về kết nạp đảng viên mới.',
  'Xây dựng và thực hiện đầy đủ, kịp thời kế hoạch kiểm tra, giám sát của cấp ủy, chi bộ, đảng bộ cơ sở; kế hoạch phòng, chống tham nhũng, tiêu cực. Thực hiện tốt công tác tiếp công dân, kịp thời giải quyết đơn thư khiếu nại, tố cáo; phát hiện, xử lý kịp thời tổ chức đảng, đảng viên vi phạm.',
  'Lãnh đạo thực hiện tốt công tác dân vận, phát huy dân chủ cơ sở ở cơ quan, đơn vị, địa phương.',
  'Lãnh đạo đảm bảo an ninh, trật tự an toàn trong cơ quan, đơn vị, địa phương; đảm bảo công tác phòng cháy, chữa cháy, không để xảy ra cháy, nổ.',
  'Việc cụ thể hóa, xây dựng và tổ chức thực hiện các chương trình, kế hoạch công tác năm để thực hiện nhiệm vụ được giao. Việc chỉ đạo phối hợp trong thực hiện nhiệm vụ, cải tiến phong cách, lề lối làm việc, nâng cao hiệu quả công tác; thực hiện tốt công tác cải cách hành chính, ứng dụng công nghệ thông tin, chuyển đổi số mang lại hiệu quả trong quản lý và hoạt động của cơ quan, đơn vị, địa phương. Hoàn thành 100% nhiệm vụ đã đề ra theo chương trình, kế hoạch và nhiệm vụ đột xuất khác trong năm.',
  'Lãnh đạo chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị-xã hội cùng cấp được xếp loại chất lượng “Hoàn thành tốt nhiệm vụ” trở lên; phát huy hiệu lực, hiệu quả quản lý của chính quyền, đổi mới nâng cao chất lượng, hiệu quả hoạt động của Mặt trận Tổ quốc và các đoàn thể chính trị-xã hội; phát huy sức mạnh tổng hợp, xây dựng khối đại đoàn kết toàn dân; nâng cao chất lượng giám sát, phản biện xã hội.',
  'Lãnh đạo đề ra các biện pháp nhằm nâng cao đời sống vật chất, tinh thần, cải thiện điều kiện làm việc và bảo vệ lợi ích chính đáng cho cán bộ, công chức, viên chức, người lao động, nâng cao đời sống vật chất, tinh thần cho nhân dân.',
];

/** 1.1 b/ — the lead sentence before the items of each Loại hình. */
export const TYPE_LEAD =
  'b/ Ngoài các tiêu chí chung, các tổ chức đảng theo từng loại hình cụ thể hóa, bổ sung tiêu chí hoàn thành tốt nhiệm vụ chính trị:';

/** 1.1 b/ (1)–(4) — the items of each Loại hình. */
export const TYPE_ITEMS: Record<OrgType, { heading: string; items: readonly string[] }> = {
  'co-quan': {
    heading: '(1) Đối với tổ chức đảng trong các cơ quan hành chính, đơn vị sự nghiệp',
    items: [
      'Phát huy tinh thần chủ động, sáng tạo, ý thức trách nhiệm của cán bộ, công chức, viên chức trong việc thực hiện nhiệm vụ chính trị, công tác chuyên môn của cơ quan, đơn vị và thực hiện tốt chức trách, nhiệm vụ được giao.',
      'Lãnh đạo việc xây dựng và thực hiện các quy định, quy chế, nội quy của cơ quan, đơn vị; tiến độ và chất lượng thực hiện các nhiệm vụ được giao (nghiên cứu, tham mưu; giảng dạy, học tập; khám chữa bệnh; thực hiện các đề tài, đề án nghiên cứu khoa học...).',
      'Lãnh đạo cơ quan, đơn vị xây dựng lực lượng tự vệ; tham gia đầy đủ công tác huấn luyện tự vệ hằng năm; đảm bảo cơ quan, đơn vị an toàn, xanh-sạch-đẹp.',
      'Việc thực hiện Quy định của Bộ Chính trị về đảng viên đang công tác thường xuyên giữ mối liên hệ với đảng ủy, chi ủy cơ sở và gương mẫu thực hiện nghĩa vụ công dân nơi cư trú.',
    ],
  },
  'vu-trang': {
    heading: '(2) Đối với tổ chức đảng trong các đơn vị lực lượng vũ trang',
    items: [
      'Việc bồi dưỡng, giáo dục, phát huy truyền thống tốt đẹp của lực lượng vũ trang nhân dân; xây dựng chi bộ, đảng bộ cơ sở gắn với xây dựng đơn vị vững mạnh toàn diện, chính quy hiện đại.',
      'Việc thực hiện điều lệnh và ý thức tổ chức, chấp hành kỷ cương, kỷ luật của Quân đội, Công an; xây dựng nền nếp chính quy, hiện đại, sẵn sàng chiến đấu và phục vụ chiến đấu, hoàn thành xuất sắc các nhiệm vụ được giao.',
      'Lãnh đạo đơn vị chấp hành nghiêm chủ trương, chỉ thị, nghị quyết của cấp ủy và mệnh lệnh của cấp trên; đảm bảo sẵn sàng chiến đấu; chấp hành nghiêm quy định của Nhà nước về quản lý, sử dụng trang thiết bị, cơ sở vật chất hậu cần, kỹ thuật, tài chính; không để xảy ra tham nhũng, lãng phí, mất mát, hư hỏng.',
    ],
  },
  'dia-ban': {
    heading: '(3) Đối với tổ chức đảng thôn, khu phố, phường, xã',
    items: [
      'Lãnh đạo thực hiện đạt các chỉ tiêu, nhiệm vụ phát triển kinh tế-xã hội, xây dựng nông thôn mới, đô thị văn minh. Việc thực hiện chuyển dịch cơ cấu kinh tế, chuyến đối cơ cấu cây trồng, vật nuôi và áp dụng tiến bộ khoa học công nghệ vào sản xuất tại địa phương; lãnh đạo thực hiện phong trào toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư, thực hiện các mô hình tự quản; lãnh đạo công tác giảm nghèo và các hoạt động nhân đạo, từ thiện; việc quản lý và sử dụng có hiệu quả các nguồn vốn do nhân dân đóng góp; việc thực hiện chính sách đối với người có công với cách mạng....',
      'Lãnh đạo thực hiện tốt công tác quản lý tài nguyên, khoáng sản, đất đai, không để xảy ra tình trạng khai thác tài nguyên, khoáng sản, lấn, chiếm đất trái pháp luật; đảm bảo vệ sinh môi trường, an toàn giao thông; đảm bảo an ninh chính trị, trật tự an toàn xã hội trên địa bàn.',
      'Thực hiện đầy đủ công tác huấn luyện lực lượng dân quân tự vệ; hoàn thành chỉ tiêu giao quân hằng năm.',
      'Thực hiện bồi dưỡng, giúp đỡ quần chúng, tạo nguồn phát triển đảng viên ở khu dân cư; thực hiện tốt công tác quản lý đảng viên, nhất là đảng viên đi làm xa.',
    ],
  },
  'doanh-nghiep': {
    heading: '(4) Đối với tổ chức đảng trong doanh nghiệp',
    items: [
      'Thực hiện hoàn thành chỉ tiêu kế hoạch sản xuất kinh doanh; hoàn thành nghĩa vụ đóng thuế với Nhà nước.',
      'Việc đầu tư, đổi mới công nghệ, áp dụng tiến bộ khoa học kỹ thuật trong sản xuất kinh doanh, nâng cao trình độ, tay nghề của người lao động nhằm tăng năng suất, thu nhập cho người lao động; lãnh đạo việc xây dựng quan hệ lao động hài hòa, ổn định và tiến bộ trong tình hình mới, tạo sự gắn bó giữa người lao động và doanh nghiệp.',
      'Thực hiện tốt mối quan hệ giữa doanh nghiệp với địa phương trong việc phát triển kinh tế-xã hội, bảo vệ môi trường. Tích cực hưởng ứng các hoạt động an sinh xã hội phù hợp với điều kiện của doanh nghiệp.',
      'Chấp hành các quy định của pháp luật về bảo vệ môi trường; phòng, chống cháy, nổ; bảo đảm an toàn cho người lao động và tài sản doanh nghiệp...',
    ],
  },
};

/** 1.2 — its two lead paragraphs (Hướng dẫn 12-HD/BTCTW; attendance) and its bullets. */
export const ITEMS_1_2: readonly string[] = [
  'Thực hiện đầy đủ các nội dung nâng cao chất lượng sinh hoạt chi bộ theo Hướng dẫn số 12-HD/BTCTW, ngày 06/7/2018 của Ban Tổ chức Trung ương hướng dẫn một số vấn đề về nâng cao chất lượng sinh hoạt chi bộ…',
  'Đảng viên dự sinh hoạt đạt tỷ lệ trên 85% và không có đảng viên vắng mặt không có lý do hoặc đảng viên vắng mặt có lý do quá 03 lần liên tiếp trong năm (trừ trường hợp được miễn công tác, sinh hoạt đảng theo quy định và đảng viên trong lực lượng vũ trang làm nhiệm vụ đặc biệt).',
  'Bí thư hoặc phó bí thư chi bộ trực tiếp chuẩn bị nội dung sinh hoạt và tiến hành họp chi ủy (bí thư, phó bí thư ở những nơi không có chi ủy) trước khi sinh hoạt chi bộ. Nội dung sinh hoạt được chuẩn bị đúng, đủ theo hướng dẫn của cấp ủy cấp trên; xác định được nội dung trọng tâm cần trao đổi, thảo luận để chi bộ lãnh đạo, chỉ đạo giải quyết kịp thời, nhất là những vấn đề mới nổi lên có tính cấp bách ở địa phương, cơ quan, đơn vị. Thông báo thời gian, địa điểm, nội dung sinh hoạt chi bộ cho đảng viên và cấp ủy viên cấp trên được phân công theo dõi chi bộ. Gửi trước tài liệu sinh hoạt chi bộ cho đảng viên (ở những nơi có điều kiện). Xây dựng dự thảo nghị quyết của chi bộ trước khi tổ chức họp chi bộ.',
  'Thời điểm tổ chức sinh hoạt đúng quy định của cấp ủy có thẩm quyền; thực hiện đầy đủ nội dung, trình tự buổi sinh hoạt chi bộ theo …. Phương pháp điều hành của người chủ trì linh hoạt, hiệu quả; có biểu dương đảng viên tiêu biểu trong tháng; nhắc nhở, phê bình đảng viên chưa hoàn thành nhiệm vụ được giao, đảng viên không thực hiện đúng cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm hoặc có khuyết điểm trong thực hiện chủ trương, nghị quyết, chỉ thị, quy định của Đảng và cấp ủy cấp trên nhưng chưa đến mức phải xử lý kỷ luật (nếu có).',
  'Tỷ lệ đảng viên tham gia phát biểu ý kiến phải đảm bảo theo Quy định … về đánh giá chất lượng sinh hoạt chi bộ (từ 07 ý kiến trở lên đối với chi bộ có trên 20 đảng viên; 05 ý kiến trở lên đối với chi bộ có trên 10 đảng viên; từ 03 ý kiến trở lên đối với chi bộ có từ 3-10 đảng viên).',
  'Duy trì sinh hoạt chi bộ thường kỳ theo quy định và sinh hoạt chuyên đề ít nhất mỗi quý 01 lần.',
  'Thời gian sinh hoạt chi bộ phải bảo đảm từ 90 phút trở lên, nếu kết hợp sinh hoạt chuyên đề với sinh hoạt chi bộ thường kỳ trong cùng một buổi thì phải bảo đảm thời gian tối thiểu 120 phút; đối với chi bộ có dưới 10 đảng viên thì thời gian sinh hoạt chi bộ tối thiểu là 60 phút. Sổ biên bản sinh hoạt chi bộ phải được đóng dấu giáp lai của cấp ủy cơ sở; ghi chép đầy đủ diễn biến của buổi sinh hoạt, có đầy đủ chữ ký của thư ký, người chủ trì và được lưu giữ, bảo quản lâu dài để làm tài liệu tham khảo, giáo dục truyền thống cho đảng viên.',
  'Thực hiện đúng nguyên tắc tập trung dân chủ trong sinh hoạt chi bộ. Chi ủy, đảng viên nghiêm túc, thực sự cầu thị khi tự phê bình và phê bình. Sinh hoạt chi bộ phải bảo đảm tính lãnh đạo, tính giáo dục, tính chiến đấu; cương quyết chống bệnh thành tích, dĩ hòa vi quý, nể nang, né tránh, ngại va chạm, thấy đúng không dám bảo vệ, thấy sai không dám đấu tranh.',
  'Sau khi kết thúc sinh hoạt chi bộ, chi ủy hoặc chi bộ (nơi không có chi ủy) tiến hành tự đánh giá xếp loại mức độ chất lượng sinh hoạt chi bộ theo Quy định ….',
  'Kết luận hoặc nghị quyết của chi bộ được lãnh đạo, tổ chức thực hiện đạt kết quả tốt.',
];

/** 1.3 — its bullets. */
export const ITEMS_1_3: readonly string[] = [
  'Đảng bộ, chi bộ xây dựng và tăng cường đoàn kết nội bộ; xây dựng và thực hiện nghiêm quy chế làm việc, bảo đảm các nguyên tắc tổ chức và sinh hoạt đảng trong chi bộ, đảng bộ, nhất là nguyên tắc tập trung dân chủ, tự phê bình và phê bình, phát huy dân chủ đi đôi với giữ nghiêm kỷ luật trong tổ chức, cơ quan, đơn vị, phát huy quyền và nghĩa vụ của đảng viên trong tham gia công việc của Đảng. Kịp thời giải quyết những vướng mắc phát sinh trong cơ quan, đơn vị, địa phương theo đúng pháp luật, không để tích tụ mâu thuẫn gây mất đoàn kết nội bộ.',
  'Tất cả đảng viên gương mẫu chấp hành nghị quyết, chỉ thị, quy định của Đảng, chính sách, pháp luật của Nhà nước; sự phân công, điều động của tổ chức; đi đầu thực hiện nền nếp, chế độ sinh hoạt đảng, các nội quy, quy chế, quy định của tổ chức, cơ quan, đơn vị. Không có đảng viên vi phạm Quy định những điều đảng viên không được làm.',
  'Lãnh đạo thực hiện tốt kỷ luật, kỷ cương hành chính, thường xuyên kiểm tra, đôn đốc, tạo chuyển biến mạnh mẽ trong thực thi công vụ, nâng cao đạo đức, văn hoá, tính chuyên nghiệp của cán bộ, đảng viên; khen thưởng kịp thời, kỷ luật nghiêm minh đối với tổ chức đảng, đảng viên, cán bộ, công chức, viên chức.',
];

/** 1.4 — its bullets. */
export const ITEMS_1_4: readonly string[] = [
  'Cán bộ, đảng viên thật sự gương mẫu chấp hành đường lối, chủ trương, chỉ thị, nghị quyết, quy định của Đảng, chính sách, pháp luật của Nhà nước; giữ gìn phẩm chất đạo đức, lối sống; không có biểu hiện suy thoái về tư tưởng chính trị, đạo đức lối sống, “tự diễn biến”, “tự chuyển hóa”, quan hệ mật thiết với Nhân dân; luôn nêu cao tinh thần cầu thị, lắng nghe, tiếp thu sửa chữa khuyết điểm và đấu tranh với các biểu hiện quan liêu, tham nhũng, lãng phí, tiêu cực; luôn ý thức xây dựng địa phương, cơ quan, đơn vị. Phát huy tốt tinh thần, ý chí, khát vọng vươn lên, đổi mới, năng động, sáng tạo, dám nghĩ, dám làm, dám đột phá vì lợi ích chung; thực hiện tốt chức trách, nhiệm vụ được giao, hoàn thành đúng tiến độ, đạt chất lượng, hiệu quả công việc theo yêu cầu đề ra.',
  'Mỗi đảng viên, nhất là đảng viên giữ chức vụ lãnh đạo, quản lý phải nêu cao vai trò tiên phong, gương mẫu trong sinh hoạt chi bộ, giữ gìn đoàn kết thống nhất trong nội bộ, tích cực tham gia đóng góp ý kiến trong các buổi sinh hoạt và thực hiện tốt nhiệm vụ được chi bộ phân công. Luôn có ý thức tự soi, tự sửa mình, đặt mục tiêu hoàn thiện mình, góp phần xây dựng tổ chức và đồng chí mình trở nên tốt hơn, vững mạnh hơn. Không có biểu hiện nể nang, né tránh, ngại va chạm trong phê bình.',
  'Cán bộ, đảng viên không vi phạm kỷ luật Đảng; không vi phạm chính sách, pháp luật của Nhà nước.',
];

/** One row of the seeded `Tiêu chí` sheet; a heading row has no code and no maximum. */
export interface CriteriaSeedRow {
  code: string | null;
  content: string;
  maxPoints: number | null;
}

/** Spreads `total` points over `count` items as evenly as whole numbers allow (first items get the rest). */
export function spreadPoints(total: number, count: number): number[] {
  if (count <= 0) return [];
  const base = Math.floor(total / count);
  const rest = total - base * count;
  return Array.from({ length: count }, (_, index) => base + (index < rest ? 1 : 0));
}

function numbered(prefix: string, items: readonly string[], points: readonly number[], first = 1): CriteriaSeedRow[] {
  return items.map((content, index) => ({ code: `${prefix}.${first + index}`, content, maxPoints: points[index] ?? 0 }));
}

/**
 * The rows of a new `Tiêu chí` sheet for a Loại hình: a criterion row (code 1.1 … 1.4, no maximum:
 * it has sub-items), heading rows without a code for a/ and b/, then the items 1.1.1, 1.1.2, …
 */
export function criteriaSeedRows(type: OrgType): CriteriaSeedRow[] {
  const typed = TYPE_ITEMS[type];
  const points11 = spreadPoints(100, GENERAL_ITEMS.length + typed.items.length);
  const rows: CriteriaSeedRow[] = [
    { code: '1.1', content: CRITERION_LABELS['1.1'], maxPoints: null },
    { code: null, content: GENERAL_HEADING, maxPoints: null },
    ...numbered('1.1', GENERAL_ITEMS, points11),
    { code: null, content: `${TYPE_LEAD} ${typed.heading}`, maxPoints: null },
    ...numbered('1.1', typed.items, points11.slice(GENERAL_ITEMS.length), GENERAL_ITEMS.length + 1),
  ];
  const rest: [CriterionId, readonly string[]][] = [
    ['1.2', ITEMS_1_2],
    ['1.3', ITEMS_1_3],
    ['1.4', ITEMS_1_4],
  ];
  for (const [id, items] of rest) {
    rows.push({ code: id, content: CRITERION_LABELS[id], maxPoints: null });
    rows.push(...numbered(id, items, spreadPoints(100, items.length)));
  }
  return rows;
}
