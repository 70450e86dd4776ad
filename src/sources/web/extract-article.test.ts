import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { extractArticle } from './extract-article.js';
import type { ExtractedArticle } from './extract-article.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../../test/fixtures/web/${name}`, import.meta.url), 'utf8');
}

function extract(name: string, url = `https://example.vn/${name}`): ExtractedArticle {
  const article = extractArticle(fixture(name), url);
  assert.ok(article !== undefined, `${name}: no article found`);
  return article;
}

function assertExcludes(text: string, junk: readonly string[]): void {
  for (const phrase of junk) assert.ok(!text.includes(phrase), `text holds "${phrase}"`);
}

describe('extractArticle on Vietnamese news pages', () => {
  it('reads a VnExpress article: lead first, body, no comments, tags or related links', () => {
    const article = extract('vnexpress-article.html');
    assert.equal(article.title, 'Hà Nội phân luồng giao thông quanh hồ Hoàn Kiếm dịp cuối tuần');
    assert.equal(article.publishedAt, '2026-11-23T01:30:00.000Z');
    assert.equal(article.author, 'Võ Hải');
    assert.equal(article.imageUrl, 'https://i1-vnexpress.vnecdn.net/2026/11/23/ho-guom-1.jpg');
    assert.ok(article.text.startsWith('Hà Nội - Từ 19h thứ sáu đến 24h chủ nhật, xe ôtô'));
    assert.ok(article.text.endsWith('ông Minh nói.\n\nVõ Hải'));
    assert.ok(article.text.includes('biển báo tạm được lắp từ chiều thứ sáu & gỡ bỏ'));
    assert.equal(article.text.split('\n\n').length, 6);
    assertExcludes(article.text, [
      'Ý kiến',
      'Nên mở rộng thêm bãi gửi xe',
      'Tin liên quan',
      'Cấm xe quanh hồ Gươm dịp Quốc khánh',
      'Chia sẻ Facebook',
      'Xem nhiều',
      'giao thông Hà Nội',
      'Ảnh: Giang Huy',
      'Góc nhìn',
      'dataLayer',
      'line-height',
    ]);
  });

  it('reads a Tuổi Trẻ article: sapo, #main-detail-body, no inline related box or caption', () => {
    const article = extract('tuoitre-article.html', 'https://tuoitre.vn/da-nang-xe-buyt-dien.htm');
    assert.equal(article.title, 'Đà Nẵng thử nghiệm xe buýt điện nối sân bay với bãi biển Mỹ Khê');
    assert.equal(article.publishedAt, '2026-11-22T07:05:00.000Z');
    assert.equal(article.author, 'TUOI TRE ONLINE');
    assert.equal(
      article.imageUrl,
      'https://cdn2.tuoitre.vn/thumb_w/1200/471584752817336320/2026/11/22/xe-buyt-dien-da-nang.jpg',
    );
    assert.ok(article.text.startsWith('TTO - Từ ngày 1-12, Đà Nẵng đưa vào chạy thử'));
    assert.ok(article.text.endsWith('giảm ùn tắc và khí thải ở khu vực trung tâm.'));
    assertExcludes(article.text, [
      'Đà Nẵng mở thêm 3 tuyến buýt',
      'Ảnh: ĐOÀN NHẠN',
      'Bình luận',
      'Chia sẻ',
      'Giấy phép',
      'Kinh doanh',
    ]);
  });

  it('reads a Thanh Niên article with its date from <time datetime> and no "Xem thêm" link', () => {
    const article = extract('thanhnien-article.html');
    assert.equal(article.title, 'TP.HCM: Người dân phản ánh ngập nặng sau cơn mưa chiều qua');
    assert.equal(article.publishedAt, '2026-11-22T14:05:00.000Z');
    assert.equal(article.author, undefined);
    assert.ok(article.text.startsWith('Cơn mưa lớn kéo dài gần 2 giờ chiều 22.11'));
    assert.ok(article.text.includes('"Tôi đi làm về mất gần 2 tiếng'));
    assert.ok(article.text.endsWith('P.Hiệp Bình Chánh vẫn còn ngập.'));
    assertExcludes(article.text, [
      'Xem thêm',
      'chống ngập nghìn tỉ',
      'Cần sớm nạo vét',
      'mưa lớn\n',
    ]);
  });

  it('reads a Dân Trí article: JSON-LD @graph with several authors', () => {
    const article = extract('dantri-article.html');
    assert.equal(article.title, 'Hải Phòng khánh thành cầu vượt biển nối Cát Hải');
    assert.equal(article.publishedAt, '2026-11-22T23:00:00.000Z');
    assert.equal(article.author, 'Hoàng Mạnh, Minh Nhật');
    assert.ok(article.text.startsWith('(Dân trí) - Cây cầu dài 5,4km'));
    assert.ok(article.text.endsWith('nay chỉ mất vài phút đi xe máy.'));
    assertExcludes(article.text, [
      'Tin liên quan',
      'Xã hội',
      'Cầu vượt biển nhìn từ trên cao',
      'rét đậm',
    ]);
  });

  it('reads a VietnamNet article whose JSON-LD has a raw newline inside a string', () => {
    const article = extract('vietnamnet-article.html');
    assert.equal(article.title, 'Giá điện sinh hoạt tăng từ tháng 12');
    assert.equal(article.publishedAt, '2026-11-23T03:45:00.000Z');
    assert.equal(article.author, 'Tâm An');
    assert.equal(
      article.imageUrl,
      'https://static-images.vnncdn.net/files/publish/2026/11/23/gia-dien.jpg',
    );
    assert.ok(article.text.startsWith('Tập đoàn Điện lực Việt Nam (EVN) vừa công bố'));
    assert.ok(article.text.endsWith('qua ứng dụng EVNCSKH.\n\nTâm An'));
    assertExcludes(article.text, ['Chia sẻ', 'Lương không tăng', 'Xăng dầu', 'giá điện\n']);
  });
});

