import { createHmac } from 'node:crypto';

import { Pseudonymiser } from './pseudonymiser';

const OLD_SECRET = 'old-secret-old-secret-old-secret!';
const NEW_SECRET = 'new-secret-new-secret-new-secret!';

describe('Pseudonymiser', () => {
  const current = new Pseudonymiser({ currentKeyId: 'k2', keys: { k1: OLD_SECRET, k2: NEW_SECRET } });

  it('is HMAC-SHA256 over kind:value, truncated to 16 bytes, base64url, prefixed by the key id', () => {
    const expected = createHmac('sha256', NEW_SECRET)
      .update('email:john@gmail.com')
      .digest()
      .subarray(0, 16)
      .toString('base64url');
    expect(current.pseudonymise('email', 'john@gmail.com')).toBe(`k2.${expected}`);
    expect(current.pseudonymise('email', 'john@gmail.com')).toMatch(/^k2\.[A-Za-z0-9_-]{22}$/);
  });

  it('is stable, and differs between values', () => {
    const again = new Pseudonymiser({ currentKeyId: 'k2', keys: { k2: NEW_SECRET } });
    expect(again.pseudonymise('phone', '+14155552671')).toBe(current.pseudonymise('phone', '+14155552671'));
    expect(current.pseudonymise('phone', '+14155552671')).not.toBe(
      current.pseudonymise('phone', '+14155552672'),
    );
  });

  it('separates kinds: equal text of different kinds never collides', () => {
    expect(current.pseudonymise('device', '12345678')).not.toBe(
      current.pseudonymise('mfa_device', '12345678'),
    );
    expect(current.pseudonymise('email', 'x')).not.toBe(current.pseudonymise('phone', 'x'));
  });

  it('separates keys: the same value under another secret is unrelated', () => {
    const other = new Pseudonymiser({ currentKeyId: 'k2', keys: { k2: OLD_SECRET } });
    expect(other.pseudonymise('email', 'a@b.c')).not.toBe(current.pseudonymise('email', 'a@b.c'));
  });

  it('supports rotation: all keys current first, each equal to what that key made before', () => {
    const beforeRotation = new Pseudonymiser({ currentKeyId: 'k1', keys: { k1: OLD_SECRET } });
    const stored = beforeRotation.pseudonymise('email', 'a@b.c');
    const all = current.pseudonymsForAllKeys('email', 'a@b.c');
    expect(all.map((p) => p.keyId)).toEqual(['k2', 'k1']);
    expect(all[0].pseudonym).toBe(current.pseudonymise('email', 'a@b.c'));
    expect(all.map((p) => p.pseudonym)).toContain(stored);
    expect(current.pseudonymiseWith('k1', 'email', 'a@b.c')).toBe(stored);
    expect(Pseudonymiser.keyIdOf(stored)).toBe('k1');
    expect(Pseudonymiser.keyIdOf('no-separator')).toBeNull();
  });

  it('accepts binary secrets', () => {
    const secret = new Uint8Array(32).fill(7);
    const binary = new Pseudonymiser({ currentKeyId: 'b', keys: { b: secret } });
    const expected = createHmac('sha256', Buffer.from(secret))
      .update('ip:1.2.3.4')
      .digest()
      .subarray(0, 16)
      .toString('base64url');
    expect(binary.pseudonymise('ip', '1.2.3.4')).toBe(`b.${expected}`);
  });

  it('refuses bad configuration and unknown keys or kinds', () => {
    expect(() => new Pseudonymiser({ currentKeyId: 'k3', keys: { k1: OLD_SECRET } })).toThrow(
      /current key "k3"/,
    );
    expect(() => new Pseudonymiser({ currentKeyId: 'k1', keys: { k1: 'short' } })).toThrow(
      /at least 32 bytes/,
    );
    expect(() => new Pseudonymiser({ currentKeyId: 'k.1', keys: { 'k.1': OLD_SECRET } })).toThrow(/key id/);
    expect(() => current.pseudonymiseWith('k9', 'email', 'x')).toThrow(/not configured/);
    expect(() => current.pseudonymise('email:phone', 'x')).toThrow(/identifier kind/);
  });
});
