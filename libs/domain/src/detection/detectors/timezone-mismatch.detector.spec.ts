import { detectorContext, featuresOf, HOUR, ipInfoAt, PLACES, registration, session, T0 } from '../observation.fixtures';
import type { SessionObservation } from '../observation.types';
import { detectTimezoneMismatch } from './timezone-mismatch.detector';

function claimingNewYork(sessions: Partial<SessionObservation>[]) {
  return featuresOf([registration(), ...sessions.map((overrides, index) => session(T0 + index * HOUR, PLACES.newYork, overrides))]);
}

describe('detectTimezoneMismatch', () => {
  it('reports a browser on China time behind a US VPN exit at full strength', () => {
    const vpnInNewYork = ipInfoAt(PLACES.newYork, ['vpn']);
    const features = claimingNewYork([1, 2, 3].map(() => ({ browserTimezone: 'Asia/Shanghai', ipInfo: vpnInNewYork })));
    const [reason] = detectTimezoneMismatch(features, detectorContext());
    expect(reason).toMatchObject({ code: 'BROWSER_TIMEZONE_MISMATCH', weight: 20 });
    expect(reason.evidence).toMatchObject({ browserOffsets: ['UTC+08:00'], browserTimezonesSeen: ['Asia/Shanghai'], explainedByTravel: false });
  });

  it('does not report a traveller (digital nomad) whose browser follows the local network', () => {
    const inLondon = { browserTimezone: 'Europe/London', ipInfo: ipInfoAt(PLACES.london) };
    expect(detectTimezoneMismatch(claimingNewYork([inLondon, inLondon, inLondon]), detectorContext())).toEqual([]);
  });

  it('still reports a browser clock that disagrees with both the claim and the local network', () => {
    const chinaClockInLondon = { browserTimezone: 'Asia/Shanghai', ipInfo: ipInfoAt(PLACES.london) };
    const [reason] = detectTimezoneMismatch(claimingNewYork([chinaClockInLondon, chinaClockInLondon, chinaClockInLondon]), detectorContext());
    expect(reason).toMatchObject({ code: 'BROWSER_TIMEZONE_MISMATCH', weight: 20 });
  });

  it('compares offsets, not names', () => {
    const detroit = { browserTimezone: 'America/Detroit' };
    expect(detectTimezoneMismatch(claimingNewYork([detroit, detroit, detroit]), detectorContext())).toEqual([]);
  });

  it('needs a few sessions before it says anything', () => {
    expect(detectTimezoneMismatch(claimingNewYork([{ browserTimezone: 'Asia/Shanghai' }]), detectorContext())).toEqual([]);
  });
});
