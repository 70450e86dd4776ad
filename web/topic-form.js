/* global document */
import { api } from './api.js';
import { bilingual, clear, el } from './dom.js';
import { errorBox, sampleList, warningList } from './render.js';

const $ = (id) => document.getElementById(id);

/**
 * The new-topic form: "Test" shows how many stored posts the query matches and a few of them;
 * "Create" saves the topic and hands it to `onCreated`.
 * @param {{onCreated: (topic: {id: string, name: string}) => Promise<void>}} options
 */
export function wireTopicForm({ onCreated }) {
  const form = $('topic-form');
  const feedback = $('topic-feedback');
  const show = (...nodes) => {
    clear(feedback);
    feedback.append(...nodes);
  };
  $('topic-test').addEventListener('click', async () => {
    const query = form.elements.query.value;
    try {
      const result = await api.testTopic({ query, sampleSize: 3 });
      const count = `${result.count}${result.isCapped ? '+' : ''}`;
      show(
        el('p', { className: 'ok' }, [
          bilingual(`Khớp ${count} bài đã lưu`, `Matches ${count} stored posts`),
        ]),
        sampleList(result.sample),
        warningList(result.warnings, (s) => (form.elements.query.value = s)),
      );
    } catch (error) {
      show(errorBox(error, query));
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = form.elements.name.value.trim();
    const query = form.elements.query.value;
    try {
      const topic = await api.createTopic({ name, query });
      form.reset();
      show(el('p', { className: 'ok' }, [bilingual(`Đã tạo “${topic.name}”`, 'Topic created')]));
      await onCreated(topic);
    } catch (error) {
      show(errorBox(error, query));
    }
  });
}
