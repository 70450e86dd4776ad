import { bilingual, el } from './dom.js';
import { appendHighlighted, snippet } from './highlight.js';
import { safeHref } from './safe-href.js';

export const PLATFORM_LABELS = {
  news: 'Báo chí / News',
  facebook: 'Facebook',
  youtube: 'YouTube',
  x: 'X',
  zalo: 'Zalo',
  tiktok: 'TikTok',
  instagram: 'Instagram',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  reddit: 'Reddit',
  forum: 'Diễn đàn / Forum',
  web: 'Web',
  import: 'Nhập / Import',
};

const MAX_TEXT = 3000;
/** Longer texts start folded to a few lines, with a button to unfold. */
const CLAMP_FROM = 320;
const dateFormat = new Intl.DateTimeFormat('vi-VN', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Asia/Ho_Chi_Minh',
});
const relative = new Intl.RelativeTimeFormat('vi', { numeric: 'auto' });
const numberFormat = new Intl.NumberFormat('vi-VN', { notation: 'compact' });

/** "5 phút trước" for recent times, the date otherwise. */
export function formatTime(iso, now = Date.now()) {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const minutes = Math.round((ms - now) / 60_000);
  if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
  if (Math.abs(minutes) < 24 * 60) return relative.format(Math.round(minutes / 60), 'hour');
  return dateFormat.format(ms);
}

function rangesFor(highlights, field, length) {
  return highlights.filter((h) => h.field === field && h.start < length);
}

function engagementOf(post) {
  const e = post.engagement ?? {};
  const parts = [
    ['likes', 'thích'],
    ['comments', 'bình luận'],
    ['shares', 'chia sẻ'],
    ['views', 'lượt xem'],
  ].filter(([key]) => typeof e[key] === 'number');
  if (parts.length === 0) return null;
  return el(
    'span',
    { className: 'engagement' },
    parts.map(([key, label]) => el('span', { text: `${numberFormat.format(e[key])} ${label}` })),
  );
}

function header(post, topicNames) {
  const href = safeHref(post.url);
  const time = el('time', {
    text: formatTime(post.publishedAt),
    attrs: { datetime: post.publishedAt, title: post.publishedAt },
  });
  const author = post.author?.name ?? post.author?.id ?? '';
  return el('div', { className: 'post-meta' }, [
    el('span', {
      className: `platform platform-${post.platform}`,
      text: PLATFORM_LABELS[post.platform] ?? post.platform,
    }),
    author && el('span', { className: 'author', text: author }),
    post.author?.isPress && el('span', { className: 'press', text: 'báo chí' }),
    href
      ? el('a', { attrs: { href, target: '_blank', rel: 'noopener noreferrer nofollow' } }, [time])
      : time,
    ...topicNames.map((name) => el('span', { className: 'topic-tag', text: name })),
  ]);
}

/**
 * One post as a card. Title and text are appended as text nodes with <mark>s at the highlight
 * offsets; the text is cut at MAX_TEXT characters (highlights past the cut are dropped).
 * @param {object} post
 * @param {Array<{field: string, start: number, end: number}>} highlights
 * @param {{topicNames?: string[], isNew?: boolean}} [options]
 */
export function postCard(post, highlights, options = {}) {
  const card = el('article', { className: options.isNew ? 'post is-new' : 'post' }, [
    header(post, options.topicNames ?? []),
  ]);
  if (typeof post.title === 'string' && post.title !== '') {
    const title = el('h3', { className: 'post-title' });
    appendHighlighted(title, post.title, rangesFor(highlights, 'title', post.title.length));
    card.append(title);
  }
  const text = typeof post.text === 'string' ? post.text : '';
  const shown = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const body = el('p', { className: 'post-text' });
  appendHighlighted(body, shown, rangesFor(highlights, 'text', shown.length));
  if (shown.length < text.length) body.append('…');
  card.append(body);
  if (text.length > CLAMP_FROM) {
    body.classList.add('is-clamped');
    const toggle = el('button', { className: 'link more', attrs: { type: 'button' } }, [
      bilingual('Xem đầy đủ', 'Show all'),
    ]);
    toggle.addEventListener('click', () => {
      body.classList.remove('is-clamped');
      toggle.remove();
    });
    card.append(toggle);
  }
  const engagement = engagementOf(post);
  if (engagement) card.append(el('div', { className: 'post-foot' }, [engagement]));
  return card;
}

/**
 * Shows an API error; for a query error, the query with a caret under the position the parser
 * names, so the user sees where to look.
 */
