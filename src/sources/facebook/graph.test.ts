import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { graphErrorOf, toGraphError, usageLimitOf } from './graph-errors.js';
import { appSecretProof, graphTimeMs, nextPageParams } from './graph.js';

describe('Graph API helpers', () => {
  it('appsecret_proof is the hex HMAC-SHA256 of the token keyed with the app secret', () => {
    // The well-known HMAC-SHA256 example: key "key", message "The quick brown fox…".
    assert.equal(
      appSecretProof('The quick brown fox jumps over the lazy dog', 'key'),
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
  });

  it('reads Graph times with a +0000 offset and webhook Unix seconds', () => {
    assert.equal(graphTimeMs('2019-09-06T16:56:06+0000'), Date.parse('2019-09-06T16:56:06Z'));
    assert.equal(graphTimeMs(1567788966), 1567788966000);
    assert.equal(graphTimeMs('not a date'), undefined);
    assert.equal(graphTimeMs(1e20), undefined, 'past the last date a Date holds');
  });

  it('maps error codes by meaning, whatever the HTTP status', () => {
    const codeOf = (status: number, code?: number, type = 'OAuthException') =>
      toGraphError({
        status,
        url: 'u',
        error: graphErrorOf({ error: { message: 'm', type, code, fbtrace_id: 'T' } }),
      }).code;
    for (const code of [190, 102, 10, 200, 299]) assert.equal(codeOf(400, code), 'source.auth');
    for (const code of [4, 17, 32, 341, 613, 80001, 80002])
      assert.equal(codeOf(400, code), 'source.rate_limited', String(code));
    assert.equal(codeOf(403, 4), 'source.rate_limited');
    // code 100 (invalid parameter) comes as OAuthException too: not a token problem.
    assert.equal(codeOf(400, 100), 'source.http');
    assert.equal(codeOf(400, undefined), 'source.auth');
    assert.equal(codeOf(404, undefined, 'GraphMethodException'), 'source.http');
    assert.equal(codeOf(403, undefined, 'GraphMethodException'), 'source.auth');
  });

  it('keeps the Graph code, subcode and trace id in the error', () => {
    const error = toGraphError({
      status: 400,
      url: 'https://graph/x',
      error: graphErrorOf({
        error: {
          message: 'Expired',
          type: 'OAuthException',
          code: 190,
          error_subcode: 463,
          fbtrace_id: 'AbC',
        },
      }),
    });
    assert.deepEqual(
      [error.details.code, error.details.subcode, error.details.fbtraceId],
      [190, 463, 'AbC'],
    );
  });

  it('reads the usage headers: the business wait in minutes, app and Page percentages', () => {
    const headers = (entries: Record<string, string>) => new Headers(entries);
    const buc = (entry: Record<string, unknown>) =>
      headers({
        'x-business-use-case-usage': JSON.stringify({ '123': [{ type: 'instagram', ...entry }] }),
      });
    assert.deepEqual(usageLimitOf(buc({ call_count: 40, estimated_time_to_regain_access: 3 })), {
      scope: 'business use case (instagram)',
      retryAfterMs: 180_000,
    });
    assert.deepEqual(usageLimitOf(buc({ total_time: 100, estimated_time_to_regain_access: 0 })), {
      scope: 'business use case (instagram)',
      retryAfterMs: undefined,
    });
    assert.equal(
      usageLimitOf(buc({ call_count: 99, estimated_time_to_regain_access: 0 })),
      undefined,
    );
    assert.deepEqual(
      usageLimitOf(headers({ 'x-app-usage': '{"call_count":100,"total_time":5}' })),
      {
        scope: 'app',
      },
    );
    assert.deepEqual(usageLimitOf(headers({ 'x-page-usage': '{"total_cputime":101}' })), {
      scope: 'Page',
    });
    assert.equal(usageLimitOf(headers({ 'x-app-usage': 'not json' })), undefined);
    assert.equal(usageLimitOf(headers({})), undefined);
  });

  it('takes the next page from the after cursor, or from the next link without credentials', () => {
    const current = { fields: 'id', limit: '100' };
    assert.deepEqual(
      nextPageParams({ paging: { cursors: { after: 'A' }, next: 'https://g/x?after=A' } }, current),
      { fields: 'id', limit: '100', after: 'A' },
    );
    assert.deepEqual(
      nextPageParams(
        {
          paging: { next: 'https://g/x?access_token=T&appsecret_proof=P&until=9&__paging_token=z' },
        },
        current,
      ),
      { until: '9', __paging_token: 'z' },
    );
    // The absence of `next` marks the end, even when cursors are present.
    assert.equal(nextPageParams({ paging: { cursors: { after: 'A' } } }, current), undefined);
    assert.equal(nextPageParams({ data: [] }, current), undefined);
  });
});
