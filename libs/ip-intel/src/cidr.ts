import { IpAddress, isIpv4Mapped, parseIpAddress } from './ip-address';

/** A network: address with host bits cleared, and its prefix length. */
export interface Cidr {
  readonly address: IpAddress;
  readonly prefixLength: number;
}

export type CidrParseResult = { ok: true; cidr: Cidr } | { ok: false; reason: string };

/**
 * Parses "a.b.c.d/n", "x::y/n" or a bare address (a host network).
 * Host bits are cleared rather than rejected: published lists sometimes write 1.2.3.4/24.
 * An IPv4-mapped IPv6 network (::ffff:a.b.c.d/n, n ≥ 96) becomes the IPv4 network, so it
 * matches the IPv4 lookups the service makes for mapped addresses.
 */
export function parseCidr(text: string): CidrParseResult {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const address = parseIpAddress(addressText);
  if (!address) return { ok: false, reason: `not an IP address: ${JSON.stringify(addressText)}` };
  const bits = address.version === 4 ? 32 : 128;
  const prefixLength = slash < 0 ? bits : parsePrefixLength(text.slice(slash + 1), bits);
  if (prefixLength === undefined) {
    return { ok: false, reason: `prefix length must be an integer 0..${bits}: ${JSON.stringify(text.slice(slash + 1))}` };
  }
  if (isIpv4Mapped(address) && prefixLength >= 96) {
    return { ok: true, cidr: networkOf({ version: 4, words: [address.words[3]] }, prefixLength - 96) };
  }
  return { ok: true, cidr: networkOf(address, prefixLength) };
}

function parsePrefixLength(text: string, bits: number): number | undefined {
  if (!/^\d{1,3}$/.test(text)) return undefined;
  const value = Number(text);
  return value <= bits ? value : undefined;
}

function networkOf(address: IpAddress, prefixLength: number): Cidr {
  const words = address.words.map((word, index) => word & wordMask(prefixLength - index * 32));
  return { address: { version: address.version, words: words.map((w) => w >>> 0) }, prefixLength };
}

/** Mask for one 32-bit word given how many of the prefix bits fall into it (may be ≤ 0 or ≥ 32). */
function wordMask(bitsInWord: number): number {
  if (bitsInWord <= 0) return 0;
  if (bitsInWord >= 32) return 0xffffffff;
  return (0xffffffff << (32 - bitsInWord)) >>> 0;
}
