/* global document, window, EventSource */
import { api } from './api.js';
import { bilingual, clear, el } from './dom.js';
import { PLATFORM_LABELS, errorBox, postCard, sourceItem, warningList } from './render.js';
import { wireTopicForm } from './topic-form.js';

const MAX_CARDS = 300;
const $ = (id) => document.getElementById(id);

const state = {
  q: '',
  topic: null,
  platforms: new Set(),
  cursor: undefined,
  topics: [],
  pendingNew: 0,
  searchToken: 0,
  stream: null,
  sourceTimer: null,
  /** Bumped when the workspace changes: answers for the one before are dropped. */
  generation: 0,
};

function topicName(id) {
  return state.topics.find((t) => t.id === id)?.name ?? null;
}

function setLiveStatus(kind) {
  const labels = {
    connecting: 'Đang kết nối… / Connecting…',
    live: 'Trực tiếp / Live',
    down: 'Mất kết nối, đang thử lại… / Reconnecting…',
  };
  $('live-status').dataset.state = kind;
  $('live-label').textContent = labels[kind];
}

function renderTopics() {
  const list = $('topic-list');
  clear(list);
  const entries = [{ id: null, name: 'Tất cả bài viết / All posts', count: null }, ...state.topics];
  for (const topic of entries) {
    const isSelected = state.topic === topic.id;
    const button = el(
      'button',
      {
        className: 'topic',
        attrs: { type: 'button', 'aria-pressed': String(isSelected), title: topic.query ?? '' },
      },
      [
        el('span', { className: 'topic-name', text: topic.name }),
        topic.count === null
          ? null
          : el('span', { className: 'count', text: topic.count.toLocaleString('vi-VN') }),
      ],
    );
    button.addEventListener('click', () => selectTopic(topic.id));
    list.append(el('li', {}, [button]));
  }
}

function renderPlatformChips() {
  const chips = $('platform-chips');
  clear(chips);
  for (const [key, label] of Object.entries(PLATFORM_LABELS)) {
    const isOn = state.platforms.has(key);
    const chip = el('button', {
      className: 'chip',
      text: label,
      attrs: { type: 'button', 'aria-pressed': String(isOn) },
    });
    chip.addEventListener('click', () => {
      if (state.platforms.has(key)) state.platforms.delete(key);
      else state.platforms.add(key);
      renderPlatformChips();
      runSearch();
    });
    chips.append(chip);
  }
}

function renderFeedTitle() {
  const title = $('feed-title');
  clear(title);
  if (state.q) title.append(bilingual('Kết quả tìm kiếm', 'Search results'));
  else if (state.topic) title.append(el('span', { text: topicName(state.topic) ?? '' }));
  else title.append(bilingual('Mới nhất', 'Latest'));
}

function showPending() {
  const pill = $('new-posts');
  pill.hidden = state.pendingNew === 0;
  pill.textContent = `${state.pendingNew} bài mới / new — hiện / show`;
}

async function runSearch({ append = false } = {}) {
  const token = ++state.searchToken;
  const feedback = $('search-feedback');
  const results = $('results');
  const params = {
    q: state.q,
    topic: state.topic ?? undefined,
    platforms: [...state.platforms],
    cursor: append ? state.cursor : undefined,
  };
  $('load-more').disabled = true;
  try {
    const page = await api.search(params);
    if (token !== state.searchToken) return;
    clear(feedback);
    if (!append) {
      clear(results);
      state.pendingNew = 0;
      showPending();
    }
    if (page.warnings.length > 0) feedback.append(warningList(page.warnings, useSuggestion));
    for (const hit of page.hits) results.append(postCard(hit.post, hit.highlights));
    state.cursor = page.nextCursor;
    $('load-more').hidden = !page.nextCursor;
    $('empty').hidden = results.childElementCount > 0;
    renderFeedTitle();
  } catch (error) {
    if (token !== state.searchToken) return;
    clear(feedback);
    feedback.append(errorBox(error, state.q));
    if (typeof error.details?.offset === 'number') focusQueryAt(error.details.offset);
  } finally {
    if (token === state.searchToken) $('load-more').disabled = false;
  }
}

