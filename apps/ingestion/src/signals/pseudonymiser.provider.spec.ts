import pino from 'pino';
import { ConfigError, loadPlatformConfig } from '@tns/config';
import { createPseudonymiser } from './pseudonymiser.provider';

const silent = pino({ level: 'silent' });
const SECRET_A = 'a'.repeat(40);
const SECRET_B = 'b'.repeat(40);

describe('createPseudonymiser', () => {
  it('stops a production process without PSEUDONYM_KEYS, naming the variable', () => {
    const config = loadPlatformConfig({ NODE_ENV: 'production' });
    expect(() => createPseudonymiser(config, silent)).toThrow(ConfigError);
    expect(() => createPseudonymiser(config, silent)).toThrow(/PSEUDONYM_KEYS/);
  });

  it('uses a clearly named insecure key in development', () => {
    const pseudonymiser = createPseudonymiser(loadPlatformConfig({}), silent);
    expect(pseudonymiser.pseudonymise('email', 'a@b.co')).toMatch(/^insecure-dev\./);
  });

  it('makes new pseudonyms with the current key and still knows the old one (rotation)', () => {
    const before = createPseudonymiser(loadPlatformConfig({ PSEUDONYM_KEYS: `k1:${SECRET_A}` }), silent);
    const after = createPseudonymiser(
      loadPlatformConfig({ PSEUDONYM_KEYS: `k1:${SECRET_A},k2:${SECRET_B}`, PSEUDONYM_CURRENT_KEY: 'k2' }),
      silent,
    );
    const old = before.pseudonymise('phone', '+14155552671');
    expect(after.pseudonymise('phone', '+14155552671')).toMatch(/^k2\./);
    expect(after.pseudonymsForAllKeys('phone', '+14155552671').map((p) => p.pseudonym)).toContain(old);
    // The cache answers repeats with the same value.
    expect(after.pseudonymise('phone', '+14155552671')).toBe(after.pseudonymise('phone', '+14155552671'));
  });

  it('refuses short secrets and an unknown current key without echoing a secret', () => {
    expect(() => createPseudonymiser(loadPlatformConfig({ PSEUDONYM_KEYS: 'k1:short' }), silent)).toThrow(
      /PSEUDONYM_KEYS: .*at least 32 bytes/,
    );
    const unknown = () =>
      createPseudonymiser(loadPlatformConfig({ PSEUDONYM_KEYS: `k1:${SECRET_A}`, PSEUDONYM_CURRENT_KEY: 'k9' }), silent);
    expect(unknown).toThrow(/PSEUDONYM_CURRENT_KEY/);
    expect(() => unknown()).not.toThrow(new RegExp(SECRET_A));
  });
});
