// Network prefix of an address: the /24 of IPv4 and the /64 of IPv6 are what one household,
// office or hosting customer typically gets, so accounts seen on the same prefix are "near".

export function networkPrefix(ip: string): string | undefined {
  const trimmed = ip.trim();
  const mappedIpv4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  if (mappedIpv4) return ipv4Prefix(mappedIpv4[1]);
  if (trimmed.includes(':')) return ipv6Prefix(trimmed);
  return ipv4Prefix(trimmed);
}

function ipv4Prefix(ip: string): string | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  const octets = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : NaN));
  if (octets.some((octet) => !(octet >= 0 && octet <= 255))) return undefined;
  return `${octets[0]}.${octets[1]}.${octets[2]}.0/24`;
}

function ipv6Prefix(ip: string): string | undefined {
  const withoutZone = ip.split('%')[0].toLowerCase();
  const halves = withoutZone.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  if (tail.some((group) => group.includes('.')) || head.some((group) => group.includes('.'))) {
    return undefined; // embedded IPv4 other than ::ffff: is not worth supporting here
  }
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (groups.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return undefined;
  const first64 = groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16));
  return `${first64.join(':')}::/64`;
}
