// Red flags (advisory, May 2022; Okta): stolen or AI-made identities fail verification or are
// inconsistent with the persona — a declined check or failed liveness, a document from a country
// other than the claimed one, or payouts to someone other than the verified person.
// Look-alikes kept out: an immigrant with a residence permit in the claimed country; agency members
// whose payouts go to their agency (the holder is the agency, by design).

import type { AccountFeatures, VerificationFact } from '../account-features';
import { type Detector, type Reason, weighReason } from '../reason';
import { namesPlausiblyMatch } from '../person-name';

const LOW_FACE_MATCH = 0.5;

function failedCheck(verification: VerificationFact): boolean {
  return (
    verification.status === 'declined' ||
    verification.livenessPassed === false ||
    (verification.faceMatchScore !== undefined && verification.faceMatchScore < LOW_FACE_MATCH)
  );
}

function verifiedLegalName(features: AccountFeatures): string | undefined {
  const approved = features.verifications.find((verification) => verification.status === 'approved' && verification.legalName);
  return approved?.legalName ?? features.claimed.legalName?.value;
}

export const detectIdentityVerification: Detector = (features, { policy }) => {
  const reasons: Reason[] = [];
  const verifications = features.verifications; // latest first
  const latest = verifications[0];
  const failed = verifications.filter(failedCheck);
  if (failed.length > 0) {
    const stillFailing = latest !== undefined && failedCheck(latest);
    reasons.push(
      ...weighReason(
        policy,
        'IDENTITY_VERIFICATION_DECLINED',
        stillFailing ? 1 : 0.5,
        stillFailing ? 'the latest identity verification failed' : `${failed.length} earlier identity verification(s) failed`,
        { failedChecks: failed.length, latestStatus: latest?.status ?? null, providers: [...new Set(failed.map((v) => v.provider))].sort() },
      ),
    );
  }

  const claimedCountry = features.claimed.country?.value;
  const approved = verifications.filter((verification) => verification.status === 'approved' && verification.documentCountry);
  if (claimedCountry && approved.length > 0) {
    const residesInClaimedCountry = approved.some(
      (verification) => verification.documentCountry?.toUpperCase() === claimedCountry,
    );
    if (!residesInClaimedCountry) {
      const documentCountries = [...new Set(approved.map((verification) => verification.documentCountry!.toUpperCase()))].sort();
      reasons.push(
        ...weighReason(policy, 'DOCUMENT_COUNTRY_MISMATCH', 1, `claims ${claimedCountry} but was verified with a document from ${documentCountries.join(', ')}`, {
          claimedCountry,
          documentCountries,
        }),
      );
    }
  }

  const legalName = verifiedLegalName(features);
  // An agency's members are paid into the agency's account, and the agency account itself is paid
  // into its company's account: the holder is the company's legal name, not a person's.
  const registration = features.registration?.value;
  const paidAsAgency = registration?.agencyAccountId !== undefined || registration?.role === 'agency';
  if (legalName && !paidAsAgency) {
    const withHolder = features.payout.methods.filter((method) => method.holderName);
    const mismatched = withHolder.filter((method) => !namesPlausiblyMatch(legalName, method.holderName as string));
    if (mismatched.length > 0) {
      reasons.push(
        ...weighReason(
          policy,
          'PAYOUT_HOLDER_NAME_MISMATCH',
          mismatched.length === withHolder.length ? 1 : 0.6,
          `${mismatched.length} payout method(s) belong to someone other than the verified person`,
          { mismatchedMethods: mismatched.map((method) => method.methodId).sort(), methodsWithHolder: withHolder.length },
        ),
      );
    }
  }
  return reasons;
};