function focusQueryAt(offset) {
  const input = $('q');
  input.focus();
  input.setSelectionRange(offset, Math.min(input.value.length, offset + 1));
}

function useSuggestion(suggestion) {
  $('q').value = suggestion;
  state.q = suggestion;
  runSearch();
}

function selectTopic(id) {
  state.topic = id;
  renderTopics();
  runSearch();
  openStream();
}

function onMatch(message) {
  let data;
  try {
    data = JSON.parse(message.data);
  } catch {
    return;
  }
  for (const id of data.topicIds ?? []) {
    const topic = state.topics.find((t) => t.id === id);
    if (topic) topic.count += 1;
  }
  renderTopics();
  if (state.platforms.size > 0 && !state.platforms.has(data.post.platform)) return;
  // A query's results are not live, and a reader scrolled down should not see the list jump.
  if (state.q || window.scrollY > 300) {
    state.pendingNew += 1;
    showPending();
    return;
  }
  const results = $('results');
  const names = (data.topicIds ?? []).map(topicName).filter(Boolean);
  results.prepend(postCard(data.post, data.highlights ?? [], { topicNames: names, isNew: true }));
  while (results.childElementCount > MAX_CARDS) results.lastElementChild.remove();
  $('empty').hidden = true;
}

function openStream() {
  state.stream?.close();
  setLiveStatus('connecting');
  const stream = new EventSource(api.streamUrl(state.topic));
  stream.addEventListener('open', () => setLiveStatus('live'));
  stream.addEventListener('error', () => setLiveStatus('down'));
  stream.addEventListener('match', onMatch);
  state.stream = stream;
}

async function loadSources() {
  const generation = state.generation;
  const list = $('source-list');
  let sources = [];
  try {
    sources = (await api.sources()).sources;
  } catch {
    sources = [];
  }
  if (generation !== state.generation) return;
  clear(list);
  if (sources.length === 0) {
    list.append(
      el('li', { className: 'empty' }, [
        bilingual(
          'Chưa có nguồn: thêm bằng “langnghe sources add”.',
          'No sources yet: add one with “langnghe sources add”.',
        ),
      ]),
    );
    return;
  }
  for (const source of sources) list.append(sourceItem(source));
}

async function loadTopics() {
  const generation = state.generation;
  let topics = [];
  try {
    topics = (await api.topics()).topics;
  } catch {
    topics = [];
  }
  if (generation !== state.generation) return;
  state.topics = topics;
  renderTopics();
}

function wireSearch() {
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    state.q = $('q').value.trim();
    runSearch();
  });
  $('load-more').addEventListener('click', () => runSearch({ append: true }));
  $('new-posts').addEventListener('click', () => {
    window.scrollTo({ top: 0 });
    runSearch();
  });
}

/** Wires the dashboard's forms and buttons; called once. */
export function wireDashboard() {
  wireSearch();
  wireTopicForm({
    onCreated: async (topic) => {
      await loadTopics();
      selectTopic(topic.id);
    },
  });
  renderPlatformChips();
  renderFeedTitle();
}

/**
 * Loads topics, sources and posts for the workspace the API client acts in, and opens its live
 * stream. Called at sign-in and at every switch of workspace; `canWriteTopics` shows the form.
 */
export async function loadDashboard({ canWriteTopics }) {
  stopDashboard();
  state.topic = null;
  state.topics = [];
  $('panel-new-topic').hidden = !canWriteTopics;
  clear($('topic-feedback'));
  renderTopics();
  renderFeedTitle();
  const generation = state.generation;
  await Promise.all([loadTopics(), loadSources()]);
  if (generation !== state.generation) return;
  state.sourceTimer = setInterval(loadSources, 30_000);
  await runSearch();
  if (generation !== state.generation) return;
  openStream();
}

/** Closes the live stream and stops polling (sign-out, or before another workspace loads). */
export function stopDashboard() {
  state.generation += 1;
  state.stream?.close();
  state.stream = null;
  if (state.sourceTimer !== null) clearInterval(state.sourceTimer);
  state.sourceTimer = null;
  state.searchToken += 1;
  for (const id of ['results', 'search-feedback', 'topic-list', 'source-list']) clear($(id));
  $('load-more').hidden = true;
  state.pendingNew = 0;
  showPending();
}
