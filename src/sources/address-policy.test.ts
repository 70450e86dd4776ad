import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkUrlAddress,
  DEFAULT_ADDRESS_POLICY,
  parseAddressPolicy,
  refuseAddress,
} from './address-policy.js';

function kindOf(address: string, policy = DEFAULT_ADDRESS_POLICY): unknown {
  return refuseAddress(policy, address, address)?.details.kind;
}

describe('refuseAddress with the default policy', () => {
  it('refuses every address class that is not public', () => {
    const refused: Record<string, string> = {
      '127.0.0.1': 'loopback',
      '127.8.9.10': 'loopback',
      '::1': 'loopback',
      '10.0.0.1': 'private',
      '172.16.0.1': 'private',
      '172.31.255.255': 'private',
      '192.168.1.1': 'private',
      'fc00::1': 'private (unique local)',
      'fd12:3456::1': 'private (unique local)',
      '169.254.169.254': 'cloud metadata',
      '169.254.10.1': 'link-local',
      'fe80::1': 'link-local',
      'fe80::1%eth0': 'link-local',
      '0.0.0.0': 'unspecified',
      '::': 'unspecified',
      '100.64.0.1': 'shared (CGNAT)',
      '100.127.255.254': 'shared (CGNAT)',
      '224.0.0.1': 'multicast',
      'ff02::1': 'multicast',
      '255.255.255.255': 'broadcast',
      '240.0.0.1': 'reserved',
    };
    for (const [address, kind] of Object.entries(refused))
      assert.equal(kindOf(address), kind, address);
  });

  it('judges IPv6 forms that carry an IPv4 address as that address', () => {
    for (const address of ['::ffff:127.0.0.1', '::ffff:7f00:1', '::127.0.0.1', '64:ff9b::7f00:1'])
      assert.equal(kindOf(address), 'loopback', address);
    assert.equal(kindOf('::ffff:169.254.169.254'), 'cloud metadata');
    assert.equal(kindOf('::ffff:a00:1'), 'private');
  });

  it('lets public addresses through', () => {
    for (const address of [
      '8.8.8.8',
      '172.32.0.1',
      '100.128.0.1',
      '2001:4860:4860::8888',
      '::ffff:8.8.8.8',
    ])
      assert.equal(refuseAddress(DEFAULT_ADDRESS_POLICY, address, address), undefined, address);
  });

  it('says which host, which address and why, and how to allow it', () => {
    const literal = refuseAddress(DEFAULT_ADDRESS_POLICY, '127.0.0.1', '127.0.0.1');
    assert.equal(literal?.code, 'source.address_refused');
    assert.equal(
      literal?.message,
      '127.0.0.1 is a loopback address; add it to fetchAllowList to allow an intranet feed',
    );
    const named = refuseAddress(DEFAULT_ADDRESS_POLICY, 'feed.example.vn', '10.1.2.3');
    assert.match(
      named?.message ?? '',
      /^feed\.example\.vn resolves to 10\.1\.2\.3, a private address;/,
    );
    assert.deepEqual(named?.details, {
      host: 'feed.example.vn',
      address: '10.1.2.3',
      kind: 'private',
    });
  });

  it('refuses an answer that is not an IP address', () => {
    assert.equal(
      refuseAddress(DEFAULT_ADDRESS_POLICY, 'x.vn', 'not-an-ip')?.code,
      'source.address_refused',
    );
  });
});

describe('parseAddressPolicy', () => {
  it('allows the listed networks, addresses and host names, and nothing else', () => {
    const policy = parseAddressPolicy([
      ' 10.1.2.0/24',
      '',
      '[::1]',
      'Intranet.UBND.local.',
      'fd00::/8',
    ]);
    assert.equal(refuseAddress(policy, '10.1.2.99', '10.1.2.99'), undefined);
    assert.equal(kindOf('10.1.3.1', policy), 'private');
    assert.equal(refuseAddress(policy, '::1', '::1'), undefined);
    assert.equal(kindOf('127.0.0.1', policy), 'loopback');
    assert.equal(refuseAddress(policy, 'intranet.ubnd.local', '192.168.5.5'), undefined);
    assert.equal(refuseAddress(policy, 'fd00::5', 'fd00::5'), undefined);
    assert.equal(kindOf('169.254.169.254', policy), 'cloud metadata');
  });

  it('matches an allowed IPv4 address in its IPv6-mapped form', () => {
    const policy = parseAddressPolicy(['127.0.0.1']);
    assert.equal(refuseAddress(policy, '::ffff:127.0.0.1', '::ffff:127.0.0.1'), undefined);
    assert.equal(refuseAddress(policy, 'localhost', '127.0.0.1'), undefined);
  });

  it('refuses entries that are neither a network nor a host name', () => {
    for (const entry of ['10.0.0.0/33', 'intranet.local:8080', 'http://x.vn', '1.2.3', '*.vn'])
      assert.throws(
        () => parseAddressPolicy([entry]),
        (e: { code?: string }) => e.code === 'config.invalid',
        entry,
      );
  });
});

describe('checkUrlAddress', () => {
  it('checks address literals in URLs, in every spelling the URL parser accepts', () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://[::1]:8080/',
      'http://[::ffff:127.0.0.1]/',
      'http://0x7f000001/',
      'http://2130706433/',
      'http://127.1/',
      'https://169.254.169.254/latest/meta-data/',
    ])
      assert.throws(
        () => checkUrlAddress(DEFAULT_ADDRESS_POLICY, new URL(url)),
        (e: { code?: string }) => e.code === 'source.address_refused',
        url,
      );
  });

  it('leaves host names to the lookup, and refuses other schemes', () => {
    checkUrlAddress(DEFAULT_ADDRESS_POLICY, new URL('https://vnexpress.net/rss'));
    assert.throws(
      () => checkUrlAddress(DEFAULT_ADDRESS_POLICY, new URL('file:///etc/passwd')),
      (e: { code?: string }) => e.code === 'source.invalid',
    );
  });
});