describe('extractArticle on other pages', () => {
  it('reads a WordPress post: entities decoded, subheadings kept, share and related boxes gone', () => {
    const article = extract('wordpress-post.html', 'https://dulichnho.vn/an-gi-o-hoi-an/');
    assert.equal(article.title, 'Ăn gì ở Hội An: 7 món phải thử');
    assert.equal(article.publishedAt, '2026-11-20T03:15:00.000Z');
    assert.equal(article.author, 'Minh Anh');
    assert.equal(
      article.imageUrl,
      'https://dulichnho.vn/wp-content/uploads/2026/11/cao-lau-hoi-an.jpg',
    );
    assert.ok(
      article.text.startsWith('Hội An không chỉ có phố cổ đèn lồng mà còn là “thiên đường”'),
    );
    assert.ok(article.text.includes('kèm địa chỉ quen thuộc.\n\n1. Cao lầu\n\nSợi cao lầu vàng'));
    assert.ok(article.text.endsWith('luôn đông khách vào buổi trưa…'));
    assertExcludes(article.text, [
      'Chia sẻ',
      'Có liên quan',
      'Lịch trình Đà Nẵng',
      'bình luận',
      'Bài viết mới',
      'Miền Bắc',
      '&#8220;',
      '\u00A0',
    ]);
  });

  it('finds the body by scoring on a portal page with menus, link boxes and "other news"', () => {
    const article = extract('heavy-nav-article.html');
    assert.equal(article.publishedAt, '2026-11-23T00:15:00.000Z');
    assert.equal(article.author, 'Thu Hà');
    assert.ok(article.text.startsWith('(CTO) - Sáng 23/11, UBND quận Cái Răng khởi công'));
    assert.ok(article.text.endsWith('điểm đến nổi bật của du lịch Cần Thơ.\n\nThu Hà'));
    assertExcludes(article.text, [
      'Cập nhật',
      'Trang chủ',
      'Nông nghiệp',
      'Cổng dịch vụ công',
      'Các tin khác',
      'Khánh thành cầu Trần Hoàng Na',
      'Thăm dò ý kiến',
      'Thời tiết',
      'In bài viết',
      'Bản quyền',
    ]);
  });

  it('finds no article on a category page of teasers', () => {
    assert.equal(
      extractArticle(fixture('vnexpress-list-page.html'), 'https://vnexpress.net/thoi-su'),
      undefined,
    );
  });

  it('finds no article when the body is under 200 characters', () => {
    assert.equal(
      extractArticle(fixture('short-notice.html'), 'https://abc.vn/thong-bao'),
      undefined,
    );
  });

  it('falls back to the lenient pass when the only body has a furniture-like class', () => {
    const paragraph =
      'Người dân phản ánh tình trạng xả rác bừa bãi ven kênh, gây mùi hôi, ảnh hưởng sức khỏe.';
    const html = `<html><body><div class="share-story">${`<p>${paragraph}</p>`.repeat(4)}</div></body></html>`;
    const article = extractArticle(html, 'https://x.vn/a');
    assert.equal(article?.text, Array(4).fill(paragraph).join('\n\n'));
  });

  it('finds nothing in an empty or script-only page', () => {
    assert.equal(extractArticle('', 'https://x.vn/'), undefined);
    assert.equal(
      extractArticle(`<script>${'var a = "x, y, z";'.repeat(50)}</script>`, 'https://x.vn/'),
      undefined,
    );
  });
});
