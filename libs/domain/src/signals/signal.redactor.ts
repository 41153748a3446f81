// The signal as stored: raw personal identifiers replaced by their pseudonyms. Raw values live
// only in the separate, retention-purged table; the stored payload must never carry them.

import { extractIdentifiers, SignalIdentifier } from './identifier.extractor';
import { Pseudonymiser } from './pseudonymiser';
import { Signal, SignalType } from './signal.types';

export interface PseudonymisedIdentifier extends SignalIdentifier {
  /** `keyId.digest`, see Pseudonymiser. */
  pseudonym: string;
}

// Every data field that may hold a raw identifier. Checked after redaction as a safety net: a
// caller that passes too few pseudonyms gets an error, not a raw e-mail in the signals table.
const RAW_IDENTIFIER_FIELDS: { readonly [T in SignalType]?: readonly string[] } = {
  'account.registered': ['email', 'phone'],
  'identity.verified': ['documentNumber'],
  'session.started': ['ip', 'deviceId', 'mfaDeviceId'],
  'session.activity': ['ip'],
  'desktop.telemetry': ['deviceId'],
  'payout_method.added': ['instrument'],
  'address.changed': ['line1', 'line2'],
};

const DATA_PREFIX = 'data.';

/**
 * A copy of `signal` with every redactable identifier field set to its pseudonym. For an address,
 * line1 becomes the address pseudonym and line2 is dropped (its raw value is part of the address
 * identifier's `raw`). Wallet addresses (crypto payout instruments) are kept as given.
 * Throws if a field holding a raw identifier would be left in place.
 */
export function redactSignal(signal: Signal, pseudonyms: readonly PseudonymisedIdentifier[]): Signal {
  const rawFields = RAW_IDENTIFIER_FIELDS[signal.type];
  // Most traffic (session ends, contracts, reviews…) carries no identifier: no copy needed.
  if (rawFields === undefined) return signal;
  const source = signal.data as unknown as Record<string, unknown>;
  const data: Record<string, unknown> = { ...source };
  const replaced = new Set<string>();
  for (const identifier of pseudonyms) {
    if (!identifier.redact) continue;
    const field = identifier.path.slice(DATA_PREFIX.length);
    data[field] = identifier.pseudonym;
    replaced.add(field);
  }
  if (signal.type === 'address.changed' && !replaced.has('line2')) delete data.line2;
  if (signal.type === 'payout_method.added' && signal.data.kind === 'crypto') replaced.add('instrument');

  for (const field of rawFields) {
    if (data[field] !== undefined && !replaced.has(field)) {
      throw new Error(`redactSignal: no pseudonym given for ${DATA_PREFIX}${field} of signal ${signal.id}`);
    }
  }
  return {
    id: signal.id,
    type: signal.type,
    accountId: signal.accountId,
    occurredAt: signal.occurredAt,
    data,
  } as Signal;
}

export interface PseudonymisedSignal {
  /** What goes in the signals table. */
  stored: Signal;
  /** What goes in the identifier/link tables (pseudonyms) and the raw-value table (raw, retention). */
  identifiers: PseudonymisedIdentifier[];
}

/** extractIdentifiers → pseudonymise under the current key → redactSignal, in one call. */
export function pseudonymiseSignal(signal: Signal, pseudonymiser: Pseudonymiser): PseudonymisedSignal {
  const identifiers = extractIdentifiers(signal) as PseudonymisedIdentifier[];
  // Filled in place: the extracted objects are ours, and a copy per identifier showed in profiles.
  for (const identifier of identifiers) {
    identifier.pseudonym = pseudonymiser.pseudonymise(identifier.kind, identifier.normalised);
  }
  return { stored: redactSignal(signal, identifiers), identifiers };
}
