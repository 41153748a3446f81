/**
 * IP addresses as big-endian 32-bit words: one word for IPv4, four for IPv6.
 * The same shape feeds the prefix tree (bit walk) and the ASN ranges (word compare),
 * so an address is parsed once per lookup.
 */
export type IpVersion = 4 | 6;

export interface IpAddress {
  readonly version: IpVersion;
  readonly words: readonly number[];
}

export class InvalidIpAddressError extends Error {
  constructor(readonly input: string) {
    super(`Invalid IP address: ${JSON.stringify(input)}`);
    this.name = 'InvalidIpAddressError';
  }
}

/** Parses an IPv4 or IPv6 address; undefined when the text is not one. No zone ids, no leading-zero octets. */
export function parseIpAddress(text: string): IpAddress | undefined {
  if (text.includes(':')) {
    const words = parseIpv6Words(text);
    return words && { version: 6, words };
  }
  const word = parseIpv4Word(text);
  return word === undefined ? undefined : { version: 4, words: [word] };
}

/** Like parseIpAddress, but an IPv4-mapped IPv6 address (::ffff:a.b.c.d) becomes IPv4, as dual-stack sockets report them. */
export function parseLookupAddress(text: string): IpAddress | undefined {
  const address = parseIpAddress(text);
  return address && unmapIpv4(address);
}

export function unmapIpv4(address: IpAddress): IpAddress {
  return isIpv4Mapped(address) ? { version: 4, words: [address.words[3]] } : address;
}

export function isIpv4Mapped(address: IpAddress): boolean {
  const w = address.words;
  return address.version === 6 && w[0] === 0 && w[1] === 0 && w[2] === 0xffff;
}

export function parseIpv4Word(text: string): number | undefined {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 /* . */) {
      if (digits === 0 || dots === 3) return undefined;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (code >= 48 && code <= 57) {
      // A leading zero ("010") is ambiguous (octal in some parsers), so it is rejected.
      if (digits === 1 && octet === 0) return undefined;
      octet = octet * 10 + (code - 48);
      digits++;
      if (octet > 255) return undefined;
    } else {
      return undefined;
    }
  }
  if (digits === 0 || dots !== 3) return undefined;
  return value * 256 + octet;
}

/** Single pass over the text (no split/regex): it runs for every IPv6 lookup and ASN row. */
export function parseIpv6Words(text: string): number[] | undefined {
  const hextets: number[] = [];
  let compressAt = -1; // index in hextets where "::" stands
  let i = 0;
  const length = text.length;
  if (text.startsWith('::')) {
    compressAt = 0;
    i = 2;
  }
  while (i < length) {
    let value = 0;
    let end = i;
    while (end < length && end - i <= 4) {
      const digit = hexDigit(text.charCodeAt(end));
      if (digit < 0) break;
      value = value * 16 + digit;
      end++;
    }
    if (end < length && text.charCodeAt(end) === 46 /* . */) {
      // Dotted IPv4 may only end the address, in place of the last two groups.
      const ipv4 = hextets.length <= 6 ? parseIpv4Word(text.slice(i)) : undefined;
      if (ipv4 === undefined) return undefined;
      hextets.push(ipv4 >>> 16, ipv4 & 0xffff);
      break;
    }
    if (end === i || end - i > 4) return undefined;
    hextets.push(value);
    if (end === length) break;
    if (text.charCodeAt(end) !== 58 /* : */) return undefined;
    if (text.charCodeAt(end + 1) === 58) {
      if (compressAt >= 0) return undefined;
      compressAt = hextets.length;
      i = end + 2;
    } else {
      i = end + 1;
      if (i === length) return undefined; // a single trailing colon
    }
  }
  return hextetsToWords(hextets, compressAt);
}

function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}

function hextetsToWords(hextets: number[], compressAt: number): number[] | undefined {
  if (compressAt < 0 ? hextets.length !== 8 : hextets.length > 7) return undefined;
  if (compressAt >= 0) hextets.splice(compressAt, 0, ...new Array<number>(8 - hextets.length).fill(0));
  return [
    (hextets[0] * 0x10000 + hextets[1]) >>> 0,
    (hextets[2] * 0x10000 + hextets[3]) >>> 0,
    (hextets[4] * 0x10000 + hextets[5]) >>> 0,
    (hextets[6] * 0x10000 + hextets[7]) >>> 0,
  ];
}

export function formatIpAddress(address: IpAddress): string {
  return address.version === 4 ? formatIpv4(address.words[0]) : formatIpv6(address.words);
}

function formatIpv4(word: number): string {
  return `${word >>> 24}.${(word >>> 16) & 255}.${(word >>> 8) & 255}.${word & 255}`;
}

/** RFC 5952 text: lower case, longest run (≥ 2) of zero groups shortened to "::". */
function formatIpv6(words: readonly number[]): string {
  const hextets = words.flatMap((word) => [word >>> 16, word & 0xffff]);
  const run = longestZeroRun(hextets);
  const hex = hextets.map((h) => h.toString(16));
  if (run.length < 2) return hex.join(':');
  return `${hex.slice(0, run.start).join(':')}::${hex.slice(run.start + run.length).join(':')}`;
}

function longestZeroRun(hextets: number[]): { start: number; length: number } {
  let best = { start: 0, length: 0 };
  let start = -1;
  for (let i = 0; i <= hextets.length; i++) {
    if (i < hextets.length && hextets[i] === 0) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start > best.length) best = { start, length: i - start };
      start = -1;
    }
  }
  return best;
}

/** -1, 0 or 1; both addresses must have the same number of words. */
export function compareWords(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

/** The address just below; wraps at zero (callers never pass zero). */
export function previousWords(words: readonly number[]): number[] {
  const result = [...words];
  for (let i = result.length - 1; i >= 0; i--) {
    if (result[i] !== 0) {
      result[i] = (result[i] - 1) >>> 0;
      return result;
    }
    result[i] = 0xffffffff;
  }
  return result;
}
