import type { Logger } from 'pino';
import { ConfigError, type PlatformConfig } from '@tns/config';
import { Pseudonymiser } from '@tns/domain/signals';

// Development and tests only: a fixed, public key, so pseudonyms are stable across restarts there.
// Its id says what it is, so a row made with it is recognisable if one ever reaches production data.
const INSECURE_DEVELOPMENT_KEY_ID = 'insecure-dev';
const INSECURE_DEVELOPMENT_SECRET = 'insecure-development-pseudonym-key-do-not-use-in-production';

/**
 * The keyed pseudonymiser from PSEUDONYM_KEYS ("k1:<secret>,k2:<secret>") and PSEUDONYM_CURRENT_KEY.
 * Rotation: add the new key, make it current; old keys stay listed while rows made with them matter.
 * In production a missing key stops the app with a one-line configuration error.
 */
export function createPseudonymiser(config: PlatformConfig, logger: Logger): Pseudonymiser {
  if (!config.PSEUDONYM_KEYS) {
    if (config.NODE_ENV === 'production') {
      throw new ConfigError('Invalid configuration: PSEUDONYM_KEYS is required when NODE_ENV=production');
    }
    logger.warn(
      { keyId: INSECURE_DEVELOPMENT_KEY_ID },
      'PSEUDONYM_KEYS is not set: using a fixed, PUBLIC development key; pseudonyms made now are not secret',
    );
    return new Pseudonymiser({
      currentKeyId: INSECURE_DEVELOPMENT_KEY_ID,
      keys: { [INSECURE_DEVELOPMENT_KEY_ID]: INSECURE_DEVELOPMENT_SECRET },
    });
  }
  const keys: Record<string, string> = {};
  for (const entry of config.PSEUDONYM_KEYS.split(',')) {
    const separator = entry.indexOf(':');
    if (separator <= 0) {
      throw new ConfigError('Invalid configuration: PSEUDONYM_KEYS must be "keyId:secret[,keyId:secret…]"');
    }
    keys[entry.slice(0, separator).trim()] = entry.slice(separator + 1);
  }
  const currentKeyId = config.PSEUDONYM_CURRENT_KEY ?? Object.keys(keys)[0];
  try {
    return new Pseudonymiser({ currentKeyId, keys });
  } catch (error) {
    // The domain's message names the key id, never the secret.
    const variable = keys[currentKeyId] === undefined ? 'PSEUDONYM_CURRENT_KEY' : 'PSEUDONYM_KEYS';
    throw new ConfigError(`Invalid configuration: ${variable}: ${(error as Error).message}`);
  }
}
