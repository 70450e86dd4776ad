/**
 * Pieces that wrap any social post: openers, closings, emoji, generic replies, spam and ads. All
 * written with diacritics; the generator derives teencode and "không dấu" variants.
 */

export const OPENERS_NEGATIVE: readonly string[] = [
  'Mọi người ơi,',
  'Cả nhà ơi,',
  'Trời ơi,',
  'Bức xúc quá!',
  '[Phản ánh]',
  'Phản ánh:',
  'Dân {q} lên tiếng:',
  'Hóng biến:',
  'Tin nóng:',
  'Xin phép admin cho em đăng bài.',
  'Alo alo,',
  'Không thể chịu nổi nữa.',
  'Chuyện gì đang xảy ra vậy?',
  'UPDATE:',
  'Ad ơi duyệt bài giúp em.',
  'Ai ở {q} thì đọc giúp em với.',
  'Thật sự quá mệt mỏi.',
  'Lại nữa rồi.',
];

export const OPENERS_NEUTRAL: readonly string[] = [
  'Cho mình hỏi xíu,',
  'Mọi người cho hỏi,',
  'Hỏi nhanh:',
  'Ai biết chỉ giúp với ạ:',
  '#HỏiĐáp',
  'Xin phép admin,',
  'Góc hỏi đáp:',
];

export const OPENERS_POSITIVE: readonly string[] = [
  'Khen một chút nè:',
  'Chuyện dễ thương hôm nay:',
  'Góc tích cực:',
  'Ghi nhận!',
  'Vui ghê,',
  'Phải khen thôi:',
];

export const CLOSINGS_NEGATIVE: readonly string[] = [
  'Mong cơ quan chức năng vào cuộc!!!',
  'Ai có thẩm quyền xem giúp với.',
  'Chán thật sự.',
  'Bức xúc ghê!!',
  'Nản quá trời.',
  'Share cho mọi người cùng biết.',
  'Sợ thiệt sự.',
  'Mệt mỏi quáaaa.',
  'Hết nói nổi.',
  'Không biết bao giờ mới khá hơn.',
  'Đề nghị phường xử lý sớm!',
  'Quá thất vọng.',
  'Trời ơiiii.',
  'Ai đồng ý điểm danh.',
  'Mọi người cẩn thận nha!!!',
  'Tới bao giờ đây???',
];

export const CLOSINGS_NEUTRAL: readonly string[] = [
  'Cảm ơn mọi người ạ.',
  'Ai biết chỉ giúp với ạ.',
  'Thanks cả nhà.',
  'Em cảm ơn nhiều.',
  'Mong nhận được phản hồi.',
];

export const CLOSINGS_POSITIVE: readonly string[] = [
  'Tuyệt vời!',
  'Cảm ơn nhiều lắm ạ.',
  'Like mạnh!',
  'Sài Gòn mình đáng yêu ghê.',
  'Thích quáaa.',
  'Mong mọi nơi đều được như vậy.',
  'Quá xịn luôn.',
];

export const EMOJI_NEGATIVE: readonly string[] = [
  '😡',
  '😤',
  '😭',
  '😩',
  '🤬',
  '😱',
  '💢',
  '🙄',
  '😓',
  '😢',
  '😡😡😡',
  '🥲',
];
export const EMOJI_NEUTRAL: readonly string[] = ['🤔', '🙏', '👉', '📍', '❓', '🙏🙏'];
export const EMOJI_POSITIVE: readonly string[] = [
  '😍',
  '👍',
  '❤️',
  '🥰',
  '👏',
  '🎉',
  '😋',
  '💯',
  '👍👍',
  '🌸',
];

export const CITY_HASHTAGS: readonly string[] = [
  '#saigon',
  '#tphcm',
  '#hcm',
  '#sg',
  '#SàiGòn',
  '#saigonnews',
  '#phananh',
  '#tintuc',
  '#hcmc',
];

/** Mentions people add to get attention. */
export const MENTIONS: readonly string[] = [
  '@congan.tphcm',
  '@ubnd.tphcm',
  '@tuoitre',
  '@vnexpress',
  '@thanhnien',
  '@evnhcmc',
  '@sawaco',
  '@tongdai1022',
];

/** Replies that fit under any post. */
export const GENERIC_COMMENTS: readonly string[] = [
  'Chuẩn luôn.',
  'Đồng ý với bạn.',
  'Hóng diễn biến tiếp theo.',
  'Chấm hóng.',
  'Ủa thiệt hả?',
  'Cảm ơn bạn đã chia sẻ.',
  'Share cho mọi người biết với.',
  'Nói hoài mà không ai nghe.',
  'Ở đâu vậy bạn?',
  'Mình cũng bị y chang.',
  'Chuyện thường ngày ở Sài Gòn.',
  'Thấy thương ghê.',
  '{X} ơi vô đây coi nè.',
  'Tag {x} vô coi nè.',
  'Phải lên báo mới xử lý.',
  'Ghê thật sự.',
  'Hy vọng sớm được giải quyết.',
  'Chỗ này gần nhà mình luôn.',
  'Cảm ơn admin đã đăng.',
  'Xem mà tức.',
  'Quá đúng.',
  'Haizz, biết nói gì đây.',
  'Theo dõi.',
  'Đọc mà buồn.',
];

/** Ads and spam that land in every listening tool's feed. */
export const SPAM: readonly string[] = [
  'Inbox giá tốt cho ae, hàng chính hãng, freeship toàn {city}. LH {phone}.',
  'Nhận làm hồ sơ vay vốn nhanh, lãi suất thấp, không cần thế chấp. Zalo {phone}.',
  'Bán đất nền {q} sổ hồng riêng, giá chỉ từ 1,2 tỷ, ib ngay để nhận ưu đãi!!!',
  'Tuyển cộng tác viên làm việc tại nhà, thu nhập 500k/ngày, không cần kinh nghiệm. Ib em.',
  'Quảng cáo: thông cống nghẹt giá rẻ 24/7 khu vực {q}, gọi {phone}.',
  'Sale sốc cuối tuần, giảm 50% toàn bộ cửa hàng, inbox để được tư vấn nha.',
  'Dịch vụ sửa máy lạnh, máy giặt tận nhà khu {q}, có mặt sau 30 phút. Hotline {phone}.',
  'Cho thuê phòng trọ full nội thất gần {lm}, giá chỉ 3tr5, liên hệ chính chủ {phone}.',
  'Khóa học kiếm tiền online, cam kết thu nhập 30 triệu/tháng, đăng ký ngay: https://bit.ly/{code}',
  'Chuyên nhận ship hàng nội thành {city}, giá tốt, nhanh gọn. Inbox em nha.',
  'Thanh lý xe máy giá rẻ, giấy tờ đầy đủ, xem xe tại {q}. Zalo {phone}.',
  'Mỹ phẩm chính hãng xách tay, cam kết hàng thật, inbox giá tốt.',
  'Nhận gửi hàng đi Mỹ, Úc, Canada giá rẻ, liên hệ {phone}.',
  'Có ai cần gia sư toán lý hóa khu vực {q} không ạ, sinh viên Bách khoa, ib em.',
  'Quảng cáo: căn hộ cao cấp view sông, thanh toán 15% nhận nhà, chiết khấu khủng. Hotline {phone}.',
];
