import { ACCOUNT, DAY, detectorContext, featuresOf, T0 } from '../observation.fixtures';
import type { TelemetryObservation } from '../observation.types';
import { detectRemoteControl } from './remote-control.detector';

function telemetry(overrides: Partial<TelemetryObservation>, at = T0 + 50 * DAY): TelemetryObservation {
  return { kind: 'telemetry', eventId: `t${at}${JSON.stringify(overrides)}`, accountId: ACCOUNT, occurredAt: at, ...overrides };
}

describe('detectRemoteControl', () => {
  it('reports remote-desktop tools, RDP listening and an IP-KVM (laptop farm)', () => {
    const features = featuresOf([telemetry({ remoteAccessTools: ['AnyDesk', 'teamviewer'], listeningPorts: [3389], ipKvmSuspected: true })]);
    const reasons = detectRemoteControl(features, detectorContext());
    expect(reasons.map((r) => r.code)).toEqual(['REMOTE_ACCESS_TOOLS', 'RDP_PORT_LISTENING', 'IP_KVM_SUSPECTED']);
    expect(reasons[0].evidence.tools).toEqual(['anydesk', 'teamviewer']);
  });

  it('weighs a single support tool low (common among IT people)', () => {
    const [reason] = detectRemoteControl(featuresOf([telemetry({ remoteAccessTools: ['teamviewer'] })]), detectorContext());
    expect(reason.weight).toBeLessThan(10);
  });

  it('forgets telemetry older than 90 days', () => {
    const features = featuresOf([telemetry({ remoteAccessTools: ['anydesk'], listeningPorts: [3389] }, T0 - 60 * DAY)]);
    expect(detectRemoteControl(features, detectorContext())).toEqual([]);
  });
});
