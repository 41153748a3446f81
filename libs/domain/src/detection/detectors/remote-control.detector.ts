// Red flag (FBI/DOJ laptop-farm cases 2024–25; Mandiant): the company laptop sits with a US
// facilitator and is driven from abroad through remote-desktop software (AnyDesk, TeamViewer,
// Chrome Remote Desktop, RustDesk), RDP on port 3389, or an IP-KVM plugged into it.
// One support tool on its own is common among IT people: it is weighed low; several, RDP or a KVM are not.

import { type Detector, type Reason, weighReason } from '../reason';

/** Telemetry older than this no longer describes the machine. */
const RECENT_TELEMETRY_MS = 90 * 24 * 3_600_000;
const RDP_PORT = 3389;

export const detectRemoteControl: Detector = (features, { policy, now }) => {
  const isRecent = (at: number) => now - at <= RECENT_TELEMETRY_MS;
  const tools = features.remoteAccess.tools.filter((tool) => isRecent(tool.lastSeenAt)).map((tool) => tool.key).sort();
  const ports = features.remoteAccess.ports.filter((port) => isRecent(port.lastSeenAt)).map((port) => port.port).sort((a, b) => a - b);
  const reasons: Reason[] = [];
  if (tools.length > 0) {
    reasons.push(
      ...weighReason(policy, 'REMOTE_ACCESS_TOOLS', Math.min(1, 0.3 + 0.3 * tools.length), `remote-access software on the device: ${tools.join(', ')}`, {
        tools,
        listeningPorts: ports,
      }),
    );
  }
  if (ports.includes(RDP_PORT)) {
    reasons.push(...weighReason(policy, 'RDP_PORT_LISTENING', 1, 'the device accepts remote-desktop (RDP) connections on port 3389', { port: RDP_PORT }));
  }
  const kvmAt = features.remoteAccess.ipKvmLastSuspectedAt;
  if (kvmAt !== null && isRecent(kvmAt)) {
    reasons.push(
      ...weighReason(policy, 'IP_KVM_SUSPECTED', 1, 'an IP-KVM appears to be attached to the device', { lastSuspectedAt: new Date(kvmAt).toISOString() }),
    );
  }
  return reasons;
};
