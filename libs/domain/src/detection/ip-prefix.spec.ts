import { networkPrefix } from './ip-prefix';

describe('networkPrefix', () => {
  it('takes the /24 of IPv4 (also when mapped into IPv6)', () => {
    expect(networkPrefix('203.0.113.77')).toBe('203.0.113.0/24');
    expect(networkPrefix('::ffff:203.0.113.77')).toBe('203.0.113.0/24');
  });

  it('takes the /64 of IPv6 in any notation', () => {
    expect(networkPrefix('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(networkPrefix('2001:0DB8:0000:0000:1:2:3:4')).toBe('2001:db8:0:0::/64');
    expect(networkPrefix('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('rejects what is not an address', () => {
    for (const bad of ['300.1.1.1', '1.2.3', 'example.com', '1::2::3', '']) expect(networkPrefix(bad)).toBeUndefined();
  });
});
