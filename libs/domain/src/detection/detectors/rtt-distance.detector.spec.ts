import { detectorContext, featuresOf, HOUR, ipInfoAt, PLACES, registration, session, T0 } from '../observation.fixtures';
import type { IpCategory } from '../observation.types';
import { detectRttDistance, plausibleRttCeilingMs } from './rtt-distance.detector';

function claimingUsWithRtts(rtts: number[], categories: IpCategory[] = ['vpn']) {
  return featuresOf([registration(), ...rtts.map((rttMs, index) => session(T0 + index * HOUR, PLACES.newYork, { rttMs, ipInfo: ipInfoAt(PLACES.newYork, categories) }))]);
}

describe('detectRttDistance', () => {
  it('reports a US VPN exit with trans-Pacific round trips (the real client is far behind it)', () => {
    const [reason] = detectRttDistance(claimingUsWithRtts([280, 310, 295, 60]), detectorContext());
    expect(reason).toMatchObject({ code: 'RTT_TOO_HIGH_FOR_LOCATION', family: 'location' });
    expect(reason.evidence).toMatchObject({ medianRttMs: 295 });
  });

  it('does not report a privacy VPN user at home: the exit is near, the round trip short', () => {
    expect(detectRttDistance(claimingUsWithRtts([45, 60, 52, 80]), detectorContext())).toEqual([]);
  });

  it('leaves out mobile and Private Relay sessions, whose latency is their own', () => {
    expect(detectRttDistance(claimingUsWithRtts([300, 320, 310], ['mobile']), detectorContext())).toEqual([]);
    expect(detectRttDistance(claimingUsWithRtts([300, 320, 310], ['relay']), detectorContext())).toEqual([]);
  });

  it('allows more time for a less precisely located address', () => {
    expect(plausibleRttCeilingMs(1000)).toBeGreaterThan(plausibleRttCeilingMs(10));
  });
});
