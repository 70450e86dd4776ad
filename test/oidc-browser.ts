/**
 * A browser reduced to what an OpenID Connect login needs: a cookie jar, redirects followed by
 * hand, and the two forms of oidc-provider's dev interactions (login, consent). It stops at the
 * first redirect to `redirectUri` and returns that URL without fetching it.
 */
export interface OidcBrowser {
  /** Signs in as `login` (any password), consents, and returns the callback URL. */
  signIn(authorizationUrl: string, login: string): Promise<URL>;
  /** Opens the login page, presses Cancel, and returns the callback URL. */
  cancel(authorizationUrl: string): Promise<URL>;
}

type Visit = { callback: URL } | { page: string };

const MAX_STEPS = 12;

export function createOidcBrowser(redirectUri: string): OidcBrowser {
  const jar = new Map<string, string>();
  const target = new URL(redirectUri);
  const isCallback = (url: URL) => url.origin === target.origin && url.pathname === target.pathname;

  async function visit(start: URL, form?: Record<string, string>): Promise<Visit> {
    let url = start;
    let body = form === undefined ? undefined : new URLSearchParams(form);
    for (let step = 0; step < MAX_STEPS; step += 1) {
      if (isCallback(url)) return { callback: url };
      const response = await fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
        body,
        redirect: 'manual',
      });
      keepCookies(jar, response.headers.getSetCookie());
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        url = new URL(location, url);
        body = undefined;
        continue;
      }
      const text = await response.text();
      if (response.status !== 200)
        throw new Error(`${url.href} answered ${response.status}: ${text}`);
      return { page: text };
    }
    throw new Error(`more than ${MAX_STEPS} redirects from ${start.href}`);
  }

  return {
    async signIn(authorizationUrl, login) {
      let visited = await visit(new URL(authorizationUrl));
      for (let step = 0; step < MAX_STEPS; step += 1) {
        if ('callback' in visited) return visited.callback;
        const page = visited.page;
        const prompt = attribute(page, /name="prompt" value="([^"]+)"/);
        const form: Record<string, string> =
          prompt === 'login' ? { prompt, login, password: 'any password' } : { prompt };
        visited = await visit(new URL(attribute(page, /<form[^>]* action="([^"]+)"/)), form);
      }
      throw new Error('the provider kept asking');
    },

    async cancel(authorizationUrl) {
      const visited = await visit(new URL(authorizationUrl));
      if ('callback' in visited) throw new Error('the provider did not show its login page');
      const aborted = await visit(new URL(attribute(visited.page, /href="([^"]+\/abort)"/)));
      if ('page' in aborted) throw new Error('cancelling did not redirect back');
      return aborted.callback;
    },
  };
}

function attribute(page: string, pattern: RegExp): string {
  const value = pattern.exec(page)?.[1];
  if (value === undefined) throw new Error(`no ${pattern.source} in the provider's page`);
  return value.replaceAll('&amp;', '&');
}

function keepCookies(jar: Map<string, string>, setCookies: string[]) {
  for (const line of setCookies) {
    const [pair = '', ...attributes] = line.split(';');
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    const isExpired = attributes.some(
      (a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now(),
    );
    if (value === '' || isExpired) jar.delete(name);
    else jar.set(name, value);
  }
}
