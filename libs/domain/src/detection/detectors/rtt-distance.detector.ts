// Red flag (laptop-farm and VPN investigations): a connection that geolocates to the claimed country
// but whose round-trip time is far longer than that distance allows has another hop behind it — a
// tunnel to the other side of the world. This is what separates a privacy VPN user at home (VPN exit
// nearby, short RTT) from a worker in Asia using a US exit.
// Mobile and Private Relay sessions are left out: radio links and relays add their own latency.

import { hasCategory } from '../ip-category';
import { type Detector, weighReason } from '../reason';

const MIN_SAMPLES = 3;
/** Generous ceiling: last-mile and queueing budget plus ~1 ms per 50 km of (inflated) fibre path. */
const BASE_RTT_BUDGET_MS = 150;
const KM_PER_MS = 50;

export function plausibleRttCeilingMs(distanceKm: number): number {
  return BASE_RTT_BUDGET_MS + distanceKm / KM_PER_MS;
}

export const detectRttDistance: Detector = (features, { policy }) => {
  const claimedCountry = features.claimed.country?.value;
  if (!claimedCountry) return [];
  // Without coordinates for the claim, "IP in the claimed country" bounds the distance by the IP's
  // accuracy radius; sessions geolocated abroad are the country-mismatch detector's business.
  const samples = features.sessions.recentPoints.filter(
    (point) =>
      point.rttMs !== undefined &&
      point.country === claimedCountry &&
      !hasCategory(point.categoryMask, 'mobile') &&
      !hasCategory(point.categoryMask, 'relay'),
  );
  if (samples.length < MIN_SAMPLES) return [];
  const excess = samples.map((point) => (point.rttMs as number) - plausibleRttCeilingMs(point.accuracyRadiusKm ?? 0)).sort((a, b) => a - b);
  const medianExcess = excess[Math.floor(excess.length / 2)];
  if (medianExcess <= 0) return [];
  const rtts = samples.map((point) => point.rttMs as number).sort((a, b) => a - b);
  const medianRtt = rtts[Math.floor(rtts.length / 2)];
  return weighReason(
    policy,
    'RTT_TOO_HIGH_FOR_LOCATION',
    0.5 + medianExcess / 200,
    `median round trip of ${medianRtt} ms is too long for a connection located in the claimed ${claimedCountry}`,
    { claimedCountry, medianRttMs: medianRtt, medianExcessMs: Math.round(medianExcess), samples: samples.length },
  );
};
