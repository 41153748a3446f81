// A payout instrument, normalised by what it is rather than by the method kind the marketplace
// chose: a Wise or Payoneer "instrument" may be an e-mail, an IBAN or an account number.
// The scheme prefixes the value so that different schemes never compare equal. IBANs, e-mails and
// wallets are globally unique, so they are linked across method kinds; a bare account number is
// only unique within its provider, so the method kind is part of its key.

import { normaliseEmail } from './email.normaliser';
import { looksLikeIban, normaliseIban } from './iban.normaliser';
import { PayoutMethodKind } from './signal.types';
import { normaliseWalletAddress } from './wallet-address.normaliser';

export type PayoutInstrumentScheme = 'email' | 'iban' | 'account' | 'wallet';

export interface NormalisedPayoutInstrument {
  scheme: PayoutInstrumentScheme;
  /** `scheme:value`, e.g. `iban:DE89370400440532013000`, `account:bank:12345678`. */
  normalised: string;
  /** False for an IBAN whose checksum fails; true otherwise. */
  wellFormed: boolean;
}

const ACCOUNT_NUMBER_SEPARATORS = /[\s\-./]/g;

/** Account numbers are written with spaces, dashes, dots or slashes between groups. */
export function normaliseAccountNumber(raw: string): string {
  return raw.replace(ACCOUNT_NUMBER_SEPARATORS, '').toUpperCase();
}

export function normalisePayoutInstrument(
  kind: PayoutMethodKind,
  instrument: string,
): NormalisedPayoutInstrument {
  if (kind === 'crypto') {
    return { scheme: 'wallet', normalised: `wallet:${normaliseWalletAddress(instrument)}`, wellFormed: true };
  }
  if (instrument.includes('@')) {
    return { scheme: 'email', normalised: `email:${normaliseEmail(instrument)}`, wellFormed: true };
  }
  if (looksLikeIban(instrument)) {
    const iban = normaliseIban(instrument);
    return { scheme: 'iban', normalised: `iban:${iban.normalised}`, wellFormed: iban.checksumValid };
  }
  return {
    scheme: 'account',
    normalised: `account:${kind}:${normaliseAccountNumber(instrument)}`,
    wellFormed: true,
  };
}
