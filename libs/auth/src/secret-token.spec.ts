import { hashesEqual, hashToken, issueToken, lookupPrefixOf } from './secret-token';

describe('secret tokens', () => {
  it('issues a readable prefix followed by at least 32 random bytes', () => {
    const issued = issueToken('key');
    expect(issued.token).toMatch(/^tns_key_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(issued.token.slice(-43), 'base64url')).toHaveLength(32);
    expect(lookupPrefixOf(issued.token)).toBe(issued.lookupPrefix);
    expect(issued.hash).toBe(hashToken(issued.token));
    expect(issued.hash).not.toContain(issued.token.slice(-43));
  });

  it('never issues the same token twice', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => issueToken('session').token));
    expect(tokens.size).toBe(1000);
  });

  it('rejects malformed tokens and compares hashes in constant time', () => {
    expect(lookupPrefixOf('tns_key_123_abc')).toBeNull();
    expect(lookupPrefixOf('Bearer x')).toBeNull();
    const { hash } = issueToken('key');
    expect(hashesEqual(hash, hash)).toBe(true);
    expect(hashesEqual(hash, hashToken('other'))).toBe(false);
    expect(hashesEqual(hash, 'ab')).toBe(false);
  });
});