export function errorBox(error, query) {
  const box = el('div', { className: 'error-box', attrs: { role: 'alert' } });
  const details = error.details ?? {};
  const vi = typeof details.messageVi === 'string' ? details.messageVi : null;
  const en = typeof details.messageEn === 'string' ? details.messageEn : null;
  box.append(vi && en ? bilingual(vi, en) : el('span', { text: error.message }));
  if (typeof details.offset === 'number' && typeof query === 'string') {
    const offset = Math.max(0, Math.min(query.length, details.offset));
    box.append(
      el('pre', { className: 'caret' }, [
        el('span', { text: query.slice(0, offset) }),
        el('mark', { text: query.slice(offset, offset + 1) || ' ' }),
        el('span', { text: query.slice(offset + 1) }),
        '\n',
        `${' '.repeat(offset)}^`,
      ]),
    );
  }
  return box;
}

/** A confirmation of the page's own ("saved"), Vietnamese first. */
export function okLine(vi, en) {
  return el('p', { className: 'ok' }, [bilingual(vi, en)]);
}

/** A message of the page's own (not the server's), Vietnamese first, announced as an alert. */
export function alertBox(vi, en) {
  return el('div', { className: 'error-box', attrs: { role: 'alert' } }, [bilingual(vi, en)]);
}

/** The parser's hints ("did you mean the phrase …?"), each with its suggestion when there is one. */
export function warningList(warnings, onSuggestion) {
  const list = el('ul', { className: 'warnings' });
  for (const warning of warnings) {
    const item = el('li', {}, [bilingual(warning.messageVi, warning.messageEn)]);
    if (typeof warning.suggestion === 'string') {
      const button = el('button', { className: 'link', attrs: { type: 'button' } }, [
        bilingual('Dùng', 'Use'),
        el('code', { text: warning.suggestion }),
      ]);
      button.addEventListener('click', () => onSuggestion(warning.suggestion));
      item.append(button);
    }
    list.append(item);
  }
  return list;
}

/** A short list of posts a tested query matched: a line of text around the first highlight. */
export function sampleList(hits) {
  const list = el('ul', { className: 'samples' });
  for (const hit of hits) {
    const ranges = hit.highlights.filter((h) => h.field === 'text');
    const part = snippet(typeof hit.post.text === 'string' ? hit.post.text : '', ranges, 140);
    const item = el('li', {}, [
      el('span', {
        className: `platform platform-${hit.post.platform}`,
        text: PLATFORM_LABELS[hit.post.platform] ?? hit.post.platform,
      }),
      ' ',
    ]);
    if (part.isCutBefore) item.append('…');
    appendHighlighted(item, part.text, part.ranges);
    if (part.isCutAfter) item.append('…');
    list.append(item);
  }
  return list;
}

/**
 * One source with its health: name and kind, a state (ok / failing / never run / off), items in
 * the last hour, last success and the last error. Every value is set as text.
 * @param {{id: string, kind: string, name: string, enabled: boolean, health: {lastSuccessAt?: string, lastError?: {at: string, message: string}, consecutiveFailures: number, itemsLastHour: number, lastRunAt?: string}, schedule?: {nextRunAt?: string, isRunning: boolean}}} source
 */
export function sourceItem(source, now = Date.now()) {
  const h = source.health;
  const [state, vi, en] = !source.enabled
    ? ['off', 'Tắt', 'Off']
    : h.consecutiveFailures > 0
      ? ['failing', `Lỗi ×${h.consecutiveFailures}`, 'Failing']
      : h.lastRunAt === undefined
        ? ['idle', 'Chưa chạy', 'Not run yet']
        : ['ok', 'Tốt', 'OK'];
  const details = [`${h.itemsLastHour} bài/giờ`];
  if (h.lastSuccessAt) details.push(`OK ${formatTime(h.lastSuccessAt, now)}`);
  if (source.schedule && source.schedule.isRunning) details.push('đang chạy / running');
  const item = el('li', { className: `source source-${state}`, attrs: { 'data-id': source.id } }, [
    el('div', { className: 'source-head' }, [
      el('span', { className: 'source-name', text: source.name }),
      el('span', { className: 'source-kind', text: source.kind }),
      el('span', { className: `source-state state-${state}` }, [bilingual(vi, en)]),
    ]),
    el('div', { className: 'source-meta', text: details.join(' · ') }),
  ]);
  if (h.lastError && h.consecutiveFailures > 0) {
    item.append(
      el('div', {
        className: 'source-error',
        text: `${formatTime(h.lastError.at, now)}: ${h.lastError.message.slice(0, 300)}`,
      }),
    );
  }
  return item;
}
