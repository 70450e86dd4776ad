import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SETTING_NAMES, settingMeta } from './config-schema.js';
import { renderConfigDoc } from './render-config-doc.js';

describe('renderConfigDoc', () => {
  it('documents every setting with its environment variable', () => {
    const doc = renderConfigDoc();
    for (const name of SETTING_NAMES) {
      assert.ok(doc.includes(`### \`${name}\``), name);
      assert.ok(doc.includes(settingMeta(name).env), name);
    }
  });

  it('matches docs/config.md (regenerate with npx tsx scripts/generate-config-doc.ts)', () => {
    const onDisk = readFileSync(new URL('../../docs/config.md', import.meta.url), 'utf8');
    assert.equal(onDisk, renderConfigDoc());
  });
});
