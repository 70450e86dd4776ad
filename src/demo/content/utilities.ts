import type { IssueSource } from './issue-source.js';

/** Electricity: outages, bills, street lights. */
export const UTILITIES_POWER: IssueSource = {
  key: 'utilities',
  weight: 4,
  incidentWeight: 5,
  spot: 'street',
  hashtags: ['#cupdien', '#matdien', '#tiendien', '#evnhcmc', '#nangnong'],
  orgs: ['EVNHCMC', 'điện lực', 'Tổng công ty Điện lực TP.HCM', 'ngành điện'],
  complaints: [
    'Cúp điện từ sáng tới giờ ở {p}, không thông báo gì hết, nóng muốn điên.',
    'Hóa đơn tiền điện tháng này tăng gấp đôi mà xài như mọi tháng, ai giải thích giùm.',
    'Cúp điện đột xuất giữa trưa ở {q}, đồ trong tủ lạnh hư hết.',
    'Dây điện, dây cáp trên đường {street} chằng chịt, có đoạn võng xuống sát đầu người.',
    'Trụ điện trước nhà ở {p} chập cháy tóe lửa, gọi {org} nửa tiếng mới có người tới.',
    'Điện chập chờn cả tuần nay ở {q}, máy lạnh, tủ lạnh hư mấy cái rồi.',
    'Đèn đường trên đường {street} tắt cả tháng nay, tối đen như mực, rất nguy hiểm.',
    'Nắng 37 độ mà cúp điện 6 tiếng ở {q}, con nhỏ khóc cả buổi, chịu hết nổi.',
  ],
  questions: [
    'Có ai ở {p} bị cúp điện không hay chỉ nhà mình?',
    'Lịch cúp điện ngày mai ở {q} xem ở đâu vậy mọi người?',
    'Tiền điện tăng bất thường thì yêu cầu kiểm tra công tơ như thế nào?',
  ],
  praise: [
    '{Org} xử lý sự cố nhanh quá, gọi 20 phút là có điện lại. Cảm ơn anh em thợ điện.',
    'Đèn đường trên đường {street} được sửa rồi, đi tối yên tâm hơn nhiều.',
    'Điện lực báo lịch cúp điện trước 3 ngày qua Zalo, tiện ghê.',
  ],
  comments: [
    'Nhà mình cũng cúp luôn.',
    'Có điện lại rồi nha mọi người.',
    'Tiền điện tháng này ai cũng than.',
    'Gọi 1900 545454 báo sự cố thử.',
    'Nóng vậy mà cúp điện, chịu sao nổi.',
    'Phải có thông báo trước chứ.',
  ],
  titles: [
    'Mất điện diện rộng tại nhiều khu vực ở {hcm}',
    'Hóa đơn tiền điện tăng cao, khách hàng thắc mắc',
    '{Org} lên tiếng về sự cố mất điện tại {loc}',
    'Nắng nóng kỷ lục, tiêu thụ điện tại {hcm} tăng mạnh',
    'Cháy trụ điện trên đường {street}, người dân hoảng hốt',
  ],
  leads: [
    '{Ptime}, nhiều khu vực thuộc {loc} bị mất điện đột ngột, ảnh hưởng đến sinh hoạt và kinh doanh của người dân.',
    '{Ptime}, một trụ điện trên đường {street}, {loc}, bất ngờ chập cháy, khu vực xung quanh bị mất điện.',
    'Nhiều khách hàng tại {loc} phản ánh hóa đơn tiền điện kỳ này tăng bất thường.',
  ],
  details: [
    'Sự cố kéo dài khoảng {minutes}, nhiều cửa hàng phải tạm ngưng hoạt động.',
    'Nguyên nhân ban đầu được xác định do sự cố thiết bị trên lưới điện trung thế.',
    'Nhiều khách hàng phản ánh hóa đơn tiền điện tăng {num}% so với tháng trước.',
    'Công nhân điện lực đã có mặt, cô lập khu vực sự cố và thay thế thiết bị hư hỏng.',
    'Sản lượng điện tiêu thụ toàn thành phố trong ngày đạt mức cao nhất từ đầu năm.',
  ],
  quotes: [
    '{Name} nói tiệm của mình phải đóng cửa cả buổi chiều vì mất điện.',
    '“Tháng này tiền điện gần {money}, gấp đôi mọi tháng”, {name} bức xúc.',
    '“Đang nấu cơm thì nghe tiếng nổ lớn, rồi cả khu mất điện”, {name} kể.',
  ],
  officials: [
    'Đại diện {org} cho biết đã khắc phục sự cố và khôi phục cung cấp điện cho khách hàng.',
    'Tổng công ty Điện lực TP.HCM khuyến cáo khách hàng sử dụng điện tiết kiệm trong các tháng nắng nóng.',
    'EVNHCMC cho biết hóa đơn tăng do số ngày sử dụng nhiều hơn và nhu cầu làm mát tăng cao.',
  ],
  context: [
    'Vào các tháng nắng nóng, nhu cầu sử dụng điện tại TP.HCM tăng cao, ngành điện khuyến cáo người dân sử dụng điện tiết kiệm, hiệu quả, nhất là vào giờ cao điểm.',
    'Theo ngành điện, lịch tạm ngưng cung cấp điện để bảo trì, sửa chữa lưới điện được thông báo trước trên website và ứng dụng chăm sóc khách hàng.',
  ],
  english: [
    'Power has been out in our part of {en} for four hours. No notice at all.',
    'My electricity bill doubled this month. Is there a way to get the meter checked?',
    'Street lights on {street} have been dead for weeks. Pitch black at night.',
  ],
};

