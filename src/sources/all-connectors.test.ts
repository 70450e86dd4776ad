import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLATFORMS } from '../core/types.js';
import { ALL_CONNECTORS, defaultConnectorRegistry } from './all-connectors.js';

test('every shipped connector is registered once and is complete', () => {
  const registry = defaultConnectorRegistry();
  assert.equal(registry.list().length, ALL_CONNECTORS.length);
  for (const connector of ALL_CONNECTORS) {
    assert.match(connector.kind, /^[a-z][a-z0-9-]*$/);
    assert.ok(PLATFORMS.includes(connector.platform), connector.kind);
    assert.ok(connector.description.length > 10, connector.kind);
    if (connector.mode === 'webhook') assert.ok(connector.webhook !== undefined, connector.kind);
    else {
      assert.ok(connector.poll !== undefined, connector.kind);
      if (connector.mode === 'poll')
        assert.ok(connector.defaultIntervalSeconds >= 10, connector.kind);
    }
    // A config with only its secrets set fails on the other fields, never on a secret's name.
    const probe = Object.fromEntries(
      connector.secretFields.map((field) => [field, 'x'.repeat(40)]),
    );
    const parsed = connector.configSchema.safeParse(probe);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        assert.ok(
          !connector.secretFields.includes(String(issue.path[0])),
          `${connector.kind}: ${issue.message}`,
        );
  }
  const kinds = ALL_CONNECTORS.map((c) => c.kind);
  for (const kind of [
    'youtube',
    'facebook-page',
    'facebook-webhook',
    'x-search',
    'x-stream',
    'zalo-webhook',
    'zalo-oa',
    'tiktok',
    'reddit',
    'instagram',
    'webhook',
    'mastodon',
    'mastodon-stream',
    'bluesky',
    'forum',
    'rss',
  ])
    assert.ok(kinds.includes(kind), kind);
});
