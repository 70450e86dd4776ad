/**
 * Operands that analysts put in topic queries, already written in the query language (phrases
 * quoted, wildcards trailing after ≥ 3 letters, hashtags, `{Exact}`), grouped by what they are.
 */
import type { IssueKey } from './content/index.js';

/** A list written as `a|b|c`, to keep long vocabularies compact. */
const list = (items: string): readonly string[] => items.split('|');

export const ISSUE_TERMS: Readonly<Record<IssueKey, readonly string[]>> = {
  flooding: list(
    'ngập|"ngập nước"|"triều cường"|ngập*|"ngập sâu"|"rốn ngập"|#ngapnuoc|#trieucuong|"nước ngập"|lụt|"mưa lớn"|"ngap nuoc"|"chống ngập"|"thoát nước"|"mưa to"|"xe chết máy"|"trieu cuong"|"nước cống"',
  ),
  traffic: list(
    '"kẹt xe"|"ket xe"|"ùn tắc"|"tai nạn"|"va chạm"|"ùn ứ"|kẹt*|#ketxe|"tắc đường"|"kẹt cứng"|"lô cốt"|"đèn tín hiệu"|"xe container"|"tai nan"|CSGT|"giao thông"|"phân luồng"|"giờ cao điểm"',
  ),
  environment: list(
    '"rác thải"|rác|"mùi hôi"|"ô nhiễm"|"khói bụi"|"bụi mịn"|"xả rác"|"đổ trộm"|"cá chết"|"kênh Nhiêu Lộc"|#racthai|"xà bần"|"tiếng ồn"|"nước thải"|"rac thai"|"o nhiem"|AQI',
  ),
  security: list(
    '"cướp giật"|"trộm xe"|trộm*|"đánh nhau"|"hỗn chiến"|cướp|"giật điện thoại"|"đua xe"|"mất trộm"|#cuopgiat|"an ninh"|"cuop giat"|"hung khí"|"giật túi"',
  ),
  construction: list(
    '"lấn chiếm"|"vỉa hè"|"lấn chiếm vỉa hè"|"xây dựng không phép"|"không phép"|"sai phép"|"trật tự đô thị"|"lan chiem"|#lanchiemviahe|"cưỡng chế"|"công trình"|"thi công"|"via he"',
  ),
  health: list(
    '"sốt xuất huyết"|SXH|"bệnh viện"|"quá tải"|BHYT|"bảo hiểm y tế"|"ngộ độc"|"tay chân miệng"|"sot xuat huyet"|#sotxuathuyet|"nằm ghép"|"y tế"|dengue|"ngộ độc thực phẩm"',
  ),
  education: list(
    '"học thêm"|"lạm thu"|"tuyển sinh"|"lớp 10"|"sĩ số"|"phụ huynh"|"học phí"|"bán trú"|trường*|#tuyensinhlop10|"dạy thêm"|"hoc them"',
  ),
  publicServices: list(
    'CCCD|"căn cước"|VNeID|"dịch vụ công"|"thủ tục hành chính"|"một cửa"|"sổ đỏ"|"hồ sơ"|"trễ hẹn"|"giấy tờ"|"dich vu cong"|1022|"cư trú"|"hành chính công"',
  ),
  utilities: list(
    '"cúp điện"|"mất điện"|"cắt điện"|"mất nước"|"cúp nước"|"tiền điện"|"hóa đơn tiền điện"|EVNHCMC|SAWACO|"nước máy"|"cup dien"|"mat nuoc"|#cupdien|"đèn đường"|"vỡ ống"',
  ),
  fraud: list(
    'lừa*|"lừa đảo"|"giả danh"|"giả danh công an"|"app vay"|"vay online"|"chuyển khoản"|OTP|"việc nhẹ lương cao"|"lua dao"|#luadao|"chiếm đoạt"|"đường link"|"tin nhắn giả"|scam*|"tiền ảo"',
  ),
  housing: list(
    '"sổ hồng"|"chung cư"|"nhà ở xã hội"|"giải tỏa"|"đền bù"|"bồi thường"|"quy hoạch treo"|"phòng trọ"|"chung cư cũ"|"tái định cư"|"phí quản lý"|"so hong"',
  ),
  welfare: list(
    '"hộ nghèo"|"cận nghèo"|"trợ cấp"|"vô gia cư"|"từ thiện"|"cơm 0 đồng"|"an sinh"|"neo đơn"|"nhà tình thương"|"bảo trợ xã hội"|"tu thien"',
  ),
  daily: list(
    '"phố đi bộ"|"pháo hoa"|"nắng nóng"|metro|"metro số 1"|"ăn uống"|"cơm tấm"|"bánh mì"|"lễ hội"|"đường hoa"|#saigonfood|"thời tiết"|"cà phê"|"quán ăn"',
  ),
};

