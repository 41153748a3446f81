import tzLookup from '@photostructure/tz-lookup';
import { singleTimeZoneOfCountry } from './country-time-zones';

export interface TimeZoneEvidence {
  readonly timezone?: string;
  readonly latitude?: number;
  readonly longitude?: number;
  readonly country?: string;
}

/**
 * The database's zone when it has one; else the zone at the coordinates; else the zone of a
 * single-zone country. A coordinate zone that is only a sea offset ("Etc/GMT-3") loses to a
 * country zone, since geolocation centroids sometimes land just off the coast.
 */
export function resolveTimeZone(evidence: TimeZoneEvidence): string | undefined {
  if (evidence.timezone) return evidence.timezone;
  const countryZone = evidence.country ? singleTimeZoneOfCountry(evidence.country) : undefined;
  const coordinateZone = zoneAtCoordinates(evidence.latitude, evidence.longitude);
  if (coordinateZone && !(coordinateZone.startsWith('Etc/') && countryZone)) return coordinateZone;
  return countryZone ?? coordinateZone;
}

/**
 * tz-lookup costs tens of microseconds, many times the rest of a lookup, while databases repeat
 * the same city coordinates endlessly: memoise by coordinates rounded to 1e-4° (~11 m, far below
 * any zone border precision), under a numeric key (string keys cost more than the lookup saves
 * on a memo hit). The memo starts afresh when full.
 */
const MAX_MEMOISED_COORDINATES = 200_000;
const zoneByCoordinates = new Map<number, string | undefined>();

function zoneAtCoordinates(latitude: number | undefined, longitude: number | undefined): string | undefined {
  if (latitude === undefined || longitude === undefined) return undefined;
  const key = (Math.round(latitude * 1e4) + 1e6) * 4e6 + (Math.round(longitude * 1e4) + 2e6);
  const memoised = zoneByCoordinates.get(key);
  if (memoised !== undefined || zoneByCoordinates.has(key)) return memoised;
  if (zoneByCoordinates.size >= MAX_MEMOISED_COORDINATES) zoneByCoordinates.clear();
  const zone = lookUpZone(latitude, longitude);
  zoneByCoordinates.set(key, zone);
  return zone;
}

function lookUpZone(latitude: number, longitude: number): string | undefined {
  try {
    return tzLookup(latitude, longitude);
  } catch {
    return undefined; // out-of-range coordinates in a source: no zone rather than a failed lookup
  }
}
