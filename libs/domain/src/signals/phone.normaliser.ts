// Phone numbers to E.164, so `(415) 555-2671` claimed from the US and `+1 415 555 2671` are one
// identifier. The country the account claims is the default region for numbers written without
// an international prefix, which is how people type their own number.

import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';

export interface NormalisedPhone {
  /** E.164 (`+14155552671`) when parseable, else the digits alone (prefixed `+` if given). */
  normalised: string;
  /** False when the number could not be parsed as a possible number; it is still linked on digits. */
  wellFormed: boolean;
}

export function normalisePhone(raw: string, claimedCountry?: string): NormalisedPhone {
  const region =
    claimedCountry !== undefined && isSupportedCountry(claimedCountry) ? claimedCountry : undefined;
  const parsed = parsePhoneNumberFromString(raw, region);
  if (parsed !== undefined && parsed.isPossible()) return { normalised: parsed.number, wellFormed: true };
  const digits = raw.replace(/\D/g, '');
  return { normalised: raw.trimStart().startsWith('+') ? `+${digits}` : digits, wellFormed: false };
}
