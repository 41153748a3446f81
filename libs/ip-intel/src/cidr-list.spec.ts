import { CidrListFormatError, parseCidrListText } from './cidr-list';

describe('parseCidrListText', () => {
  it('reads IPv4 and IPv6 networks and bare addresses, ignoring comments, blanks and CRLF', () => {
    const text = [
      '# Known VPN exits',
      '1.2.3.0/24',
      '  5.6.7.8   # one host, trailing comment',
      '',
      '2001:db8::/32\r',
      '2a02:26f7:b00a:4000::1',
    ].join('\n');
    const result = parseCidrListText(text, 'vpn.txt');
    expect(result.networks.map((n) => `${n.address.version}/${n.prefixLength}`)).toEqual(['4/24', '4/32', '6/32', '6/128']);
    expect(result.invalidLineCount).toBe(0);
  });

  it('skips bad lines, counts them, and quotes the first ones as file:line', () => {
    const text = ['1.2.3.0/24', 'not-an-ip', '1.2.3.4/40', '10.0.0.0/8'].join('\n');
    const result = parseCidrListText(text, 'lists/vpn.txt');
    expect(result.networks).toHaveLength(2);
    expect(result.invalidLineCount).toBe(2);
    expect(result.invalidLineSamples).toEqual([
      'lists/vpn.txt:2: not an IP address: "not-an-ip"',
      'lists/vpn.txt:3: prefix length must be an integer 0..32: "40"',
    ]);
  });

  it('keeps at most five samples however many lines are bad', () => {
    const text = ['1.1.1.1', ...Array.from({ length: 9 }, (_, i) => `bad${i}`)].join('\n');
    const result = parseCidrListText(text, 'x.txt');
    expect(result.invalidLineCount).toBe(9);
    expect(result.invalidLineSamples).toHaveLength(5);
  });

  it('rejects a file with no valid entry but bad lines (an HTML error page, say)', () => {
    expect(() => parseCidrListText('<html>\n<body>Rate limited</body>\n</html>', 'tor.lst')).toThrow(CidrListFormatError);
    expect(() => parseCidrListText('<html>', 'tor.lst')).toThrow('tor.lst: no valid address or CIDR in 1 non-comment line(s); first: tor.lst:1:');
  });

  it('accepts an empty or comment-only list (nothing listed today)', () => {
    expect(parseCidrListText('# nothing yet\n', 'known-bad.txt').networks).toEqual([]);
  });
});
