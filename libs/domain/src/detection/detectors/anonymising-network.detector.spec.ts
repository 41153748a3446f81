import { detectorContext, featuresOf, HOUR, ipInfoAt, PLACES, session, T0 } from '../observation.fixtures';
import type { IpCategory } from '../observation.types';
import { detectAnonymisingNetwork } from './anonymising-network.detector';

function sessionsBehind(categoriesPerSession: IpCategory[][]) {
  return featuresOf(categoriesPerSession.map((categories, index) => session(T0 + index * HOUR, PLACES.newYork, { ipInfo: ipInfoAt(PLACES.newYork, categories) })));
}

describe('detectAnonymisingNetwork', () => {
  it('reports an account that lives behind VPN and hosting exits, weighted by the share', () => {
    const features = sessionsBehind([['vpn'], ['vpn'], ['hosting'], ['vpn'], []]);
    const [reason] = detectAnonymisingNetwork(features, detectorContext());
    expect(reason).toMatchObject({ code: 'ANONYMISING_NETWORK', family: 'network', weight: 16 });
    expect(reason.evidence).toMatchObject({ anonymisedShare: 0.8, vpnShare: 0.6 });
  });

  it('reports Tor and known-bad addresses separately', () => {
    const codes = detectAnonymisingNetwork(sessionsBehind([['tor'], [], [], ['known-bad']]), detectorContext()).map((r) => r.code);
    expect(codes).toEqual(['TOR_NETWORK', 'KNOWN_BAD_NETWORK']);
  });

  it('ignores one VPN session among many (hotel Wi-Fi)', () => {
    expect(detectAnonymisingNetwork(sessionsBehind([['vpn'], [], [], [], [], [], []]), detectorContext())).toEqual([]);
  });

  it('treats Apple Private Relay and mobile carriers (CGNAT) as context, not evidence', () => {
    expect(detectAnonymisingNetwork(sessionsBehind([['relay'], ['relay'], ['relay'], ['relay']]), detectorContext())).toEqual([]);
    expect(detectAnonymisingNetwork(sessionsBehind([['mobile'], ['mobile'], ['mobile']]), detectorContext())).toEqual([]);
  });
});
