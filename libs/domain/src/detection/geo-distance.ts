const EARTH_RADIUS_KM = 6371.0088;

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** Great-circle distance (haversine), accurate to well under 1 % for travel-speed checks. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const toRadians = Math.PI / 180;
  const deltaLatitude = (b.latitude - a.latitude) * toRadians;
  const deltaLongitude = (b.longitude - a.longitude) * toRadians;
  const h =
    Math.sin(deltaLatitude / 2) ** 2 +
    Math.cos(a.latitude * toRadians) * Math.cos(b.latitude * toRadians) * Math.sin(deltaLongitude / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Distance that is certain given both locations' accuracy radii: IP geolocation is a circle,
 * not a point, so two circles that overlap prove no movement at all.
 */
export function distanceBeyondAccuracyKm(
  a: GeoPoint & { accuracyRadiusKm?: number },
  b: GeoPoint & { accuracyRadiusKm?: number },
): number {
  return Math.max(0, distanceKm(a, b) - (a.accuracyRadiusKm ?? 0) - (b.accuracyRadiusKm ?? 0));
}
