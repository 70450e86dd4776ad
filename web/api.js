/** An error answered by the API: its stable code, message and details (query offset, …). */
export class ApiError extends Error {
  constructor(status, body, retryAfterSeconds) {
    const error = body && typeof body === 'object' && body.error ? body.error : {};
    super(typeof error.message === 'string' ? error.message : `HTTP ${status}`);
    this.status = status;
    this.code = typeof error.code === 'string' ? error.code : 'http.error';
    this.details = error.details && typeof error.details === 'object' ? error.details : {};
    const fromBody = this.details.retryAfterSeconds;
    /** Seconds to wait after a 429, from the body or the Retry-After header; undefined otherwise. */
    this.retryAfterSeconds =
      typeof fromBody === 'number' ? fromBody : (retryAfterSeconds ?? undefined);
  }
}

/** What every request carries: the session's CSRF token and the workspace it acts in. */
const context = { csrfToken: null, workspace: null, onSignedOut: () => undefined };

function retryAfterOf(response) {
  const seconds = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/**
 * One call to the API. A 401 means the session is gone (expired, signed out elsewhere, password
 * changed): the page goes back to the login form, except for the calls that check a password
 * themselves (`isPasswordCheck`), whose 401 is the answer "wrong password".
 */
async function request(method, url, options = {}) {
  const headers = { accept: 'application/json' };
  if (context.workspace) headers['x-langnghe-workspace'] = context.workspace;
  if (method !== 'GET' && context.csrfToken) headers['x-csrf-token'] = context.csrfToken;
  const init = { method, headers, credentials: 'same-origin' };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(url, init);
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return data;
  const error = new ApiError(response.status, data, retryAfterOf(response));
  if (response.status === 401 && !options.isPasswordCheck) {
    context.csrfToken = null;
    context.onSignedOut(error);
  }
  throw error;
}

const path = (base, id) => `${base}/${encodeURIComponent(id)}`;

/** The one place that knows the API's URLs. */
export const api = {
  /** Called with the error whenever a request answers 401 (the session is over). */
  onSignedOut(handler) {
    context.onSignedOut = handler;
  },
  /** The workspace every later request acts in (header, or `?workspace=` for the live stream). */
  useWorkspace(id) {
    context.workspace = id;
  },
  ssoUrl: '/api/auth/oidc/start',

  info: () => request('GET', '/api/info'),
  async session() {
    const session = await request('GET', '/api/auth/session');
    context.csrfToken = session.csrfToken ?? null;
    return session;
  },
  async login(login, password) {
    const result = await request('POST', '/api/auth/login', {
      body: { login, password },
      isPasswordCheck: true,
    });
    context.csrfToken = result.csrfToken;
    return result;
  },
  async logout() {
    await request('POST', '/api/auth/logout');
    context.csrfToken = null;
  },
  changePassword: (current, next) =>
    request('POST', '/api/auth/password', { body: { current, next }, isPasswordCheck: true }),

  topics: () => request('GET', '/api/topics'),
  sources: () => request('GET', '/api/sources'),
  createTopic: (input) => request('POST', '/api/topics', { body: input }),
  testTopic: (input) => request('POST', '/api/topics/test', { body: input }),
  deleteTopic: (id) => request('DELETE', path('/api/topics', id)),
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
  /** EventSource cannot send headers: the workspace travels in the query. */
  streamUrl(topic) {
    const query = new URLSearchParams();
    if (topic) query.set('topic', topic);
    if (context.workspace) query.set('workspace', context.workspace);
    const text = query.toString();
    return text ? `/api/stream?${text}` : '/api/stream';
  },

  members: () => request('GET', '/api/members'),
  /** @param {{login: string, name?: string, password?: string, role: string, canReadPii?: boolean}} input */
  setMember: (input) => request('PUT', '/api/members', { body: input }),
  removeMember: (userId) => request('DELETE', path('/api/members', userId)),
  tokens: () => request('GET', '/api/tokens'),
  /** @param {{name: string, role: string, canReadPii?: boolean, expiresInDays?: number}} input */
  createToken: (input) => request('POST', '/api/tokens', { body: input }),
  revokeToken: (id) => request('DELETE', path('/api/tokens', id)),
  audit: (limit) => request('GET', `/api/audit?limit=${encodeURIComponent(String(limit))}`),
  /**
   * A download link for the current workspace's audit log (`csv` or `jsonl`). A link cannot send
   * headers: the session cookie signs it in and the workspace travels in the query.
   */
  auditExportUrl(format) {
    const query = new URLSearchParams({ format });
    if (context.workspace) query.set('workspace', context.workspace);
    return `/api/audit/export?${query}`;
  },
  verifyAudit: () => request('GET', '/api/audit/verify'),

  /** Install admins only; `id` is 2–63 characters of a–z, 0–9 and -. */
  createWorkspace: (input) => request('POST', '/api/workspaces', { body: input }),
  renameWorkspace: (name) => request('PATCH', '/api/workspaces/current', { body: { name } }),
};
