// Red flag (advisory; account-sharing and credential-resale investigations): consecutive logins from
// places no one could travel between in the time — one persona, several operators. Distances are
// taken beyond both locations' accuracy radii, short hops are ignored (city-level geolocation jitters)
// and a plane (~900 km/h) is allowed. An anonymiser on either side proves nothing about travel: that
// is the network detector's reason, so such points are skipped.

import type { LocationPoint } from '../account-features';
import { distanceBeyondAccuracyKm } from '../geo-distance';
import { locatesPerson } from '../ip-category';
import { type Detector, weighReason } from '../reason';

export const MAX_PLAUSIBLE_SPEED_KMH = 900;
export const MIN_TRAVEL_DISTANCE_KM = 500;

type LocatedPoint = LocationPoint & { latitude: number; longitude: number };

export const detectImpossibleTravel: Detector = (features, { policy }) => {
  const located = features.sessions.recentPoints
    .filter((point): point is LocatedPoint => point.latitude !== undefined && point.longitude !== undefined && locatesPerson(point.categoryMask))
    .sort((a, b) => a.at - b.at || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));

  const jumps: { from: string; to: string; km: number; hours: number; kmh: number }[] = [];
  for (let index = 1; index < located.length; index++) {
    const [from, to] = [located[index - 1], located[index]];
    const km = distanceBeyondAccuracyKm(from, to);
    if (km <= MIN_TRAVEL_DISTANCE_KM) continue;
    const hours = (to.at - from.at) / 3_600_000;
    const kmh = hours > 0 ? km / hours : Number.POSITIVE_INFINITY;
    if (kmh > MAX_PLAUSIBLE_SPEED_KMH) {
      jumps.push({ from: from.country ?? '?', to: to.country ?? '?', km: Math.round(km), hours: Math.round(hours * 100) / 100, kmh: Math.round(Math.min(kmh, 1e6)) });
    }
  }
  if (jumps.length === 0) return [];
  const worst = jumps.reduce((a, b) => (b.kmh > a.kmh ? b : a));
  return weighReason(
    policy,
    'IMPOSSIBLE_TRAVEL',
    jumps.length >= 2 ? 1 : 0.75,
    `${jumps.length} impossible journey(s), worst ${worst.from}→${worst.to} ${worst.km} km in ${worst.hours} h`,
    { journeys: jumps.length, worstKm: worst.km, worstHours: worst.hours, worstSpeedKmh: worst.kmh, route: [worst.from, worst.to] },
  );
};
