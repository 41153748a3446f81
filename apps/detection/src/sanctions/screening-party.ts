// What an account offers screening, from its features (names, date of birth, nationality, wallets)
// and its raw identifiers while retention keeps them. Pure.

import type { RawAccountIdentifiers } from '@tns/database';
import type { AccountFeatures } from '@tns/domain/detection';
import type { ScreeningParty } from '@tns/domain/sanctions';

const WALLET_KEY_PREFIX = 'wallet:';

/**
 * Every name the account goes by (display, legal — claimed or verified — and payout holder
 * names), the dates of birth and nationalities it stated in verifications as context, and its
 * crypto wallets (stored as given; the features keep them under their linking key).
 */
export function screeningPartyOf(features: AccountFeatures, raw?: RawAccountIdentifiers): ScreeningParty {
  const names: Array<ScreeningParty['names'][number]> = [];
  if (features.claimed.displayName)
    names.push({ field: 'displayName', value: features.claimed.displayName.value });
  if (features.claimed.legalName) names.push({ field: 'legalName', value: features.claimed.legalName.value });
  const datesOfBirth = new Set<string>();
  const nationalities = new Set<string>();
  for (const verification of features.verifications) {
    if (verification.legalName) names.push({ field: 'legalName', value: verification.legalName });
    if (verification.dateOfBirth) datesOfBirth.add(verification.dateOfBirth);
    if (verification.nationality) nationalities.add(verification.nationality.toUpperCase());
  }
  const wallets = new Set<string>();
  for (const method of features.payout.methods) {
    if (method.holderName) names.push({ field: 'holderName', value: method.holderName });
    if (method.kind === 'crypto' && method.instrumentKey.startsWith(WALLET_KEY_PREFIX)) {
      wallets.add(method.instrumentKey.slice(WALLET_KEY_PREFIX.length));
    }
  }
  const party: ScreeningParty = { names, wallets: [...wallets].sort() };
  if (datesOfBirth.size > 0 || nationalities.size > 0) {
    party.context = { datesOfBirth: [...datesOfBirth].sort(), nationalities: [...nationalities].sort() };
  }
  if (raw) Object.assign(party, { emails: raw.emails, phones: raw.phones, documents: raw.documents });
  return party;
}
