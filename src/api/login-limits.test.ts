import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorCode, loginOverHttp, openApiHarness } from '../../test/api-harness.js';

const WRONG = 'không-phải-mật-khẩu';

describe('login lockout', () => {
  it('locks an account after 5 wrong passwords, refuses the right one meanwhile, and lets it in after', async () => {
    const h = await openApiHarness({ config: { loginRateLimitPerMinute: 100 } });
    const login = (password?: string) =>
      loginOverHttp(h.server, { login: 'default-viewer', password });

    for (let attempt = 1; attempt <= 4; attempt++) {
      const { response } = await login(WRONG);
      assert.equal(response.statusCode, 401, `attempt ${attempt}`);
      assert.equal(errorCode(response), 'auth.invalid');
    }
    const fifth = (await login(WRONG)).response;
    assert.equal(fifth.statusCode, 429);
    assert.equal(errorCode(fifth), 'auth.locked');
    const retryAfter = Number(fifth.headers['retry-after']);
    assert.equal(retryAfter, fifth.json().error.details.retryAfterSeconds);
    assert.equal(retryAfter, 15 * 60);

    const right = await login();
    assert.equal(right.response.statusCode, 429, 'the right password is refused while locked');
    assert.equal(errorCode(right.response), 'auth.locked');
    assert.equal(right.session, undefined);
    const lockedFor = Number(right.response.headers['retry-after']);
    assert.ok(lockedFor >= retryAfter, 'a try while locked does not shorten the lock');

    assert.equal(
      (await loginOverHttp(h.server, { login: 'default-admin' })).response.statusCode,
      200,
      'another account is not locked',
    );
    h.clock.advance(lockedFor * 1000 - 1000);
    const early = (await login()).response;
    assert.equal(early.statusCode, 429, 'still locked a second before');
    h.clock.advance(Number(early.headers['retry-after']) * 1000 + 1000);
    const after = await login();
    assert.equal(after.response.statusCode, 200, after.response.body);
    assert.ok(after.session);
    await h.close();
  });
});

describe('login rate limit', () => {
  it('answers 429 to the 11th login in a minute from one address, whoever it names', async () => {
    const h = await openApiHarness();
    for (let i = 1; i <= 10; i++) {
      const { response } = await loginOverHttp(h.server, { login: `nobody-${i}`, password: WRONG });
      assert.equal(response.statusCode, 401, `attempt ${i}`);
    }
    const limited = await loginOverHttp(h.server, { login: 'default-viewer' });
    assert.equal(limited.response.statusCode, 429);
    assert.equal(errorCode(limited.response), 'http.rate_limited');
    assert.ok(Number(limited.response.headers['retry-after']) > 0);
    assert.equal(limited.session, undefined, 'even the right password gets no session');

    const elsewhere = await loginOverHttp(h.server, { login: 'default-viewer' }, '10.1.2.3');
    assert.equal(elsewhere.response.statusCode, 200, 'another address has its own budget');
    const other = await h.tokens.default.viewer.request({ url: '/api/topics' });
    assert.equal(other.statusCode, 200, 'the login limit is for logins only');
    await h.close();
  });
});
