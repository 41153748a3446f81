import { detectorContext, featuresOf, HOUR, ipInfoAt, PLACES, registration, session, T0, type Place } from '../observation.fixtures';
import type { IpCategory } from '../observation.types';
import { detectIpCountryMismatch } from './ip-country-mismatch.detector';

function claimingUsFrom(places: Place[], categories: IpCategory[] = []) {
  return featuresOf([registration(), ...places.map((place, index) => session(T0 + index * HOUR, place, { ipInfo: ipInfoAt(place, categories) }))]);
}

describe('detectIpCountryMismatch', () => {
  it('reports a claimed US freelancer connecting from China at full strength', () => {
    const [reason] = detectIpCountryMismatch(claimingUsFrom([PLACES.shenyang, PLACES.shenyang, PLACES.shenyang, PLACES.newYork]), detectorContext());
    expect(reason).toMatchObject({ code: 'IP_COUNTRY_MISMATCH', family: 'location', weight: 25 });
    expect(reason.evidence).toMatchObject({ claimedCountry: 'US', ipCountries: ['CN'] });
  });

  it('does not report a holiday abroad among sessions at home', () => {
    expect(detectIpCountryMismatch(claimingUsFrom([PLACES.newYork, PLACES.newYork, PLACES.newYork, PLACES.london, PLACES.london]), detectorContext())).toEqual([]);
  });

  it('leaves VPN exits abroad to the network detector', () => {
    expect(detectIpCountryMismatch(claimingUsFrom([PLACES.london, PLACES.london, PLACES.london], ['vpn']), detectorContext())).toEqual([]);
  });

  it('weighs a long stay in an ordinary country below full strength (digital nomad)', () => {
    const [reason] = detectIpCountryMismatch(claimingUsFrom([PLACES.lisbon, PLACES.lisbon, PLACES.lisbon, PLACES.lisbon]), detectorContext());
    expect(reason.weight).toBe(20);
  });
});
