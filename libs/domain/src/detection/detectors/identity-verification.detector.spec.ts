import { ACCOUNT, DAY, detectorContext, featuresOf, registration, T0 } from '../observation.fixtures';
import type { IdentityObservation, Observation, PayoutMethodObservation } from '../observation.types';
import { detectIdentityVerification } from './identity-verification.detector';

function verification(at: number, overrides: Partial<IdentityObservation>): IdentityObservation {
  return { kind: 'identity', eventId: `id${at}`, accountId: ACCOUNT, occurredAt: at, provider: 'kyc', status: 'approved', legalName: 'Alex Doe', documentCountry: 'US', ...overrides };
}

function payoutTo(holderName: string): PayoutMethodObservation {
  return { kind: 'payout-method', eventId: `pm-${holderName}`, accountId: ACCOUNT, occurredAt: T0, methodId: `m-${holderName}`, methodKind: 'bank', instrumentKey: `iban-${holderName}`, holderName };
}

const codesFor = (observations: Observation[]) => detectIdentityVerification(featuresOf([registration(), ...observations]), detectorContext()).map((r) => `${r.code}:${r.weight}`);

describe('detectIdentityVerification', () => {
  it('reports a declined verification at full weight, an old one overcome at half', () => {
    expect(codesFor([verification(T0, { status: 'declined' })])).toEqual(['IDENTITY_VERIFICATION_DECLINED:30']);
    expect(codesFor([verification(T0, { status: 'declined' }), verification(T0 + DAY, {})])).toEqual(['IDENTITY_VERIFICATION_DECLINED:15']);
  });

  it('reports failed liveness like a decline', () => {
    expect(codesFor([verification(T0, { livenessPassed: false })])).toEqual(['IDENTITY_VERIFICATION_DECLINED:30']);
  });

  it('reports a document from another country than the claim', () => {
    expect(codesFor([verification(T0, { documentCountry: 'CN', documentType: 'passport' })])).toEqual(['DOCUMENT_COUNTRY_MISMATCH:15']);
  });

  it('accepts an immigrant with a residence permit in the claimed country', () => {
    expect(codesFor([verification(T0, { documentCountry: 'IN', documentType: 'passport' }), verification(T0 + DAY, { documentCountry: 'US', documentType: 'residence_permit' })])).toEqual([]);
  });

  it('reports payouts to someone other than the verified person, not name-order variants', () => {
    expect(codesFor([verification(T0, {}), payoutTo('Wang Wei')])).toEqual(['PAYOUT_HOLDER_NAME_MISMATCH:20']);
    expect(codesFor([verification(T0, {}), payoutTo('DOE, ALEX J')])).toEqual([]);
  });

  it('accepts agency members paid through the agency account', () => {
    const member = registration({ agencyAccountId: 'agency-1' });
    expect(detectIdentityVerification(featuresOf([member, verification(T0, {}), payoutTo('Bright Agency Ltd')]), detectorContext())).toEqual([]);
  });

  it('accepts an agency account paid into the agency company account', () => {
    const agency = registration({ role: 'agency' });
    const profile: Observation = { kind: 'profile', eventId: 'pr-1', accountId: ACCOUNT, occurredAt: T0, legalName: 'Olena Kovalenko' };
    expect(detectIdentityVerification(featuresOf([agency, profile, payoutTo('Bright Agency Ltd')]), detectorContext())).toEqual([]);
  });
});
