// Red flag (advisory; Okta): one persona operated by several people — sessions open at the same
// time on different devices, from networks hundreds of kilometres apart. A household or coworking
// space shares the network (no distance); a phone on mobile data geolocates to a distant carrier
// gateway, so only sessions whose IP locates the person count.

import type { AccountFeatures, LocationPoint } from '../account-features';
import { distanceBeyondAccuracyKm } from '../geo-distance';
import { locatesPerson } from '../ip-category';
import { type Detector, weighReason } from '../reason';

const MIN_DISTANCE_KM = 300;
/** A session with no later activity is assumed open this long. */
const DEFAULT_SESSION_MS = 15 * 60_000;

interface SessionSpan {
  point: LocationPoint & { latitude: number; longitude: number; deviceHash: number };
  start: number;
  end: number;
}

export function sessionSpans(features: AccountFeatures): SessionSpan[] {
  const lastSeen = new Map(features.sessions.lastSeen);
  return features.sessions.recentPoints
    .filter(
      (point): point is SessionSpan['point'] =>
        point.source === 'session' &&
        point.deviceHash !== undefined &&
        point.latitude !== undefined &&
        point.longitude !== undefined &&
        locatesPerson(point.categoryMask),
    )
    .map((point) => ({ point, start: point.at, end: Math.max(point.at + DEFAULT_SESSION_MS, lastSeen.get(point.sessionHash) ?? 0) }));
}

export const detectConcurrentSessions: Detector = (features, { policy }) => {
  const spans = sessionSpans(features);
  const overlaps: { countries: string; distanceKm: number }[] = [];
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const [a, b] = [spans[i], spans[j]];
      if (a.point.sessionHash === b.point.sessionHash || a.point.deviceHash === b.point.deviceHash) continue;
      if (a.start >= b.end || b.start >= a.end) continue;
      const distance = distanceBeyondAccuracyKm(a.point, b.point);
      if (distance >= MIN_DISTANCE_KM) {
        overlaps.push({ countries: [a.point.country ?? '?', b.point.country ?? '?'].sort().join('/'), distanceKm: Math.round(distance) });
      }
    }
  }
  if (overlaps.length === 0) return [];
  const farthest = Math.max(...overlaps.map((overlap) => overlap.distanceKm));
  return weighReason(
    policy,
    'CONCURRENT_DISTANT_SESSIONS',
    overlaps.length >= 2 ? 1 : 0.7,
    `${overlaps.length} pair(s) of simultaneous sessions on different devices up to ${farthest} km apart`,
    { overlappingPairs: overlaps.length, farthestKm: farthest, countryPairs: [...new Set(overlaps.map((o) => o.countries))].sort() },
  );
};
