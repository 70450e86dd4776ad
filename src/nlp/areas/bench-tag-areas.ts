import { areaLabelKeys } from './area-label-keys.js';
import { tagAreas } from './tag-areas.js';

/**
 * Short posts as people write them (with and without diacritics, old and new names, and many with
 * no place at all), for measuring the tagger's throughput.
 */
export const BENCH_POSTS: readonly string[] = [
  'nước ngập tới đầu gối ở đường Huỳnh Tấn Phát Q7',
  'Kẹt xe kinh khủng ở Q.Bình Thạnh sáng nay, ai đi làm thì tránh nha',
  'Bệnh viện nào cũng quá tải hết.',
  'Con mình bị tay chân miệng, phòng khám gần nhà ở Q. 7 hết chỗ 💢 #suckhoe',
  'Trua nay nha hang xom o phuong An Phu Dong bi trom xe may, camera quay ro mat',
  'Ao tù sau nhà ở P.An Hội Đông muỗi nhiều như trấu, cả xóm sốt xuất huyết',
  'Nói hoài mà không ai nghe. Xem mà tức. 🥲',
  'Weekend plans in District 3? Looking for live music or a night market.',
  'Giá thuê phòng trọ ở quận 3 tăng liên tục, công nhân sống hông nổi.',
  'Mất điện diện rộng tại phường Sài Gòn (quận 1 cũ) từ trưa tới giờ',
  'Doc ma buon. Nan qua troi.',
  'Có ai có số đường dây nóng công an P. Phú Nhuận không, ở đây có đánh nhau.',
  'Dân Quận 9 lên tiếng: bộ phận một cửa ở P. Phước Long đông nghẹt',
  'Chỗ này ngày nào cũng vậy. Ủa thiệt hả? 🙄',
  'Phí quản lý chung cư tăng vô lý, ban quản trị không công khai thu chi!!!',
  'So nay goi tu xung cong an X. Binh My, co ai nhan duoc chua?',
  'ngập ở phường 12 quận Gò Vấp tới nửa bánh xe',
  'Hà Nội rét đậm, Sài Gòn thì nắng chang chang',
  'Mặt đường bong tróc, ổ gà chi chít, tối qua có người té ngay đó. #saigon',
  'Tag Quang vô coi nè. Haizz, biết nói j đây.',
  'Kẹt xe ở vòng xoay Phú Lâm ngày nào cũng ùn ứ, mong sớm hoàn thành',
  'Đừng bấm link lạ mọi người ơi. Ghê thật sự. 😓',
  'Nuoc o kenh Tham Luong den ngom, mui hoi nong nac, di ngang phai bit mui.',
  'Lịch cúp điện ngày mai ở q.3 xem ở đâu vậy mọi người?',
  'Từ quận 1 lên sân bay Tân Sơn Nhất mất gần 2 tiếng vì kẹt xe',
  'Cảm ơn mấy anh CSGT đứng điều tiết ở ngã tư Phú Nhuận',
  'TP.HCM: mưa lớn chiều nay, nhiều tuyến đường ở TP Thủ Đức ngập sâu',
  'Mình ở Bình Dương, cuối tuần về Vũng Tàu chơi',
  'Hóng diễn biến tiếp theo.',
  'Mềnh cũg nhận đk cuộc gọi y chang, lừa đảo hết á',
];

function postsPerSecond(rounds: number, work: (post: string) => unknown): number {
  const started = performance.now();
  for (let r = 0; r < rounds; r++) for (const post of BENCH_POSTS) work(post);
  const seconds = (performance.now() - started) / 1000;
  return Math.round((rounds * BENCH_POSTS.length) / seconds);
}

/**
 * Posts per second over `rounds` passes of {@link BENCH_POSTS} (after a warm-up): tagging alone,
 * and tagging followed by {@link areaLabelKeys}. Run it with
 * `node --import tsx -e "import('./src/nlp/areas/bench-tag-areas.ts').then((m) => console.log(m.benchTagAreas()))"`.
 */
export function benchTagAreas(rounds = 2000): {
  posts: number;
  tagPerSecond: number;
  tagAndKeysPerSecond: number;
} {
  const tagAndKeys = (post: string) => areaLabelKeys(tagAreas(post));
  postsPerSecond(Math.ceil(rounds / 10), tagAndKeys);
  return {
    posts: rounds * BENCH_POSTS.length,
    tagPerSecond: postsPerSecond(rounds, tagAreas),
    tagAndKeysPerSecond: postsPerSecond(rounds, tagAndKeys),
  };
}
