// The personal identifiers a signal carries, each normalised for linking and tagged with the
// retention class its raw value falls under. Raw values go to a separate table purged after
// retention; the stored signal carries pseudonyms (see signal.redactor.ts).
//
// Not identifiers here, on purpose:
// - display, legal and holder names: sanctions screening re-runs whenever a list is loaded and
//   matches names fuzzily, which a pseudonym cannot do; they stay in the signal.
// - photoHash: a perceptual hash is matched by Hamming distance, which an HMAC would destroy;
//   it is already a one-way derivative of the photo.
// - crypto wallet addresses are extracted (for linking) but left in the signal as given, for
//   sanctions screening against published addresses.

import { normaliseAddressKey } from './address.normaliser';
import { normaliseDeviceId } from './device-id.normaliser';
import { normaliseDocumentNumber } from './document-number.normaliser';
import { normaliseEmail } from './email.normaliser';
import { normaliseLegalNameWithDob } from './legal-name.normaliser';
import { normalisePayoutInstrument } from './payout-instrument.normaliser';
import { normalisePhone } from './phone.normaliser';
import { Signal } from './signal.types';

export const IDENTIFIER_KINDS = [
  'email',
  'phone',
  'device',
  'mfa_device',
  'document',
  'payout_instrument',
  'address',
  'ip',
  'legal_name_dob',
] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/**
 * Kinds whose raw values sanctions screening reads back per account (lists publish e-mails, phones
 * and document numbers). Only these are kept as account ↔ pseudonym links: the identity graph
 * lives in detection, and a link row per IP and device would double the cost of storing a signal.
 */
export const SCREENED_IDENTIFIER_KINDS: readonly IdentifierKind[] = ['email', 'phone', 'document'];

/** Which retention setting governs the raw value. */
export type RetentionClass = 'ip' | 'device' | 'pii';

export interface SignalIdentifier {
  kind: IdentifierKind;
  /** The signal field holding the raw value (`data.email`); for keys built from several fields, the main one. */
  path: string;
  raw: string;
  normalised: string;
  retention: RetentionClass;
  /** False when the value failed a format check (IBAN checksum, unparseable phone). It is linked all the same. */
  wellFormed: boolean;
  /** Whether the stored signal has this field replaced by the pseudonym (false: the field stays as given). */
  redact: boolean;
}

function identifier(
  kind: IdentifierKind,
  path: string,
  raw: string,
  normalised: string,
  retention: RetentionClass,
  extra: { wellFormed?: boolean; redact?: boolean } = {},
): SignalIdentifier {
  return {
    kind,
    path,
    raw,
    normalised,
    retention,
    wellFormed: extra.wellFormed ?? true,
    redact: extra.redact ?? true,
  };
}

export function extractIdentifiers(signal: Signal): SignalIdentifier[] {
  switch (signal.type) {
    case 'account.registered': {
      const { email, phone, country } = signal.data;
      const found = [identifier('email', 'data.email', email, normaliseEmail(email), 'pii')];
      if (phone !== undefined) {
        const normalisedPhone = normalisePhone(phone, country);
        found.push(
          identifier('phone', 'data.phone', phone, normalisedPhone.normalised, 'pii', normalisedPhone),
        );
      }
      return found;
    }
    case 'identity.verified': {
      const { documentNumber, documentCountry, documentType, legalName, dateOfBirth } = signal.data;
      const found: SignalIdentifier[] = [];
      if (documentNumber !== undefined) {
        const normalised = normaliseDocumentNumber(documentNumber, documentCountry, documentType);
        found.push(identifier('document', 'data.documentNumber', documentNumber, normalised, 'pii'));
      }
      if (legalName !== undefined && dateOfBirth !== undefined) {
        const normalised = normaliseLegalNameWithDob(legalName, dateOfBirth);
        found.push(
          identifier('legal_name_dob', 'data.legalName', `${legalName}|${dateOfBirth}`, normalised, 'pii', {
            redact: false,
          }),
        );
      }
      return found;
    }
    case 'session.started': {
      const { ip, deviceId, mfaDeviceId } = signal.data;
      const found = [identifier('ip', 'data.ip', ip, ip, 'ip')];
      if (deviceId !== undefined)
        found.push(identifier('device', 'data.deviceId', deviceId, normaliseDeviceId(deviceId), 'device'));
      if (mfaDeviceId !== undefined) {
        found.push(
          identifier('mfa_device', 'data.mfaDeviceId', mfaDeviceId, normaliseDeviceId(mfaDeviceId), 'device'),
        );
      }
      return found;
    }
    case 'session.activity': {
      const { ip } = signal.data;
      return ip === undefined ? [] : [identifier('ip', 'data.ip', ip, ip, 'ip')];
    }
    case 'desktop.telemetry': {
      const { deviceId } = signal.data;
      return deviceId === undefined
        ? []
        : [identifier('device', 'data.deviceId', deviceId, normaliseDeviceId(deviceId), 'device')];
    }
    case 'payout_method.added': {
      const { kind, instrument } = signal.data;
      const payout = normalisePayoutInstrument(kind, instrument);
      const isWallet = payout.scheme === 'wallet';
      const found = [
        identifier('payout_instrument', 'data.instrument', instrument, payout.normalised, 'pii', {
          wellFormed: payout.wellFormed,
          redact: !isWallet,
        }),
      ];
      // A payout e-mail that is another account's login e-mail is a link too: also emit it as an
      // e-mail. The payout identifier above is the one that replaces the field.
      if (payout.scheme === 'email') {
        found.push(
          identifier(
            'email',
            'data.instrument',
            instrument,
            payout.normalised.slice('email:'.length),
            'pii',
            { redact: false },
          ),
        );
      }
      return found;
    }
    case 'address.changed': {
      const { line1, line2, postalCode, country } = signal.data;
      const line = line1 ?? line2;
      if (line === undefined) return [];
      const raw = line1 !== undefined && line2 !== undefined ? `${line1}\n${line2}` : line;
      const path = line1 !== undefined ? 'data.line1' : 'data.line2';
      return [
        identifier('address', path, raw, normaliseAddressKey({ line1: line, postalCode, country }), 'pii'),
      ];
    }
    case 'profile.updated':
    case 'session.ended':
    case 'payout.requested':
    case 'contract.started':
    case 'review.posted':
    case 'report.filed':
      return [];
    default:
      return assertNever(signal);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled signal type: ${JSON.stringify(value)}`);
}
