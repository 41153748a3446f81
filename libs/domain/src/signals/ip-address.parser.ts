// A strict, I/O-free IP address parser (the domain may not use node:net).
// It returns the canonical text form so that one address has one spelling for linking:
// IPv4 dotted decimal, IPv6 per RFC 5952 (lower-case, zeros suppressed, longest zero run as `::`),
// and IPv4-mapped IPv6 (`::ffff:1.2.3.4`, what dual-stack servers report) as the IPv4 address.

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Canonical text of `text` if it is an IPv4 or IPv6 address, else null. */
export function parseIpAddress(text: string): string | null {
  if (text.length > 45) return null; // longest IPv6 text with embedded IPv4
  if (text.includes(':')) return parseIpv6(text);
  // A valid dotted quad is already canonical: no leading zeros, no other spelling.
  return parseIpv4Octets(text) === null ? null : text;
}

const DOT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/**
 * The four octets of a dotted quad, or null. One pass over the characters (every signal carries
 * an address, and the split-and-match version was a visible part of the bulk path's profile).
 * Leading zeros are refused: `010.0.0.1` means 8.0.0.1 to some stacks and 10.0.0.1 to others.
 */
function parseIpv4Octets(text: string): number[] | null {
  const octets: number[] = [];
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : DOT;
    if (code >= DIGIT_0 && code <= DIGIT_9) {
      if (digits === 1 && value === 0) return null;
      value = value * 10 + (code - DIGIT_0);
      if (++digits > 3) return null;
    } else if (code === DOT && digits > 0 && value <= 255 && octets.length < 4) {
      octets.push(value);
      value = 0;
      digits = 0;
    } else {
      return null;
    }
  }
  return octets.length === 4 ? octets : null;
}

function parseIpv6(text: string): string | null {
  const groups = parseIpv6Groups(text);
  if (groups === null) return null;
  if (isIpv4Mapped(groups)) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
  }
  return formatIpv6(groups);
}

function parseIpv6Groups(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = parseHexGroups(halves[0], halves.length === 1);
  if (head === null) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const tail = parseHexGroups(halves[1], true);
  if (tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/** Colon-separated hex groups; the last may be dotted IPv4 when `mayEndWithIpv4`. */
function parseHexGroups(text: string, mayEndWithIpv4: boolean): number[] | null {
  if (text === '') return [];
  const parts = text.split(':');
  const groups: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (mayEndWithIpv4 && i === parts.length - 1 && part.includes('.')) {
      const octets = parseIpv4Octets(part);
      if (octets === null) return null;
      groups.push((octets[0] << 8) | octets[1], (octets[2] << 8) | octets[3]);
    } else if (HEX_GROUP.test(part)) {
      groups.push(parseInt(part, 16));
    } else {
      return null;
    }
  }
  return groups;
}

function isIpv4Mapped(groups: number[]): boolean {
  for (let i = 0; i < 5; i++) if (groups[i] !== 0) return false;
  return groups[5] === 0xffff;
}

function formatIpv6(groups: number[]): string {
  const run = longestZeroRun(groups);
  const hex = groups.map((group) => group.toString(16));
  if (run.length < 2) return hex.join(':');
  const head = hex.slice(0, run.start).join(':');
  const tail = hex.slice(run.start + run.length).join(':');
  return `${head}::${tail}`;
}

/** The first longest run of zero groups (RFC 5952 §4.2.3). */
function longestZeroRun(groups: number[]): { start: number; length: number } {
  let best = { start: -1, length: 0 };
  let start = -1;
  for (let i = 0; i <= groups.length; i++) {
    if (i < groups.length && groups[i] === 0) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start > best.length) best = { start, length: i - start };
      start = -1;
    }
  }
  return best;
}