/** Tap water: outages, pressure, quality, burst pipes. */
export const UTILITIES_WATER: IssueSource = {
  key: 'utilities',
  weight: 3,
  incidentWeight: 3,
  spot: 'street',
  hashtags: ['#matnuoc', '#nuocsach', '#sawaco', '#cupnuoc'],
  orgs: ['SAWACO', 'công ty cấp nước', 'Tổng công ty Cấp nước Sài Gòn'],
  complaints: [
    'Mất nước 2 ngày rồi ở {q}, phải mua nước bình về tắm, {org} trả lời chờ.',
    'Nước máy ở {p} có mùi clo nồng, lại đục ngầu, không dám cho con uống.',
    'Nước yếu quá, ở tầng 2 là hết nước, phải thức dậy 3h sáng hứng nước.',
    'Vỡ ống nước trên đường {street}, nước chảy lênh láng mà khu mình lại mất nước.',
    'Hóa đơn tiền nước tăng vọt dù nhà chỉ có 2 người, {org} kiểm tra đồng hồ giùm.',
    'Khu mình ở {p} vẫn xài nước giếng khoan, nước phèn vàng khè, bao giờ mới có nước máy?',
  ],
  questions: [
    'Báo mất nước thì gọi tổng đài nào của {org} vậy ạ?',
    'Có ai ở {p} bị mất nước không mọi người?',
    'Nước máy có mùi clo thì đun sôi uống được không mọi người?',
  ],
  praise: [
    'Nước máy giờ trong và mạnh hơn hẳn từ khi thay đường ống mới ở {p}.',
    '{Org} đưa xe bồn tới tận hẻm cấp nước cho bà con, chu đáo ghê.',
    'Cuối cùng khu mình ở {q} cũng có nước máy, khỏi xài nước giếng nữa. Cảm ơn!',
  ],
  comments: [
    'Mất nước khổ lắm.',
    'Khu mình có nước lại rồi.',
    'Nhà mình cũng mất nước từ hôm qua.',
    'Gọi tổng đài 1900 6488 báo nha.',
    'Nước đục vậy sao dám xài.',
    'Mua máy lọc nước thôi chứ biết sao.',
  ],
  titles: [
    'Người dân {ward} khổ sở vì mất nước nhiều ngày',
    'Vỡ đường ống cấp nước trên đường {street}, hàng nghìn hộ bị ảnh hưởng',
    'Nước máy có mùi lạ, người dân {ward} lo lắng',
    '{Org} thông báo tạm ngưng cung cấp nước để sửa chữa đường ống',
    'Vùng ven {hcm} vẫn khát nước sạch',
  ],
  leads: [
    '{Ptime}, tuyến ống cấp nước trên đường {street}, {loc}, bị vỡ, khiến khoảng {num} hộ dân mất nước.',
    'Nhiều ngày qua, người dân {loc} phản ánh tình trạng nước yếu, mất nước vào giờ cao điểm.',
    '{Ptime}, nhiều hộ dân tại {loc} phản ánh nước máy có mùi lạ, màu đục.',
  ],
  details: [
    'Đơn vị cấp nước đã điều xe bồn chở nước sạch đến hỗ trợ người dân.',
    'Công nhân đã khẩn trương thay thế đoạn ống bị vỡ, dự kiến cấp nước trở lại vào tối cùng ngày.',
    'Nhiều hộ dân phải mua nước bình, nước đóng can để sinh hoạt.',
    'Kết quả kiểm tra mẫu nước cho thấy các chỉ tiêu vẫn trong ngưỡng cho phép.',
    'Khu vực cuối nguồn có áp lực nước thấp, đặc biệt vào giờ cao điểm buổi sáng và chiều tối.',
  ],
  quotes: [
    '“Mất nước từ hôm qua, cả nhà phải đi mua nước bình để nấu ăn”, {name} cho biết.',
    '{Name} cho biết đêm nào cũng phải thức hứng nước vì ban ngày nước rất yếu.',
    '“Nước có mùi clo nồng, tôi không dám cho cháu uống”, {name} nói.',
  ],
  officials: [
    'Tổng công ty Cấp nước Sài Gòn (SAWACO) cho biết đang điều tiết áp lực nước để hỗ trợ các khu vực cuối nguồn.',
    'Đại diện {org} cho biết đã hoàn tất sửa chữa và khôi phục cấp nước cho khách hàng.',
    'SAWACO khuyến cáo người dân trữ nước trước các đợt tạm ngưng cung cấp nước theo kế hoạch.',
  ],
  context: [
    'Hệ thống cấp nước tại một số khu vực cuối nguồn vẫn còn yếu, đơn vị cấp nước đang đầu tư thêm tuyến ống để tăng áp lực nước cho người dân.',
    'Theo SAWACO, tỷ lệ hộ dân được cấp nước sạch tại TP.HCM đã gần như tuyệt đối, nhưng tình trạng thất thoát, rò rỉ trên mạng lưới cũ vẫn còn cao.',
  ],
  english: [
    'No running water in {en} since yesterday. Anyone else?',
    'Tap water smells strongly of chlorine in {en} today. Is it safe?',
    'A water main burst on {street} this morning, the street is a river.',
  ],
};
