// Keyed pseudonyms for linking: HMAC-SHA256(secret, `kind:normalisedValue`).
// - Keyed, not a plain hash: e-mails and phone numbers have little entropy, a plain hash of them is
//   reversed by enumeration; without the key a leaked table links nothing.
// - `kind:` in the input: an e-mail and a phone (or a device id) with equal text never collide.
// - Truncated to 16 bytes (128 bits), base64url, 22 characters: with n identifiers the chance
//   of any collision is about n²/2¹²⁹ — below 10⁻¹⁸ even for 10¹⁰ identifiers — and forging a
//   collision needs the key. Half the index size of the full 32-byte digest.
// - Key rotation: a pseudonym is `keyId.digest`, so a stored value says which key made it.
//   New pseudonyms use the current key; during a rotation, `pseudonymsForAllKeys` gives the value
//   under every configured key so linking finds rows written before the switch.
// node:crypto is the one node module the pure domain may use (no I/O).

import { createHmac } from 'node:crypto';

export interface PseudonymiserKeys {
  /** The key new pseudonyms are made with; must be one of `keys`. */
  currentKeyId: string;
  /** Key id → secret. Ids: 1–32 of `A–Z a–z 0–9 _ -`. Secrets: at least 32 bytes. */
  keys: Readonly<Record<string, string | Uint8Array>>;
}

export interface KeyedPseudonym {
  keyId: string;
  pseudonym: string;
}

const KEY_ID_SHAPE = /^[A-Za-z0-9_-]{1,32}$/;
const IDENTIFIER_KIND_SHAPE = /^[a-z][a-z0-9_]*$/;
const MIN_SECRET_BYTES = 32;
const DIGEST_BYTES = 16;
const SEPARATOR = '.';

export class Pseudonymiser {
  readonly currentKeyId: string;
  // Raw key bytes: createHmac with a Buffer measured a little faster than with a KeyObject.
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(config: PseudonymiserKeys) {
    const keys = new Map<string, Buffer>();
    for (const [keyId, secret] of Object.entries(config.keys)) {
      if (!KEY_ID_SHAPE.test(keyId))
        throw new Error(`pseudonymiser key id "${keyId}" must be 1–32 of A–Z a–z 0–9 _ -`);
      const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
      if (bytes.length < MIN_SECRET_BYTES) {
        throw new Error(`pseudonymiser key "${keyId}" must be at least ${MIN_SECRET_BYTES} bytes`);
      }
      keys.set(keyId, bytes);
    }
    if (!keys.has(config.currentKeyId)) {
      throw new Error(`pseudonymiser current key "${config.currentKeyId}" is not among the configured keys`);
    }
    this.currentKeyId = config.currentKeyId;
    // Current key first, so callers of pseudonymsForAllKeys see the preferred value first.
    this.keys = new Map([[config.currentKeyId, keys.get(config.currentKeyId)!], ...keys]);
  }

  /** The pseudonym of `normalised` (of identifier kind `kind`) under the current key: `keyId.digest`. */
  pseudonymise(kind: string, normalised: string): string {
    return this.pseudonymiseWith(this.currentKeyId, kind, normalised);
  }

  /** The pseudonym under every configured key, current key first (for look-ups during a rotation). */
  pseudonymsForAllKeys(kind: string, normalised: string): KeyedPseudonym[] {
    return [...this.keys.keys()].map((keyId) => ({
      keyId,
      pseudonym: this.pseudonymiseWith(keyId, kind, normalised),
    }));
  }

  pseudonymiseWith(keyId: string, kind: string, normalised: string): string {
    const key = this.keys.get(keyId);
    if (key === undefined) throw new Error(`pseudonymiser key "${keyId}" is not configured`);
    // The kind is restricted to a shape without `:` so that `kind:value` is unambiguous.
    if (!IDENTIFIER_KIND_SHAPE.test(kind))
      throw new Error(`identifier kind "${kind}" must match ${IDENTIFIER_KIND_SHAPE}`);
    const digest = createHmac('sha256', key).update(`${kind}:${normalised}`, 'utf8').digest();
    return `${keyId}${SEPARATOR}${digest.subarray(0, DIGEST_BYTES).toString('base64url')}`;
  }

  /** The key id a pseudonym was made with, or null if it is not in the `keyId.digest` form. */
  static keyIdOf(pseudonym: string): string | null {
    const separator = pseudonym.indexOf(SEPARATOR);
    return separator > 0 ? pseudonym.slice(0, separator) : null;
  }
}
