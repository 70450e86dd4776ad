/** An error answered by the API: its stable code, message and details (query offset, …). */
export class ApiError extends Error {
  constructor(status, body) {
    const error = body && typeof body === 'object' && body.error ? body.error : {};
    super(typeof error.message === 'string' ? error.message : `HTTP ${status}`);
    this.status = status;
    this.code = typeof error.code === 'string' ? error.code : 'http.error';
    this.details = error.details && typeof error.details === 'object' ? error.details : {};
  }
}

async function request(method, url, body) {
  const init = { method, headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** The one place that knows the API's URLs. */
export const api = {
  info: () => request('GET', '/api/info'),
  topics: () => request('GET', '/api/topics'),
  sources: () => request('GET', '/api/sources'),
  createTopic: (input) => request('POST', '/api/topics', input),
  testTopic: (input) => request('POST', '/api/topics/test', input),
  deleteTopic: (id) => request('DELETE', `/api/topics/${encodeURIComponent(id)}`),
  /** @param {{q?: string, topic?: string, platforms?: string[], cursor?: string, limit?: number}} params */
  search(params) {
    const query = new URLSearchParams();
    if (params.q) query.set('q', params.q);
    if (params.topic) query.set('topic', params.topic);
    if (params.platforms && params.platforms.length > 0) {
      query.set('platform', params.platforms.join(','));
    }
    if (params.cursor) query.set('cursor', params.cursor);
    query.set('limit', String(params.limit ?? 30));
    return request('GET', `/api/posts?${query}`);
  },
  streamUrl: (topic) => (topic ? `/api/stream?topic=${encodeURIComponent(topic)}` : '/api/stream'),
};
