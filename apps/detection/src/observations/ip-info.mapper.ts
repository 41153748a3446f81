import type { IpInfo } from '@tns/domain/detection';
import type { IpIntel } from '@tns/ip-intel';

/** The detection view of an IP-intel answer (same fields, categories kept as given, absent fields left out). */
export function ipInfoFromIntel(intel: IpIntel): IpInfo {
  const info: { -readonly [K in keyof IpInfo]: IpInfo[K] } = { categories: [...intel.categories] };
  if (intel.country !== undefined) info.country = intel.country;
  if (intel.city !== undefined) info.city = intel.city;
  if (intel.latitude !== undefined) info.latitude = intel.latitude;
  if (intel.longitude !== undefined) info.longitude = intel.longitude;
  if (intel.accuracyRadiusKm !== undefined) info.accuracyRadiusKm = intel.accuracyRadiusKm;
  if (intel.timezone !== undefined) info.timezone = intel.timezone;
  if (intel.asn !== undefined) info.asn = intel.asn;
  if (intel.asOrganisation !== undefined) info.asOrganisation = intel.asOrganisation;
  return info;
}
