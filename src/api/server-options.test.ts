import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { loggerOptions, rateLimitKey, redactUrl } from './server-options.js';

describe('server options', () => {
  it('redacts the Pages webhook verify token and other credentials from logged URLs', () => {
    const url =
      '/api/webhooks/fb?hub.mode=subscribe&hub.verify_token=s3cret&hub.challenge=42&access_token=EAAB';
    const logged = redactUrl(url);
    assert.equal(
      logged,
      '/api/webhooks/fb?hub.mode=subscribe&hub.verify_token=***&hub.challenge=42&access_token=***',
    );
    assert.ok(!logged.includes('s3cret') && !logged.includes('EAAB'));
  });

  it('never logs authorization, cookie or set-cookie headers', () => {
    const { redact, serializers } = loggerOptions('info');
    for (const path of [
      'req.headers.authorization',
      'req.headers.cookie',
      'res.headers["set-cookie"]',
    ])
      assert.ok(redact.paths.includes(path), path);
    const logged = serializers.req({
      method: 'GET',
      url: '/api/posts?token=abc',
      ip: '10.0.0.5',
      headers: { authorization: 'Bearer lng_x', cookie: 'langnghe_session=y' },
    } as unknown as FastifyRequest);
    assert.deepEqual(logged, {
      method: 'GET',
      url: '/api/posts?token=***',
      remoteAddress: '10.0.0.5',
    });
  });

  it('counts rate limits per token, per session, else per address, never keeping the secret', () => {
    const request = (headers: Record<string, string>) =>
      ({ headers, ip: '10.0.0.5' }) as unknown as FastifyRequest;
    const byToken = rateLimitKey(request({ authorization: 'Bearer lng_secret' }));
    assert.match(byToken, /^t:/);
    assert.ok(!byToken.includes('lng_secret'));
    assert.match(rateLimitKey(request({ cookie: 'langnghe_session=abc' })), /^s:/);
    assert.equal(rateLimitKey(request({})), 'a:10.0.0.5');
  });
});
