import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Bearer secrets: 32 random bytes behind a readable prefix. Only a SHA-256 of the whole token
 * is stored; with 256 bits of entropy a fast hash is enough (no password-style stretching).
 */
export interface IssuedToken {
  token: string;
  /** The public part that finds the stored row (API keys only). */
  lookupPrefix: string;
  hash: string;
}

export function issueToken(kind: 'key' | 'login' | 'session'): IssuedToken {
  const lookupPrefix = `tns_${kind}_${randomBytes(6).toString('hex')}`;
  const token = `${lookupPrefix}_${randomBytes(32).toString('base64url')}`;
  return { token, lookupPrefix, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The lookup prefix of a well-formed token, or null. */
export function lookupPrefixOf(token: string): string | null {
  const match = /^(tns_(?:key|login|session)_[0-9a-f]{12})_[A-Za-z0-9_-]{43}$/.exec(token);
  return match?.[1] ?? null;
}

export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
