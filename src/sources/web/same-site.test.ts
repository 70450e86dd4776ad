import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSameSite, siteOf } from './same-site.js';

test('siteOf keeps the registrable part, second-level country domains included', () => {
  assert.equal(siteOf('vnexpress.net'), 'vnexpress.net');
  assert.equal(siteOf('e.VnExpress.net.'), 'vnexpress.net');
  assert.equal(siteOf('www.sggp.org.vn'), 'sggp.org.vn');
  assert.equal(siteOf('baochinhphu.vn'), 'baochinhphu.vn');
  assert.equal(siteOf('tuoitre.vn'), 'tuoitre.vn');
  assert.equal(siteOf('plo.vn'), 'plo.vn');
});

test('isSameSite lets a feed fetch its own articles only', () => {
  const feed = 'https://vnexpress.net/rss/thoi-su.rss';
  assert.equal(isSameSite('https://vnexpress.net/bai-viet-123.html', feed), true);
  assert.equal(isSameSite('https://e.vnexpress.net/news/x', feed), true);
  assert.equal(isSameSite('http://vnexpress.net/x', feed), true);
  assert.equal(isSameSite('https://tuoitre.vn/x', feed), false);
  assert.equal(isSameSite('http://127.0.0.1:8080/api/posts', feed), false);
  assert.equal(isSameSite('http://169.254.169.254/latest/meta-data/', feed), false);
  assert.equal(isSameSite('http://localhost/x', feed), false);
  assert.equal(isSameSite('file:///etc/passwd', feed), false);
  assert.equal(isSameSite('not a url', feed), false);
  assert.equal(isSameSite('https://evil.com.vn/x', 'https://sggp.com.vn/rss'), false);
  assert.equal(isSameSite('http://127.0.0.1:4000/a.html', 'http://127.0.0.1:4000/feed.xml'), true);
  assert.equal(isSameSite('http://10.0.0.5/a.html', 'http://127.0.0.1:4000/feed.xml'), false);
});
