import { detectorContext, featuresOf, HOUR, ipInfoAt, PLACES, session, T0 } from '../observation.fixtures';
import { detectImpossibleTravel } from './impossible-travel.detector';

describe('detectImpossibleTravel', () => {
  it('reports New York then Shenyang two hours later', () => {
    const features = featuresOf([session(T0, PLACES.newYork), session(T0 + 2 * HOUR, PLACES.shenyang)]);
    const [reason] = detectImpossibleTravel(features, detectorContext());
    expect(reason).toMatchObject({ code: 'IMPOSSIBLE_TRAVEL', family: 'account-sharing' });
    expect(reason.evidence).toMatchObject({ route: ['US', 'CN'], journeys: 1 });
    expect(reason.evidence.worstSpeedKmh).toBeGreaterThan(900);
  });

  it('does not report a digital nomad flying New York → London → Lisbon', () => {
    const features = featuresOf([
      session(T0, PLACES.newYork),
      session(T0 + 8 * HOUR, PLACES.london), // ~5,570 km in 8 h ≈ 700 km/h
      session(T0 + 11 * HOUR, PLACES.lisbon), // ~1,580 km in 3 h
    ]);
    expect(detectImpossibleTravel(features, detectorContext())).toEqual([]);
  });

  it('leaves a VPN on either side to the network detector', () => {
    const features = featuresOf([session(T0, PLACES.newYork), session(T0 + HOUR, PLACES.london, { ipInfo: ipInfoAt(PLACES.london, ['vpn']) })]);
    expect(detectImpossibleTravel(features, detectorContext())).toEqual([]);
  });

  it('ignores jumps within the accuracy radii or under 500 km', () => {
    const vague = featuresOf([session(T0, PLACES.newYork, { ipInfo: ipInfoAt(PLACES.newYork, [], 600) }), session(T0 + 10 * 60_000, PLACES.chicago, { ipInfo: ipInfoAt(PLACES.chicago, [], 600) })]);
    expect(detectImpossibleTravel(vague, detectorContext())).toEqual([]);
  });
});
