import { formatIpAddress, parseIpAddress, parseLookupAddress } from './ip-address';
import { parseCidr } from './cidr';

describe('parseIpAddress', () => {
  it.each([
    ['8.8.8.8', 4, [0x08080808]],
    ['255.255.255.255', 4, [0xffffffff]],
    ['0.0.0.0', 4, [0]],
    ['::', 6, [0, 0, 0, 0]],
    ['::1', 6, [0, 0, 0, 1]],
    ['2001:db8::1', 6, [0x20010db8, 0, 0, 1]],
    ['2001:DB8:0:0:0:0:0:1', 6, [0x20010db8, 0, 0, 1]],
    ['1:2:3:4:5:6:7::', 6, [0x10002, 0x30004, 0x50006, 0x70000]],
    ['::ffff:1.2.3.4', 6, [0, 0, 0xffff, 0x01020304]],
  ])('parses %s', (text, version, words) => {
    expect(parseIpAddress(text)).toEqual({ version, words });
  });

  it.each([
    '', '1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', '1.2.3.4 ', '1..2.3', 'a.b.c.d',
    ':::', '1:::2', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '12345::', ':1', '1:',
    'fe80::1%eth0', '1.2.3.4::', '1:2:3:4:5:6:7:1.2.3.4', 'localhost',
  ])('rejects %j', (text) => {
    expect(parseIpAddress(text)).toBeUndefined();
  });

  it('formats IPv6 canonically (RFC 5952: lower case, longest zero run compressed)', () => {
    const format = (text: string) => formatIpAddress(parseIpAddress(text)!);
    expect(format('2001:0DB8:0000:0000:0001:0000:0000:0001')).toBe('2001:db8::1:0:0:1');
    expect(format('0:0:0:0:0:0:0:0')).toBe('::');
    expect(format('1:0:2:3:4:5:6:7')).toBe('1:0:2:3:4:5:6:7');
  });

  it('answers IPv4-mapped IPv6 as IPv4, as dual-stack sockets report them', () => {
    expect(parseLookupAddress('::ffff:8.8.8.8')).toEqual({ version: 4, words: [0x08080808] });
    expect(parseLookupAddress('::ffff:808:808')).toEqual({ version: 4, words: [0x08080808] });
    expect(parseLookupAddress('::8.8.8.8')?.version).toBe(6);
  });
});

describe('parseCidr', () => {
  it('clears host bits and keeps the prefix', () => {
    expect(parseCidr('10.1.2.3/8')).toEqual({ ok: true, cidr: { address: { version: 4, words: [0x0a000000] }, prefixLength: 8 } });
    expect(parseCidr('2001:db8:ffff::/33')).toEqual({
      ok: true,
      cidr: { address: { version: 6, words: [0x20010db8, 0x80000000, 0, 0] }, prefixLength: 33 },
    });
  });

  it('treats a bare address as a host network', () => {
    expect(parseCidr('1.2.3.4')).toMatchObject({ ok: true, cidr: { prefixLength: 32 } });
    expect(parseCidr('2001:db8::1')).toMatchObject({ ok: true, cidr: { prefixLength: 128 } });
  });

  it('turns an IPv4-mapped network into the IPv4 network', () => {
    expect(parseCidr('::ffff:81.2.69.0/120')).toEqual({ ok: true, cidr: { address: { version: 4, words: [0x51024500] }, prefixLength: 24 } });
  });

  it.each(['1.2.3.4/33', '1.2.3.4/', '1.2.3.4/-1', '1.2.3.4/8x', '::/129', 'nonsense/8'])('rejects %j with a reason', (text) => {
    const result = parseCidr(text);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason.length).toBeGreaterThan(0);
  });
});