/** Issue words in English, for `lang:en` topics. */
export const ENGLISH_TERMS: readonly string[] = list(
  'flood*|flooding|"traffic jam"|scam*|"power outage"|"air quality"|dengue|robbery|"bag snatching"|"water outage"|construction|pollution|crash',
);

/** The city itself. */
export const CITY_TERMS: readonly string[] = list(
  '{TP.HCM}|"Sài Gòn"|HCM|"TP HCM"|TPHCM|"thành phố Hồ Chí Minh"|Saigon|{HCMC}|"Sai Gon"|"Hồ Chí Minh"',
);

/** Brands, companies, agencies and projects people follow. */
export const ORG_TERMS: readonly string[] = list(
  'EVNHCMC|SAWACO|"Chợ Rẫy"|"Nhi Đồng 1"|Vietcombank|Techcombank|MoMo|ZaloPay|Shopee|Lazada|"TikTok Shop"|Grab|"Xanh SM"|Vinhomes|Vinhome?|"Thủ Thiêm"|"Landmark 81"|"metro số 1"|"bến xe Miền Đông"|"Long Thành"|VinFast|"Bách Hóa Xanh"|"Thế Giới Di Động"|"Co.opmart"|FPT|Viettel|VNPT|"Sở Xây dựng"|"Công an TP.HCM"|"UBND TP.HCM"|"Sở Y tế"|"Sở GD-ĐT"|HCDC|Shope?|"Bình Điền"|"Aeon Mall"|"Crescent Mall"|"Giga Mall"|"Vạn Hạnh Mall"|{EVN}|BIDV|"MB Bank"|ACB|Sacombank|VPBank|"Becamex"|"Đầm Sen"',
);

/** Roles and offices that appear in complaints about officials. */
export const ROLE_TERMS: readonly string[] = list(
  '"chủ tịch UBND"|"công an phường"|"tổ dân phố"|"cán bộ"|"thanh tra"|"trưởng khu phố"|"bộ phận một cửa"|"cảnh sát giao thông"',
);

/** What analysts exclude: ads, jobs, real estate spam. */
export const NEGATIVE_TERMS: readonly string[] = list(
  '"quảng cáo"|inbox|"giá tốt"|"tuyển dụng"|"bán đất"|"khuyến mãi"|livestream|"cho thuê"|ib|sale|freeship|"chính chủ"|"quang cao"|"tuyển cộng tác viên"|minigame|"đăng ký ngay"',
);

export const SITES: readonly string[] = list(
  'vnexpress.net|tuoitre.vn|thanhnien.vn|nld.com.vn|sggp.org.vn|plo.vn|dantri.com.vn|vietnamnet.vn|laodong.vn|vtv.vn|znews.vn',
);

export const QUERY_PLATFORMS: readonly string[] = list(
  'facebook|youtube|tiktok|zalo|x|news|forum|reddit|instagram',
);

export const MENTION_TERMS: readonly string[] = list(
  '@congan.tphcm|@vnexpress|@tuoitre|@evnhcmc|@sawaco|@ubnd.tphcm|@thanhnien',
);

export const TITLE_PHRASES: readonly string[] = list(
  '"điểm báo"|"tin nóng"|"phản ánh"|"kẹt xe"|ngập|"cảnh báo"|"điểm tin"|"lừa đảo"|"cúp điện"|"triều cường"',
);

export const AUTHOR_TERMS: readonly string[] = list(
  '"Tuổi Trẻ"|VnExpress|"Thanh Niên"|"Người Lao Động"|SGGP|"Pháp Luật TP.HCM"|"Dân Trí"|"Tin Nóng Sài Gòn"|"Công an TP.HCM"',
);

/** Very common syllables: queries built only from these stress a matcher's candidate step. */
export const COMMON_SYLLABLES: readonly string[] = list(
  'nhà|quận|người|dân|đường|phường|xe|thành|phố|không|có|được|làm|mới|cho|ngày|năm|tiền|công|việc|đi|sáng|chiều|mưa',
);

export const SENTIMENTS: readonly string[] = list('negative|neutral|positive|"tiêu cực"');
