import { activity, detectorContext, featuresOf, ipInfoAt, PLACES, session, T0 } from '../observation.fixtures';
import { detectConcurrentSessions } from './concurrent-sessions.detector';

const MINUTE = 60_000;

describe('detectConcurrentSessions', () => {
  it('reports simultaneous sessions on two devices in New York and Los Angeles', () => {
    const features = featuresOf([
      session(T0, PLACES.newYork, { sessionId: 'a', deviceKey: 'laptop-1' }),
      activity(T0 + 50 * MINUTE, 45, { sessionId: 'a' }),
      session(T0 + 20 * MINUTE, PLACES.losAngeles, { sessionId: 'b', deviceKey: 'laptop-2' }),
    ]);
    const [reason] = detectConcurrentSessions(features, detectorContext());
    expect(reason).toMatchObject({ code: 'CONCURRENT_DISTANT_SESSIONS', family: 'account-sharing', weight: 25 });
    expect(reason.evidence.farthestKm).toBeGreaterThan(3000);
  });

  it('does not report a household or coworking space: two devices, one network', () => {
    const features = featuresOf([
      session(T0, PLACES.newYork, { deviceKey: 'laptop-1' }),
      session(T0 + 5 * MINUTE, PLACES.newYork, { deviceKey: 'laptop-2' }),
    ]);
    expect(detectConcurrentSessions(features, detectorContext())).toEqual([]);
  });

  it('does not report a phone on mobile data whose carrier gateway is far away', () => {
    const features = featuresOf([
      session(T0, PLACES.newYork, { deviceKey: 'laptop' }),
      session(T0 + 5 * MINUTE, PLACES.chicago, { deviceKey: 'phone', ipInfo: ipInfoAt(PLACES.chicago, ['mobile']) }),
    ]);
    expect(detectConcurrentSessions(features, detectorContext())).toEqual([]);
  });

  it('does not report sessions that follow each other', () => {
    const features = featuresOf([
      session(T0, PLACES.newYork, { deviceKey: 'laptop-1' }),
      session(T0 + 12 * 60 * MINUTE, PLACES.losAngeles, { deviceKey: 'laptop-2' }),
    ]);
    expect(detectConcurrentSessions(features, detectorContext())).toEqual([]);
  });
});
