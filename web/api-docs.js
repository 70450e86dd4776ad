/* global document */
import { el } from './dom.js';

function typeOf(schema) {
  if (!schema || typeof schema !== 'object') return '';
  if (schema.type === 'array') return `${typeOf(schema.items)}[]`;
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  return String(schema.type ?? 'any');
}

function fieldRows(properties, required) {
  return Object.entries(properties ?? {}).map(([name, schema]) =>
    el('li', {}, [
      el('code', { text: name }),
      ` ${typeOf(schema)}${required.includes(name) ? '' : ' (optional)'}`,
      schema.description ? ` — ${schema.description}` : '',
    ]),
  );
}

function operation(path, method, op) {
  const card = el('article', { className: 'post' }, [
    el('h3', { className: 'post-title' }, [
      el('span', { className: 'platform', text: method.toUpperCase() }),
      ' ',
      el('code', { text: path }),
    ]),
    el('p', { className: 'post-text', text: op.summary ?? '' }),
  ]);
  if (op.description) card.append(el('p', { className: 'post-foot', text: op.description }));
  const params = (op.parameters ?? []).map((p) =>
    el('li', {}, [
      el('code', { text: p.name }),
      ` (${p.in}) ${typeOf(p.schema)}${p.required ? '' : ' (optional)'}`,
      p.description ? ` — ${p.description}` : '',
    ]),
  );
  if (params.length > 0) card.append(el('ul', { className: 'post-foot' }, params));
  const body = op.requestBody?.content?.['application/json']?.schema;
  if (body?.properties) {
    card.append(
      el('p', { className: 'post-foot', text: 'Body (JSON):' }),
      el('ul', { className: 'post-foot' }, fieldRows(body.properties, body.required ?? [])),
    );
  }
  return card;
}

async function start() {
  const target = document.getElementById('operations');
  try {
    const doc = await (await fetch('/api/docs')).json();
    for (const [path, methods] of Object.entries(doc.paths ?? {})) {
      for (const [method, op] of Object.entries(methods))
        target.append(operation(path, method, op));
    }
  } catch (error) {
    target.append(el('p', { className: 'error-box', text: String(error) }));
  }
}

start();
