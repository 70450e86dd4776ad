import type { CompiledIssue } from './content/index.js';
import type { Rng } from './rng.js';
import { fillSlot, type Scene } from './slots.js';
import { capitalize, compileAll, renderTemplate, type Template } from './style.js';

/** Sentences any city article may close with, several linking the story to social media. */
const BACKGROUND = compileAll([
  'Đây không phải lần đầu khu vực này xảy ra tình trạng tương tự.',
  'Người dân mong cơ quan chức năng sớm có giải pháp căn cơ, lâu dài.',
  'Trước đó, hình ảnh, clip về sự việc được chia sẻ trên mạng xã hội, thu hút nhiều bình luận.',
  'Sự việc được nhiều người dân phản ánh qua Tổng đài 1022 và các nhóm cộng đồng trên mạng xã hội.',
  'Báo sẽ tiếp tục thông tin diễn biến vụ việc.',
  'Trong năm nay, {hcm} đã ghi nhận nhiều vụ việc tương tự tại các phường, xã.',
  'Ghi nhận đến chiều cùng ngày, tình hình khu vực đã dần ổn định.',
  'Theo các chuyên gia, cần có sự phối hợp chặt chẽ giữa chính quyền địa phương và người dân.',
  'Sau sắp xếp đơn vị hành chính, địa bàn {ward} có diện tích và dân số tăng đáng kể, khối lượng công việc của chính quyền cơ sở cũng tăng theo.',
  'Nhiều ý kiến cho rằng cần xử lý nghiêm các trường hợp vi phạm để làm gương.',
]);

const DIGEST_TITLES = compileAll([
  'Điểm báo sáng {date}: {title}',
  'Tin nóng {hcm} ngày {date}: {title}',
  'Điểm tin {date}: {title}',
]);

/** A press article: headline and a 400–3,000 character body in paragraphs. */
export interface ArticleText {
  title: string;
  text: string;
}

function render(template: Template, scene: Scene, rng: Rng): string {
  return capitalize(renderTemplate(template, (slot) => fillSlot(slot, scene, rng)));
}

function pickDistinct(list: readonly Template[], count: number, rng: Rng): Template[] {
  const start = rng.int(list.length);
  const out: Template[] = [];
  for (let k = 0; k < Math.min(count, list.length); k++) out.push(list[(start + k) % list.length]!);
  return out;
}

/**
 * Writes an article about a scene in news style: a lead, 2–6 details, quotes, what the agency
 * said, background and context paragraphs. Different `rng` states give different wordings of the same facts, which is
 * how several outlets cover one incident.
 */
export function composeArticle(issue: CompiledIssue, scene: Scene, rng: Rng): ArticleText {
  let title = render(rng.pick(issue.titles), scene, rng);
  if (rng.chance(0.05)) {
    const inner = title;
    const digest = rng.pick(DIGEST_TITLES);
    title = renderTemplate(digest, (slot) =>
      slot === 'title' ? inner : fillSlot(slot, scene, rng),
    );
  }
  const lead = render(rng.pick(issue.leads), scene, rng);
  const body = pickDistinct(issue.details, rng.between(2, 6), rng).map((t) =>
    render(t, scene, rng),
  );
  const quotes = pickDistinct(issue.quotes, rng.chance(0.35) ? 2 : rng.chance(0.8) ? 1 : 0, rng);
  const said = quotes.map((t) => render(t, scene, rng));
  const tail: string[] = [];
  if (rng.chance(0.85)) tail.push(render(rng.pick(issue.officials), scene, rng));
  if (rng.chance(0.5)) tail.push(render(rng.pick(BACKGROUND), scene, rng));
  const context = pickDistinct(issue.context, rng.int(issue.context.length + 1), rng);
  const paragraphs = [lead, body.slice(0, 2).join(' ')];
  if (body.length > 2) paragraphs.push(body.slice(2).join(' '));
  if (said.length > 0) paragraphs.splice(2, 0, said.join(' '));
  if (tail.length > 0) paragraphs.push(tail.join(' '));
  for (const c of context) paragraphs.push(render(c, scene, rng));
  let text = paragraphs.join('\n\n');
  for (const extra of pickDistinct(BACKGROUND, 4, rng)) {
    if (text.length >= 400) break;
    text += ` ${render(extra, scene, rng)}`;
  }
  return {
    title,
    text: text.length <= 3000 ? text : text.slice(0, text.lastIndexOf('.', 2999) + 1),
  };
}

/** The first `count` sentences of a text (for reposts and shares). */
export function firstSentences(text: string, count: number): string {
  const flat = text.replace(/\n+/g, ' ');
  let end = 0;
  for (let k = 0; k < count; k++) {
    const next = flat.indexOf('. ', end);
    if (next < 0) return flat;
    end = next + 1;
  }
  return flat.slice(0, end);
}
