/**
 * Raw place data of Ho Chi Minh City for the demo generator: the former districts (before the
 * July 2025 reform, as people still name them), the new wards/communes that took most of each
 * one's area (from the dvhcvn merge tables in shared/data/gazetteer), and real streets, flood
 * spots, traffic hot spots and landmarks. Lists are comma-separated to keep the file readable.
 */
export interface DistrictSpec {
  /** `Quận ${name}` for numbers, otherwise the district's own name. */
  name: string;
  unit: 'quận' | 'huyện' | 'TP' | 'tỉnh';
  /** Short forms people type ("BT", "GV"), if any. */
  abbr?: string;
  /** New wards (phường) or communes (xã, prefixed "xã ") after 2025. */
  wards: string;
  streets: string;
  landmarks: string;
  /** Streets known to flood ("rốn ngập"), written as after "ở"/"tại". */
  flood?: string;
  /** Traffic hot spots, written as after "ở"/"tại". */
  traffic?: string;
  /** Canals and rivers through the district, if any. */
  canals?: string;
  /** Relative weight of how often the district is talked about. */
  weight: number;
}

export const DISTRICT_SPECS: readonly DistrictSpec[] = [
  {
    name: '1',
    unit: 'quận',
    wards: 'Bến Thành, Sài Gòn, Tân Định, Cầu Ông Lãnh',
    streets:
      'Nguyễn Huệ, Lê Lợi, Đồng Khởi, Hai Bà Trưng, Lê Duẩn, Tôn Đức Thắng, Nguyễn Thị Minh Khai, Trần Hưng Đạo, Cống Quỳnh, Bùi Viện, Đinh Tiên Hoàng, Hàm Nghi, Calmette, Pasteur, Lý Tự Trọng, Nguyễn Trãi',
    landmarks:
      'chợ Bến Thành, phố đi bộ Nguyễn Huệ, Nhà thờ Đức Bà, Bưu điện Thành phố, công viên 23/9, bến Bạch Đằng, ga metro Ba Son, công viên Tao Đàn, Dinh Độc Lập, phố Tây Bùi Viện, chợ Tân Định',
    flood: 'đường Nguyễn Thái Bình, đường Trần Đình Xu, đường Nguyễn Cư Trinh',
    traffic: 'đường Nguyễn Thị Minh Khai, đường Hàm Nghi, đường Tôn Đức Thắng, cầu Ông Lãnh',
    canals: 'rạch Bến Nghé',
    weight: 9,
  },
  {
    name: '2',
    unit: 'quận',
    wards: 'An Khánh, Bình Trưng, Cát Lái',
    streets:
      'Xuân Thủy, Nguyễn Văn Hưởng, Lương Định Của, Trần Não, Mai Chí Thọ, Nguyễn Cơ Thạch, Đồng Văn Cống, Nguyễn Thị Định, Quốc Hương, Thảo Điền',
    landmarks:
      'khu đô thị Thủ Thiêm, cầu Thủ Thiêm, hầm Thủ Thiêm, khu Thảo Điền, ga metro Thảo Điền, khu đô thị Sala, cảng Cát Lái, Vincom Mega Mall Thảo Điền',
    flood: 'đường Lương Định Của, đường Thảo Điền, đường Nguyễn Văn Hưởng, đường Trần Não',
    traffic: 'nút giao An Phú, hầm Thủ Thiêm, đường Mai Chí Thọ, cầu Thủ Thiêm, cảng Cát Lái',
    canals: 'rạch Cá Trê, sông Sài Gòn',
    weight: 5,
  },
  {
    name: '3',
    unit: 'quận',
    wards: 'Xuân Hòa, Nhiêu Lộc, Bàn Cờ',
    streets:
      'Võ Văn Tần, Nam Kỳ Khởi Nghĩa, Cách Mạng Tháng Tám, Nguyễn Đình Chiểu, Trần Quốc Thảo, Lê Văn Sỹ, Kỳ Đồng, Võ Thị Sáu, Trương Định, Bà Huyện Thanh Quan',
    landmarks:
      'hồ Con Rùa, chợ Bàn Cờ, chùa Vĩnh Nghiêm, kênh Nhiêu Lộc - Thị Nghè, Bệnh viện Bình Dân, công viên Lê Văn Tám',
    flood: 'đường Trường Sa, đường Hoàng Sa, đường Lê Văn Sỹ',
    traffic: 'đường Cách Mạng Tháng Tám, đường Nam Kỳ Khởi Nghĩa, đường Nguyễn Đình Chiểu',
    canals: 'kênh Nhiêu Lộc - Thị Nghè',
    weight: 6,
  },
  {
    name: '4',
    unit: 'quận',
    wards: 'Xóm Chiếu, Khánh Hội, Vĩnh Hội',
    streets:
      'Khánh Hội, Hoàng Diệu, Tôn Đản, Nguyễn Tất Thành, Bến Vân Đồn, Đoàn Văn Bơ, Nguyễn Khoái, Vĩnh Khánh',
    landmarks: 'phố ẩm thực Vĩnh Khánh, cầu Khánh Hội, bến Nhà Rồng, cảng Sài Gòn, chợ Xóm Chiếu',
    flood: 'đường Bến Vân Đồn, đường Đoàn Văn Bơ',
    traffic: 'cầu Khánh Hội, đường Nguyễn Tất Thành, đường Khánh Hội',
    canals: 'kênh Tẻ, rạch Bến Nghé',
    weight: 3,
  },
  {
    name: '5',
    unit: 'quận',
    wards: 'Chợ Quán, An Đông, Chợ Lớn',
    streets:
      'An Dương Vương, Hùng Vương, Châu Văn Liêm, Hải Thượng Lãn Ông, Nguyễn Tri Phương, Trần Phú, Lê Hồng Phong, Nguyễn Chí Thanh, Ngô Quyền, Trần Hưng Đạo',
    landmarks:
      'khu Chợ Lớn, chợ An Đông, Bệnh viện Chợ Rẫy, Bệnh viện Đại học Y Dược, phố Hải Thượng Lãn Ông, chùa Bà Thiên Hậu',
    flood: 'đường Nguyễn Chí Thanh, đường Ngô Quyền',
    traffic: 'đường Nguyễn Tri Phương, đường Hùng Vương, đường Nguyễn Chí Thanh',
    canals: 'kênh Tàu Hủ',
    weight: 4,
  },
  {
    name: '6',
    unit: 'quận',
    wards: 'Phú Lâm, Bình Phú, Bình Tây, Bình Tiên',
    streets:
      'Hậu Giang, Kinh Dương Vương, Hồng Bàng, Tháp Mười, Bình Phú, Lò Gốm, Bà Hom, Văn Thân',
    landmarks: 'chợ Bình Tây, công viên Phú Lâm, bến xe Chợ Lớn, công viên Bình Phú',
    flood: 'đường Kinh Dương Vương, đường Hậu Giang, đường Lò Gốm',
    traffic: 'vòng xoay Phú Lâm, đường Hậu Giang, đường Kinh Dương Vương',
    canals: 'kênh Tân Hóa - Lò Gốm, kênh Hàng Bàng',
    weight: 3,
  },
  {
    name: '7',
    unit: 'quận',
    wards: 'Tân Mỹ, Tân Hưng, Tân Thuận, Phú Thuận',
    streets:
      'Huỳnh Tấn Phát, Nguyễn Văn Linh, Nguyễn Thị Thập, Nguyễn Hữu Thọ, Lê Văn Lương, Trần Xuân Soạn, Nguyễn Lương Bằng, Tân Mỹ, Lâm Văn Bền, Phạm Hữu Lầu',
    landmarks:
      'khu Phú Mỹ Hưng, cầu Kênh Tẻ, cầu Phú Mỹ, Crescent Mall, SC VivoCity, cầu Ánh Sao, khu chế xuất Tân Thuận, Lotte Mart quận 7',
    flood: 'đường Huỳnh Tấn Phát, đường Trần Xuân Soạn, đường Lê Văn Lương, đường Nguyễn Thị Thập',
    traffic: 'đường Nguyễn Văn Linh, cầu Kênh Tẻ, đường Huỳnh Tấn Phát, cầu Tân Thuận',
    canals: 'kênh Tẻ, rạch Ông Lớn',
    weight: 8,
  },
  {
    name: '8',
    unit: 'quận',
    wards: 'Chánh Hưng, Bình Đông, Phú Định',
    streets:
      'Phạm Thế Hiển, Tạ Quang Bửu, Dương Bá Trạc, Âu Dương Lân, Hưng Phú, Bến Bình Đông, Phạm Hùng, Bùi Minh Trực, Quốc lộ 50',
    landmarks: 'chợ Xóm Củi, cầu chữ Y, kênh Đôi, cầu Nhị Thiên Đường, chợ Rạch Ông',
    flood: 'đường Phạm Thế Hiển, đường Bến Bình Đông, đường Quốc lộ 50',
    traffic: 'cầu chữ Y, đường Phạm Hùng, đường Quốc lộ 50',
    canals: 'kênh Đôi, kênh Tàu Hủ, rạch Ụ Cây',
    weight: 4,
  },
  {
    name: '9',
    unit: 'quận',
    wards: 'Long Bình, Tăng Nhơn Phú, Phước Long, Long Phước, Long Trường',
    streets:
      'Lê Văn Việt, Đỗ Xuân Hợp, Nguyễn Duy Trinh, Lã Xuân Oai, Man Thiện, Lò Lu, Nguyễn Xiển',
    landmarks:
      'Vinhomes Grand Park, khu công nghệ cao, khu du lịch Suối Tiên, Vincom Lê Văn Việt, bến xe Miền Đông mới',
    flood: 'đường Lê Văn Việt, đường Nguyễn Duy Trinh, đường Đỗ Xuân Hợp',
    traffic: 'đường Lê Văn Việt, Xa lộ Hà Nội, bến xe Miền Đông mới',
    canals: 'sông Tắc',
    weight: 4,
  },
  {
    name: '10',
    unit: 'quận',
    wards: 'Hòa Hưng, Diên Hồng, Vườn Lài',
    streets:
      'Ba Tháng Hai, Sư Vạn Hạnh, Lý Thường Kiệt, Thành Thái, Tô Hiến Thành, Lý Thái Tổ, Hòa Hảo, Ngô Gia Tự',
    landmarks:
      'Vạn Hạnh Mall, chợ Hòa Hưng, chợ Nhật Tảo, Bệnh viện Nhân dân 115, Trường Đại học Bách khoa',
    flood: 'đường Thành Thái, đường Tô Hiến Thành',
    traffic: 'vòng xoay Dân Chủ, đường Ba Tháng Hai, đường Lý Thái Tổ',
    weight: 4,
  },
  {
    name: '11',
    unit: 'quận',
    wards: 'Hòa Bình, Phú Thọ, Bình Thới, Minh Phụng',
    streets:
      'Lãnh Binh Thăng, Lạc Long Quân, Minh Phụng, Ông Ích Khiêm, Lê Đại Hành, Bình Thới, Lữ Gia',
    landmarks: 'công viên Đầm Sen, chợ Bình Thới, sân vận động Phú Thọ, chùa Giác Viên',
    flood: 'đường Lạc Long Quân, đường Bình Thới',
    traffic: 'đường Lạc Long Quân, đường Lê Đại Hành',
    canals: 'kênh Tân Hóa - Lò Gốm',
    weight: 3,
  },
  {
    name: '12',
    unit: 'quận',
    wards: 'An Phú Đông, Thới An, Tân Thới Hiệp, Trung Mỹ Tây, Đông Hưng Thuận',
    streets:
      'Hà Huy Giáp, Nguyễn Ảnh Thủ, Tô Ký, Lê Văn Khương, Tân Chánh Hiệp, Thạnh Xuân, Lê Thị Riêng, Nguyễn Văn Quá',
    landmarks:
      'công viên phần mềm Quang Trung, chợ Hiệp Thành, cầu An Phú Đông, cầu vượt Quang Trung',
    flood: 'đường Nguyễn Văn Quá, đường Hà Huy Giáp, đường Lê Văn Khương',
    traffic: 'ngã tư An Sương, ngã tư Ga, Quốc lộ 1A',
    canals: 'kênh Tham Lương, rạch Bến Cát',
    weight: 5,
  },
  {
    name: 'Bình Thạnh',
    unit: 'quận',
    abbr: 'BT',
    wards: 'Bình Thạnh, Gia Định, Thạnh Mỹ Tây, Bình Lợi Trung, Bình Quới',
    streets:
      'Xô Viết Nghệ Tĩnh, Điện Biên Phủ, Đinh Bộ Lĩnh, Ung Văn Khiêm, Nguyễn Hữu Cảnh, Bạch Đằng, Phan Đăng Lưu, Nơ Trang Long, Nguyễn Xí, Bình Quới, Phan Văn Trị, D2, Nguyễn Gia Trí',
    landmarks:
      'Landmark 81, bến xe Miền Đông cũ, chợ Bà Chiểu, Lăng Ông Bà Chiểu, cầu Bình Triệu, cầu Thị Nghè, Vinhomes Central Park, khu du lịch Bình Quới',
    flood:
      'đường Nguyễn Hữu Cảnh, đường Ung Văn Khiêm, đường Đinh Bộ Lĩnh, đường Nguyễn Xí, đường Bình Quới',
    traffic:
      'vòng xoay Hàng Xanh, ngã tư Hàng Xanh, cầu Sài Gòn, đường Điện Biên Phủ, đường Xô Viết Nghệ Tĩnh',
    canals: 'kênh Nhiêu Lộc - Thị Nghè, rạch Xuyên Tâm, rạch Cầu Sơn',
    weight: 9,
  },
  {
    name: 'Gò Vấp',
    unit: 'quận',
    abbr: 'GV',
    wards: 'Gò Vấp, Hạnh Thông, An Nhơn, An Hội Đông, An Hội Tây, Thông Tây Hội',
    streets:
      'Phạm Văn Đồng, Quang Trung, Nguyễn Oanh, Phan Văn Trị, Lê Đức Thọ, Nguyễn Văn Lượng, Nguyễn Kiệm, Thống Nhất, Nguyễn Thái Sơn, Dương Quảng Hàm',
    landmarks: 'ngã sáu Gò Vấp, chợ Gò Vấp, Emart Phan Huy Ích, công viên Làng hoa Gò Vấp',
    flood: 'đường Nguyễn Văn Lượng, đường Lê Đức Thọ, đường Quang Trung',
    traffic: 'đường Phạm Văn Đồng, đường Nguyễn Oanh, ngã sáu Gò Vấp, đường Quang Trung',
    canals: 'rạch Xuyên Tâm, rạch Bến Cát',
    weight: 7,
  },
  {
    name: 'Phú Nhuận',
    unit: 'quận',
    abbr: 'PN',
    wards: 'Phú Nhuận, Đức Nhuận, Cầu Kiệu',
    streets:
      'Phan Đình Phùng, Phan Xích Long, Nguyễn Văn Trỗi, Hoàng Văn Thụ, Huỳnh Văn Bánh, Trần Huy Liệu, Hồ Văn Huê, Phan Đăng Lưu',
    landmarks: 'chợ Phú Nhuận, ngã tư Phú Nhuận, cầu Kiệu, khu ẩm thực Phan Xích Long',
    flood: 'đường Huỳnh Văn Bánh, đường Phan Xích Long',
    traffic: 'ngã tư Phú Nhuận, đường Nguyễn Văn Trỗi, đường Phan Đăng Lưu',
    canals: 'kênh Nhiêu Lộc - Thị Nghè',
    weight: 4,
  },
  {
    name: 'Tân Bình',
    unit: 'quận',
    abbr: 'TB',
    wards: 'Tân Bình, Tân Sơn Nhất, Tân Sơn Hòa, Bảy Hiền, Tân Hòa, Tân Sơn',
    streets:
      'Cộng Hòa, Trường Chinh, Hoàng Văn Thụ, Trường Sơn, Hoàng Hoa Thám, Lý Thường Kiệt, Út Tịch, Phổ Quang, Bàu Cát, Âu Cơ',
    landmarks:
      'sân bay Tân Sơn Nhất, nhà ga T3 Tân Sơn Nhất, chợ Tân Bình, công viên Hoàng Văn Thụ, Etown Cộng Hòa',
    flood: 'đường Trường Sơn, đường Bàu Cát, đường Phổ Quang',
    traffic:
      'đường Cộng Hòa, đường Trường Chinh, đường Trường Sơn, sân bay Tân Sơn Nhất, vòng xoay Lăng Cha Cả, ngã tư Bảy Hiền',
    canals: 'kênh Nhiêu Lộc - Thị Nghè, kênh Tham Lương',
    weight: 8,
  },
  {
    name: 'Tân Phú',
    unit: 'quận',
    wards: 'Tân Phú, Tây Thạnh, Tân Sơn Nhì, Phú Thọ Hòa, Phú Thạnh',
    streets:
      'Lũy Bán Bích, Âu Cơ, Tân Kỳ Tân Quý, Tân Hương, Thoại Ngọc Hầu, Lê Trọng Tấn, Độc Lập',
    landmarks: 'Aeon Mall Tân Phú, chợ Tân Hương, khu công nghiệp Tân Bình, Bệnh viện quận Tân Phú',
    flood: 'đường Tân Kỳ Tân Quý, đường Lũy Bán Bích',
    traffic: 'đường Lũy Bán Bích, đường Âu Cơ, đường Tân Kỳ Tân Quý',
    canals: 'kênh Tân Hóa - Lò Gốm, kênh Tham Lương',
    weight: 4,
  },
  {
    name: 'Bình Tân',
    unit: 'quận',
    wards: 'Bình Tân, Bình Hưng Hòa, Bình Trị Đông, Tân Tạo, An Lạc',
    streets:
      'Kinh Dương Vương, Tên Lửa, Tỉnh lộ 10, Mã Lò, Hồ Học Lãm, Lê Văn Quới, Bình Long, Phan Anh',
    landmarks: 'bến xe Miền Tây, Aeon Mall Bình Tân, khu công nghiệp Tân Tạo, chợ Bình Trị Đông',
    flood: 'đường Kinh Dương Vương, đường Tên Lửa, đường Phan Anh, đường Tỉnh lộ 10',
    traffic: 'vòng xoay An Lạc, bến xe Miền Tây, Quốc lộ 1A, đường Kinh Dương Vương',
    canals: 'kênh Tham Lương - Bến Cát, kênh 19/5',
    weight: 5,
  },
  {
    name: 'Thủ Đức',
    unit: 'TP',
    abbr: 'TĐ',
    wards: 'Thủ Đức, Linh Xuân, Tam Bình, Hiệp Bình',
    streets:
      'Võ Văn Ngân, Kha Vạn Cân, Phạm Văn Đồng, Quốc lộ 13, Tô Ngọc Vân, Đặng Văn Bi, Hiệp Bình, Linh Trung, Hoàng Diệu 2',
    landmarks:
      'ngã tư Thủ Đức, chợ Thủ Đức, Làng Đại học Thủ Đức, ga metro Thủ Đức, Giga Mall, cầu Rạch Chiếc, ngã tư Bình Phước',
    flood: 'Quốc lộ 13, đường Tô Ngọc Vân, đường Đặng Văn Bi, đường Kha Vạn Cân, đường Hiệp Bình',
    traffic: 'ngã tư Thủ Đức, Xa lộ Hà Nội, Quốc lộ 13, nút giao Bình Phước, đường Phạm Văn Đồng',
    canals: 'rạch Gò Dưa',
    weight: 8,
  },
  {
    name: 'Củ Chi',
    unit: 'huyện',
    wards:
      'xã Củ Chi, xã Tân An Hội, xã An Nhơn Tây, xã Nhuận Đức, xã Thái Mỹ, xã Phú Hòa Đông, xã Bình Mỹ',
    streets: 'Quốc lộ 22, Tỉnh lộ 8, Tỉnh lộ 15, Nguyễn Thị Rành, Tỉnh lộ 2',
    landmarks:
      'địa đạo Củ Chi, chợ Củ Chi, khu công nghiệp Tây Bắc Củ Chi, khu liên hợp xử lý chất thải Tây Bắc',
    flood: 'Tỉnh lộ 15, đường Nguyễn Thị Rành',
    traffic: 'Quốc lộ 22, Tỉnh lộ 8',
    canals: 'kênh Đông',
    weight: 2,
  },
  {
    name: 'Hóc Môn',
    unit: 'huyện',
    wards: 'xã Hóc Môn, xã Bà Điểm, xã Đông Thạnh, xã Xuân Thới Sơn',
    streets:
      'Quốc lộ 22, Lê Văn Khương, Nguyễn Ảnh Thủ, Đặng Thúc Vịnh, Phan Văn Hớn, Trần Văn Mười',
    landmarks: 'chợ Hóc Môn, chợ đầu mối Hóc Môn, ngã ba Bà Điểm',
    flood: 'đường Đặng Thúc Vịnh, đường Nguyễn Ảnh Thủ',
    traffic: 'Quốc lộ 22, ngã tư An Sương',
    canals: 'rạch Tra',
    weight: 2,
  },
  {
    name: 'Bình Chánh',
    unit: 'huyện',
    wards:
      'xã Bình Chánh, xã Vĩnh Lộc, xã Tân Vĩnh Lộc, xã Tân Nhựt, xã Bình Lợi, xã Bình Hưng, xã Hưng Long',
    streets:
      'Quốc lộ 1A, Nguyễn Văn Linh, Vĩnh Lộc, Đinh Đức Thiện, Trần Văn Giàu, Quách Điêu, Nguyễn Hữu Trí',
    landmarks:
      'chợ đầu mối Bình Điền, khu dân cư Trung Sơn, bãi rác Đa Phước, khu công nghiệp Lê Minh Xuân',
    flood: 'đường Vĩnh Lộc, đường Quách Điêu, khu dân cư Trung Sơn',
    traffic: 'Quốc lộ 1A, đường Nguyễn Văn Linh, cầu Bình Điền',
    canals: 'kênh An Hạ',
    weight: 3,
  },
  {
    name: 'Nhà Bè',
    unit: 'huyện',
    wards: 'xã Nhà Bè, xã Hiệp Phước',
    streets:
      'Huỳnh Tấn Phát, Nguyễn Hữu Thọ, Lê Văn Lương, Nguyễn Bình, Nguyễn Văn Tạo, Đào Sư Tích',
    landmarks: 'phà Bình Khánh, khu công nghiệp Hiệp Phước, cảng Hiệp Phước',
    flood: 'đường Huỳnh Tấn Phát, đường Lê Văn Lương, đường Đào Sư Tích',
    traffic: 'đường Nguyễn Hữu Thọ, đường Huỳnh Tấn Phát, phà Bình Khánh',
    canals: 'sông Nhà Bè, rạch Dơi',
    weight: 3,
  },
  {
    name: 'Cần Giờ',
    unit: 'huyện',
    wards: 'xã Cần Giờ, xã Bình Khánh, xã An Thới Đông, xã Thạnh An',
    streets: 'Rừng Sác, Duyên Hải, Lương Văn Nho, Đào Cử',
    landmarks: 'biển Cần Thạnh, rừng Sác, đảo khỉ Cần Giờ, chợ Hàng Dương',
    flood: 'đường Duyên Hải, đường Rừng Sác',
    traffic: 'đường Rừng Sác, phà Bình Khánh',
    canals: 'sông Lòng Tàu',
    weight: 1,
  },
  {
    name: 'Bình Dương',
    unit: 'tỉnh',
    wards: 'Thủ Dầu Một, Dĩ An, Thuận An, Lái Thiêu, Bình Dương',
    streets: 'Đại lộ Bình Dương, Yersin, Cách Mạng Tháng Tám, Quốc lộ 1K, Mỹ Phước Tân Vạn',
    landmarks: 'chợ Thủ Dầu Một, ga Dĩ An, Becamex Tower, khu công nghiệp VSIP',
    flood: 'Quốc lộ 1K, đường Mỹ Phước Tân Vạn',
    traffic: 'Quốc lộ 1K, ngã tư 550, đường Mỹ Phước Tân Vạn',
    canals: 'kênh Ba Bò',
    weight: 2,
  },
  {
    name: 'Bà Rịa - Vũng Tàu',
    unit: 'tỉnh',
    wards: 'Vũng Tàu, Bà Rịa, Tam Thắng, Rạch Dừa, Phước Thắng',
    streets: 'Thùy Vân, Hạ Long, Trần Phú, Ba Cu, Lê Hồng Phong',
    landmarks: 'Bãi Sau, Bãi Trước, tượng Chúa Kitô Vua, ngọn hải đăng Vũng Tàu',
    flood: 'đường Lê Hồng Phong, đường Ba Cu',
    traffic: 'Quốc lộ 51, đường Thùy Vân',
    canals: 'kênh Bến Đình',
    weight: 1,
  },
];
