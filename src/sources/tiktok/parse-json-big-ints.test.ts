import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJsonKeepingBigInts } from './parse-json-big-ints.js';

describe('parseJsonKeepingBigInts', () => {
  it('keeps int64 ids exact as strings where JSON.parse would round them', () => {
    const text = '{"id":7306594312292453601,"ids":[7106594312292453675,-9223372036854775807]}';

    const parsed = parseJsonKeepingBigInts(text) as { id: unknown; ids: unknown[] };

    assert.notEqual(String(JSON.parse(text).id), '7306594312292453601');
    assert.equal(parsed.id, '7306594312292453601');
    assert.deepEqual(parsed.ids, ['7106594312292453675', '-9223372036854775807']);
  });

  it('leaves short integers, decimals, exponents and digits inside strings as they are', () => {
    const text =
      '{"t":1633823999,"f":12345678901234567.5,"e":1234567890123456789e2,"s":"id 7306594312292453601 \\" 99999999999999999","n":-5}';

    assert.deepEqual(parseJsonKeepingBigInts(text), JSON.parse(text));
  });

  it('throws SyntaxError on malformed JSON, as JSON.parse does', () => {
    assert.throws(() => parseJsonKeepingBigInts('{"videos": [12345678901234567890'), SyntaxError);
  });
});
