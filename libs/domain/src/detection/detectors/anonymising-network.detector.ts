// Red flag (State/Treasury/FBI advisory, May 2022; Mandiant, Okta): DPRK IT workers log in through
// VPNs (Astrill above all), VPS/hosting exits, proxies and Tor to look like they are where they claim.
// A share, not a single hit: one hotel-Wi-Fi VPN session is noise, living behind one is a pattern —
// and still only one family of evidence, so a privacy-minded VPN user never goes beyond LOW/MEDIUM.
// Apple Private Relay and mobile carriers are reported as context only.

import type { AccountFeatures } from '../account-features';
import { hasCategory } from '../ip-category';
import { type Detector, percent, type Reason, weighReason } from '../reason';

const MIN_SESSIONS = 3;
const MIN_ANONYMISED_SHARE = 0.2;

export const detectAnonymisingNetwork: Detector = (features: AccountFeatures, { policy }): Reason[] => {
  const sample = features.sessions.sample;
  if (sample.length < MIN_SESSIONS) return [];
  const shareOf = (predicate: (mask: number) => boolean) => sample.filter(([, mask]) => predicate(mask)).length / sample.length;

  // Tor has a reason of its own; counting it here too would say the same thing twice.
  const anonymisedShare = shareOf((mask) => hasCategory(mask, 'vpn') || hasCategory(mask, 'proxy') || hasCategory(mask, 'hosting'));
  const torShare = shareOf((mask) => hasCategory(mask, 'tor'));
  const knownBadShare = shareOf((mask) => hasCategory(mask, 'known-bad'));
  const context = {
    sessionsSampled: sample.length,
    relayShare: round(shareOf((mask) => hasCategory(mask, 'relay'))),
    mobileShare: round(shareOf((mask) => hasCategory(mask, 'mobile'))),
  };

  const reasons: Reason[] = [];
  if (anonymisedShare >= MIN_ANONYMISED_SHARE) {
    reasons.push(
      ...weighReason(
        policy,
        'ANONYMISING_NETWORK',
        anonymisedShare,
        `${percent(anonymisedShare)} of sessions come through VPN, proxy or hosting networks`,
        {
          ...context,
          anonymisedShare: round(anonymisedShare),
          vpnShare: round(shareOf((mask) => hasCategory(mask, 'vpn'))),
          hostingShare: round(shareOf((mask) => hasCategory(mask, 'hosting'))),
          proxyShare: round(shareOf((mask) => hasCategory(mask, 'proxy'))),
        },
      ),
    );
  }
  if (torShare > 0) {
    reasons.push(
      ...weighReason(policy, 'TOR_NETWORK', Math.max(0.5, torShare), `${percent(torShare)} of sessions come through Tor`, {
        ...context,
        torShare: round(torShare),
      }),
    );
  }
  if (knownBadShare > 0) {
    reasons.push(
      ...weighReason(
        policy,
        'KNOWN_BAD_NETWORK',
        Math.max(0.6, knownBadShare),
        `${percent(knownBadShare)} of sessions come from addresses on a known-bad list`,
        { ...context, knownBadShare: round(knownBadShare) },
      ),
    );
  }
  return reasons;
};

function round(share: number): number {
  return Math.round(share * 1000) / 1000;
}
