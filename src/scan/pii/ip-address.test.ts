import { describe, expect, it } from 'vitest';
import { ipAddressDetector } from './ip-address.js';

const found = (text: string) =>
  ipAddressDetector.detect(text, { regions: ['US'] }).map((f) => [text.slice(f.start, f.end), f.score] as const);
const values = (text: string) => found(text).map(([v]) => v);

describe('ipAddressDetector', () => {
  it.each([
    ['from 192.168.1.10 today', ['192.168.1.10']],
    ['|86.121.97.248|', ['86.121.97.248']],
    ['0.0.0.0 and 255.255.255.255', ['0.0.0.0', '255.255.255.255']],
    ['host 2001:0db8:85a3:0000:0000:8a2e:0370:7334.', ['2001:0db8:85a3:0000:0000:8a2e:0370:7334']],
    ['2001:db8::1', ['2001:db8::1']],
    ['link fe80::1ff:fe23:4567:890a', ['fe80::1ff:fe23:4567:890a']],
    ['6e40:4041:c617:e898:c11:40d2:c669:2eb4 blocked', ['6e40:4041:c617:e898:c11:40d2:c669:2eb4']],
  ])('finds %j', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('finds IPv4-mapped IPv6 (and the IPv4 inside it)', () => {
    expect(values('::ffff:192.0.2.128')).toEqual(['192.0.2.128', '::ffff:192.0.2.128']);
  });

  it.each([
    ['256.1.1.1', 'an octet above 255'],
    ['01.2.3.4', 'a leading zero'],
    ['version 10.2.3.4', 'a version after "version"'],
    ['v1.2.3.4', 'a v-prefixed version'],
    ['1.2.3.4.5', 'five parts'],
    ['12:30:45', 'a time'],
    ['std::vector', 'a C++ scope'],
    ['00:1A:2B:3C:4D:5E', 'a MAC address'],
    ['1:2:3:4:5:6:7:8:9', 'nine groups'],
    ['1::2::3', 'two double colons'],
    ['', 'empty text'],
  ])('ignores %j (%s)', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('scores single-digit quads low (section numbers look the same)', () => {
    expect(found('see 1.2.3.4')[0]![1]).toBeLessThan(0.5);
    expect(found('see 10.20.30.40')[0]![1]).toBeGreaterThanOrEqual(0.5);
  });

  it('reports UTF-16 offsets after an emoji', () => {
    const text = '🔥 10.0.0.1';
    expect(ipAddressDetector.detect(text, { regions: ['US'] })[0]).toMatchObject({ start: 3, end: 11 });
  });
});
