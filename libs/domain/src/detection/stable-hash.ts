// A small deterministic 32-bit hash (FNV-1a followed by the MurmurHash3 finaliser for avalanche).
// Used for sampling, MinHash and compact keys: the same input gives the same output on every
// machine and every run, which is what order-independent, reproducible features need.
// Not a cryptographic hash and not a pseudonym: never feed it raw identifiers to hide them.

export function hash32(text: string, seed = 0): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return avalanche32(hash);
}

/** MurmurHash3 fmix32: a bijection on 32-bit integers that spreads every input bit. */
export function avalanche32(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export function toHex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

/** 64 bits as 16 hex chars: wide enough that unrelated keys do not collide across millions of accounts. */
export function hash64Hex(text: string): string {
  return toHex32(hash32(text, 0x2545f491)) + toHex32(hash32(text, 0x9e3779b9));
}
